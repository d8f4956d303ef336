/**
 * Turning the text of a plain-text article into a document: metadata, a ProseMirror body and
 * the plain text claims will be anchored to.
 *
 * Paragraphs are separated by blank lines; a single line break inside a paragraph is only
 * wrapping, so it becomes a space. Nothing else about the text is changed: a fact-checker quotes
 * the publisher's words, so spacing inside a line is kept as it is.
 *
 * A first line such as `date 2022-01-10 Russian soldiers have taken over …` carries the
 * publication date; the date is taken out and the rest of the line begins the article.
 */
import { articleFromParagraphs } from '../article/plain-text';
import type { ArticleJson } from '../article/schema';
import { MAX_ARTICLE_CHARS, type DocumentMeta } from '../domain';
import { AppError } from '../result';

/** An imported article, ready to be stored. `plainText` is the plain text of `body`. */
export interface ParsedArticle {
  readonly meta: DocumentMeta;
  readonly body: ArticleJson;
  readonly plainText: string;
}

/** The longest title taken from the text itself, ellipsis included. */
export const MAX_DERIVED_TITLE = 80;

const DATE_LINE = /^\s*date(?:\s*:\s*|\s+)(\d{4})-(\d{2})-(\d{2})(?:\s+(.*))?$/i;

// Words whose period does not end a sentence, so "Mr. Venn said" is not cut after "Mr."
const ABBREVIATIONS = new Set([
  ...['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'rev'],
  ...['gen', 'col', 'lt', 'sgt', 'capt', 'gov', 'sen', 'rep'],
  ...['no', 'vs', 'etc', 'approx', 'inc', 'ltd', 'co', 'corp'],
]);

/**
 * Parses the text of a `.txt` article. `fileName` (without directories) gives the title when
 * present; otherwise the first sentence does. Throws `AppError('bad-file')` when there is no
 * text and `AppError('too-large')` when the plain text exceeds `MAX_ARTICLE_CHARS`.
 */
export function parsePlainText(text: string, fileName: string | null): ParsedArticle {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const publishedOn = takeDateLine(lines);
  const paragraphs = splitParagraphs(lines);
  if (paragraphs.length === 0) throw new AppError('bad-file', 'The file has no text to import.');
  const plainText = paragraphs.join('\n\n');
  if (plainText.length > MAX_ARTICLE_CHARS) {
    throw new AppError(
      'too-large',
      `The article has ${plainText.length.toLocaleString('en')} characters; ` +
        `Claimdesk imports articles of up to ${MAX_ARTICLE_CHARS.toLocaleString('en')}.`,
    );
  }
  const title = (fileName === null ? '' : titleFromFileName(fileName)) || titleFromText(paragraphs[0] ?? '');
  return {
    meta: { title, publication: null, author: null, url: null, publishedOn },
    body: articleFromParagraphs(paragraphs.map((paragraph) => ({ type: 'paragraph', text: paragraph }))),
    plainText,
  };
}

// Whether y-m-d is a day of the (proleptic Gregorian) calendar: 2022-02-30 is not.
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

// Replaces the first non-blank line by what follows its date, and returns the date.
function takeDateLine(lines: string[]): string | null {
  const first = lines.findIndex((line) => !isBlank(line));
  const match = first < 0 ? null : DATE_LINE.exec(lines[first] ?? '');
  if (match === null) return null;
  const [, year = '', month = '', day = '', rest = ''] = match;
  if (!isCalendarDate(Number(year), Number(month), Number(day))) return null;
  lines[first] = rest;
  return `${year}-${month}-${day}`;
}

function splitParagraphs(lines: readonly string[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const paragraph = current.join(' ').trim();
    if (paragraph !== '') paragraphs.push(paragraph);
    current = [];
  };
  for (const line of lines) {
    if (isBlank(line)) flush();
    else current.push(line);
  }
  flush();
  return paragraphs;
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function titleFromFileName(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return stem.replace(/[_-]/g, ' ').trim();
}

function titleFromText(paragraph: string): string {
  // Only the first characters can end up in the title, so a huge paragraph is not scanned.
  const sentence = firstSentence(paragraph.slice(0, MAX_DERIVED_TITLE + 8));
  if (sentence.length <= MAX_DERIVED_TITLE) return sentence;
  // Keep whole words within one code unit less than the limit, leaving room for the ellipsis.
  const lastSpace = sentence.slice(0, MAX_DERIVED_TITLE).search(/\s\S*$/);
  let cut = lastSpace > 0 ? sentence.slice(0, lastSpace).replace(/[\s,;:–—-]+$/, '') : '';
  if (cut === '') cut = sentence.slice(0, MAX_DERIVED_TITLE - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

// A sentence ends at . ! or ? (and any closing quotes or brackets) followed by a space, unless
// the period closes an initial or a common abbreviation. The final period is not kept.
function firstSentence(paragraph: string): string {
  const ending = /[.!?…]+["'”’)\]]*(?=\s)/g;
  for (let match = ending.exec(paragraph); match !== null; match = ending.exec(paragraph)) {
    const word = /(\S+)$/.exec(paragraph.slice(0, match.index))?.[1] ?? '';
    const bare = word.replace(/^["'“‘([]+/, '');
    const abbreviation = /^(\p{L}\.)*\p{L}$/u.test(bare) || ABBREVIATIONS.has(bare.toLowerCase());
    if (match[0] === '.' && abbreviation) continue;
    return trimFinalPeriod(paragraph.slice(0, match.index + match[0].length));
  }
  return trimFinalPeriod(paragraph);
}

function trimFinalPeriod(sentence: string): string {
  return sentence.replace(/(?<!\.)\.$/, '').trim();
}
