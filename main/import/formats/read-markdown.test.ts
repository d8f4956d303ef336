import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from './read-markdown';

const wireStory = fs.readFileSync(path.join(__dirname, 'fixtures/wire-story.md'), 'utf8');

function html(markdown: string): string {
  const read = readMarkdown(markdown);
  if (read.content.kind !== 'html') throw new Error('expected HTML');
  return read.content.html;
}

describe('readMarkdown', () => {
  it('renders an article with its front matter as metadata', () => {
    const read = readMarkdown(wireStory);
    expect(read.meta).toEqual({
      title: 'Aid convoys reach Kestrel Falls as death toll rises to 41',
      author: 'Ana Ruiz',
      publication: 'The Northern Ledger',
      publishedOn: '2024-06-02',
      url: 'https://www.northernledger.example/world/2024/jun/02/kestrel-falls-aid-convoys',
      language: 'en-GB',
    });
    const out = html(wireStory);
    expect(out).toContain('<h1>Aid convoys reach Kestrel Falls as death toll rises to 41</h1>');
    expect(out).toContain('<em>officials said</em>');
    expect(out).toContain('<strong>41</strong>');
    expect(out).toContain('<blockquote>\n<p>“We need water more than anything,” said Mira Holt, a teacher.</p>\n</blockquote>');
    expect(out).toContain('<a href="https://gov.example/statement">governor\'s statement</a>');
    expect(out).toContain('<li>two field clinics set up</li>');
    expect(out).not.toContain('title:');
  });

  it('shows raw HTML as text, and links neither javascript: nor bare addresses', () => {
    const out = html('<script>alert(1)</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) www.example.com');
    expect(out).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; [click](javascript:alert(1)) www.example.com</p>\n',
    );
  });

  it('takes the title from the first level-one heading when there is no front matter', () => {
    expect(readMarkdown('Intro line.\n\n# Toll rises to *41*\n\nText.').meta).toEqual({ title: 'Toll rises to 41' });
    expect(readMarkdown('---\nnot: front matter without an end\n\nText.').meta).toEqual({});
  });

  it('reads front matter with CRLF line ends, quotes and lists', () => {
    const read = readMarkdown("---\r\ntitle: 'Floods: the toll'\r\nauthors: [Ana Ruiz, \"Tomas Berg\"]\r\ndate: 2 June 2024\r\n---\r\nBody text.");
    expect(read.meta).toEqual({ title: 'Floods: the toll', author: 'Ana Ruiz, Tomas Berg', publishedOn: '2024-06-02' });
    expect(html("---\r\ntitle: x\r\n---\r\nBody text.")).toBe('<p>Body text.</p>\n');
  });

  it.each([
    ['100,000 nested quotes', '>'.repeat(100_000) + ' text'],
    ['100,000 open brackets', '['.repeat(100_000) + 'x'],
    ['a 5 MB line', 'word '.repeat(1_000_000)],
    ['200,000 emphasis markers', '*a'.repeat(200_000)],
    ['a table of 100,000 rows', `|a|b|\n|-|-|\n${'|x|y|\n'.repeat(100_000)}`],
  ])('renders %s in bounded time', (_name, markdown) => {
    const started = performance.now();
    const read = readMarkdown(markdown);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(read.format).toBe('markdown');
  });
});
