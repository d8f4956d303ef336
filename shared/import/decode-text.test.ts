import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../domain';
import { AppError } from '../result';
import { binaryFormatOf, decodeText, decodeTextOrReport } from './decode-text';

const article = 'KESTREL FALLS, 2 June 2024 — Aid convoys reached the town, officials said. “We need water,” one resident said. 🚰';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | Uint8Array | string)[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : [...part])));

function utf16(text: string, endian: 'le' | 'be'): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out.push(...(endian === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]));
  }
  return out;
}

function failure(input: Uint8Array): AppError {
  try {
    decodeText(input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('decodeText accepted the input');
}

describe('decodeText', () => {
  it('reads UTF-8 text as it is', () => {
    expect(decodeText(utf8(article))).toBe(article);
  });

  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], article))).toBe(article);
  });

  it('reads UTF-16 with a byte-order mark, either byte order, emoji included', () => {
    expect(decodeText(bytes([0xff, 0xfe], utf16(article, 'le')))).toBe(article);
    expect(decodeText(bytes([0xfe, 0xff], utf16(article, 'be')))).toBe(article);
  });

  it('keeps ordinary control characters of text files: tabs, line breaks, form feeds', () => {
    const text = 'Name\tRole\r\nDaria Venn\tspokesperson\n\fPage 2';
    expect(decodeText(utf8(text))).toBe(text);
  });

  it('says so when the file is empty', () => {
    expect(failure(new Uint8Array())).toMatchObject({ kind: 'bad-file', message: 'The file is empty.' });
  });

  it('refuses a file above the import limit', () => {
    const error = failure(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61));
    expect(error.kind).toBe('too-large');
    expect(error.message).toBe('The file is 20.1 MB; Claimdesk imports text files of up to 20 MB.');
  });

  it.each([
    ['PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'), 'This looks like a PNG image, not a text file.'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF'), 'This looks like a JPEG image, not a text file.'],
    ['GIF', bytes('GIF89a', [0x01, 0x00, 0x01, 0x00]), 'This looks like a GIF image, not a text file.'],
    ['PDF', bytes('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj'), 'This looks like a PDF document, not a text file.'],
    [
      'DOCX',
      bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0], '[Content_Types].xml'),
      'This looks like a ZIP archive (for example a Word .docx), not a text file.',
    ],
    ['gzip', bytes([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0]), 'This looks like a gzip archive, not a text file.'],
    ['SQLite', bytes('SQLite format 3', [0, 0x10, 0x00]), 'This looks like an SQLite database, not a text file.'],
    ['ELF', bytes([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]), 'This looks like a program (an ELF executable), not a text file.'],
  ])('names a %s file instead of decoding it', (_name, input, message) => {
    expect(failure(input)).toMatchObject({ kind: 'bad-file', message });
  });

  it('recognises a Windows executable by its PE header, not by "MZ" alone', () => {
    const exe = new Uint8Array(200);
    exe.set(utf8('MZ'), 0);
    exe[60] = 0x80;
    exe.set([0x50, 0x45, 0, 0], 0x80);
    expect(failure(exe).message).toBe('This looks like a Windows program (an .exe or .dll), not a text file.');
    const note = `MZ: notes from the Mazur interview. ${article}`;
    expect(decodeText(utf8(note))).toBe(note);
  });

  it('points at the first bad byte of a Latin-1 file', () => {
    // "Café" in Windows-1252: é is the single byte 0xE9.
    const latin1 = bytes('Caf', [0xe9], ' Ostmere reopened on Monday.');
    expect(failure(latin1)).toMatchObject({
      kind: 'bad-file',
      message: 'The file is not valid UTF-8 text (first bad byte at offset 3). Save it as UTF-8 and try again.',
    });
  });

  it('counts the offset from the start of the file, byte-order mark included', () => {
    const input = bytes([0xef, 0xbb, 0xbf], 'Ünited ', [0xc0, 0xaf], ' front');
    expect(failure(input).message).toContain('first bad byte at offset 11)');
  });

  it('reports a sequence cut off at the end of the file', () => {
    const input = bytes('Toll rises to 12', [0xe2, 0x80]);
    expect(failure(input).message).toContain('first bad byte at offset 16)');
  });

  it('refuses encoded surrogates, as strict decoders do', () => {
    const input = bytes('ok ', [0xed, 0xa0, 0x80]);
    expect(failure(input).message).toContain('first bad byte at offset 3)');
  });

  it('refuses text with NUL characters, such as UTF-16 without a byte-order mark', () => {
    const withoutBom = bytes(utf16('Aid convoys reached the town, officials said.', 'le'));
    expect(failure(withoutBom)).toMatchObject({ kind: 'bad-file', message: 'This looks like a binary file, not text.' });
  });

  it('refuses valid UTF-8 that is mostly control characters', () => {
    const input = bytes('ab', [0x01, 0x02, 0x03, 0x1b], 'cdefgh');
    expect(failure(input).message).toBe('This looks like a binary file, not text.');
  });

  it('refuses UTF-16 with a broken surrogate pair or an odd byte count', () => {
    const loneSurrogate = bytes([0xff, 0xfe], [0x3d, 0xd8, 0x41, 0x00]);
    expect(failure(loneSurrogate).message).toBe('The file is not valid UTF-16 text. Save it as UTF-8 and try again.');
    expect(failure(bytes([0xfe, 0xff], [0x00, 0x41, 0x00])).kind).toBe('bad-file');
  });

  it('names UTF-32 rather than calling it binary', () => {
    expect(failure(bytes([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])).message).toContain('UTF-32');
  });
});

