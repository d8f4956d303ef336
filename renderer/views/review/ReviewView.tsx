/**
 * The Review view: the project's review sessions in a column, the chosen one beside it. A
 * session is started from the claims panel (the claims the filters show); here reviewers step
 * through its queue, vote, discuss, and the lead signs each claim off.
 */
import { useCallback, useEffect, useState } from 'react';
import '../../styles/library-views.css';
import '../../styles/review.css';
import type { Profile, ReviewSession, Verdict } from '../../../shared/domain';
import { call } from '../../services/api';
import type { ViewProps } from '../view-props';
import { PackagePanel } from './PackagePanel';
import { SessionScreen } from './SessionScreen';

interface Props extends ViewProps {
  readonly verdicts: readonly Verdict[];
  /** Who is working: the session is read again as them when they switch. */
  readonly profile: Profile | null;
  /** The session to show first (one just started). */
  readonly initialSessionId: number | null;
}

/** The Review view. */
export function ReviewView({ verdicts, profile, initialSessionId, onOpenClaim, onDataChanged, notify }: Props) {
  const [sessions, setSessions] = useState<ReviewSession[] | null>(null);
  const [selected, setSelected] = useState<number | null>(initialSessionId);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await call('review:sessions', {});
    if (!result.ok) return setError(`Could not read the review sessions: ${result.error.message}`);
    setError(null);
    setSessions(result.value);
    setSelected((s) => s ?? result.value.find((x) => x.closedAt === null)?.id ?? result.value[0]?.id ?? null);
  }, []);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (initialSessionId !== null) setSelected(initialSessionId);
  }, [initialSessionId]);

  const changed = useCallback(() => {
    void load();
    onDataChanged();
  }, [load, onDataChanged]);

  return (
    <section className="view lib-view review-view" aria-labelledby="view-title">
      <div className="lib-column">
        <h2 id="view-title">Review</h2>
        <p className="hint">Start a session from the claims panel of an article (Review these claims…): it takes the claims your filters show.</p>
        {error && <p role="alert">{error}</p>}
        {sessions && sessions.length === 0 && <p className="hint lib-empty">No review sessions yet.</p>}
        <ul className="lib-list" aria-label="Review sessions">
          {(sessions ?? []).map((s) => (
            <li key={s.id}>
              <button type="button" className="lib-item" aria-current={s.id === selected} onClick={() => setSelected(s.id)}>
                <span className="lib-item-title">{s.title}</span>
                <span className="lib-item-meta">
                  {s.decidedCount} of {s.itemCount} decided · led by {s.lead.name}
                  {s.blind ? ' · blind' : ''}
                  {s.closedAt !== null ? ' · closed' : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <PackagePanel onDataChanged={changed} />
      </div>
      <div className="lib-detail">
        {selected !== null ? (
          <SessionScreen
            key={`${selected}-${profile?.id ?? 0}`}
            sessionId={selected}
            verdicts={verdicts}
            onOpenClaim={onOpenClaim}
            onChanged={changed}
            notify={notify}
          />
        ) : (
          <p className="hint lib-placeholder">Choose a session, or start one from an article’s claims panel.</p>
        )}
      </div>
    </section>
  );
}
