import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_ARTICLE } from '../../sample/sample-article';
import { createImportHost } from './import-host';
import { buildImportWorker } from './worker-build';

const encode = (text: string) => new TextEncoder().encode(text);

describe('the import worker host (a real worker thread)', () => {
  const workerFile = buildImportWorker();
  const host = createImportHost({ workerFile });
  afterAll(() => host.close());

  it('reads a file in the worker and answers with the article', async () => {
    const result = await host.read({ kind: 'file', bytes: encode(SAMPLE_ARTICLE), fileName: 'verano.txt' });
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.article.meta).toMatchObject({ title: 'verano', publishedOn: '2026-03-14' });
    expect(result.article.sourceFormat).toBe('text');
    expect(result.article.plainText).toContain('Security forces in the Republic of Verano fired on protesters');
  });

  it('answers jobs sent together one after the other, each with its own outcome', async () => {
    const [a, b, c] = await Promise.all([
      host.read({ kind: 'file', bytes: encode('First article.\n\nIt has two paragraphs.'), fileName: 'a.txt' }),
      host.read({ kind: 'file', bytes: encode(''), fileName: 'empty.txt' }),
      host.read({ kind: 'paste-html', html: '<h1>Pasted</h1><p>With <em>emphasis</em> and <a href="https://example.org/">a link</a>.</p>', title: null }),
    ]);
    expect(a).toMatchObject({ status: 'ok', article: { plainText: 'First article.\n\nIt has two paragraphs.' } });
    expect(b).toMatchObject({ status: 'error', error: { kind: 'bad-file' } });
    expect(c).toMatchObject({ status: 'ok', article: { meta: { title: 'Pasted' }, sourceFormat: 'paste' } });
  });

  it('stops a job that runs too long, says so, and the next job gets a fresh worker', async () => {
    const impatient = createImportHost({ workerFile, timeoutMs: 1 });
    try {
      const big = encode(Array.from({ length: 20_000 }, (_, i) => `<p>Paragraph ${i} of a long page.</p>`).join(''));
      const slow = await impatient.read({ kind: 'file', bytes: big, fileName: 'long.html' });
      expect(slow).toMatchObject({ status: 'error', error: { kind: 'too-large', message: expect.stringContaining('took longer than') } });
    } finally {
      await impatient.close();
    }
    const after = await host.read({ kind: 'file', bytes: encode('Still working.'), fileName: 'after.txt' });
    expect(after.status).toBe('ok');
  });

  it('stops a worker that needs more memory than allowed, and reports it as too large', async () => {
    const frugal = createImportHost({ workerFile, maxHeapMb: 16, timeoutMs: 60_000 });
    try {
      const huge = encode(`<html><body>${'<div><p>words words words words words</p></div>'.repeat(400_000)}</body></html>`);
      const result = await frugal.read({ kind: 'file', bytes: huge.slice(0, 19 * 1024 * 1024), fileName: 'huge.html' });
      expect(result).toMatchObject({ status: 'error', error: { kind: 'too-large', message: expect.stringContaining('memory') } });
    } finally {
      await frugal.close();
    }
  });
});
