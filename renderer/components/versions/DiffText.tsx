/**
 * Runs of a word-level comparison, inline: removed words struck through in <del>, added words
 * underlined in <ins>, each with a label that screen readers read and sighted users do not need
 * (the marks are not colour alone: they are struck through or underlined).
 */
import type { DiffPart } from '../../../shared/domain';

interface Props {
  readonly parts: readonly DiffPart[];
}

/** A comparison shown inline. */
export function DiffText({ parts }: Props) {
  return (
    <span className="diff-text">
      {parts.map((part, i) =>
        part.kind === 'same' ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === 'added' ? (
          <ins key={i}>
            <span className="visually-hidden">[added: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : (
          <del key={i}>
            <span className="visually-hidden">[removed: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </del>
        ),
      )}
    </span>
  );
}
