/**
 * Word-level comparison of two versions of a text, with jsdiff: of a quote and its
 * surroundings (the changes queue) and of two whole articles, paragraph by paragraph (the
 * compare view). Pure: strings in, runs of words out.
 *
 * Paragraphs are the blocks of a document's plain text, joined by a blank line ("\n\n"; see
 * `domain/document.ts`). Two articles are first lined up by paragraph, so that a moved or
 * inserted paragraph does not turn the rest of the article into one long change; a removed
 * paragraph followed by an added one that shares most of its words is shown as one changed
 * paragraph, with the words that changed marked.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';
import type { DiffPart, ParagraphDiff, QuotedPassage } from '../domain';

/** The separator between paragraphs of a document's plain text. */
export const PARAGRAPH_BREAK = '\n\n';

// Beyond this many edits a word diff is not worth reading (and costs quadratic time): the
// texts are shown as one removal and one addition instead.
const MAX_WORD_EDITS = 4000;
// A removed and an added paragraph are "the same paragraph, changed" when at least this share
// of their words is common to both.
const SAME_PARAGRAPH = 0.5;
// How many removed paragraphs an added one is compared with.
const PAIR_WINDOW = 8;

/**
 * The word-level differences between `before` and `after`, as runs of same, removed and added
 * text. Spaces are tokens too (jsdiff's diffWordsWithSpace), so that the runs give back each
 * text exactly: `diffWords` would drop a space from the old text next to an insertion.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
  // Only the middle that differs goes to jsdiff (two paragraphs with one word changed are
  // mostly equal start and end): cut where a word follows a space in both texts, a token
  // boundary for its tokenizer, so that the words compared are the same.
  const [head, tail] = commonEnds(before, after);
  const oldMiddle = before.slice(head, before.length - tail);
  const newMiddle = after.slice(head, after.length - tail);
  const changes = diffWordsWithSpace(oldMiddle, newMiddle, { maxEditLength: MAX_WORD_EDITS });
  const middle: DiffPart[] =
    changes === undefined
      ? [{ kind: 'removed', text: oldMiddle }, { kind: 'added', text: newMiddle }]
      : changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
  return compact([{ kind: 'same', text: before.slice(0, head) }, ...middle, { kind: 'same', text: before.slice(before.length - tail) }]);
}

/**
 * The lengths of the longest start and end the two texts share that begin, or end, at a word
 * following a space (" word") in both, without overlapping.
 */
function commonEnds(before: string, after: string): [number, number] {
  const shortest = Math.min(before.length, after.length);
  let same = 0;
  while (same < shortest && before.charCodeAt(same) === after.charCodeAt(same)) same++;
  // A start ends before a non-space character that both texts have, after a space.
  let head = same - 1;
  while (head > 0 && !(before[head - 1] === ' ' && /\S/u.test(before[head]!))) head--;
  head = Math.max(0, head);
  let sameEnd = 0;
  while (sameEnd < shortest - head && before.charCodeAt(before.length - 1 - sameEnd) === after.charCodeAt(after.length - 1 - sameEnd)) sameEnd++;
  // An end starts at a non-space character after a space, the space being shared too.
  let tail = sameEnd - 1;
  while (tail > 0 && !(before[before.length - tail - 1] === ' ' && /\S/u.test(before[before.length - tail]!))) tail--;
  return [head, Math.max(0, tail)];
}

/** The part of `prefix` in the same paragraph as the text that follows it. */
export function prefixInParagraph(prefix: string): string {
  const at = prefix.lastIndexOf(PARAGRAPH_BREAK);
  return at < 0 ? prefix : prefix.slice(at + PARAGRAPH_BREAK.length);
}

/** The part of `suffix` in the same paragraph as the text before it. */
export function suffixInParagraph(suffix: string): string {
  const at = suffix.indexOf(PARAGRAPH_BREAK);
  return at < 0 ? suffix : suffix.slice(0, at);
}

/** A quote with its context cut at the paragraph it is in. */
export function passageInParagraph(passage: QuotedPassage): QuotedPassage {
  return { prefix: prefixInParagraph(passage.prefix), exact: passage.exact, suffix: suffixInParagraph(passage.suffix) };
}

/** The text of a passage: context, quote, context. */
export function passageText(passage: QuotedPassage): string {
  return passage.prefix + passage.exact + passage.suffix;
}

/** How many words (runs of non-space with a letter or digit, so not a lone comma) the parts of `kind` hold. */
export function countWords(parts: readonly DiffPart[], kind: DiffPart['kind']): number {
  const words = (text: string) => (text.match(/\S+/gu) ?? []).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
  return parts.filter((p) => p.kind === kind).reduce((n, p) => n + words(p.text), 0);
}

