/**
 * Paragraphs from the text runs of a PDF. A PDF has no paragraphs, only runs of text placed on
 * a page; this rebuilds them the way a reader sees them:
 *
 * - runs on one baseline make a line (a space goes where the gap between runs is wide);
 * - a line starts a new paragraph after a wider gap than the page's usual line spacing, when
 *   it is indented and the line before is not, when the line before ends short with a full
 *   stop, or when the font size changes (a heading);
 * - a word broken at a line end ("inter-" / "national") is joined when the next line goes on
 *   in lower case; a soft hyphen always joins;
 * - lines repeated at the top or bottom of most pages (running heads, footers, page numbers)
 *   are dropped, and a paragraph cut by a page break is joined again.
 *
 * Coordinates are PDF user space: y grows upwards, so the next line down has a smaller y.
 */

/** A run of text as pdf.js gives it, reduced to what layout needs. */
export interface PdfTextRun {
  readonly text: string;
  /** Start of the baseline. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** Font size (height of the run). */
  readonly size: number;
  /** pdf.js saw the end of a line after this run. */
  readonly endOfLine: boolean;
}

/** A block of the rebuilt text. */
export interface PdfBlock {
  readonly kind: 'paragraph' | 'heading';
  readonly text: string;
}

interface Line {
  text: string;
  readonly x: number;
  readonly y: number;
  right: number;
  size: number;
}

interface Paragraph {
  kind: 'paragraph' | 'heading';
  text: string;
}

// A heading's font is at least this much larger than the body's.
const HEADING_SCALE = 1.25;
const LONGEST_HEADING = 200;
// Running heads and footers are looked for among this many lines at each edge of a page...
const EDGE_LINES = 2;
// ...and dropped when found on at least this share of the pages (and on three or more).
const REPEATED_SHARE = 0.6;
const PAGE_NUMBER = /^(?:page\s*)?[-–—]?\s*\d{1,4}\s*(?:(?:of|\/)\s*\d{1,4})?\s*[-–—]?$/i;
const SENTENCE_END = /[.!?:;…"”’»)\]]$/u;

/** The paragraphs and headings of a document, from the text runs of each of its pages. */
export function layoutPdfText(pages: readonly (readonly PdfTextRun[])[]): PdfBlock[] {
  const lines = dropRepeatedEdges(pages.map(linesOf));
  const bodySize = medianSize(lines.flat());
  const layout = { bodySize, spacing: lineSpacing(lines, bodySize), right: textRight(lines) };
  const blocks: Paragraph[] = [];
  for (const pageLines of lines) {
    const paragraphs = paragraphsOf(pageLines, layout);
    const first = paragraphs[0];
    const last = blocks.at(-1);
    // A paragraph that runs on over the page break.
    if (first !== undefined && last !== undefined && last.kind === 'paragraph' && first.kind === 'paragraph' && !SENTENCE_END.test(last.text) && /^\p{Ll}/u.test(first.text)) {
      last.text = joinLines(last.text, first.text);
      paragraphs.shift();
    }
    blocks.push(...paragraphs);
  }
  return blocks.filter((block) => block.text !== '');
}

function linesOf(runs: readonly PdfTextRun[]): Line[] {
  const lines: Line[] = [];
  let line: Line | null = null;
  let breakAfter = false;
  for (const run of runs) {
    if (line !== null && (breakAfter || Math.abs(run.y - line.y) > 0.5 * Math.max(run.size, line.size) || run.x < line.right - 4 * Math.max(run.size, 1))) {
      lines.push(line);
      line = null;
    }
    breakAfter = run.endOfLine;
    if (run.text === '') continue;
    if (line === null) {
      line = { text: run.text, x: run.x, y: run.y, right: run.x + run.width, size: run.size };
      continue;
    }
    const gap = run.x - line.right;
    const spaced = /\s$/.test(line.text) || /^\s/.test(run.text);
    line.text += !spaced && gap > 0.2 * Math.max(run.size, 1) ? ` ${run.text}` : run.text;
    line.right = Math.max(line.right, run.x + run.width);
    line.size = Math.max(line.size, run.size);
  }
  if (line !== null) lines.push(line);
  return lines
    .map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() }))
    .filter((l) => l.text !== '');
}

// Lines at the top or bottom of a page, by position: headers may come last in a page's content.
function edgeLines(lines: readonly Line[]): Set<Line> {
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  return new Set([...byHeight.slice(0, EDGE_LINES), ...byHeight.slice(-EDGE_LINES)]);
}

