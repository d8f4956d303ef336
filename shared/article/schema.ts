/**
 * The ProseMirror schema of an article. Blocks are paragraphs, headings and block quotes
 * holding plain text; later importers may add marks. Claims are not part of the document:
 * they are decorations (see `renderer/editor/highlights.ts`), so the stored text stays the
 * publisher's text.
 */
import { Schema } from 'prosemirror-model';

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
      content: 'paragraph+',
      defining: true,
      parseDOM: [{ tag: 'blockquote' }],
      toDOM: () => ['blockquote', 0],
    },
    text: {},
  },
  marks: {},
});

/** The JSON shape of a stored article body. */
export interface ArticleJson {
  readonly type: 'doc';
  readonly content: readonly unknown[];
}