/** A paragraph of the new text lined up with one of the old: indices into each text's paragraphs (null when absent). */
export interface ParagraphPair extends ParagraphDiff {
  readonly before: number | null;
  readonly after: number | null;
}

/**
 * The paragraphs of `after` lined up with those of `before`: unchanged, added, removed (placed
 * where they were), or changed with their words marked. A paragraph that moved shows as removed
 * at its old place and added at its new one.
 *
 * Paragraphs are lined up as a patience diff does: the common start and end, then the
 * paragraphs that occur exactly once in each text and keep their order (the longest such run),
 * then the same inside each gap between them; only what is left (repeated paragraphs) goes to a
 * Myers diff. An article of thousands of paragraphs with a word changed in half of them thus
 * costs a few small diffs instead of one whose cost grows with paragraphs × edits.
 */
export function alignParagraphs(before: string, after: string): ParagraphPair[] {
  const oldTexts = paragraphsOf(before);
  const newTexts = paragraphsOf(after);
  // Equal paragraphs get equal numbers, so that the diffs below compare numbers, not texts.
  const ids = new Map<string, number>();
  const idOf = (text: string) => {
    let id = ids.get(text);
    if (id === undefined) ids.set(text, (id = ids.size));
    return id;
  };
  const steps: Step[] = [];
  lineUp(oldTexts.map(idOf), newTexts.map(idOf), { b0: 0, b1: oldTexts.length, a0: 0, a1: newTexts.length }, steps);

  const result: ParagraphPair[] = [];
  let removed: Indexed[] = [];
  let added: Indexed[] = [];
  for (const { before: b, after: a } of steps) {
    if (a === null) removed.push({ index: b!, text: oldTexts[b!]! });
    else if (b === null) added.push({ index: a, text: newTexts[a]! });
    else {
      if (removed.length + added.length > 0) {
        result.push(...pairUp(removed, added));
        removed = [];
        added = [];
      }
      result.push({ kind: 'same', parts: [{ kind: 'same', text: oldTexts[b]! }], before: b, after: a });
    }
  }
  result.push(...pairUp(removed, added));
  return result;
}

/** What changed from `before` to `after`, paragraph by paragraph (see alignParagraphs). */
export function compareParagraphs(before: string, after: string): ParagraphDiff[] {
  return alignParagraphs(before, after).map(({ kind, parts }) => ({ kind, parts }));
}

