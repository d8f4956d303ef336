/** The votes on the claim in hand — or, in a blind session, how many are waiting behind yours. */
import type { ReviewItem } from '../../../shared/domain';

interface Props {
  readonly item: ReviewItem;
  readonly blind: boolean;
  readonly verdictLabel: (id: number) => string;
}

/** The votes. */
export function VotesList({ item, blind, verdictLabel }: Props) {
  if (item.votes === null) {
    return (
      <p className="review-hidden" role="note">
        {item.voteCount === 0 ? 'No votes yet.' : `${item.voteCount === 1 ? '1 vote is' : `${item.voteCount} votes are`} hidden until you cast yours (blind session).`}
      </p>
    );
  }
  if (item.votes.length === 0) return <p className="hint">No votes yet{blind ? '' : '.'}</p>;
  return (
    <section aria-label="Votes">
      <h5>Votes{item.disagreement ? ' — reviewers disagree' : ''}</h5>
      <ul className="review-votes">
        {item.votes.map((v) => (
          <li key={v.id}>
            <span className="avatar" style={{ boxShadow: `0 0 0 2px ${v.reviewer.color}` }} aria-hidden="true">
              {v.reviewer.initials}
            </span>
            <span>
              <strong>{v.reviewer.name}</strong>: <span className={`verdict-chip cd-swatch-${v.verdictId}`}>{verdictLabel(v.verdictId)}</span> ({v.confidence}%)
              {v.comment ? <> — {v.comment}</> : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
