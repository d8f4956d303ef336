import { describe, expect, it } from 'vitest';
import { HtmlTokenizer, type HtmlToken } from './html-tokens';

function tokens(source: string): HtmlToken[] {
  const tokenizer = new HtmlTokenizer(source);
  const out: HtmlToken[] = [];
  for (let token = tokenizer.next(); token !== null; token = tokenizer.next()) out.push(token);
  return out;
}

describe('HtmlTokenizer', () => {
  it('reads tags, attributes in every quoting, and text as written', () => {
    expect(tokens(`<A HREF="/a>b" title='it"s' data-x=1 hidden>Q&amp;A</a >`)).toEqual([
      {
        type: 'start',
        name: 'a',
        attributes: [
          { name: 'href', value: '/a>b' },
          { name: 'title', value: 'it"s' },
          { name: 'data-x', value: '1' },
          { name: 'hidden', value: null },
        ],
        selfClosing: false,
      },
      { type: 'text', text: 'Q&amp;A' },
      { type: 'end', name: 'a' },
    ]);
  });

  it('skips comments, doctypes and processing instructions, however they end', () => {
    const texts = tokens('<!DOCTYPE html>a<!-->b<!--->c<!-- x -- y --!>d<?php echo 1 ?>e<!-- never closed').map((t) => (t.type === 'text' ? t.text : t.type));
    expect(texts).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('gives the content of raw-text elements with their start tag', () => {
    expect(tokens('<script>if (a < b) document.write("</p>")</script ><p>')).toEqual([
      { type: 'start', name: 'script', attributes: [], selfClosing: false, content: 'if (a < b) document.write("</p>")' },
      { type: 'end', name: 'script' },
      { type: 'start', name: 'p', attributes: [], selfClosing: false },
    ]);
  });

  it('turns a < that starts no tag into text, and drops a tag cut off by the end of the input', () => {
    expect(tokens('1 < 2 </> <3 <a href="x')).toEqual([
      { type: 'text', text: '1 ' },
      { type: 'text', text: '&lt;' },
      { type: 'text', text: ' 2 ' },
      { type: 'text', text: ' ' },
      { type: 'text', text: '&lt;' },
      { type: 'text', text: '3 ' },
    ]);
  });

  it('notes self-closing syntax and reads CDATA only in foreign content', () => {
    const tokenizer = new HtmlTokenizer('<path d="M0"/><![CDATA[<b>x</b>]]>');
    tokenizer.foreign = true;
    expect(tokenizer.next()).toEqual({ type: 'start', name: 'path', attributes: [{ name: 'd', value: 'M0' }], selfClosing: true });
    expect(tokenizer.next()).toBeNull();
  });
});
