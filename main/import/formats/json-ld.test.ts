import { describe, expect, it } from 'vitest';
import { MAX_JSON_LD_DEPTH, metaFromJsonLd } from './json-ld';

const json = (value: unknown) => JSON.stringify(value);

describe('metaFromJsonLd', () => {
  it('reads a NewsArticle with authors and publisher inline', () => {
    const { meta, warnings } = metaFromJsonLd([
      json({
        '@context': 'https://schema.org',
        '@type': 'ReportageNewsArticle',
        headline: 'Toll rises to 41 &amp; climbing',
        author: [{ '@type': 'Person', name: 'Ana Ruiz' }, 'Tomas Berg', { '@type': 'Person', name: 'Ana Ruiz' }],
        publisher: { '@type': 'NewsMediaOrganization', name: 'The Northern Ledger' },
        datePublished: '2024-06-02T07:45:00+01:00',
        mainEntityOfPage: 'https://news.example/toll',
        inLanguage: { '@type': 'Language', name: 'English', alternateName: 'en' },
      }),
    ]);
    expect(warnings).toEqual([]);
    expect(meta).toEqual({
      title: 'Toll rises to 41 & climbing',
      author: 'Ana Ruiz, Tomas Berg',
      publication: 'The Northern Ledger',
      publishedOn: '2024-06-02',
      url: 'https://news.example/toll',
      language: 'en',
    });
  });

  it('finds the article in an @graph or an array, prefers news articles, and resolves @id references', () => {
    const graph = json({
      '@graph': [
        { '@type': 'WebSite', name: 'Ledger', url: 'https://news.example/' },
        { '@type': ['Article'], headline: 'A plain article' },
        { '@type': 'schema:NewsArticle', headline: 'The news article', author: { '@id': '#ana' }, publisher: { '@id': '#org' }, url: '/toll' },
        { '@type': 'Person', '@id': '#ana', name: 'Ana Ruiz', url: 'https://news.example/ana' },
        { '@type': 'Organization', '@id': '#org', name: 'The Northern Ledger' },
      ],
    });
    expect(metaFromJsonLd([json([{ '@type': 'BreadcrumbList' }]), graph], 'https://news.example/world/')).toEqual({
      meta: { title: 'The news article', author: 'Ana Ruiz', publication: 'The Northern Ledger', url: 'https://news.example/toll' },
      warnings: [],
    });
  });

  it('skips scripts that are not JSON, too deep or too large, with a warning each', () => {
    const deep = `${'['.repeat(MAX_JSON_LD_DEPTH + 1)}${']'.repeat(MAX_JSON_LD_DEPTH + 1)}`;
    const large = json({ '@type': 'NewsArticle', headline: 'x'.repeat(1024 * 1024) });
    const { meta, warnings } = metaFromJsonLd(['{"@type": "NewsArticle", "headline": ', deep, large, json({ '@type': 'NewsArticle', headline: 'Survivor' })]);
    expect(meta).toEqual({ title: 'Survivor' });
    expect(warnings).toEqual([
      'Some of the page’s structured metadata (JSON-LD) is not valid JSON and was ignored.',
      'Some of the page’s structured metadata (JSON-LD) was nested too deeply to read and was ignored.',
      'Some of the page’s structured metadata (JSON-LD) was too large to read and was ignored.',
    ]);
  });

  it('ignores an author given as a profile address and a url that is not http(s)', () => {
    expect(metaFromJsonLd([json({ '@type': 'NewsArticle', author: 'https://news.example/ana', url: 'javascript:alert(1)' })]).meta).toEqual({});
  });

  it('reads JSON-LD wrapped in an HTML comment or CDATA', () => {
    expect(metaFromJsonLd([`<!--${json({ '@type': 'BlogPosting', headline: 'Wrapped' })}-->`]).meta).toEqual({ title: 'Wrapped' });
  });

  it('stays within its limits on a very wide document', () => {
    const wide = json({ '@graph': Array.from({ length: 50_000 }, (_, i) => ({ '@type': 'Thing', name: `n${i}` })) });
    const started = performance.now();
    expect(metaFromJsonLd([wide]).meta).toEqual({});
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
