/**
 * One change in the history: when, who, what, the fields before → after, and either an Undo
 * button or a note that the change was undone. Whether a change is undone is written in words,
 * never only shown by styling.
 */
import type { HistoryEntry } from '../../../shared/domain';
import { ErrorNote } from '../tags/record-parts';
import { changeLines, entryTitle, type Names } from './describe-change';

const MAX_LINES = 8;
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A stored timestamp as a `<time>`, in the reader's locale. */
export function When({ at }: { readonly at: string }) {
  const date = new Date(at);
  return <time dateTime={at}>{Number.isNaN(date.getTime()) ? at : dateTime.format(date)}</time>;
}

interface Props {
  readonly entry: HistoryEntry;
  readonly names: Names;
  readonly busy: boolean;
  /** Why the last attempt to undo this entry failed, if it did. */
  readonly error: string | null;
  readonly onUndo: (entry: HistoryEntry) => void;
}

/** A history entry as a list item. */
export function HistoryEntryItem({ entry, names, busy, error, onUndo }: Props) {
  const lines = changeLines(entry, names);
  const shown = lines.slice(0, MAX_LINES);
  const titleId = `history-entry-${entry.id}`;
  return (
    <li className={entry.undoneBy === null ? 'history-entry' : 'history-entry undone'}>
      <div className="history-line">
        <When at={entry.at} />
        <span className="history-who">
          {entry.actor ? (
            <>
              <span className="initials" aria-hidden="true">
                {entry.actor.initials}
              </span>
              {entry.actor.name}
            </>
          ) : (
            'Unknown person'
          )}
        </span>
        <strong id={titleId} className="history-what">
          {entryTitle(entry, names)}
        </strong>
        <span className="spacer" />
        {entry.undoneBy === null ? (
          <button type="button" onClick={() => onUndo(entry)} disabled={busy} aria-describedby={titleId}>
            Undo
          </button>
        ) : (
          <span className="history-undone-note">Undone</span>
        )}
      </div>
      {shown.length > 0 && (
        <ul className="history-changes" aria-label="Changed fields">
          {shown.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
          {lines.length > shown.length && <li>and {lines.length - shown.length} more fields</li>}
        </ul>
      )}
      <ErrorNote message={error} prefix="Not undone:" />
    </li>
  );
}
