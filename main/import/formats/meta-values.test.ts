import { describe, expect, it } from 'vitest';
import { cleanText, decodeEntities, normaliseDate, normaliseLanguage, normaliseUrl } from './meta-values';

describe('normaliseDate', () => {
  it.each([
    ['2024-06-02', '2024-06-02'],
    ['2024-06-02T23:30:00-05:00', '2024-06-02'],
    ['2024/06/02', '2024-06-02'],
    ['20240602', '2024-06-02'],
    ['D:20240602093000+02\'00\'', '2024-06-02'],
    ['2 June 2024', '2024-06-02'],
    ['Sun, 2 Jun 2024 07:45:00 GMT', '2024-06-02'],
    ['June 2, 2024', '2024-06-02'],
    ['Sept. 30th, 2023', '2023-09-30'],
    ['2024-02-30', undefined],
    ['yesterday', undefined],
    ['2024-06', undefined],
    [42, undefined],
  ])('reads %s as %s', (value, expected) => {
    expect(normaliseDate(value)).toBe(expected);
  });
});

describe('normaliseUrl', () => {
  it('keeps http(s) addresses, resolves relative ones against a base, refuses the rest', () => {
    expect(normaliseUrl(' https://news.example/a?b=1#c ')).toBe('https://news.example/a?b=1#c');
    expect(normaliseUrl('/world/story', 'https://news.example/section/')).toBe('https://news.example/world/story');
    expect(normaliseUrl('/world/story')).toBeUndefined();
    expect(normaliseUrl('javascript:alert(1)')).toBeUndefined();
    expect(normaliseUrl('file:///etc/passwd')).toBeUndefined();
    expect(normaliseUrl('https://user:secret@news.example/')).toBeUndefined();
    expect(normaliseUrl(`https://news.example/${'a'.repeat(3000)}`)).toBeUndefined();
  });
});

describe('normaliseLanguage', () => {
  it('gives canonical BCP 47 tags', () => {
    expect(normaliseLanguage('en_gb')).toBe('en-GB');
    expect(normaliseLanguage('pt-br')).toBe('pt-BR');
    expect(normaliseLanguage('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(normaliseLanguage('english')).toBeUndefined();
    expect(normaliseLanguage('')).toBeUndefined();
  });
});

describe('cleanText', () => {
  it('puts text on one line and shortens it at a word', () => {
    expect(cleanText('  Aid \n\t arrives\u0000 ')).toBe('Aid arrives');
    expect(cleanText('   ')).toBeUndefined();
    const long = cleanText('word '.repeat(100), 30);
    expect(long).toBe('word word word word word word…');
  });
});

describe('decodeEntities', () => {
  it('decodes the common references and leaves the rest', () => {
    expect(decodeEntities('Q&amp;A &#8217;s &#x201C;quote&#x201D; &nbsp;&bogus; &#xD800;')).toBe('Q&A ’s “quote” \u00a0&bogus; &#xD800;');
  });
});
