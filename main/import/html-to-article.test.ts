import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { isSafeLinkHref } from '../../shared/article/link-href';
import { plainTextOf } from '../../shared/article/plain-text';
import { articleSchema, type ArticleJson } from '../../shared/article/schema';
import { MAX_ARTICLE_CHARS } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { articleFromHtml, type HtmlArticle } from './html-to-article';

/** The document of an import, after checking what every import must satisfy. */
function checked(article: HtmlArticle): Node {
  const doc = articleSchema.nodeFromJSON(article.body);
  doc.check();
  expect(article.plainText).toBe(plainTextOf(doc));
  doc.descendants((node) => {
    if (node.isTextblock) expect(node.textContent).not.toMatch(/\n/);
    for (const mark of node.marks) if (mark.type.name === 'link') expect(isSafeLinkHref(mark.attrs['href'])).toBe(true);
    return true;
  });
  return doc;
}

function links(doc: Node): string[] {
  const found: string[] = [];
  doc.descendants((node) => {
    for (const mark of node.marks) if (mark.type.name === 'link') found.push(String(mark.attrs['href']));
  });
  return found;
}

function outline(body: ArticleJson): unknown {
  const walk = (node: { type: string; attrs?: Record<string, unknown>; content?: unknown[]; text?: string; marks?: { type: string }[] }): unknown =>
    node.type === 'text'
      ? node.marks ? `${node.marks.map((m) => m.type).join('+')}:${node.text}` : node.text
      : { [node.type + (node.attrs?.['level'] ? node.attrs['level'] : '') + (node.attrs?.['order'] && node.attrs['order'] !== 1 ? `@${String(node.attrs['order'])}` : '')]: (node.content ?? []).map((c) => walk(c as never)) };
  return (body.content as never[]).map(walk);
}

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('articleFromHtml: structure', () => {
  const page = `<!DOCTYPE html><html><head><title>Page title</title><style>p { color: red }</style></head><body>
    <article>
      <h1>Flooding in   Marrow Valley</h1>
      <p>MARROW, 14 March (Wire) — Rivers burst their banks <em>overnight</em>, <strong>officials</strong> said.</p>
      <blockquote><p>“We lost <i>everything</i>,” said a resident.</p><ul><li>her house</li><li>her car</li></ul></blockquote>
      <h3>What we know</h3>
      <ol start="3"><li>At least <b>38</b> dead<ol><li>12 in Marrow</li><li>26 <a href="/map#north">upstream</a></li></ol></li><li>Roads closed</li></ol>
      <p>Read the <a href="https://example.org/report.pdf" onclick="steal()">report</a> or write to <a href="mailto:desk@example.org">the desk</a>.<br>Updated at noon.</p>
      <p>   </p><p></p>
    </article></body></html>`;

  it('keeps headings, paragraphs, quotes, nested lists, emphasis and links', () => {
    const article = articleFromHtml(page, { baseUrl: 'https://news.example.com/2026/flood.html' });
    const doc = checked(article);
    expect(outline(article.body)).toEqual([
      { heading1: ['Flooding in Marrow Valley'] },
      { paragraph: ['MARROW, 14 March (Wire) — Rivers burst their banks ', 'em:overnight', ', ', 'strong:officials', ' said.'] },
      {
        blockquote: [
          { paragraph: ['“We lost ', 'em:everything', ',” said a resident.'] },
          { bullet_list: [{ list_item: [{ paragraph: ['her house'] }] }, { list_item: [{ paragraph: ['her car'] }] }] },
        ],
      },
      { heading3: ['What we know'] },
      {
        'ordered_list@3': [
          {
            list_item: [
              { paragraph: ['At least ', 'strong:38', ' dead'] },
              { ordered_list: [{ list_item: [{ paragraph: ['12 in Marrow'] }] }, { list_item: [{ paragraph: ['26 ', 'link:upstream'] }] }] },
            ],
          },
          { list_item: [{ paragraph: ['Roads closed'] }] },
        ],
      },
      { paragraph: ['Read the ', 'link:report', ' or write to ', 'link:the desk', '. Updated at noon.'] },
    ]);
    expect(links(doc)).toEqual(['https://news.example.com/map#north', 'https://example.org/report.pdf', 'mailto:desk@example.org']);
    expect(article.plainText).not.toMatch(/Page title|color/);
    expect(article.plainText.split('\n\n')).toHaveLength(11);
  });

  it('unlinks relative links when there is no page address, keeping their text', () => {
    const doc = checked(articleFromHtml('<p><a href="/map">the map</a> and <a href="https://ok.example/">this</a></p>'));
    expect(links(doc)).toEqual(['https://ok.example/']);
    expect(doc.textContent).toBe('the map and this');
  });

  it('reads table cells, definition lists and preformatted text as separate blocks, with white space collapsed', () => {
    const article = articleFromHtml('<table><tr><th>Town</th><td>Dead</td></tr><tr><td>Marrow</td><td>12</td></tr></table><dl><dt>Toll</dt><dd>38</dd></dl><pre>line one\n   line two</pre>');
    checked(article);
    expect(article.plainText.split('\n\n')).toEqual(['Town', 'Dead', 'Marrow', '12', 'Toll', '38', 'line one line two']);
  });

  it('makes a list item that starts with a heading, a quote or a list start with a paragraph', () => {
    const article = articleFromHtml('<ul><li><h2>Title</h2><p>Text</p></li><li><ul><li>inner</li></ul></li><li><blockquote><p>quoted</p></blockquote></li></ul>');
    checked(article);
    expect(article.plainText.split('\n\n')).toEqual(['Title', 'Text', 'inner', 'quoted']);
  });

  it('does not make a Google Docs paste bold all over, and drops hidden elements', () => {
    const article = articleFromHtml('<b style="font-weight:normal;" id="docs-internal-guid-1"><p>Plain <b>bold</b></p></b><p hidden>secret</p><div hidden="until-found">found</div>');
    expect(outline(article.body)).toEqual([{ paragraph: ['Plain ', 'strong:bold'] }, { paragraph: ['found'] }]);
  });

  it('refuses a page without text, and an article past the size limit', () => {
    expect(errorOf(() => articleFromHtml('<p> </p><script>text()</script><img src=x>')).kind).toBe('bad-file');
    expect(errorOf(() => articleFromHtml('')).message).toBe('The page has no article text.');
    expect(errorOf(() => articleFromHtml(`<p>${'x'.repeat(MAX_ARTICLE_CHARS + 1)}</p>`)).kind).toBe('too-large');
  });
});

