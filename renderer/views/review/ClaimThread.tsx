/** A claim's discussion thread: everyone's comments, oldest first, and a box to add one. */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { ReviewComment } from '../../../shared/domain';
import { call } from '../../services/api';

interface Props {
  readonly claimId: number;
  /** The open session the comments are said in; null outside one (or when it is closed). */
  readonly sessionId: number | null;
}

/** The discussion of one claim. */
export function ClaimThread({ claimId, sessionId }: Props) {
  const id = useId();
  const [comments, setComments] = useState<ReviewComment[]>([]);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await call('comments:list', { claimId });
    if (result.ok) setComments(result.value);
    else setError(result.error.message);
  }, [claimId]);
  useEffect(() => void load(), [load]);

  async function post(event: FormEvent) {
    event.preventDefault();
    const result = await call('comments:add', { claimId, body: draft, sessionId });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setDraft('');
    await load();
  }

  async function remove(comment: ReviewComment) {
    const result = await call('comments:delete', { id: comment.id });
    if (!result.ok) return setError(result.error.message);
    await load();
  }

  return (
    <section className="review-thread" aria-labelledby={`${id}-title`}>
      <h5 id={`${id}-title`}>Discussion ({comments.length})</h5>
      <ol className="review-comments">
        {comments.map((c) => (
          <li key={c.id}>
            <span className="avatar" style={{ boxShadow: `0 0 0 2px ${c.author?.color ?? '#6e7781'}` }} aria-hidden="true">
              {c.author?.initials ?? '?'}
            </span>
            <div>
              <p className="hint">
                {c.author?.name ?? 'Unknown'} · <time dateTime={c.createdAt}>{new Date(c.createdAt).toLocaleString()}</time>
                {' · '}
                <button type="button" className="link-button" onClick={() => void remove(c)} aria-label={`Delete the comment by ${c.author?.name ?? 'unknown'}`}>
                  Delete
                </button>
              </p>
              <p className="review-comment-body">{c.body}</p>
            </div>
          </li>
        ))}
      </ol>
      <form onSubmit={(e) => void post(e)}>
        <label>
          Add to the discussion
          <textarea value={draft} onChange={(e) => setDraft(e.target.value)} rows={2} maxLength={10_000} />
        </label>
        {error && <p role="alert">{error}</p>}
        <button type="submit" disabled={draft.trim() === ''}>
          Post comment
        </button>
      </form>
    </section>
  );
}
