import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from './html-report';
import type { ExportOptions } from './bundle';
import { OUTER, INNER, OVERLAP, HOSTILE, fixtureBundle } from './report-fixture';

/** The report of the fixture, parsed as a browser would. */
function parse(options?: ExportOptions): Document {
  return new JSDOM(renderHtmlReport(fixtureBundle(options))).window.document;
}

/** A mark's own quoted text: without the hidden "Claim N:" label and the claim number. */
function markText(mark: Element): string {
  const copy = mark.cloneNode(true) as Element;
  copy.querySelectorAll('.claim-label, .claim-number').forEach((e) => e.remove());
  return copy.textContent ?? '';
}

describe('renderHtmlReport', () => {
  it('runs no script and carries a strict CSP', () => {
    for (const doc of [parse(), parse({ includeNotes: true, includeConfidential: true })]) {
      expect(doc.querySelectorAll('script')).toHaveLength(0);
      for (const el of doc.querySelectorAll('*')) {
        expect([...el.attributes].filter((a) => a.name.toLowerCase().startsWith('on'))).toEqual([]);
      }
      for (const a of doc.querySelectorAll('[href]')) {
        expect(a.getAttribute('href')).toMatch(/^(https?|mailto):/);
      }
      const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('script-src');
      expect(doc.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
      expect(doc.documentElement.lang).toBe('en');
    }
  });

  it('shows a hostile note as text only when notes are included', () => {
    const withNotes = parse({ includeNotes: true, includeConfidential: false });
    expect(withNotes.querySelector('.note')?.textContent).toContain(HOSTILE);
    expect(withNotes.querySelectorAll('img')).toHaveLength(0);
    const doc = parse();
    expect(doc.body.textContent).not.toContain('onerror');
    expect(doc.querySelector('.note')).toBeNull();
  });

  it('shows a javascript: URL as text, and links http(s) with noopener', () => {
    const doc = parse();
    expect(doc.body.textContent).toContain('javascript:alert(1)');
    const links = [...doc.querySelectorAll('a')];
    expect(links.some((a) => a.href === 'https://port-velm.example/stats?y=2023')).toBe(true);
    for (const a of links) expect(a.rel).toBe('noopener noreferrer');
    expect(doc.querySelector('cite')?.textContent).toBe('Port Velm annual statistics');
    expect(doc.body.innerHTML).not.toContain('<b>blog');
  });

  it('highlights each claim with marks whose text is its quote, nesting overlapping claims', () => {
    const doc = parse();
    const bundle = fixtureBundle();
    const quotes = ['3,000 ships docked at Port Velm', OUTER, INNER, OVERLAP];
    quotes.forEach((quote, i) => {
      const marks = [...doc.querySelectorAll(`mark[data-claim="${i + 1}"]`)];
      expect(marks.length).toBeGreaterThan(0);
      expect(marks.map(markText).join('')).toBe(quote);
      expect(doc.querySelectorAll(`mark[data-claim="${i + 1}"] > .claim-label`)).toHaveLength(1);
      expect(doc.querySelector(`mark[data-claim="${i + 1}"] > .claim-label`)?.textContent).toBe(`Claim ${i + 1}: `);
      expect(doc.querySelectorAll(`mark[data-claim="${i + 1}"] > sup.claim-number`)).toHaveLength(1);
    });
    expect(bundle.claims).toHaveLength(4);
    // Claim 3 lies inside claim 2; claim 4 overlaps 3's end and runs past it, still inside 2.
    expect(doc.querySelector('mark[data-claim="3"]')?.parentElement?.closest('mark')?.getAttribute('data-claim')).toBe('2');
    expect(doc.querySelectorAll('mark[data-claim="2"] mark[data-claim="3"] mark[data-claim="4"]')).toHaveLength(1);
    expect(doc.querySelectorAll('mark[data-claim="4"]')).toHaveLength(2);
    // Verdict colours come from classes, not inline styles.
    expect(doc.querySelector('mark[data-claim="2"]')?.className).toBe('v-2');
    expect(doc.querySelectorAll('[style]')).toHaveLength(0);
    expect(doc.querySelector('style')?.textContent).not.toContain('body{x');
  });

  it('has a claims table with one row per claim and scoped headers', () => {
    const doc = parse();
    const rows = doc.querySelectorAll('table.claims tbody tr');
    expect(rows).toHaveLength(4);
    expect(doc.querySelectorAll('table.claims thead th[scope="col"]')).toHaveLength(8);
    expect(doc.querySelectorAll('table.claims tbody th[scope="row"]')).toHaveLength(4);
    const row2 = rows[1]?.textContent ?? '';
    expect(row2).toContain('said by Ilsa Draven');
    expect(row2).toContain('False');
    expect(row2).toContain('70%');
    expect(row2).toContain('Dana Okafor');
    expect(row2).toContain('Travel surveys show a 10% cut.');
    expect([...doc.querySelectorAll('h1, h2')].map((h) => h.tagName)).toEqual(['H1', 'H2', 'H2', 'H2', 'H2']);
    expect([...doc.querySelectorAll('.legend li')].map((li) => li.textContent)).toEqual(['True', 'False', 'Misleading']);
  });

  it('leaves the confidential source out unless asked', () => {
    expect(parse().body.textContent).not.toContain('Confidential harbour insider');
    expect(parse({ includeNotes: false, includeConfidential: true }).body.textContent).toContain('Confidential harbour insider');
  });

  it('shows times as people read them, with the exact time in the datetime attribute', () => {
    const times = [...parse().querySelectorAll('time')].map((t) => [t.getAttribute('datetime'), t.textContent]);
    expect(times).toContainEqual(['2024-06-01T12:00:00Z', '2024-06-01 12:00 UTC']);
    expect(times).toContainEqual(['2024-05-01T10:00:00Z', '2024-05-01 10:00 UTC']);
  });

  it('gives the claims table fixed column widths, one per header, so long text wraps inside its cell', () => {
    const html = renderHtmlReport(fixtureBundle());
    expect(html).toContain('table-layout:fixed');
    expect(html).toMatch(/table\.claims td\{[^}]*overflow-wrap:break-word/);
    const widths = [...html.matchAll(/table\.claims thead th:nth-child\((\d+)\)\{width:(\d+)%\}/g)];
    expect(widths.map((m) => Number(m[1]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(widths.reduce((sum, m) => sum + Number(m[2]), 0)).toBe(100);
    expect(parse().querySelectorAll('table.claims thead th')).toHaveLength(widths.length);
  });

  it('escapes the title and has a print stylesheet', () => {
    const html = renderHtmlReport(fixtureBundle());
    expect(html).toContain('Port Velm &#38; the &#34;bridge&#34;');
    expect(html).toContain('@media print');
    expect(html).toContain('break-inside:avoid');
    expect(parse().title).toBe('Fact-check: Port Velm & the "bridge"');
  });
});
