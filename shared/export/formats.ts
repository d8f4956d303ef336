/**
 * The export formats Claimdesk writes, with what a save dialog, a command line and a file
 * name need to know about each. The formatters themselves live beside this file; `pdf` is the
 * HTML report printed by a browser engine.
 */

export const EXPORT_FORMATS = ['html', 'pdf', 'markdown', 'web-annotation', 'claim-review', 'csl-json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFormatInfo {
  readonly format: ExportFormat;
  /** What the user sees in the export dialog. */
  readonly label: string;
  /** One line on what the format is for. */
  readonly description: string;
  /** File name extension, without the dot. */
  readonly extension: string;
  readonly mediaType: string;
  /** Whether the output is text (UTF-8); PDF is bytes. */
  readonly text: boolean;
}

export const EXPORT_FORMAT_INFO: Readonly<Record<ExportFormat, ExportFormatInfo>> = {
  html: {
    format: 'html',
    label: 'HTML report',
    description: 'The article with numbered highlights, a claims table and a bibliography, in one file that opens offline.',
    extension: 'html',
    mediaType: 'text/html',
    text: true,
  },
  pdf: {
    format: 'pdf',
    label: 'PDF report',
    description: 'The HTML report, printed.',
    extension: 'pdf',
    mediaType: 'application/pdf',
    text: false,
  },
  markdown: {
    format: 'markdown',
    label: 'Markdown report',
    description: 'For pasting into newsroom tools.',
    extension: 'md',
    mediaType: 'text/markdown',
    text: true,
  },
  'web-annotation': {
    format: 'web-annotation',
    label: 'W3C Web Annotation (JSON-LD)',
    description: 'Each claim an annotation anchored by quote and position; Hypothesis and Recogito read this model.',
    extension: 'jsonld',
    mediaType: 'application/ld+json',
    text: true,
  },
  'claim-review': {
    format: 'claim-review',
    label: 'schema.org ClaimReview (JSON-LD)',
    description: 'Structured fact-check markup that search engines and fact-check databases read.',
    extension: 'jsonld',
    mediaType: 'application/ld+json',
    text: true,
  },
  'csl-json': {
    format: 'csl-json',
    label: 'CSL-JSON (sources)',
    description: 'The sources the claims cite, for Zotero and other reference managers.',
    extension: 'json',
    mediaType: 'application/vnd.citationstyles.csl+json',
    text: true,
  },
  csv: {
    format: 'csv',
    label: 'CSV (claims)',
    description: 'One row per claim, for spreadsheets.',
    extension: 'csv',
    mediaType: 'text/csv',
    text: true,
  },
};

/** Whether a value names an export format. */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * A file name for exporting a document titled `title` as `format`: the title reduced to
 * letters, digits and dashes (at most 60 characters), then the format's extension.
 */
export function exportFileName(title: string, format: ExportFormat): string {
  const stem =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'claimdesk-export';
  const suffix = format === 'claim-review' ? '.claimreview' : format === 'web-annotation' ? '.annotations' : '';
  return `${stem}${suffix}.${EXPORT_FORMAT_INFO[format].extension}`;
}
