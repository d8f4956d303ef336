import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/result';
import { decodeImportedText, encodingName, htmlDeclaredEncoding, PREVIEW_CHARS } from './text-encoding';

const article = 'Café Ostmere reopened on Monday — “we are back”, the owner said. Prices: 5 €.';
const utf8 = (text: string) => new TextEncoder().encode(text);

// Windows-1252 and other legacy encodings, written byte by byte (TextEncoder only writes UTF-8).
const WINDOWS_1252: Readonly<Record<string, number>> = { é: 0xe9, '—': 0x97, '“': 0x93, '”': 0x94, '€': 0x80, ü: 0xfc };
const windows1252 = (text: string) => Uint8Array.from(Array.from(text, (ch) => WINDOWS_1252[ch] ?? ch.charCodeAt(0)));

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('decodeImportedText', () => {
  it('reads UTF-8, with or without a byte-order mark, and UTF-16 with one', () => {
    expect(decodeImportedText(utf8(article), 'a.txt')).toEqual({ status: 'text', text: article });
    expect(decodeImportedText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(article)]), 'a.txt')).toEqual({ status: 'text', text: article });
    const utf16le = new Uint8Array([0xff, 0xfe, ...Array.from(article, (ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]).flat()]);
    expect(decodeImportedText(utf16le, 'a.txt')).toEqual({ status: 'text', text: article });
  });

  it('asks which encoding a Windows-1252 file is in, guessing it and showing a preview', () => {
    const bytes = windows1252(`${article} ${'Der Bürgermeister sagte, die Straße sei gesperrt. '.repeat(20)}`);
    const answer = decodeImportedText(bytes, 'cafe.txt');
    if (answer.status !== 'needs-encoding') throw new Error('expected a question');
    expect(answer.guess).toBe('windows-1252');
    expect(answer.candidates[0]).toBe('windows-1252');
    expect(answer.candidates).toEqual(expect.arrayContaining(['windows-1252', 'iso-8859-2']));
    expect(answer.candidates.length).toBeLessThanOrEqual(8);
    expect(answer.preview.startsWith(article)).toBe(true);
    expect(answer.preview.length).toBe(PREVIEW_CHARS);
  });

  it('reads the file in the encoding the user confirms', () => {
    const bytes = windows1252(article);
    expect(decodeImportedText(bytes, 'cafe.txt', { encoding: 'windows-1252' })).toEqual({ status: 'text', text: article });
    // Labels are matched as browsers match them: latin1 is windows-1252.
    expect(decodeImportedText(bytes, 'cafe.txt', { encoding: ' Latin1 ' })).toEqual({ status: 'text', text: article });
  });

  it('offers only encodings that decode the file, and guesses Shift_JIS for Japanese', () => {
    const japanese = new Uint8Array(Buffer.from('93fa967b8cea82cc95b68fcd82c582b78142'.repeat(30), 'hex')); // 日本語の文章です。
    const answer = decodeImportedText(japanese, 'nihongo.txt');
    if (answer.status !== 'needs-encoding') throw new Error('expected a question');
    expect(answer.guess).toBe('shift_jis');
    expect(answer.preview.startsWith('日本語の文章です。')).toBe(true);
    for (const candidate of answer.candidates) expect(() => new TextDecoder(candidate, { fatal: true }).decode(japanese)).not.toThrow();
  });

  it('takes an HTML page’s declared charset as the guess', () => {
    const page = windows1252('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15"></head><body>Café</body></html>');
    const answer = decodeImportedText(page, 'page.html', { declaredEncoding: htmlDeclaredEncoding });
    expect(answer).toMatchObject({ status: 'needs-encoding', guess: 'iso-8859-15' });
  });

  it('ignores the confirmed encoding for a file that is UTF-8 after all', () => {
    expect(decodeImportedText(utf8(article), 'a.txt', { encoding: 'shift_jis' })).toEqual({ status: 'text', text: article });
  });

  it('refuses an encoding name that is none, and a choice that does not decode the file', () => {
    expect(failure(() => decodeImportedText(windows1252(article), 'a.txt', { encoding: 'klingon-8' }))).toMatchObject({
      kind: 'invalid-argument',
      message: '“klingon-8” is not a text encoding Claimdesk can read.',
    });
    expect(failure(() => decodeImportedText(windows1252(article), 'a.txt', { encoding: 'utf-8' }))).toMatchObject({
      kind: 'bad-file',
      message: '“a.txt” is not valid utf-8 text. Choose another encoding.',
    });
    expect(failure(() => decodeImportedText(windows1252('Caf\u00e9 ü'), 'a.txt', { encoding: 'shift_jis' })).message).toBe(
      '“a.txt” is not valid shift_jis text. Choose another encoding.',
    );
  });

  it('refuses binary data rather than asking about its encoding', () => {
    const binary = Uint8Array.from({ length: 400 }, (_, i) => (i * 37) % 256);
    expect(failure(() => decodeImportedText(binary, 'blob.txt')).message).toBe('“blob.txt”: This looks like a binary file, not text.');
  });
});

describe('htmlDeclaredEncoding', () => {
  it.each([
    ['<meta charset="windows-1251">', 'windows-1251'],
    ["<META CHARSET='Shift_JIS'>", 'Shift_JIS'],
    ['<meta http-equiv="content-type" content="text/html;charset=ISO-8859-2">', 'ISO-8859-2'],
    ['<?xml version="1.0" encoding="euc-kr"?><html>', 'euc-kr'],
    ['<html><body>no declaration</body></html>', null],
  ])('finds %s', (head, expected) => {
    expect(htmlDeclaredEncoding(utf8(head))).toBe(expected);
  });
});

describe('encodingName', () => {
  it('gives the standard name of a label, or null', () => {
    expect(encodingName('latin1')).toBe('windows-1252');
    expect(encodingName('SJIS')).toBe('shift_jis');
    expect(encodingName('GBK')).toBe('gbk');
    expect(encodingName('iso-2022-kr')).toBeNull();
    expect(encodingName('nonsense')).toBeNull();
  });
});
