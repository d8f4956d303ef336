/**
 * An accessible combobox (the ARIA 1.2 "list autocomplete" pattern): a text box that searches
 * as the user types, a list of options the arrow keys move through, Enter to choose, Escape to
 * close. It can offer to create what was typed when nothing matches exactly.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

/** One choice of the list. */
export interface ComboOption<T> {
  readonly key: string;
  readonly label: string;
  /** Smaller text after the label, e.g. the publisher or the kind. */
  readonly detail?: string;
  readonly value: T;
}

interface Props<T> {
  readonly label: string;
  /** Finds the options for what was typed. */
  readonly search: (query: string) => Promise<readonly ComboOption<T>[]>;
  readonly onSelect: (value: T) => void;
  /** When given, typing a name that matches no option offers "Create “name”". */
  readonly onCreate?: (text: string) => void;
  readonly createLabel?: (text: string) => string;
  readonly placeholder?: string;
  readonly autoFocus?: boolean;
}

type Row<T> = { kind: 'option'; option: ComboOption<T> } | { kind: 'create'; text: string };

/** A search box with a list of choices. */
export function Combobox<T>({ label, search, onSelect, onCreate, createLabel, placeholder, autoFocus }: Props<T>) {
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<readonly ComboOption<T>[]>([]);
  const [active, setActive] = useState(0);
  // True from a keystroke until the options for it have arrived.
  const [pending, setPending] = useState(false);
  const request = useRef(0);

  useEffect(() => {
    if (!open) return;
    const mine = ++request.current;
    setPending(true);
    const timer = window.setTimeout(() => {
      void search(text.trim()).then((found) => {
        if (mine === request.current) {
          setOptions(found);
          setActive(0);
          setPending(false);
        }
      });
    }, 120);
    return () => window.clearTimeout(timer);
  }, [text, open, search]);

  const typed = text.trim();
  const exact = options.some((o) => o.label.toLowerCase() === typed.toLowerCase());
  // "Create" is offered only once the search for what was typed has answered.
  const rows: Row<T>[] = [
    ...options.map((option) => ({ kind: 'option' as const, option })),
    ...(onCreate && typed !== '' && !exact && !pending ? [{ kind: 'create' as const, text: typed }] : []),
  ];

  function choose(row: Row<T> | undefined) {
    if (!row) return;
    if (row.kind === 'option') onSelect(row.option.value);
    else onCreate?.(row.text);
    setText('');
    setOpen(false);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => Math.min(rows.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter' && open) {
      // Enter never submits the form from here; it chooses once the options are current.
      e.preventDefault();
      if (!pending && rows.length > 0) choose(rows[active]);
    } else if (e.key === 'Escape' && open) {
      // Close the list, not the dialog around it.
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  }

  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;
  return (
    <div className="combobox">
      <input
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && rows.length > 0 ? optionId(active) : undefined}
        value={text}
        placeholder={placeholder}
        data-autofocus={autoFocus ? '' : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {open && rows.length > 0 && (
        <ul role="listbox" id={listId} aria-label={label} aria-busy={pending} className="combobox-list">
          {rows.map((row, i) => (
            <li
              key={row.kind === 'option' ? row.option.key : '__create'}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(row);
              }}
            >
              {row.kind === 'option' ? (
                <>
                  <span>{row.option.label}</span>
                  {row.option.detail && <span className="combobox-detail">{row.option.detail}</span>}
                </>
              ) : (
                <span className="combobox-create">{createLabel ? createLabel(row.text) : `Create “${row.text}”`}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
