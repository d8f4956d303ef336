import fc from 'fast-check';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { boundHtml, DEFAULT_HTML_LIMITS } from './bounded-html';

function parse(html: string): Document {
  return new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document;
}

function treeSize(document: Document): { elements: number; depth: number } {
  let elements = 0;
  let depth = 0;
  const walk = (node: Element, level: number) => {
    elements++;
    depth = Math.max(depth, level);
    for (const child of Array.from(node.children)) walk(child, level + 1);
  };
  walk(document.documentElement, 1);
  return { elements, depth };
}

const bodyOf = (html: string) => parse(boundHtml(html).html).body.innerHTML;

describe('boundHtml', () => {
  it('keeps an ordinary article as the parser would build it', () => {
    const article =
      '<article><h1>Aid arrives</h1><p class="lead">Convoys reached <a href="/town">the town</a>, <em>officials</em> said.</p>' +
      '<blockquote><p>“We need water.”</p></blockquote><ul><li>8,000 litres</li><li>two clinics</li></ul>' +
      '<table><thead><tr><th>Day</th><th>Toll</th></tr></thead><tbody><tr><td>Mon</td><td>41</td></tr></tbody></table></article>';
    expect(bodyOf(article)).toBe(parse(article).body.innerHTML);
  });

  it('writes out the end tags the parser would imply', () => {
    expect(boundHtml('<p>one<p>two<div>three</div><ul><li>a<li>b</ul><dl><dt>x<dd>y</dl>', { fragment: true }).html).toBe(
      '<p>one</p><p>two</p><div>three</div><ul><li>a</li><li>b</li></ul><dl><dt>x</dt><dd>y</dd></dl>',
    );
    expect(boundHtml('<table><tr><td>a<td>b<tr><td>c</table>after', { fragment: true }).html).toBe(
      '<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></tbody></table>after',
    );
    expect(boundHtml('<b>bold <i>both</b> italic</i>', { fragment: true }).html).toBe('<b>bold <i>both</i></b> italic');
  });

  it('leaves out scripts (but not JSON-LD), styles, frames, templates, SVG and form controls, keeping the text around them', () => {
    const html =
      '<html lang="pt-BR"><head><script>steal()</script><script type="application/ld+json">{"@type":"NewsArticle"}</script>' +
      '<style>p{}</style></head><body onload="steal()"><p onclick="steal()">Text</p><iframe src="https://x.example"></iframe>' +
      '<template><p>hidden</p></template><svg><text>chart</text><p>back in HTML</p><form><input name=q><select><option>o</select>' +
      '<textarea>typed</textarea>kept</form></body></html>';
    const out = boundHtml(html).html;
    expect(out).toBe(
      '<!DOCTYPE html><html lang="pt-BR"><script type="application/ld+json">{"@type":"NewsArticle"}</script><p>Text</p><p>back in HTML</p>kept</html>',
    );
  });

  it('keeps attributes as written, without event handlers or oversized values', () => {
    const out = boundHtml(`<a href='/x?a=1&amp;b="2"' title=plain onmouseover=x data-x="${'y'.repeat(9000)}" href="/dup">t</a>`, { fragment: true }).html;
    expect(out).toBe('<a href="/x?a=1&amp;b=&quot;2&quot;" title="plain">t</a>');
  });

  it('flattens 100,000 nested elements to the depth limit in well under a second, keeping their text', () => {
    const html = `<body>${'<div>'.repeat(100_000)}deep text${'</div>'.repeat(100_000)}<p>after</p></body>`;
    const started = performance.now();
    const bounded = boundHtml(html);
    const document = parse(bounded.html);
    const elapsed = performance.now() - started;
    expect(bounded.tooDeep).toBe(true);
    expect(treeSize(document).depth).toBeLessThanOrEqual(DEFAULT_HTML_LIMITS.maxDepth + 3);
    expect(document.body.textContent).toBe('deep textafter');
    expect(elapsed).toBeLessThan(3000);
  });

  it('stops adding elements at the limit, keeping the text', () => {
    const bounded = boundHtml('<p>x</p>'.repeat(100), { limits: { maxDepth: 10, maxElements: 20 } });
    expect(bounded).toMatchObject({ elements: 20, tooMany: true });
    expect(parse(bounded.html).body.textContent).toBe('x'.repeat(100));
  });

  it('defuses formatting elements that the standard would re-open in every paragraph', () => {
    // Unbounded, this takes the standard's parser minutes: 3,000 open <b>s re-opened 3,000 times.
    const attack = `<div>${Array.from({ length: 3000 }, (_, i) => `<b id=b${i}>`).join('')}</div>${'<p>x</p>'.repeat(3000)}`;
    const started = performance.now();
    const document = parse(boundHtml(attack).html);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(treeSize(document).elements).toBeLessThan(10_000);
  });

  it('gives a tree no deeper and no larger than it counts, whatever the tag soup (property)', () => {
    const tag = fc.constantFrom(
      ...['div', 'p', 'b', 'i', 'a', 'em', 'span', 'li', 'ul', 'ol', 'dd', 'dt', 'dl', 'h1', 'h2', 'table', 'tr', 'td', 'th', 'tbody', 'caption'],
      ...['blockquote', 'pre', 'section', 'font', 'nobr', 'button', 'form', 'select', 'option', 'svg', 'math', 'template', 'script', 'title', 'br', 'img'],
      ...['html', 'body', 'head', 'noscript', 'object', 'textarea', 'plaintext', 'frameset', 'colgroup', 'col', 'hr', 'x-widget'],
    );
    const token = fc.oneof(
      tag.map((name) => `<${name}>`),
      tag.map((name) => `</${name}>`),
      tag.map((name) => `<${name}/>`),
      fc.constantFrom('text', ' ', '<!-- c -->', '<', '&amp;', '<p class="x y">', "<a href='/'>", '<![CDATA[x]]>', '</>', '<!doctype html>'),
    );
    const limits = { maxDepth: 12, maxElements: 80 };
    fc.assert(
      fc.property(fc.array(token, { maxLength: 200 }), (tokens) => {
        const bounded = boundHtml(tokens.join(''), { limits });
        const size = treeSize(parse(bounded.html));
        // html, head and body are the parser's own; everything else was counted here.
        expect(size.elements).toBeLessThanOrEqual(bounded.elements + 3);
        expect(size.depth).toBeLessThanOrEqual(limits.maxDepth + 3);
      }),
      { numRuns: 200 },
    );
  });
});
