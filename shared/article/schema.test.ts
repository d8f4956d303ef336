import { Mark } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { AppError } from '../result';
import { checkArticleBody } from './check-body';
import { isSafeLinkHref, safeLinkHref } from './link-href';
import { articleFromParagraphs, plainTextOf } from './plain-text';
import { articleSchema } from './schema';

const linked = (href: unknown) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a link', marks: [{ type: 'link', attrs: { href } }] }] }],
});

describe('link targets', () => {
  it('accepts absolute http, https and mailto URLs, in canonical form', () => {
    expect(safeLinkHref('https://Example.org/a b')).toBe('https://example.org/a%20b');
    expect(safeLinkHref('  http://example.org  ')).toBe('http://example.org/');
    expect(safeLinkHref('mailto:desk@example.org')).toBe('mailto:desk@example.org');
    expect(safeLinkHref('../map', 'https://news.example/2026/story')).toBe('https://news.example/map');
  });

  it('refuses every other scheme however it is spelt, relative URLs without a base, and empty hosts', () => {
    for (const raw of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '/relative', 'https:', 'http://', 'ftp://example.org/']) {
      expect(safeLinkHref(raw)).toBeNull();
    }
    expect(safeLinkHref('x', 'javascript:alert(1)')).toBeNull();
    expect(safeLinkHref(`https://example.org/${'a'.repeat(5000)}`)).toBeNull();
    expect(isSafeLinkHref('https://Example.org')).toBe(false);
    expect(isSafeLinkHref(42)).toBe(false);
  });
});

describe('articleSchema', () => {
  it('cannot hold a link to anything but http, https or mailto, whichever way it is built', () => {
    expect(() => articleSchema.nodeFromJSON(linked('https://example.org/'))).not.toThrow();
    for (const href of ['javascript:alert(1)', 'https://Example.org', 'data:,x', '', null, 7, undefined]) {
      expect(() => articleSchema.nodeFromJSON(linked(href))).toThrow(RangeError);
      expect(() => Mark.fromJSON(articleSchema, { type: 'link', attrs: { href } })).toThrow(RangeError);
      expect(() => articleSchema.marks['link']!.create({ href })).toThrow(RangeError);
    }
    expect(() => articleSchema.marks['link']!.create()).toThrow(RangeError);
  });

  it('renders a link with its target as a title, and lists with their start', () => {
    const link = articleSchema.marks['link']!.create({ href: 'https://example.org/' });
    expect(link.type.spec.toDOM!(link, true)).toEqual(['a', { href: 'https://example.org/', title: 'https://example.org/', rel: 'noopener noreferrer nofollow' }, 0]);
    const list = articleSchema.nodeFromJSON({ type: 'ordered_list', attrs: { order: 4 }, content: [{ type: 'list_item', content: [{ type: 'paragraph' }] }] });
    expect(list.type.spec.toDOM!(list)).toEqual(['ol', { start: '4' }, 0]);
    expect(() => articleSchema.nodeFromJSON({ ...list.toJSON(), attrs: { order: 1.5 } })).toThrow(RangeError);
  });

  it('still accepts the bodies stored before lists and marks', () => {
    const old = articleFromParagraphs([
      { type: 'heading', text: 'Title' },
      { type: 'blockquote', text: 'Quoted' },
      { type: 'paragraph', text: '' },
    ]);
    expect(JSON.stringify(old)).toBe(
      '{"type":"doc","content":[{"type":"heading","content":[{"type":"text","text":"Title"}],"attrs":{"level":2}},{"type":"blockquote","content":[{"type":"paragraph","content":[{"type":"text","text":"Quoted"}]}]},{"type":"paragraph"}]}',
    );
    expect(() => articleSchema.nodeFromJSON(old).check()).not.toThrow();
  });

  it('wants list items to start with a paragraph', () => {
    const item = (content: unknown[]) => ({ type: 'doc', content: [{ type: 'bullet_list', content: [{ type: 'list_item', content }] }] });
    expect(() => articleSchema.nodeFromJSON(item([{ type: 'paragraph' }, { type: 'bullet_list', content: [{ type: 'list_item', content: [{ type: 'paragraph' }] }] }])).check()).not.toThrow();
    expect(() => articleSchema.nodeFromJSON(item([{ type: 'heading' }])).check()).toThrow(RangeError);
  });
});

describe('checkArticleBody', () => {
  it('returns the document of a valid body with its plain text, and refuses anything else', () => {
    const body = articleFromParagraphs([{ type: 'paragraph', text: 'One' }, { type: 'paragraph', text: 'Two' }]);
    expect(plainTextOf(checkArticleBody(body, 'One\n\nTwo'))).toBe('One\n\nTwo');
    expect(() => checkArticleBody(body, 'One Two')).toThrow(AppError);
    expect(() => checkArticleBody(linked('javascript:x'), 'a link')).toThrow(AppError);
    expect(() => checkArticleBody({ type: 'doc', content: [{ type: 'script' }] }, '')).toThrow(AppError);
    expect(() => checkArticleBody('nonsense', '')).toThrow(AppError);
  });
});
