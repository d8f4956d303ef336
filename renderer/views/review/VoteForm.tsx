/** The current reviewer's vote on the claim in hand: cast, change, or withdraw it. */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ReviewItem, Verdict } from '../../../shared/domain';
import { call } from '../../services/api';
import { VerdictChoice } from '../../components/VerdictChoice';

interface Props {
  readonly sessionId: number;
  readonly item: ReviewItem;
  readonly verdicts: readonly Verdict[];
  /** A verdict chosen with a number key in the session screen. */
  readonly picked: { readonly verdictId: number; readonly at: number } | null;
  readonly onCast: (message: string) => Promise<void>;
}

/** The vote form. */
export function VoteForm({ sessionId, item, verdicts, picked, onCast }: Props) {
  const id = useId();
  const mine = item.myVote;
  const [verdictId, setVerdictId] = useState<number | null>(mine?.verdictId ?? null);
  const [confidence, setConfidence] = useState(mine?.confidence ?? 50);
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (picked) setVerdictId(picked.verdictId);
  }, [picked]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (verdictId === null) return setError('Choose a verdict first.');
    setBusy(true);
    const result = await call('review:vote', { sessionId, claimId: item.claimId, vote: { verdictId, confidence, comment: comment.trim() === '' ? null : comment } });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    await onCast(mine ? 'Vote changed.' : 'Vote cast.');
  }

  async function withdraw() {
    setBusy(true);
    const result = await call('review:withdraw', { sessionId, claimId: item.claimId });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    await onCast('Vote withdrawn (it can be restored from the History).');
  }

  return (
    <form className="review-vote" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)}>
      <h5 id={`${id}-title`}>{mine ? 'Your vote' : 'Cast your vote'}</h5>
      <VerdictChoice className="review-verdict" legend="Your verdict" verdicts={verdicts} verdictId={verdictId} confidence={confidence} onVerdict={setVerdictId} onConfidence={setConfidence} />
      <label>
        Comment
        <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} maxLength={5000} placeholder="What your vote rests on (optional)" />
      </label>
      {error && <p role="alert">{error}</p>}
      <div className="review-buttons">
        <button type="submit" className="primary" disabled={busy}>
          {mine ? 'Change vote' : 'Cast vote'}
        </button>
        {mine && (
          <button type="button" onClick={() => void withdraw()} disabled={busy}>
            Withdraw vote
          </button>
        )}
      </div>
    </form>
  );
}
