import { describe, expect, it } from 'vitest';
import { prefilterHtml } from './html-prefilter';

const rewrite = (html: string, maxDepth = 64) => prefilterHtml(html, { maxDepth }).html;

describe('prefilterHtml', () => {
  it('writes the article tags, closed explicitly, with only href and start', () => {
    expect(rewrite('<P class=x onclick="a()">One<p>Two <B>bold<I>both</b> after')).toBe('<p>One</p><p>Two <strong>bold<em>both</em></strong> after</p>');
    expect(rewrite('<ol start="3" style="x"><li>a<li>b</ol><a href=\'x"y\' target=_blank>l</a>')).toBe('<ol start="3"><li>a</li><li>b</li></ol><a href="x&quot;y">l</a>');
    expect(rewrite('<table><tr><td>a<td>b</table><section><span>s</span></section>')).toBe('<div><div><div>a</div><div>b</div></div></div><div>s</div>');
  });

  it('leaves out comments, raw text and hidden elements with their content', () => {
    expect(rewrite('a<!-- <p>c</p> -->b<!-->c<script>x</script>d<style>p{}</style>e')).toBe('abcde');
    expect(rewrite('<script><!--<script></script>still script</script>after')).toBe('after');
    expect(rewrite('<svg><style>svg style</style><text>t</text></svg>ok<form><p>in form</p></form><div hidden>h</div>')).toBe('ok');
    // As in the standard, an HTML tag ends SVG content, even inside an SVG <style>.
    expect(rewrite('<svg><style><p>out</p></style></svg>')).toBe('<p>out</p>');
    expect(rewrite('<svg><g><p>breaks out</p></g></svg>')).toBe('<p>breaks out</p>');
    expect(rewrite('<div><form>in form</div>after')).toBe('<div></div>after');
  });

  it('drops tags nested deeper than the limit, keeping their text, and their end tags', () => {
    const result = prefilterHtml(`${'<div>'.repeat(10)}deep${'</div>'.repeat(10)}<p>after</p>`, { maxDepth: 3 });
    expect(result.html).toBe('<div><div><div>deep</div></div></div><p>after</p>');
    expect(result.tooDeep).toBe(true);
    expect(result.elements).toBe(4);
  });

  it('never throws and stays linear on unterminated markup', () => {
    for (const html of ['<', '<a href="x', '<!--', '<script>', '</', '<p', '<svg><![CDATA[', '<a b=\'']) expect(() => rewrite(html)).not.toThrow();
    expect(rewrite('1 < 2 <> 3')).toBe('1 < 2 <> 3');
  });
});