function dropRepeatedEdges(pages: Line[][]): Line[][] {
  const edges = pages.map(edgeLines);
  const key = (line: Line) => line.text.toLowerCase().replace(/\d+/g, '#');
  const pagesWith = new Map<string, number>();
  for (const pageEdges of edges) {
    for (const k of new Set([...pageEdges].map(key))) pagesWith.set(k, (pagesWith.get(k) ?? 0) + 1);
  }
  const threshold = Math.max(3, Math.ceil(pages.length * REPEATED_SHARE));
  return pages.map((lines, i) => {
    const pageEdges = edges[i] ?? new Set<Line>();
    return lines.filter((line) => !pageEdges.has(line) || !((pagesWith.get(key(line)) ?? 0) >= threshold || PAGE_NUMBER.test(line.text)));
  });
}

function paragraphsOf(lines: readonly Line[], { bodySize, spacing, right }: { bodySize: number; spacing: number; right: number }): Paragraph[] {
  if (lines.length === 0) return [];
  const margin = leftMargin(lines);
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  let previous: Line | null = null;
  for (const line of lines) {
    const kind = line.size >= bodySize * HEADING_SCALE && line.text.length <= LONGEST_HEADING ? 'heading' : 'paragraph';
    if (current === null || previous === null || startsParagraph(previous, line, { spacing, margin, right }) || kind !== current.kind) {
      current = { kind, text: line.text };
      paragraphs.push(current);
    } else {
      current.text = joinLines(current.text, line.text);
    }
    previous = line;
  }
  for (const paragraph of paragraphs) if (paragraph.kind === 'heading' && paragraph.text.length > LONGEST_HEADING) paragraph.kind = 'paragraph';
  return paragraphs;
}

function startsParagraph(previous: Line, line: Line, page: { spacing: number; margin: number; right: number }): boolean {
  const gap = previous.y - line.y;
  const size = Math.max(line.size, 1);
  if (gap <= 0 || gap > Math.max(page.spacing * 1.4, size * 0.8) + 0.5) return true;
  if (Math.abs(line.size - previous.size) > 0.15 * Math.max(line.size, previous.size)) return true;
  const indented = line.x > page.margin + 0.8 * size;
  const previousIndented = previous.x > page.margin + 0.8 * size;
  if (indented && !previousIndented) return true;
  const short = previous.right < page.right - Math.max(0.15 * (page.right - page.margin), 3 * size);
  return short && SENTENCE_END.test(previous.text);
}

/** Joins two lines of one paragraph, mending a word hyphenated across them. */
export function joinLines(before: string, after: string): string {
  if (before.endsWith('\u00ad')) return before.slice(0, -1) + after;
  if (/\p{L}[-\u2010]$/u.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + after;
  return `${before} ${after}`;
}

// The usual distance between consecutive lines of body text, over the whole document (a page
// of one-line paragraphs alone would take its paragraph gaps for line spacing).
function lineSpacing(pages: readonly (readonly Line[])[], bodySize: number): number {
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const [above, below] = [lines[i - 1], lines[i]];
      if (above === undefined || below === undefined) continue;
      const body = Math.abs(above.size - bodySize) <= 0.15 * bodySize && Math.abs(below.size - bodySize) <= 0.15 * bodySize;
      if (body && above.y > below.y) gaps.push(above.y - below.y);
    }
  }
  return mode(gaps) ?? bodySize * 1.2;
}

// Where full lines end: most lines of body text reach it.
function textRight(pages: readonly (readonly Line[])[]): number {
  const rights = pages.flat().map((line) => line.right).sort((a, b) => a - b);
  return rights[Math.floor(rights.length * 0.9)] ?? 0;
}

// The most frequent value to the nearest half point, the smallest on a tie.
function mode(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(Math.round(value * 2) / 2, (counts.get(Math.round(value * 2) / 2) ?? 0) + 1);
  let best: number | undefined;
  for (const [value, count] of counts) {
    const bestCount = best === undefined ? 0 : (counts.get(best) ?? 0);
    if (best === undefined || count > bestCount || (count === bestCount && value < best)) best = value;
  }
  return best;
}

// The x where most lines start, to the nearest point.
function leftMargin(lines: readonly Line[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(Math.round(line.x), (counts.get(Math.round(line.x)) ?? 0) + 1);
  let best = Math.round(lines[0]?.x ?? 0);
  for (const [x, count] of counts) if (count > (counts.get(best) ?? 0) || (count === counts.get(best) && x < best)) best = x;
  return best;
}

// The font size of the middle character of the text, sizes weighted by their characters.
function medianSize(lines: readonly Line[]): number {
  const chars = new Map<number, number>();
  let total = 0;
  for (const line of lines) {
    chars.set(line.size, (chars.get(line.size) ?? 0) + line.text.length);
    total += line.text.length;
  }
  let seen = 0;
  for (const [size, count] of [...chars].sort((a, b) => a[0] - b[0])) {
    seen += count;
    if (seen * 2 >= total) return size;
  }
  return 12;
}
