/**
 * The *plain text* of an article, and the map between it and ProseMirror positions.
 *
 * Claims are anchored by offsets into the plain text (see `domain.ts`), while the editor speaks
 * ProseMirror positions. The plain text is the text of every textblock (paragraph and heading,
 * at any depth inside block quotes and list items) in document order, joined by "\n\n". Empty
 * textblocks count: two empty paragraphs in a row give "\n\n\n\n". List markers and marks
 * (emphasis, links) are not text.
 *
 * A `TextIndex` lists the textblocks once, each with the position where its content starts, its
 * offset in the plain text and its length, both ascending, so either direction is one binary
 * search. The schema's only inline node is text (marks take no positions), so inside a block one
 * position is one UTF-16 code unit; that is what makes the arithmetic below exact. Between two
 * blocks the gap is two positions or more (closing and opening quotes, lists and items).
 */
import type { Node } from 'prosemirror-model';
import type { ArticleJson } from './schema';

/** The separator between two blocks in the plain text. */
export const BLOCK_SEPARATOR = '\n\n';

/** One textblock of a document. */
export interface TextBlock {
  /** ProseMirror position where the block's content starts. */
  readonly pos: number;
  /** Offset of the block's first character in the plain text. */
  readonly offset: number;
  /** Length of the block's text in UTF-16 code units. */
  readonly length: number;
}

/** The textblocks of a document in order; never empty for a valid article. */
export interface TextIndex {
  readonly blocks: readonly TextBlock[];
  /** Length of the whole plain text. */
  readonly length: number;
}

/** Kinds of block `articleFromParagraphs` accepts. */
export type ParagraphKind = 'paragraph' | 'heading' | 'blockquote';

/** A block of text for `articleFromParagraphs`. */
export interface ParagraphInput {
  readonly type: ParagraphKind;
  readonly text: string;
}

/** The plain text of `doc`: its textblocks' text joined by "\n\n". */
export function plainTextOf(doc: Node): string {
  const parts: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    parts.push(node.textContent);
    return false;
  });
  return parts.join(BLOCK_SEPARATOR);
}

/** Lists the textblocks of `doc` with their positions and plain-text offsets. */
export function buildTextIndex(doc: Node): TextIndex {
  const blocks: TextBlock[] = [];
  let offset = 0;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (blocks.length > 0) offset += BLOCK_SEPARATOR.length;
    blocks.push({ pos: pos + 1, offset, length: node.content.size });
    offset += node.content.size;
    return false;
  });
  return { blocks, length: offset };
}

/**
 * The ProseMirror position of a plain-text offset. Offsets are clamped to the text. An offset
 * inside a "\n\n" separator maps to the start of the next block for bias 'start' (the default)
 * and to the end of the previous block for bias 'end', so a range never spans an empty gap.
 */
export function offsetToPos(index: TextIndex, offset: number, bias: 'start' | 'end' = 'start'): number {
  const { blocks } = index;
  const target = Math.min(Math.max(0, offset), index.length);
  const i = lastIndexAtOrBefore(blocks, target, (block) => block.offset);
  const block = blocks[Math.max(0, i)];
  if (block === undefined) return 0;
  if (target <= block.offset + block.length) return block.pos + Math.max(0, target - block.offset);
  const next = blocks[i + 1];
  if (bias === 'start' && next !== undefined) return next.pos;
  return block.pos + block.length;
}

/**
 * The plain-text offset of a ProseMirror position. A position outside any textblock's content
 * (between blocks, or before the first) maps to the nearest block boundary; on a tie, the end
 * of the previous block.
 */
export function posToOffset(index: TextIndex, pos: number): number {
  const { blocks } = index;
  const i = lastIndexAtOrBefore(blocks, pos, (block) => block.pos);
  const block = blocks[i];
  if (block === undefined) return 0;
  const end = block.pos + block.length;
  if (pos <= end) return block.offset + (pos - block.pos);
  const next = blocks[i + 1];
  if (next === undefined || pos - end <= next.pos - pos) return block.offset + block.length;
  return next.offset;
}

/**
 * ProseMirror JSON, valid for `articleSchema`, of the given blocks in order. Consecutive
 * 'blockquote' items form one block quote; an empty text gives an empty block; no items give
 * one empty paragraph (a document needs a block). Headings are level 2.
 */
export function articleFromParagraphs(paragraphs: readonly ParagraphInput[]): ArticleJson {
  const content: unknown[] = [];
  let quote: unknown[] | null = null;
  for (const { type, text } of paragraphs) {
    if (type === 'blockquote') {
      if (quote === null) {
        quote = [];
        content.push({ type: 'blockquote', content: quote });
      }
      quote.push(textblock('paragraph', text));
      continue;
    }
    quote = null;
    content.push(type === 'heading' ? { ...textblock('heading', text), attrs: { level: 2 } } : textblock('paragraph', text));
  }
  if (content.length === 0) content.push(textblock('paragraph', ''));
  return { type: 'doc', content };
}

// ProseMirror rejects empty text nodes, so an empty block has no content at all.
function textblock(type: 'paragraph' | 'heading', text: string): Record<string, unknown> {
  return text === '' ? { type } : { type, content: [{ type: 'text', text }] };
}

/** Index of the last item whose key is <= `target`, or -1 when there is none. */
function lastIndexAtOrBefore<T>(items: readonly T[], target: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid] as T;
    if (key(item) <= target) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