/** A function giving the index of the paragraph of `text` that an offset falls in (a break belongs to the paragraph before it). */
export function paragraphLocator(text: string): (offset: number) => number {
  const breaks: number[] = [];
  for (let at = text.indexOf(PARAGRAPH_BREAK); at !== -1; at = text.indexOf(PARAGRAPH_BREAK, at + PARAGRAPH_BREAK.length)) breaks.push(at);
  return (offset) => {
    // The number of breaks before `offset`, by binary search.
    let low = 0;
    let high = breaks.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (breaks[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

function paragraphsOf(text: string): string[] {
  return text === '' ? [] : text.split(PARAGRAPH_BREAK);
}

interface Indexed {
  readonly index: number;
  readonly text: string;
}

/** One step of a paragraph alignment: the same paragraph in both texts, or one that only the old (after null) or the new (before null) has. */
interface Step {
  readonly before: number | null;
  readonly after: number | null;
}

/** A range of old paragraphs [b0, b1) and of new ones [a0, a1). */
interface Span {
  readonly b0: number;
  readonly b1: number;
  readonly a0: number;
  readonly a1: number;
}

// A gap of repeated paragraphs whose Myers diff would need more edits than this is shown as
// removed then added (the diff's cost grows with paragraphs × edits).
const MAX_PARAGRAPH_EDITS = 1000;

/** Appends to `out` the steps that turn old paragraphs `o` into new ones `n` over `span` (a patience diff; see alignParagraphs). */
function lineUp(o: readonly number[], n: readonly number[], span: Span, out: Step[]): void {
  let { b0, a0 } = span;
  let { b1, a1 } = span;
  while (b0 < b1 && a0 < a1 && o[b0] === n[a0]) out.push({ before: b0++, after: a0++ });
  let tail = 0;
  while (b1 > b0 && a1 > a0 && o[b1 - 1] === n[a1 - 1]) {
    b1--;
    a1--;
    tail++;
  }
  if (b0 < b1 || a0 < a1) {
    const anchors = uniqueInOrder(o, n, { b0, b1, a0, a1 });
    if (anchors.length === 0) {
      myers(o, n, { b0, b1, a0, a1 }, out);
    } else {
      let b = b0;
      let a = a0;
      for (const [i, j] of anchors) {
        lineUp(o, n, { b0: b, b1: i, a0: a, a1: j }, out);
        out.push({ before: i, after: j });
        b = i + 1;
        a = j + 1;
      }
      lineUp(o, n, { b0: b, b1, a0: a, a1 }, out);
    }
  }
  for (let k = 0; k < tail; k++) out.push({ before: b1 + k, after: a1 + k });
}

/**
 * The paragraphs that occur exactly once in each side of `span`, as [old, new] index pairs: the
 * longest run of them whose order is the same in both texts (patience sorting).
 */
function uniqueInOrder(o: readonly number[], n: readonly number[], { b0, b1, a0, a1 }: Span): [number, number][] {
  // id → its index in the old range, or -1 when repeated there.
  const inOld = new Map<number, number>();
  for (let i = b0; i < b1; i++) inOld.set(o[i]!, inOld.has(o[i]!) ? -1 : i);
  const inNew = new Map<number, number>();
  for (let j = a0; j < a1; j++) if (inOld.has(n[j]!)) inNew.set(n[j]!, inNew.has(n[j]!) ? -1 : j);
  const pairs: [number, number][] = [];
  for (let i = b0; i < b1; i++) {
    const j = inNew.get(o[i]!);
    if (j !== undefined && j >= 0 && inOld.get(o[i]!) === i) pairs.push([i, j]);
  }
  if (pairs.length === 0) return pairs;
  // Longest increasing subsequence of the new indices, the pairs being in old order.
  const tails: number[] = [];
  const previous: number[] = Array.from({ length: pairs.length }, () => -1);
  pairs.forEach(([, j], k) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (pairs[tails[mid]!]![1] < j) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[k] = tails[low - 1]!;
    tails[low] = k;
  });
  const run: [number, number][] = [];
  for (let k = tails[tails.length - 1]!; k >= 0; k = previous[k]!) run.push(pairs[k]!);
  return run.reverse();
}

/** A Myers diff of the paragraphs of `span` (repeated ones only are left here), appended to `out`. */
function myers(o: readonly number[], n: readonly number[], { b0, b1, a0, a1 }: Span, out: Step[]): void {
  const oldIds = o.slice(b0, b1);
  const newIds = n.slice(a0, a1);
  const shared = new Set(oldIds);
  const changes = newIds.some((id) => shared.has(id)) ? diffArrays(oldIds, newIds, { maxEditLength: MAX_PARAGRAPH_EDITS }) : undefined;
  if (changes === undefined) {
    for (let i = b0; i < b1; i++) out.push({ before: i, after: null });
    for (let j = a0; j < a1; j++) out.push({ before: null, after: j });
    return;
  }
  let b = b0;
  let a = a0;
  for (const change of changes) {
    for (let k = 0; k < change.count; k++) {
      if (change.removed) out.push({ before: b++, after: null });
      else if (change.added) out.push({ before: null, after: a++ });
      else out.push({ before: b++, after: a++ });
    }
  }
}

/**
 * A run of removed paragraphs and the run of added ones that replaced them: pairs that share
 * most of their words become changed paragraphs; the rest stay removed or added, in order. An
 * added paragraph is compared with the next few removed ones only, which keeps a rewritten
 * article from costing a word diff per pair of paragraphs.
 */
function pairUp(removed: readonly Indexed[], added: readonly Indexed[]): ParagraphPair[] {
  const out: ParagraphPair[] = [];
  let r = 0;
  for (const next of added) {
    let match = -1;
    let parts: DiffPart[] | null = null;
    for (let i = r; i < Math.min(removed.length, r + PAIR_WINDOW) && parts === null; i++) {
      parts = ifSimilar(removed[i]!.text, next.text);
      match = i;
    }
    if (parts !== null) {
      for (; r < match; r++) out.push(whole('removed', removed[r]!));
      out.push({ kind: 'changed', parts, before: removed[r]!.index, after: next.index });
      r++;
    } else {
      out.push(whole('added', next));
    }
  }
  for (; r < removed.length; r++) out.push(whole('removed', removed[r]!));
  return out;
}

/** The word diff of two paragraphs when they share most of their words (see SAME_PARAGRAPH), else null. */
function ifSimilar(before: string, after: string): DiffPart[] | null {
  const parts = wordDiff(before, after);
  const common = countWords(parts, 'same');
  const total = common * 2 + countWords(parts, 'removed') + countWords(parts, 'added');
  return total > 0 && (common * 2) / total >= SAME_PARAGRAPH ? parts : null;
}

function whole(kind: 'added' | 'removed', { index, text }: Indexed): ParagraphPair {
  return { kind, parts: [{ kind, text }], before: kind === 'removed' ? index : null, after: kind === 'added' ? index : null };
}

/** Drops empty runs and joins neighbours of the same kind. */
function compact(parts: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    if (part.text === '') continue;
    const last = out[out.length - 1];
    if (last !== undefined && last.kind === part.kind) out[out.length - 1] = { kind: part.kind, text: last.text + part.text };
    else out.push(part);
  }
  return out;
}
