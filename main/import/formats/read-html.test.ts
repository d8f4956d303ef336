import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READABILITY_MAX_ELEMENTS, readHtml } from './read-html';

const wireStory = fs.readFileSync(path.join(__dirname, 'fixtures/wire-story.html'), 'utf8');

const paragraphs = (count: number, text = 'Aid convoys reached the flood-hit town on Monday, officials said, as rescue teams searched.') =>
  Array.from({ length: count }, (_, i) => `<p>${i + 1}. ${text}</p>`).join('');

describe('readHtml', () => {
  it('picks the article out of a saved news page, with its metadata', () => {
    const read = readHtml(wireStory, 'kestrel.html');
    expect(read.format).toBe('html');
    expect(read.meta).toEqual({
      title: 'Aid convoys reach Kestrel Falls as death toll rises to 41',
      author: 'Ana Ruiz, Tomas Berg',
      publication: 'The Northern Ledger',
      publishedOn: '2024-06-02',
      url: 'https://www.northernledger.example/world/2024/jun/02/kestrel-falls-aid-convoys',
      language: 'en-GB',
    });
    expect(read.warnings).toEqual([]);
    if (read.content.kind !== 'html') throw new Error('expected HTML');
    expect(read.content.baseUrl).toBe('https://www.northernledger.example/world/2024/jun/02/kestrel-falls-aid-convoys');
    const html = read.content.html;
    expect(html).toContain('“a shoot-to-kill order”');
    expect(html).toContain('<h2>Warnings ignored</h2>');
    expect(html).toContain('inspect the barrier on Wednesday');
    // Navigation, related links, the footer, scripts and styles are not the article.
    for (const outside of ['Politics', 'Related stories', 'Terms', 'dataLayer', 'font-family', 'Search']) expect(html).not.toContain(outside);
  });

  it('takes metadata from meta tags when there is no JSON-LD, and says when JSON-LD is broken', () => {
    const page = `<html lang="fr"><head><title>Titre | Le Journal</title>
      <meta property="og:title" content="Les secours arrivent">
      <meta property="og:site_name" content="Le Journal">
      <meta name="author" content="Claire Dubois">
      <meta name="date" content="2 June 2024">
      <meta property="og:url" content="https://journal.example/secours">
      <script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
      </head><body><article>${paragraphs(8, 'Les convois sont arrivés lundi, selon les autorités.')}</article></body></html>`;
    const read = readHtml(page, 'page.html');
    expect(read.meta).toEqual({
      title: 'Les secours arrivent',
      author: 'Claire Dubois',
      publication: 'Le Journal',
      publishedOn: '2024-06-02',
      url: 'https://journal.example/secours',
      language: 'fr',
    });
    expect(read.warnings).toEqual(['Some of the page’s structured metadata (JSON-LD) is not valid JSON and was ignored.']);
  });

  it('falls back to the page title, a <time> element and og:locale', () => {
    const page = `<head><title>Flood barrier failing, council told</title><meta property="og:locale" content="en_US"></head>
      <body><p><time datetime="2024-03-11">11 March</time></p>${paragraphs(6)}</body>`;
    const read = readHtml(page, 'page.htm');
    expect(read.meta).toEqual({ title: 'Flood barrier failing, council told', publishedOn: '2024-03-11', language: 'en-US' });
  });

  it('refuses a page with no text', () => {
    expect(() => readHtml('<html><head><title>Empty</title></head><body><img src=x.png><script>x()</script></body></html>', 'blank.html')).toThrow(
      '“blank.html” has no text to import.',
    );
  });

  it('imports a short page whole', () => {
    const read = readHtml('<p>Toll rises to 41.</p>', 'brief.html');
    if (read.content.kind !== 'html') throw new Error('expected HTML');
    expect(read.content.html).toContain('Toll rises to 41.');
  });

  it('imports the whole body of a page too large for Readability, and says so', () => {
    const page = `<body><main>${'<div><span>w</span></div>'.repeat(READABILITY_MAX_ELEMENTS / 2 + 10)}${paragraphs(5)}</main></body>`;
    const started = performance.now();
    const read = readHtml(page, 'huge.html');
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(read.warnings).toEqual(['The page is too large to pick the article out of it, so all of the page’s text was imported.']);
    if (read.content.kind !== 'html') throw new Error('expected HTML');
    expect(read.content.html).toContain('5. Aid convoys');
  });

  it('reads 100,000 nested <div>s in bounded time, keeping the text', () => {
    const page = `<body>${'<div>'.repeat(100_000)}<p>Deep paragraph of the article, officials said.</p>${'</div>'.repeat(100_000)}</body>`;
    const started = performance.now();
    const read = readHtml(page, 'nested.html');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(read.warnings[0]).toMatch(/^The page nests its elements more than 128 deep/);
    if (read.content.kind !== 'html') throw new Error('expected HTML');
    expect(read.content.html).toContain('Deep paragraph of the article');
  });
});

describe('readHtml on a hostile page', () => {
  let server: http.Server;
  let origin = '';
  const requests: string[] = [];

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('runs none of its scripts and fetches nothing it points to', async () => {
    const page = `<!DOCTYPE html><html><head>
      <meta http-equiv="refresh" content="0; url=${origin}/refresh">
      <link rel="stylesheet" href="${origin}/style.css"><link rel="preload" href="${origin}/preload" as="fetch">
      <script src="${origin}/external.js"></script>
      <script>globalThis.claimdeskScriptRan = true; fetch('${origin}/fetch'); new Image().src = '${origin}/beacon';</script>
      <style>@import url("${origin}/import.css"); body { background: url("${origin}/background.png") }</style>
      </head><body onload="globalThis.claimdeskScriptRan = true">
      <img src="${origin}/image.png" srcset="${origin}/image-2x.png 2x" onerror="globalThis.claimdeskScriptRan = true">
      <iframe src="${origin}/frame"></iframe><object data="${origin}/object"></object><embed src="${origin}/embed">
      <video poster="${origin}/poster.png" src="${origin}/video.mp4"></video><audio src="${origin}/audio.mp3"></audio>
      <svg><image href="${origin}/svg-image.png"/><script>globalThis.claimdeskScriptRan = true</script></svg>
      <a href="javascript:globalThis.claimdeskScriptRan = true">link</a>
      ${paragraphs(6)}</body></html>`;
    const read = readHtml(page, 'hostile.html');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests).toEqual([]);
    expect((globalThis as { claimdeskScriptRan?: boolean }).claimdeskScriptRan).toBeUndefined();
    if (read.content.kind !== 'html') throw new Error('expected HTML');
    expect(read.content.html).toContain('Aid convoys reached');
    expect(read.content.html).not.toContain('claimdeskScriptRan = true;');
  });
});
