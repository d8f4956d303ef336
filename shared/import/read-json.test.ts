import { describe, expect, it } from 'vitest';
import { AppError } from '../result';
import { MAX_JSON_DEPTH, nestingDepth, parseJsonText } from './read-json';

function refusal(text: string): string {
  try {
    parseJsonText(text);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('bad-file');
    return (error as AppError).message;
  }
  throw new Error('expected a refusal');
}

describe('parseJsonText', () => {
  it('parses JSON, however it is spaced', () => {
    expect(parseJsonText('\n [ {"a": "b"}, 1, null ]\n')).toEqual([{ a: 'b' }, 1, null]);
  });

  it('says where the first mistake is when the parser tells, by line and column, without quoting the file', () => {
    expect(refusal('[1,\n 2 3]')).toBe('This file is not JSON (the first mistake is on line 2, column 4).');
    expect(refusal('{"secret": 1,}')).toBe('This file is not JSON (the first mistake is on line 1, column 14).');
    expect(refusal('Police said {')).toMatch(/^This file is not JSON( \(.*\))?\.$/u);
    expect(refusal('Police said {')).not.toContain('Police');
  });

  it('refuses an empty text, and nesting deeper than the limit before parsing it', () => {
    expect(refusal('  ')).toMatch(/empty/u);
    const deep = `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`;
    expect(refusal(deep)).toMatch(/more than 64 deep/u);
    const justDeepEnough = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(() => parseJsonText(justDeepEnough)).not.toThrow();
  });
});

describe('nestingDepth', () => {
  it('counts brackets and braces outside strings only, escaped quotes included', () => {
    expect(nestingDepth('{"a": [1, {"b": []}]}')).toBe(4);
    expect(nestingDepth('["[[[[", "\\"[[[", {}]')).toBe(2);
    expect(nestingDepth('"no nesting"')).toBe(0);
  });
});
