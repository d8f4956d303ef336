/** The deleted records of a library view, each with a Restore button. */
import { useId } from 'react';

interface Props<T extends { readonly id: number }> {
  /** "Deleted sources". */
  readonly heading: string;
  readonly items: readonly T[];
  readonly nameOf: (item: T) => string;
  readonly onRestore: (item: T) => void;
}

/** The "Show deleted" section. */
export function DeletedRecords<T extends { readonly id: number }>({ heading, items, nameOf, onRestore }: Props<T>) {
  const id = useId();
  return (
    <section className="lib-deleted" aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      {items.length === 0 ? (
        <p className="hint">Nothing has been deleted.</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.id} className="deleted-item">
              <span>{nameOf(item)}</span>
              <button type="button" onClick={() => onRestore(item)} aria-label={`Restore “${nameOf(item)}”`}>
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
