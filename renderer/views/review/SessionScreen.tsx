/**
 * One review session as the current reviewer sees it: the queue (disagreements listed first),
 * the claim in hand with the reviewer's vote, the others' votes (withheld by main in a blind
 * session until the reviewer has voted), the lead's sign-off, the claim's discussion, and the
 * agreement on verdicts with the counts behind it.
 *
 * Keyboard: J or ↓ next claim, K or ↑ previous, 1–9 choose that verdict for your vote (outside
 * text fields); Enter in the vote form casts it. The lead moves the claim in hand up or down the
 * queue with Alt+↑ / Alt+↓.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ReviewItem, ReviewSessionDetail, Verdict } from '../../../shared/domain';
import { call } from '../../services/api';
import type { ViewProps } from '../view-props';
import { AgreementPanel } from './AgreementPanel';
import { ClaimThread } from './ClaimThread';
import { DecisionForm } from './DecisionForm';
import { VoteForm } from './VoteForm';
import { VotesList } from './VotesList';

interface Props {
  readonly sessionId: number;
  readonly verdicts: readonly Verdict[];
  readonly onOpenClaim: ViewProps['onOpenClaim'];
  readonly onChanged: () => void;
  readonly notify: ViewProps['notify'];
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** The screen of one session. */
export function SessionScreen({ sessionId, verdicts, onOpenClaim, onChanged, notify }: Props) {
  const [detail, setDetail] = useState<ReviewSessionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [currentId, setCurrentId] = useState<number | null>(null);
  const [pickedVerdict, setPickedVerdict] = useState<{ verdictId: number; at: number } | null>(null);
  const queueRef = useRef<HTMLOListElement>(null);

  const load = useCallback(async () => {
    const result = await call('review:detail', { id: sessionId });
    if (!result.ok) return setError(`Could not read the session: ${result.error.message}`);
    setError(null);
    setDetail(result.value);
    setCurrentId((id) => id ?? result.value.items.find((i) => i.decision === null && i.myVote === null)?.claimId ?? result.value.items[0]?.claimId ?? null);
  }, [sessionId]);
  useEffect(() => void load(), [load]);

  const changed = useCallback(async () => {
    await load();
    onChanged();
  }, [load, onChanged]);

  const verdictById = useMemo(() => new Map(verdicts.map((v) => [v.id, v])), [verdicts]);
  const items = detail?.items ?? [];
  const current = items.find((i) => i.claimId === currentId) ?? null;
  const numberOf = (item: ReviewItem) => items.indexOf(item) + 1;
  const disagreements = items.filter((i) => i.disagreement && i.decision === null);
  const live = verdicts;

  function step(delta: number) {
    if (items.length === 0) return;
    const index = Math.max(0, items.findIndex((i) => i.claimId === currentId));
    const next = items[Math.min(items.length - 1, Math.max(0, index + delta))]!;
    setCurrentId(next.claimId);
    queueRef.current?.querySelector<HTMLElement>(`[data-claim-id="${next.claimId}"]`)?.scrollIntoView({ block: 'nearest' });
  }

  async function move(delta: -1 | 1) {
    if (currentId === null) return;
    const result = await call('review:move', { sessionId, claimId: currentId, delta });
    if (!result.ok) return notify(result.error.message);
    setDetail(result.value);
    onChanged();
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const target = event.target as HTMLElement;
    if (TYPING.has(target.tagName) || target.isContentEditable || event.ctrlKey || event.metaKey) return;
    if (event.altKey) {
      if (detail?.isLead && detail.session.closedAt === null && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
        event.preventDefault();
        void move(event.key === 'ArrowUp' ? -1 : 1);
      }
      return;
    }
    if (event.key === 'j' || event.key === 'ArrowDown') {
      event.preventDefault();
      step(1);
    } else if (event.key === 'k' || event.key === 'ArrowUp') {
      event.preventDefault();
      step(-1);
    } else if (/^[1-9]$/.test(event.key)) {
      const verdict = live[Number(event.key) - 1];
      if (verdict) {
        event.preventDefault();
        setPickedVerdict({ verdictId: verdict.id, at: Date.now() });
      }
    }
  }

  async function setClosed(closed: boolean) {
    const result = await call(closed ? 'review:close' : 'review:reopen', { id: sessionId });
    notify(result.ok ? (closed ? 'Session closed.' : 'Session reopened.') : result.error.message);
    await changed();
  }

  async function saveMinutes(format: 'markdown' | 'pdf') {
    const result = await call('review:saveMinutes', { sessionId, format });
    if (!result.ok) return notify(`Could not save the minutes: ${result.error.message}`);
    if (result.value) notify(`Minutes saved to ${result.value.path}`);
  }

  if (error) return <p role="alert">{error}</p>;
  if (!detail) return <p className="hint" aria-busy="true">Reading the session…</p>;
  const { session, agreement, isLead } = detail;
  const closed = session.closedAt !== null;
  const verdictLabel = (id: number) => verdictById.get(id)?.label ?? `Verdict #${id}`;

  return (
    <div className="lib-detail-body review-session" onKeyDown={onKeyDown}>
      <header className="review-header">
        <h3 className="review-title">{session.title}</h3>
        <p className="hint">
          Led by {session.lead.name}
          {isLead ? ' (you)' : ''} · started {new Date(session.createdAt).toLocaleString()} · {session.blind ? 'blind: votes are shown once you have cast yours' : 'open: votes are shown as they are cast'}
          {closed ? ` · closed ${new Date(session.closedAt!).toLocaleString()}` : ''}
        </p>
        <div className="review-actions" role="toolbar" aria-label="Session actions">
          {isLead && (
            <button type="button" onClick={() => void setClosed(!closed)}>
              {closed ? 'Reopen session' : 'Close session'}
            </button>
          )}
          {(isLead || closed) && (
            <>
              <button type="button" onClick={() => void saveMinutes('markdown')}>
                Save minutes (Markdown)…
              </button>
              <button type="button" onClick={() => void saveMinutes('pdf')}>
                Save minutes (PDF)…
              </button>
            </>
          )}
        </div>
        {!isLead && !closed && <p className="hint">The minutes can be saved by the lead, or by anyone once the session is closed.</p>}
      </header>

      <AgreementPanel agreement={agreement} />

      <div className="review-columns">
        <nav className="review-queue" aria-label="Claims in this session">
          {disagreements.length > 0 && (
            <section aria-labelledby="review-disagreements">
              <h4 id="review-disagreements">Disagreements ({disagreements.length})</h4>
              <ul className="lib-list">
                {disagreements.map((item) => (
                  <li key={item.id}>
                    <button type="button" className="link-button" onClick={() => setCurrentId(item.claimId)}>
                      Claim {numberOf(item)}: “{clip(item.claim.exact, 50)}” — {(item.votes ?? []).map((v) => verdictLabel(v.verdictId)).join(' / ')}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <h4>Queue</h4>
          <p className="hint">J / K or ↓ / ↑ step through; 1–9 pick a verdict{isLead && !closed ? '; Alt+↑ / Alt+↓ move the claim in hand' : ''}.</p>
          <ol className="lib-list review-queue-list" ref={queueRef}>
            {items.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="lib-item"
                  data-claim-id={item.claimId}
                  aria-current={item.claimId === currentId}
                  onClick={() => setCurrentId(item.claimId)}
                >
                  <span className="lib-item-title">
                    {numberOf(item)}. “{clip(item.claim.exact, 70)}”
                  </span>
                  <span className="lib-item-meta">{queueState(item, verdictLabel)}</span>
                </button>
              </li>
            ))}
          </ol>
        </nav>

        {current && (
          <article className="review-claim" aria-labelledby="review-claim-title">
            <div className="review-claim-head">
              <h4 id="review-claim-title">
                Claim {numberOf(current)} of {items.length}
              </h4>
              {isLead && !closed && (
                <span className="review-move" role="group" aria-label="Priority">
                  <button type="button" onClick={() => void move(-1)} disabled={current === items[0]} aria-keyshortcuts="Alt+ArrowUp">
                    Move up
                  </button>
                  <button type="button" onClick={() => void move(1)} disabled={current === items[items.length - 1]} aria-keyshortcuts="Alt+ArrowDown">
                    Move down
                  </button>
                </span>
              )}
            </div>
            <blockquote className="review-quote">“{current.claim.exact}”</blockquote>
            <p className="hint">
              In <cite>{current.claim.documentTitle}</cite> · the desk’s verdict now:{' '}
              <span className={`verdict-chip cd-swatch-${current.claim.verdictId}`}>{verdictLabel(current.claim.verdictId)}</span> ({current.claim.confidence}%)
              {' · '}
              <button type="button" className="link-button" onClick={() => onOpenClaim({ id: current.claimId, documentId: current.claim.documentId })}>
                Show in the article
              </button>
            </p>

            {current.decision === null && !closed && (
              <VoteForm
                key={`vote-${current.claimId}`}
                sessionId={session.id}
                item={current}
                verdicts={live}
                picked={pickedVerdict}
                onCast={async (message) => {
                  notify(message);
                  await changed();
                }}
              />
            )}
            <VotesList item={current} blind={session.blind} verdictLabel={verdictLabel} />
            {current.decision !== null ? (
              <p className="review-decision" role="status">
                Signed off by {current.decision.by?.name ?? 'someone'} on {new Date(current.decision.at).toLocaleString()}:{' '}
                <strong>{verdictLabel(current.decision.verdictId)}</strong> ({current.decision.confidence}%)
                {current.decision.reason ? ` — “${current.decision.reason}”` : ''}
              </p>
            ) : (
              isLead &&
              !closed && (
                <DecisionForm
                  key={`decide-${current.claimId}-${current.voteCount}`}
                  sessionId={session.id}
                  item={current}
                  verdicts={live}
                  verdictLabel={verdictLabel}
                  onDecided={async (message) => {
                    notify(message);
                    await changed();
                    step(1);
                  }}
                />
              )
            )}
            <ClaimThread key={`thread-${current.claimId}`} claimId={current.claimId} sessionId={closed ? null : session.id} />
          </article>
        )}
      </div>
    </div>
  );
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** "Decided: False", "You voted · 2 votes", "3 votes, hidden until you vote". */
function queueState(item: ReviewItem, verdictLabel: (id: number) => string): string {
  if (item.decision) return `Decided: ${verdictLabel(item.decision.verdictId)}`;
  const votes = item.voteCount === 1 ? '1 vote' : `${item.voteCount} votes`;
  if (item.votes === null) return `${votes}, hidden until you vote`;
  const mine = item.myVote ? 'You voted · ' : '';
  return `${mine}${votes}${item.disagreement ? ' · disagreement' : ''}`;
}
