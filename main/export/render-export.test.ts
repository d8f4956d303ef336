import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportFileName } from '../../shared/export/formats';
import { fixtureBundle, HOSTILE } from '../../shared/export/report-fixture';
import { renderTextExport, type TextExportFormat } from './render-export';

describe('renderTextExport', () => {
  const bundle = fixtureBundle();
  const textFormats = EXPORT_FORMATS.filter((f): f is TextExportFormat => f !== 'pdf');

  it.each(textFormats)('renders %s', (format) => {
    const text = renderTextExport(bundle, format);
    expect(text.length).toBeGreaterThan(100);
    if (format === 'web-annotation' || format === 'claim-review' || format === 'csl-json') {
      expect(() => JSON.parse(text) as unknown).not.toThrow();
      expect(text.endsWith('\n')).toBe(true);
    }
    if (format === 'html') expect(text).not.toContain(HOSTILE);
  });
});

describe('exportFileName', () => {
  it('makes a tidy file name from a title', () => {
    expect(exportFileName('Ferry strike: 14 dead in Port Averly', 'html')).toBe('ferry-strike-14-dead-in-port-averly.html');
    expect(exportFileName('Ça marche — été', 'csv')).toBe('ca-marche-ete.csv');
    expect(exportFileName('', 'markdown')).toBe('claimdesk-export.md');
    expect(exportFileName('x', 'claim-review')).toBe('x.claimreview.jsonld');
    expect(exportFileName('x', 'web-annotation')).toBe('x.annotations.jsonld');
    expect(exportFileName('a'.repeat(100), 'pdf')).toBe(`${'a'.repeat(60)}.pdf`);
  });
});
