/**
 * The lead's sign-off on the claim in hand: the final verdict (the majority's, suggested) and
 * confidence, and — when it is not the majority's — the reason, which main requires.
 */
import { useId, useState, type FormEvent } from 'react';
import type { ReviewItem, Verdict } from '../../../shared/domain';
import { call } from '../../services/api';
import { VerdictChoice } from '../../components/VerdictChoice';

interface Props {
  readonly sessionId: number;
  readonly item: ReviewItem;
  readonly verdicts: readonly Verdict[];
  readonly verdictLabel: (id: number) => string;
  readonly onDecided: (message: string) => Promise<void>;
}

/** The sign-off form. */
export function DecisionForm({ sessionId, item, verdicts, verdictLabel, onDecided }: Props) {
  const id = useId();
  const majority = item.majorityVerdictIds;
  const [verdictId, setVerdictId] = useState<number | null>(majority.length === 1 ? majority[0]! : null);
  const [confidence, setConfidence] = useState(() => {
    const votes = item.votes ?? [];
    return votes.length === 0 ? item.claim.confidence : Math.round(votes.reduce((sum, v) => sum + v.confidence, 0) / votes.length / 5) * 5;
  });
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const againstMajority = verdictId !== null && majority.length > 0 && !majority.includes(verdictId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (verdictId === null) return setError('Choose the final verdict.');
    const result = await call('review:decide', { sessionId, claimId: item.claimId, decision: { verdictId, confidence, reason: reason.trim() === '' ? null : reason } });
    if (!result.ok) return setError(result.error.message);
    await onDecided(`Claim signed off: ${verdictLabel(verdictId)}.`);
  }

  return (
    <form className="review-decide" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)}>
      <h5 id={`${id}-title`}>Sign off (lead)</h5>
      {item.votes === null ? (
        <p className="hint">Cast your own vote to see the others’ before you decide.</p>
      ) : (
        <p className="hint">
          {majority.length === 0 ? 'No votes yet.' : `Majority: ${majority.map(verdictLabel).join(' / ')}${majority.length > 1 ? ' (tied)' : ''}.`} The claim takes the final verdict and is marked settled.
        </p>
      )}
      <VerdictChoice className="review-verdict" legend="Final verdict" verdicts={verdicts} verdictId={verdictId} confidence={confidence} onVerdict={setVerdictId} onConfidence={setConfidence} />
      <label>
        Reason{againstMajority ? ' (required: the final verdict differs from the majority)' : ' (optional)'}
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={5000} required={againstMajority} aria-required={againstMajority} />
      </label>
      {error && <p role="alert">{error}</p>}
      <div className="review-buttons">
        <button type="submit" className="primary">
          Sign off
        </button>
      </div>
    </form>
  );
}
