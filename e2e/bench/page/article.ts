/**
 * The editor benchmark's article: paragraphs of wire-story-like prose and claim highlights over
 * them, generated from a seeded random source so every run (and every machine) measures the same
 * text. Pure data, used by the case in Node and handed to the bench page as JSON; nothing large
 * is committed.
 *
 * The document is a flat list of paragraphs, as an imported article is. Position arithmetic
 * follows the article schema: paragraph i opens at `start(i)` and its text runs from
 * `start(i) + 1`, one position per UTF-16 code unit. Highlights stay inside one paragraph; about
 * one in ten starts inside another claim, so overlapping (nested) spans are part of the load.
 */
import { describeRange } from '../../../shared/anchoring/describe';
import { buildTextIndex, plainTextOf, posToOffset } from '../../../shared/article/plain-text';
import { articleSchema, type ArticleJson } from '../../../shared/article/schema';
import type { TextAnchor } from '../../../shared/domain';
import type { Highlight } from '../../../renderer/editor/highlights';

/** How big an article to generate. */
export interface ArticleSize {
  readonly paragraphs: number;
  /** Total characters of text, spread evenly over the paragraphs. */
  readonly chars: number;
  readonly highlights: number;
}

/** A generated article: its body, its highlights and the plain text of each paragraph. */
export interface BenchArticle {
  readonly doc: ArticleJson;
  readonly paragraphs: readonly string[];
  readonly highlights: readonly Highlight[];
  /** Verdict ids used by the highlights (colours come from the app's verdict-style rules). */
  readonly verdictIds: readonly number[];
}

const WORDS = (
  'officials said the toll had risen to at least people after security forces opened fire on protesters in ' +
  'the capital on tuesday according to hospital sources and witnesses who spoke on condition of anonymity ' +
  'government spokesman denied that any shoot-to-kill order had been issued while opposition leaders put ' +
  'arrests at more than two hundred interior ministry statement curfew police district reporters region'
).split(' ');

const VERDICTS = [1, 2, 3, 4, 5];

function paragraphText(rand: () => number, length: number): string {
  const words: string[] = [];
  let size = 0;
  let sentence = 0;
  while (size < length) {
    let word = WORDS[Math.floor(rand() * WORDS.length)]!;
    if (sentence === 0) word = word[0]!.toUpperCase() + word.slice(1);
    sentence += 1;
    if (sentence > 8 + Math.floor(rand() * 12)) {
      word += '.';
      sentence = 0;
    } else if (rand() < 0.05) {
      word += ',';
    }
    words.push(word);
    size += word.length + 1;
  }
  return words.join(' ').slice(0, length).trimEnd();
}

/** Generates an article of `size` from `rand` (a seeded PRNG). */
export function generateArticle(rand: () => number, size: ArticleSize): BenchArticle {
  const average = size.chars / size.paragraphs;
  const paragraphs: string[] = [];
  for (let i = 0; i < size.paragraphs; i += 1) paragraphs.push(paragraphText(rand, Math.max(40, Math.round(average * (0.5 + rand())))));
  const starts: number[] = [];
  let pos = 0;
  for (const p of paragraphs) {
    starts.push(pos);
    pos += p.length + 2;
  }
  const highlights: Highlight[] = [];
  for (let id = 1; id <= size.highlights; id += 1) {
    const previous = highlights[highlights.length - 1];
    const nested = previous !== undefined && previous.to - previous.from > 20 && rand() < 0.1;
    let from: number;
    let to: number;
    if (nested) {
      from = previous.from + 1 + Math.floor(rand() * ((previous.to - previous.from) / 2));
      to = Math.min(previous.to, from + 5 + Math.floor(rand() * 40));
    } else {
      const i = Math.floor(rand() * paragraphs.length);
      const text = paragraphs[i]!;
      const length = Math.min(text.length - 1, 10 + Math.floor(rand() * 110));
      const offset = Math.floor(rand() * (text.length - length));
      from = starts[i]! + 1 + offset;
      to = from + length;
    }
    const verdictId = VERDICTS[Math.floor(rand() * VERDICTS.length)]!;
    highlights.push({ claimId: id, from, to, verdictId, label: `Claim ${id} · verdict ${verdictId} · 80% confidence` });
  }
  const doc: ArticleJson = { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
  return { doc, paragraphs, highlights, verdictIds: VERDICTS };
}

/** A highlight of the article as the store keeps a claim: its quote, context and plain-text offsets. */
export interface StoredHighlight {
  readonly claimId: number;
  readonly verdictId: number;
  readonly anchor: TextAnchor;
}

/**
 * The article's plain text and its non-empty highlights described as stored claims, in the
 * order the store lists a document's claims (listClaims: start, end, id).
 */
export function storedHighlights(article: BenchArticle): { readonly text: string; readonly highlights: StoredHighlight[] } {
  const doc = articleSchema.nodeFromJSON(article.doc);
  const text = plainTextOf(doc);
  const index = buildTextIndex(doc);
  const highlights = article.highlights
    .filter((h) => h.to > h.from)
    .map((h) => ({ claimId: h.claimId, verdictId: h.verdictId, anchor: describeRange(text, posToOffset(index, h.from), posToOffset(index, h.to)) }))
    .sort((x, y) => x.anchor.start - y.anchor.start || x.anchor.end - y.anchor.end || x.claimId - y.claimId);
  return { text, highlights };
}
