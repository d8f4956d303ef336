import { describe, expect, it } from 'vitest';
import { buildReportModel, linkableUrl } from './report-model';
import { TEXT, OUTER, INNER, OVERLAP, HOSTILE, fixtureBundle } from './report-fixture';

describe('buildReportModel', () => {
  it('numbers claims in reading order, outer claims before the claims they contain', () => {
    const model = buildReportModel(fixtureBundle());
    expect(model.claims.map((c) => [c.number, c.quote])).toEqual([
      [1, '3,000 ships docked at Port Velm'],
      [2, OUTER],
      [3, INNER],
      [4, OVERLAP],
    ]);
    const first = model.claims[1];
    expect(first?.verdict).toMatchObject({ label: 'False', color: '#d32f2f', position: 2 });
    expect(first?.attributionLabel).toBe('Direct quote');
    expect(first?.chain).toEqual([{ name: 'Ilsa Draven', roleLabel: 'said by', reliabilityLabel: 'Mixed' }]);
    expect(first?.claimTypeLabel).toBe('Causal claim');
    expect(first?.createdBy).toBe('Dana Okafor');
    expect(model.claims[2]?.createdBy).toBe('Lee Park');
  });

  it('replaces a malformed verdict colour with grey', () => {
    expect(buildReportModel(fixtureBundle()).verdicts.map((v) => v.color)).toEqual(['#2e7d32', '#d32f2f', '#9e9e9e']);
  });

  it('leaves notes and confidential sources out unless asked', () => {
    const pub = buildReportModel(fixtureBundle());
    expect(pub.claims[1]?.note).toBeNull();
    expect(pub.claims[1]?.citations.map((c) => c.sourceId)).toEqual([11]);
    expect(pub.bibliography.map((s) => s.title)).toEqual(['Port Velm annual statistics', 'Zeta <b>blog</b>']);

    const all = buildReportModel(fixtureBundle({ includeNotes: true, includeConfidential: true }));
    expect(all.claims[1]?.note).toBe(HOSTILE);
    expect(all.claims[1]?.citations.map((c) => c.sourceId)).toEqual([11, 12]);
    expect(all.bibliography.map((s) => s.title)).toEqual([
      'Confidential harbour insider',
      'Port Velm annual statistics',
      'Zeta <b>blog</b>',
    ]);
  });

  it('cuts paragraphs into segments that know the claims covering them', () => {
    const model = buildReportModel(fixtureBundle());
    expect(model.paragraphs).toHaveLength(2);
    expect(model.paragraphs.map((p) => p.segments.map((s) => s.text).join(''))).toEqual(TEXT.split('\n\n'));
    expect(model.paragraphs[1]?.segments).toEqual([
      { text: 'Mayor Ilsa Draven claimed ', claims: [2] },
      { text: 'the new bridge cut ', claims: [2, 3] },
      { text: 'commuting times', claims: [2, 3, 4] },
      { text: ' by half', claims: [2, 4] },
      { text: '.', claims: [] },
    ]);
  });
});

describe('linkableUrl', () => {
  it('allows http, https and mailto only', () => {
    expect(linkableUrl('https://a.example/x y')).toBe('https://a.example/x%20y');
    expect(linkableUrl('mailto:desk@example.org')).toBe('mailto:desk@example.org');
    expect(linkableUrl('javascript:alert(1)')).toBeNull();
    expect(linkableUrl(' JavaScript:alert(1)')).toBeNull();
    expect(linkableUrl('data:text/html,<b>')).toBeNull();
    expect(linkableUrl('not a url')).toBeNull();
    expect(linkableUrl(null)).toBeNull();
  });
});