describe('binaryFormatOf', () => {
  it.each([
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'webp'],
    ['BMP', bytes('BM', [0x3e, 0, 0, 0, 0, 0, 0, 0, 0x3e, 0, 0, 0]), 'bmp'],
    ['TIFF', bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]), 'tiff'],
    ['ICO', bytes([0, 0, 1, 0, 1, 0, 16, 16]), 'ico'],
    ['MP3', bytes('ID3', [3, 0, 0, 0, 0, 0x21]), 'mp3'],
    ['MP4', bytes([0, 0, 0, 0x20], 'ftypisom'), 'mp4'],
    ['Ogg', bytes('OggS', [0, 2]), 'ogg'],
    ['WAV', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), 'wav'],
    ['7-Zip', bytes('7z', [0xbc, 0xaf, 0x27, 0x1c, 0, 4]), '7z'],
    ['RAR', bytes('Rar!', [0x1a, 0x07, 0x01, 0x00]), 'rar'],
    ['Mach-O', bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]), 'mach-o'],
    ['an old Word file', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'ole2'],
    ['RTF', bytes('{\\rtf1\\ansi'), 'rtf'],
  ])('recognises %s', (_name, input, id) => {
    expect(binaryFormatOf(input)?.id).toBe(id);
  });

  it('does not take text for a format whose signature is short', () => {
    for (const text of ['BMW recalls 12,000 cars', 'ID3 tags are metadata', 'RIFF raff', 'OggS were here']) {
      expect(binaryFormatOf(utf8(text))).toBeNull();
    }
  });
});

describe('decodeTextOrReport', () => {
  it('decodes UTF-8 and UTF-16, naming the encoding', () => {
    expect(decodeTextOrReport(utf8(article))).toEqual({ status: 'decoded', text: article, encoding: 'utf-8' });
    expect(decodeTextOrReport(bytes([0xfe, 0xff], utf16(article, 'be')))).toEqual({ status: 'decoded', text: article, encoding: 'utf-16be' });
  });

  it('reports text in another encoding with its first byte that is not UTF-8, instead of refusing it', () => {
    expect(decodeTextOrReport(bytes('Caf', [0xe9], ' Ostmere'))).toEqual({ status: 'unknown-encoding', firstBadByte: 3 });
  });

  it('still refuses what is binary, whatever its encoding', () => {
    expect(() => decodeTextOrReport(bytes('Caf', [0xe9, 0], 'x'))).toThrow('This looks like a binary file, not text.');
    expect(() => decodeTextOrReport(bytes([0xe9, 1, 2, 3, 4, 0x41]))).toThrow('This looks like a binary file, not text.');
    expect(() => decodeTextOrReport(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toThrow('This looks like an old-format Office file');
  });
});
