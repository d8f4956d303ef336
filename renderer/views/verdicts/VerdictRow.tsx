/**
 * One verdict of the scale: a preview of how its highlights look, its label and colour (saved
 * together), its number of claims, and buttons to move it up or down the scale or delete it.
 * The row is a form named by the verdict, so that its controls are read in that context.
 */
import { useEffect, useRef, useState, type CSSProperties, type FormEvent } from 'react';
import type { Verdict } from '../../../shared/domain';
import { ClaimCount, ErrorNote } from '../tags/record-parts';

interface Props {
  readonly verdict: Verdict;
  readonly isFirst: boolean;
  readonly isLast: boolean;
  readonly busy: boolean;
  readonly error: string | null;
  /** A new value puts the focus back on this row's Move button (after the row moved). */
  readonly focusMove: { readonly direction: -1 | 1; readonly signal: number } | null;
  readonly onSave: (label: string, color: string) => void;
  readonly onMove: (direction: -1 | 1) => void;
  readonly onDelete: () => void;
}

/** How a highlight in this colour looks: the tint and underline of `editor/verdict-styles.ts`. */
export function highlightLook(color: string): CSSProperties {
  const n = Number.parseInt(color.slice(1), 16);
  return { backgroundColor: `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, 0.16)`, borderBottomColor: color };
}

/** A verdict of the scale. */
export function VerdictRow({ verdict, isFirst, isLast, busy, error, focusMove, onSave, onMove, onDelete }: Props) {
  const [label, setLabel] = useState(verdict.label);
  const [color, setColor] = useState(verdict.color);
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const titleId = `verdict-title-${verdict.id}`;
  const edited = label.trim() !== verdict.label || color.toLowerCase() !== verdict.color.toLowerCase();

  // Drafts follow main's record after a save or an undo.
  useEffect(() => {
    setLabel(verdict.label);
    setColor(verdict.color);
  }, [verdict.label, verdict.color]);

  // The row moved: keep the focus on the button pressed, or its twin at the ends of the scale.
  useEffect(() => {
    if (!focusMove) return;
    const wanted = focusMove.direction < 0 ? (isFirst ? down : up) : isLast ? up : down;
    wanted.current?.focus();
    // Only a new signal moves the focus.
  }, [focusMove?.signal]);

  const save = (event: FormEvent) => {
    event.preventDefault();
    onSave(label, color);
  };

  return (
    <li className="verdict-row">
      <form aria-labelledby={titleId} onSubmit={save}>
        <div className="verdict-head">
          <span className="verdict-position">{verdict.position}.</span>
          <h3 id={titleId} className="verdict-title">
            {verdict.label}
          </h3>
          <span className="verdict-sample" style={highlightLook(color)} aria-hidden="true">
            {label.trim() || verdict.label}
          </span>
          <ClaimCount n={verdict.claimCount} />
        </div>
        <div className="vocab-fields">
          <label>
            Label
            <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={60} required />
          </label>
          <label>
            Colour
            <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
          </label>
          <button type="submit" disabled={busy || !edited || label.trim() === ''}>
            Save
          </button>
          <span className="spacer" />
          <button type="button" ref={up} onClick={() => onMove(-1)} disabled={busy || isFirst}>
            Move up
          </button>
          <button type="button" ref={down} onClick={() => onMove(1)} disabled={busy || isLast}>
            Move down
          </button>
          <button type="button" className="danger" onClick={onDelete} disabled={busy}>
            Delete…
          </button>
        </div>
        <ErrorNote message={error} prefix="Not changed:" />
      </form>
    </li>
  );
}
