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
  const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_WORD_EDITS });
  if (changes === undefined) return compact([{ kind: 'removed', text: before }, { kind: 'added', text: after }]);
  return compact(changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value })));
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
 */
export function alignParagraphs(before: string, after: string): ParagraphPair[] {
  const result: ParagraphPair[] = [];
  let removed: Indexed[] = [];
  let added: Indexed[] = [];
  let b = 0;
  let a = 0;
  const flush = () => {
    result.push(...pairUp(removed, added));
    removed = [];
    added = [];
  };
  for (const change of diffArrays(paragraphsOf(before), paragraphsOf(after))) {
    if (change.removed) for (const text of change.value) removed.push({ index: b++, text });
    else if (change.added) for (const text of change.value) added.push({ index: a++, text });
    else {
      flush();
      for (const text of change.value) result.push({ kind: 'same', parts: [{ kind: 'same', text }], before: b++, after: a++ });
    }
  }
  flush();
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
    for (let i = r; i < Math.min(removed.length, r + PAIR_WINDOW) && match < 0; i++) if (similar(removed[i]!.text, next.text)) match = i;
    if (match >= 0) {
      for (; r < match; r++) out.push(whole('removed', removed[r]!));
      out.push({ kind: 'changed', parts: wordDiff(removed[r]!.text, next.text), before: removed[r]!.index, after: next.index });
      r++;
    } else {
      out.push(whole('added', next));
    }
  }
  for (; r < removed.length; r++) out.push(whole('removed', removed[r]!));
  return out;
}

function similar(before: string, after: string): boolean {
  const parts = wordDiff(before, after);
  const common = countWords(parts, 'same');
  const total = common * 2 + countWords(parts, 'removed') + countWords(parts, 'added');
  return total > 0 && (common * 2) / total >= SAME_PARAGRAPH;
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
