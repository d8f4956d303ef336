/**
 * CSV of a document's claims for spreadsheet programs: RFC 4180 (CRLF after every record, a
 * field quoted when it holds a comma, a quote, CR or LF, quotes doubled), a UTF-8 byte order
 * mark first so Excel reads UTF-8, and formula injection neutralised (OWASP "CSV injection"): a
 * cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading apostrophe, which spreadsheets
 * show as text. The apostrophe is visible in other readers; that is the accepted cost.
 *
 * Lists inside a cell are joined by "; ". Confidential sources are listed only with
 * `includeConfidential`; the note column exists only with `includeNotes`.
 */
import type { Claim } from '../domain';
import { ATTRIBUTION_LABELS, CLAIM_STATUS_LABELS, CLAIM_TYPE_LABELS, HOP_ROLE_LABELS, SOURCE_ROLE_LABELS } from '../domain';
import type { ExportBundle } from './bundle';

/** The byte order mark written first. */
export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

/** `text` made safe as a spreadsheet cell: a formula-like start is prefixed with an apostrophe. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field: neutralised, then quoted when it must be. */
export function csvField(text: string): string {
  const safe = neutraliseFormula(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function row(cells: readonly string[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

function cells(bundle: ExportBundle, claim: Claim, index: number): string[] {
  const { options } = bundle;
  const verdict = bundle.verdicts.find((v) => v.id === claim.verdictId);
  const chain = claim.attribution.chain.map((hop) => `${HOP_ROLE_LABELS[hop.role]} ${hop.speaker.name}`).join(' → ');
  const sources = claim.sources
    .filter((link) => {
      const source = bundle.sources.find((s) => s.id === link.source.id);
      return source !== undefined && (options.includeConfidential || !source.confidential);
    })
    .map((link) => `${link.source.title} (${SOURCE_ROLE_LABELS[link.role]}${link.pinpoint ? `, ${link.pinpoint}` : ''})`)
    .join('; ');
  const tags = claim.tagIds
    .map((id) => bundle.tags.find((t) => t.id === id)?.path.join(' › '))
    .filter((t): t is string => t !== undefined)
    .join('; ');
  const createdBy = bundle.profiles.find((p) => p.id === claim.createdBy)?.name ?? '';
  return [
    String(index + 1),
    claim.anchor.exact,
    verdict?.label ?? '',
    String(claim.confidence),
    claim.claimType ? CLAIM_TYPE_LABELS[claim.claimType] : '',
    CLAIM_STATUS_LABELS[claim.status],
    ATTRIBUTION_LABELS[claim.attribution.kind],
    chain,
    sources,
    tags,
    claim.rationale ?? '',
    ...(options.includeNotes ? [claim.note ?? ''] : []),
    claim.createdAt,
    createdBy,
  ];
}

/** The column headers, the note column only with `includeNotes`. */
export function claimsCsvHeader(includeNotes: boolean): string[] {
  return [
    'Number', 'Quote', 'Verdict', 'Confidence', 'Claim type', 'Status', 'Attribution', 'Chain', 'Sources', 'Tags', 'Rationale',
    ...(includeNotes ? ['Note'] : []),
    'Created', 'Created by',
  ];
}

/** The document's claims as a UTF-8 (with BOM) RFC 4180 CSV, one row per claim after a header row. */
export function toClaimsCsv(bundle: ExportBundle): string {
  const header = row(claimsCsvHeader(bundle.options.includeNotes));
  return UTF8_BOM + header + bundle.claims.map((claim, i) => row(cells(bundle, claim, i))).join('');
}
