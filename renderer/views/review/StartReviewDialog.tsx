/**
 * Starting a review session from the claims panel: the claims the filters show (in this article,
 * or — ticked — in every article), a title, blind or open voting, and the order of the queue.
 * Whoever starts it leads it.
 */
import { useId, useState, type FormEvent } from 'react';
import { QUEUE_ORDERS, QUEUE_ORDER_LABELS, type ClaimFilter, type QueueOrder } from '../../../shared/domain';
import { Modal } from '../../components/Modal';
import { call } from '../../services/api';
import '../../styles/review.css';

interface Props {
  readonly documentTitle: string;
  /** The claims the panel shows (filtered or all), in reading order. */
  readonly claimIds: readonly number[];
  /** The filters on screen, without the document; null when none are on. */
  readonly filter: ClaimFilter | null;
  readonly onStarted: (sessionId: number) => void;
  readonly onClose: () => void;
}

const claimsText = (n: number) => (n === 1 ? '1 claim' : `${n} claims`);

/** The dialog that starts a session. */
export function StartReviewDialog({ documentTitle, claimIds, filter, onStarted, onClose }: Props) {
  const id = useId();
  const [title, setTitle] = useState(`Review: ${documentTitle}`.slice(0, 200));
  const [blind, setBlind] = useState(true);
  const [order, setOrder] = useState<QueueOrder>('reading');
  const [everyArticle, setEveryArticle] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    let ids = [...claimIds];
    if (everyArticle) {
      const all = await call('claims:filter', { filter: filter ?? {} });
      if (!all.ok) {
        setBusy(false);
        return setError(all.error.message);
      }
      // This article's claims first, in the order shown; then the others by article.
      const here = new Set(ids);
      ids = [...ids, ...all.value.filter((c) => !here.has(c.id)).map((c) => c.id)];
    }
    const result = await call('review:create', { input: { title, blind, claimIds: ids, order } });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    onStarted(result.value.id);
  }

  return (
    <Modal title="Start a review session" titleId={`${id}-title`} onClose={onClose} className="review-start">
      <form onSubmit={(e) => void submit(e)}>
        <p className="hint">
          {filter ? `The ${claimsText(claimIds.length)} your filters show in this article` : `All ${claimsText(claimIds.length)} of this article`} go into the queue. You lead the session.
        </p>
        <label>
          Title
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required data-autofocus />
        </label>
        <label className="lib-checkbox">
          <input type="checkbox" checked={everyArticle} onChange={(e) => setEveryArticle(e.target.checked)} />
          Also take {filter ? 'the matching claims' : 'the claims'} of every other article
        </label>
        <label className="lib-checkbox">
          <input type="checkbox" checked={blind} onChange={(e) => setBlind(e.target.checked)} />
          Blind: each reviewer sees the others’ votes only after casting their own
        </label>
        <label>
          Order of the queue
          <select value={order} onChange={(e) => setOrder(e.target.value as QueueOrder)}>
            {QUEUE_ORDERS.map((o) => (
              <option key={o} value={o}>
                {QUEUE_ORDER_LABELS[o]}
              </option>
            ))}
          </select>
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || claimIds.length === 0}>
            Start session
          </button>
        </div>
      </form>
    </Modal>
  );
}
