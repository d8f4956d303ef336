import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../article/plain-text';
import { articleSchema } from '../article/schema';
import { MAX_ARTICLE_CHARS } from '../domain';
import { AppError } from '../result';
import { parsePlainText } from './parse-plain-text';

// A fictional wire story as a reporter's .txt file: a date line, hard-wrapped paragraphs.
const dispatch = [
  'date 2022-01-10 Russian soldiers have taken over the airport at Velmar, the',
  'regional governor said on Monday.',
  '',
  'Officials said at least 12 people were hurt. "The situation is under control,"',
  'a spokesperson told reporters.',
  '',
  'Flights have been suspended until further notice.',
].join('\n');

function parse(text: string, fileName: string | null = null) {
  const parsed = parsePlainText(text, fileName);
  // The plain text must be exactly what the stored body yields, or anchors would drift.
  expect(plainTextOf(articleSchema.nodeFromJSON(parsed.body))).toBe(parsed.plainText);
  return parsed;
}

function failure(text: string): AppError {
  try {
    parsePlainText(text, null);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('parsePlainText accepted the text');
}

describe('parsePlainText', () => {
  it('takes the date from a dated first line and keeps the rest of it as the start of the text', () => {
    const { meta, plainText } = parse(dispatch);
    expect(meta.publishedOn).toBe('2022-01-10');
    expect(plainText).toBe(
      [
        'Russian soldiers have taken over the airport at Velmar, the regional governor said on Monday.',
        'Officials said at least 12 people were hurt. "The situation is under control," a spokesperson told reporters.',
        'Flights have been suspended until further notice.',
      ].join('\n\n'),
    );
    expect(meta).toMatchObject({ publication: null, author: null, url: null });
  });

  it('accepts the date line in other spellings, and alone on its line', () => {
    expect(parse('DATE: 2023-11-05 Polls opened at seven.').meta.publishedOn).toBe('2023-11-05');
    expect(parse('Date:2024-02-29\nPolls opened at seven.').plainText).toBe('Polls opened at seven.');
    const alone = parse('date 2022-01-10\n\nPolls opened at seven.\n\nTurnout was low.');
    expect(alone.meta.publishedOn).toBe('2022-01-10');
    expect(alone.plainText).toBe('Polls opened at seven.\n\nTurnout was low.');
  });

  it('leaves an impossible date in the text', () => {
    const parsed = parse('date 2022-02-30 Polls opened at seven.');
    expect(parsed.meta.publishedOn).toBeNull();
    expect(parsed.plainText).toBe('date 2022-02-30 Polls opened at seven.');
    expect(parse('date 2023-02-29 x').meta.publishedOn).toBeNull();
  });

  it('does not mistake a sentence starting with "date" for a date line', () => {
    const parsed = parse('dated evidence shows the ballots were printed in 2021.\n\nThe commission disagrees.');
    expect(parsed.meta.publishedOn).toBeNull();
    expect(parsed.plainText).toBe('dated evidence shows the ballots were printed in 2021.\n\nThe commission disagrees.');
    expect(parse('date of the vote: 2022-01-10.').meta.publishedOn).toBeNull();
  });

  it('reads Windows and old Mac line endings, and drops a byte-order mark', () => {
    const windows = parse(`\uFEFF${dispatch.replaceAll('\n', '\r\n')}`);
    const mac = parse(dispatch.replaceAll('\n', '\r'));
    const unix = parse(dispatch);
    expect(windows.plainText).toBe(unix.plainText);
    expect(mac.plainText).toBe(unix.plainText);
    expect(windows.meta.publishedOn).toBe('2022-01-10');
  });

  it('treats several blank lines, and lines of spaces or tabs, as one paragraph break', () => {
    const parsed = parse('\n\n  \nFirst paragraph.\n\n\n\n \t \nSecond paragraph\nwraps here.\n   \n\n');
    expect(parsed.plainText).toBe('First paragraph.\n\nSecond paragraph wraps here.');
    expect(parsed.body.content).toHaveLength(2);
  });

  it('keeps the spacing inside a line as the publisher wrote it', () => {
    const parsed = parse('  Prices rose  4.2%\tin May.  \nAnalysts  were surprised.');
    expect(parsed.plainText).toBe('Prices rose  4.2%\tin May.   Analysts  were surprised.');
  });

  it('takes the title from the file name, without extension, underscores or dashes', () => {
    expect(parse(dispatch, 'velmar_airport-seized.txt').meta.title).toBe('velmar airport seized');
    expect(parse(dispatch, '_draft_.final.txt').meta.title).toBe('draft .final');
    expect(parse(dispatch, 'README').meta.title).toBe('README');
  });

  it('takes the title from the first sentence when there is no file name', () => {
    const dated = parse('date 2022-01-10 Velmar airport seized, governor says. Flights are suspended.');
    expect(dated.meta.title).toBe('Velmar airport seized, governor says');
    expect(parse('Mr. Venn spoke first. Then the mayor.').meta.title).toBe('Mr. Venn spoke first');
    expect(parse('U.S. envoy lands in Velmar! Talks begin today.').meta.title).toBe('U.S. envoy lands in Velmar!');
    expect(parse('No full stop here').meta.title).toBe('No full stop here');
  });

  it('cuts a long first sentence at a word boundary, with an ellipsis, within 80 characters', () => {
    const long =
      'The commission, which met behind closed doors for eleven hours on Tuesday, rejected the appeal lodged by three opposition parties. It will publish its reasons later.';
    expect(parse(dispatch).meta.title).toBe('Russian soldiers have taken over the airport at Velmar, the regional governor…');
    const title = parse(long).meta.title;
    expect(title).toBe('The commission, which met behind closed doors for eleven hours on Tuesday…');
    expect(title.length).toBeLessThanOrEqual(80);
    const oneWord = 'x'.repeat(200);
    expect(parse(oneWord).meta.title).toBe(`${'x'.repeat(79)}…`);
  });

  it('falls back to the first sentence when the file name has no usable title', () => {
    expect(parse('Polls opened at seven. Turnout was low.', '---.txt').meta.title).toBe('Polls opened at seven');
  });

  it('refuses a file with no text', () => {
    for (const empty of ['', '\uFEFF', ' \r\n\t\n\n', 'date 2022-01-10']) {
      expect(failure(empty)).toMatchObject({ kind: 'bad-file', message: 'The file has no text to import.' });
    }
  });

  it('refuses an article longer than the limit', () => {
    const error = failure('a'.repeat(MAX_ARTICLE_CHARS + 1));
    expect(error.kind).toBe('too-large');
  });
});