// Inputs meant to get something executable, or hidden text, through an import.
const HOSTILE: readonly string[] = [
  '<script>alert("script text")</script><p>ok</p>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT><p>ok</p>',
  '<script><!--<script></script>alert("double escaped")</script><p>ok</p>',
  '<img src=x onerror=alert(1)><p onmouseover="alert(1)">ok</p>',
  '<p><a href="javascript:alert(1)">js</a></p>',
  '<p><a href="JaVaScRiPt:alert(1)">js</a></p>',
  '<p><a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">entities</a></p>',
  '<p><a href="&#x6A;avascript&colon;alert(1)">hex entities</a></p>',
  '<p><a href="java\tscript:alert(1)">tab</a><a href="java&#x0A;script:alert(1)">newline</a><a href="java&#0;script:alert(1)">nul</a></p>',
  '<p><a href="  javascript:alert(1)">spaces</a><a href="\u0001javascript:alert(1)">control</a></p>',
  '<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a></p>',
  '<p><a href="vbscript:msgbox(1)">vb</a><a href="file:///etc/passwd">file</a><a href="//evil.example/x">protocol-relative</a></p>',
  '<p><a href="https:alert(1)">https without slashes</a><a href="http://">empty host</a></p>',
  '<svg onload=alert(1)><text>svg text</text><script>alert(1)</script></svg><p>ok</p>',
  '<svg><style><img src=x onerror=alert(1)></style></svg><p>ok</p>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math><mi xlink:href="javascript:alert(1)">math</mi></math><p>ok</p>',
  '<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=alert(1) src>">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '<a href="https://ok.example/"><svg><a xlink:href="javascript:alert(1)"><text>inner</text></a></svg>outer</a>',
  '<style>body { background: url(javascript:alert(1)) }</style><p style="background:url(javascript:alert(1))">styled</p>',
  '<form action="javascript:alert(1)"><input value="field text"><textarea>area text</textarea><button formaction="javascript:alert(1)">button text</button><select><option>option text</option></select></form><p>ok</p>',
  '<iframe srcdoc="<script>alert(1)</script>">iframe text</iframe><p>ok</p>',
  '<iframe src="javascript:alert(1)"></iframe><object data="javascript:alert(1)">object text</object><embed src="javascript:alert(1)"><p>ok</p>',
  '<base href="javascript:alert(1)//"><p><a href="relative">relative</a></p>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><p>ok</p>',
  '<!--[if IE]><script>alert("ie")</script><p>ie only</p><![endif]--><p>ok</p>',
  '<!--><script>alert(1)</script>--><p>ok</p>',
  '<template><script>alert(1)</script><p>template text</p></template><p>ok</p>',
  '<xmp><script>alert(1)</script></xmp><p>ok</p>',
  '<textarea></textarea><script>alert(1)</script><p>ok</p>',
  '<title></title><img src=x onerror=alert(1)><p>ok</p>',
  '<plaintext><script>alert(1)</script>',
  '<p><a href="https://ok.example/" onclick="alert(1)" style="x" target="_blank" ping="https://evil.example/">ok</a></p>',
  '<p><a href="https://ok.example/&quot; onclick=&quot;alert(1)">quoted</a></p>',
  '<p><a href=\'https://ok.example/"><script>alert(1)</script>\'>single</a></p>',
  '<div id="x"><p><img name=body><img id=cookie>clobbered</p></div>',
  '<a href="https://ok.example/"><a href="javascript:alert(1)">nested</a></a>',
  '<ul><li><a href=" mailto:desk@example.org ">mail</a></li></ul>',
];

