/**
 * A list of records as buttons: Tab or the arrow keys move between them, Enter or Space opens
 * one in the detail pane. The open record is marked with `aria-current`, not by colour alone.
 */
import type { KeyboardEvent, ReactNode } from 'react';

interface Props<T extends { readonly id: number }> {
  /** Accessible name of the list ("Sources"). */
  readonly label: string;
  readonly items: readonly T[];
  readonly selectedId: number | null;
  readonly onSelect: (item: T) => void;
  readonly renderItem: (item: T) => ReactNode;
  /** Shown instead of the list when it is empty. */
  readonly empty: ReactNode;
}

/** Moves the focus to the previous or next button of the list on the arrow keys. */
function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
  const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
  if (step === 0) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>(':scope > li > button')];
  const index = buttons.findIndex((b) => b === document.activeElement);
  if (index < 0) return;
  event.preventDefault();
  buttons[Math.min(buttons.length - 1, Math.max(0, index + step))]?.focus();
}

/** The list of a library view. */
export function RecordList<T extends { readonly id: number }>({ label, items, selectedId, onSelect, renderItem, empty }: Props<T>) {
  if (items.length === 0) return <p className="hint lib-empty">{empty}</p>;
  return (
    <ul className="lib-list" aria-label={label} onKeyDown={moveFocus}>
      {items.map((item) => (
        <li key={item.id}>
          <button type="button" className="lib-item" aria-current={item.id === selectedId ? 'true' : undefined} onClick={() => onSelect(item)}>
            {renderItem(item)}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** "1 claim", "3 claims". */
export function claimsCount(n: number): string {
  return n === 1 ? '1 claim' : `${n} claims`;
}
