/**
 * Turns an export bundle into the text of a format. Shared by the app's export handler and the
 * command line, so both write the same bytes. PDF is not text: it is the HTML report printed
 * by a browser engine (Electron's printToPDF in the app), so callers render `html` and print it.
 */
import type { ExportBundle } from '../../shared/export/bundle';
import { toClaimReviews } from '../../shared/export/claim-review';
import { toCslJson } from '../../shared/export/csl-json';
import { toClaimsCsv } from '../../shared/export/csv';
import type { ExportFormat } from '../../shared/export/formats';
import { renderHtmlReport } from '../../shared/export/html-report';
import { renderMarkdownReport } from '../../shared/export/markdown-report';
import { toWebAnnotationCollection } from '../../shared/export/web-annotation';

/** The text formats (every format but PDF). */
export type TextExportFormat = Exclude<ExportFormat, 'pdf'>;

/** The text of `bundle` in `format`. JSON formats are pretty-printed and end with a newline. */
export function renderTextExport(bundle: ExportBundle, format: TextExportFormat): string {
  switch (format) {
    case 'html':
      return renderHtmlReport(bundle);
    case 'markdown':
      return renderMarkdownReport(bundle);
    case 'web-annotation':
      return json(toWebAnnotationCollection(bundle));
    case 'claim-review':
      return json(toClaimReviews(bundle));
    case 'csl-json':
      return json(toCslJson(bundle));
    case 'csv':
      return toClaimsCsv(bundle);
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
