/**
 * The ProseMirror schema of an article: the publisher's structure, nothing executable.
 *
 * Blocks are paragraphs, headings, block quotes and lists (bullet or ordered, whose items start
 * with a paragraph); inline content is text with three marks: emphasis, strong emphasis and
 * links. Every textblock holds text only, so inside a block one position is one UTF-16 code
 * unit of the plain text (see `plain-text.ts`). A link's target must be an absolute http:,
 * https: or mailto: URL in canonical form (`link-href.ts`); the attribute's validator refuses
 * anything else, so `nodeFromJSON`, `Mark.fromJSON`, `mark.create` and `check()` all throw on
 * it. Claims are not part of the document: they are decorations (see
 * `renderer/editor/highlights.ts`), so the stored text stays the publisher's text.
 *
 * Bodies stored before lists and marks existed stay valid: their nodes are unchanged, and a
 * block quote, which held paragraphs only, now holds any block.
 */
import { Schema, type DOMOutputSpec } from 'prosemirror-model';
import { isSafeLinkHref, safeLinkHref } from './link-href';

/** Throws unless `value` may be a link's target (see `link-href.ts`). */
function validateHref(value: unknown): void {
  if (!isSafeLinkHref(value)) throw new RangeError('A link must point to an absolute http:, https: or mailto: URL.');
}

/** Throws unless `value` may be the number an ordered list starts at. */
function validateOrder(value: unknown): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new RangeError('A list must start at a whole number.');
}

// The `start` of an `<ol>`, as the HTML standard reads it (leading integer), else 1.
function orderOf(start: string | null): number {
  const order = start === null ? NaN : Number.parseInt(start, 10);
  return Number.isSafeInteger(order) ? order : 1;
}

/** The article schema shared by main (validation of stored bodies) and the renderer. */
export const articleSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: {
      group: 'block',
      content: 'text*',
      parseDOM: [{ tag: 'p' }],
      toDOM: () => ['p', 0],
    },
    heading: {
      group: 'block',
      content: 'text*',
      attrs: { level: { default: 2, validate: 'number' } },
      defining: true,
      parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level } })),
      toDOM: (node) => [`h${Math.min(6, Math.max(1, Number(node.attrs['level']) || 2))}`, 0],
    },
    blockquote: {
      group: 'block',
      content: 'block+',
      defining: true,
      parseDOM: [{ tag: 'blockquote' }],
      toDOM: () => ['blockquote', 0],
    },
    bullet_list: {
      group: 'block',
      content: 'list_item+',
      parseDOM: [{ tag: 'ul' }],
      toDOM: () => ['ul', 0],
    },
    ordered_list: {
      group: 'block',
      content: 'list_item+',
      attrs: { order: { default: 1, validate: validateOrder } },
      parseDOM: [{ tag: 'ol', getAttrs: (dom) => ({ order: orderOf(dom.getAttribute('start')) }) }],
      toDOM: (node): DOMOutputSpec => (node.attrs['order'] === 1 ? ['ol', 0] : ['ol', { start: String(node.attrs['order']) }, 0]),
    },
    list_item: {
      content: 'paragraph block*',
      defining: true,
      parseDOM: [{ tag: 'li' }],
      toDOM: () => ['li', 0],
    },
    text: {},
  },
  marks: {
    // First, so a link wraps the emphasis inside it rather than being split by it.
    link: {
      attrs: { href: { validate: validateHref } },
      inclusive: false,
      parseDOM: [
        {
          tag: 'a[href]',
          getAttrs: (dom) => {
            const href = safeLinkHref(dom.getAttribute('href') ?? '');
            return href === null ? false : { href };
          },
        },
      ],
      // The target shows as a tooltip; the renderer keeps clicks from following it.
      toDOM: (mark) => {
        const href = String(mark.attrs['href']);
        return ['a', { href, title: href, rel: 'noopener noreferrer nofollow' }, 0];
      },
    },
    em: {
      parseDOM: [{ tag: 'em' }, { tag: 'i' }],
      toDOM: () => ['em', 0],
    },
    strong: {
      parseDOM: [{ tag: 'strong' }, { tag: 'b' }],
      toDOM: () => ['strong', 0],
    },
  },
});

/** The JSON shape of a stored article body. */
export interface ArticleJson {
  readonly type: 'doc';
  readonly content: readonly unknown[];
}
