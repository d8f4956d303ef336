/**
 * Parsing an imported JSON file, with limits a hostile file cannot get round: nesting depth is
 * measured on the text before `JSON.parse` sees it (so neither the parser nor any later walk of
 * the value goes deep), and a syntax error is reported by line and column rather than by a
 * parser message that quotes the file.
 */
import { AppError } from '../result';

/** Deepest nesting of arrays and objects accepted. Real annotation files nest about 8 deep. */
export const MAX_JSON_DEPTH = 64;

/** The value of `text` as JSON. AppError('bad-file') for text that is not JSON or nests deeper than `maxDepth`. */
export function parseJsonText(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (text.trim() === '') throw new AppError('bad-file', 'This file is empty: there is no JSON in it.');
  if (nestingDepth(text) > maxDepth) {
    throw new AppError('bad-file', `This file nests lists and objects more than ${maxDepth} deep; annotation files never do.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError('bad-file', `This file is not JSON${whereJsonFails(text, error)}.`);
  }
}

/**
 * The deepest nesting of `[` and `{` in `text` outside strings. On text that is not JSON the
 * count may be off, but JSON.parse refuses that text anyway.
 */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++; // a backslash escapes the next character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return deepest;
}

// V8 says "... in JSON at position N"; other engines say less. Only the position is kept.
function whereJsonFails(text: string, error: unknown): string {
  const match = /position (\d+)/u.exec(error instanceof Error ? error.message : '');
  if (match === null) return '';
  const position = Math.min(Number(match[1]), text.length);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return ` (the first mistake is on line ${line}, column ${column})`;
}