describe('articleFromHtml: nothing executable survives', () => {
  it.each(HOSTILE.map((html) => [html]))('%s', (html) => {
    let article: HtmlArticle;
    try {
      article = articleFromHtml(html, { baseUrl: 'https://news.example.com/story' });
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      return;
    }
    const doc = checked(article);
    for (const href of links(doc)) expect(new URL(href).protocol).toMatch(/^(https?|mailto):$/);
    expect(article.plainText).not.toMatch(/alert|msgbox|svg text|field text|area text|button text|option text|iframe text|object text|template text|ie only|background/);
  });

  it('keeps escaped markup as text', () => {
    const article = articleFromHtml('<p>&lt;script&gt;alert(1)&lt;/script&gt; as text</p><listing>&lt;img src=x onerror=alert(1)&gt;</listing>');
    expect(article.plainText).toBe('<script>alert(1)</script> as text\n\n<img src=x onerror=alert(1)>');
  });

  it('keeps the text of unsafe links and resolves relative ones only against the given address, not <base>', () => {
    const doc = checked(articleFromHtml(HOSTILE.find((html) => html.startsWith('<base'))!, { baseUrl: 'https://news.example.com/story' }));
    expect(links(doc)).toEqual(['https://news.example.com/relative']);
    const unlinked = checked(articleFromHtml(HOSTILE[4]!));
    expect(unlinked.textContent).toBe('js');
    expect(links(unlinked)).toEqual([]);
  });

  it('reads arbitrary strings into a checked article or an AppError, and nothing else', () => {
    const tags = ['p', 'a', 'b', 'i', 'em', 'ul', 'ol', 'li', 'blockquote', 'h2', 'div', 'script', 'style', 'svg', 'math', 'table', 'td', 'br', 'template', 'form', 'textarea', 'select', 'title', 'noscript', 'xmp', 'span'];
    const piece = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(...tags).map((t) => `<${t}>`),
      fc.constantFrom(...tags).map((t) => `</${t}>`),
      fc.constantFrom('<a href="javascript:x()">', '<a href="https://ok.example/">', '<a href="/rel">', '<!--', '-->', '<![CDATA[', ']]>', '&amp;', '&#0;', '<', '>', '"', "'", '=', '<br/>', '<p hidden>', '<img onerror=x()>'),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''))), (html) => {
        try {
          const doc = checked(articleFromHtml(html, { baseUrl: 'https://ok.example/page' }));
          for (const href of links(doc)) expect(href.startsWith('https://ok.example/')).toBe(true);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });
});

// Times are printed, not asserted: they vary with the machine's load.
describe('articleFromHtml: pathological input finishes in bounded time', { timeout: 120_000 }, () => {
  function timed<T>(label: string, run: () => T): T {
    const start = performance.now();
    const result = run();
    console.log(`${label}: ${Math.round(performance.now() - start)} ms`);
    return result;
  }

  it('100,000 nested divs, block quotes, lists and formatting elements', () => {
    for (const open of ['<div>', '<blockquote>', '<ul><li>', '<b a=1>', '<span>', '<p><b>x', '<table><tr><td>']) {
      const article = timed(`100,000 × ${open}`, () => articleFromHtml(`${open.repeat(100_000)}deep text`));
      checked(article);
      expect(article.plainText).toContain('deep text');
    }
    // Inside SVG, nothing is text of the article.
    expect(timed('100,000 × <svg><g>', () => errorOf(() => articleFromHtml(`${'<svg><g>'.repeat(100_000)}deep text`))).kind).toBe('bad-file');
  });

  it('a single 4.9 MB line and 100,000 paragraphs', () => {
    const line = timed('4.9 MB line', () => articleFromHtml(`<p>${'word '.repeat(980_000)}</p>`));
    expect(line.plainText.length).toBe(980_000 * 5 - 1);
    const paragraphs = timed('100,000 paragraphs', () => articleFromHtml('<p>A paragraph of the story, with <em>emphasis</em>.</p>\n'.repeat(100_000)));
    expect(paragraphs.body.content).toHaveLength(100_000);
  });

  it('100,000 comments, images and unknown wrappers among paragraphs', () => {
    timed('100,000 comments and images', () => checked(articleFromHtml('<p>x</p><!-- c --><img src=x>'.repeat(100_000))));
    timed('100,000 paragraphs in one <font>', () => checked(articleFromHtml(`<font>${'<p>x</p>'.repeat(100_000)}</font>`)));
  });
});
