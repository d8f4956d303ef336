/**
 * Plain-text tables for a terminal. Every cell is put on one line and stripped of control and
 * bidirectional-override characters: article text and claim quotes come from outside, and an
 * escape sequence in a quote must not reach the user's terminal.
 */

// Terminal escape sequences (CSI such as colours and cursor moves; OSC such as titles and links).
// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g;
// C0 and C1 controls (line breaks, tabs, a lone ESC…), DEL, and the bidi embedding/override/isolate marks.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g;

/** `text` on one line, safe to print to a terminal: escape sequences dropped, controls made spaces. */
export function oneLine(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}

/** `text` cut to at most `max` characters (code points), with "…" when it was cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('').trimEnd()}…`;
}

/** A column: its heading, whether its cells line up on the right (numbers), its widest cell. */
export interface Column {
  readonly heading: string;
  readonly right?: boolean;
  /** Longer cells are cut, with "…". */
  readonly max?: number;
}

/**
 * The table of `rows` under `columns`, columns two spaces apart, one line per row; the last
 * column is not padded. Cells are made safe with oneLine, then cut to their column's `max`.
 */
export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const cells = [
    columns.map((c) => c.heading),
    ...rows.map((row) => row.map((cell, i) => truncate(oneLine(cell), columns[i]?.max ?? Infinity))),
  ];
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => [...(row[i] ?? '')].length)));
  const lines = cells.map((row) =>
    columns
      .map((column, i) => {
        const cell = row[i] ?? '';
        if (i === columns.length - 1 && !column.right) return cell;
        const pad = ' '.repeat((widths[i] ?? 0) - [...cell].length);
        return column.right ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd(),
  );
  return `${lines.join('\n')}\n`;
}
