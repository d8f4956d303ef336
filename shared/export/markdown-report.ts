/**
 * The Markdown report, for pasting into newsroom tools. It never emits raw HTML: every piece of
 * user text is backslash-escaped (CommonMark lets any ASCII punctuation be escaped) so a note
 * cannot open a link, an image, HTML, a heading or a list; links are emitted only for
 * http(s)/mailto URLs, as `[text](<normalised URL>)`.
 */
import type { ExportBundle } from './bundle';
import { buildReportModel, linkableUrl, readableTime, type ReportClaim, type ReportModel } from './report-model';

/**
 * Escapes one line of user text for Markdown inline content. Only what could change the
 * meaning is escaped, so the text still reads well where Markdown is not rendered: characters
 * that open emphasis, code, links, HTML, autolinks, tables or strike-through anywhere; `&` only
 * where it would start an entity; and at the start of the line what would open a heading, a
 * list, a quote or a setext underline.
 */
export function escapeMarkdownLine(text: string): string {
  return (
    text
      .trim()
      .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
      // "#", "-", "+", "=" at the start of a line would make a heading, a list or an underline.
      .replace(/^([#+=-])/, '\\$1')
      // "1." or "1)" at the start of a line would start an ordered list.
      .replace(/^(\d+)([.)])/, '$1\\$2')
  );
}

/**
 * Escapes user text that may span lines: blank lines are dropped and the remaining lines are
 * joined by hard line breaks, each continuation indented by `indent` so it stays in its block.
 */
export function escapeMarkdown(text: string, indent = ''): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(escapeMarkdownLine)
    .filter((line) => line !== '')
    .join(`\\\n${indent}`);
}

function link(text: string, url: string | null): string {
  const href = linkableUrl(url);
  return href === null ? escapeMarkdown(text) : `[${escapeMarkdown(text)}](<${href}>)`;
}

/** Renders `bundle` as a Markdown report (CommonMark). */
export function renderMarkdownReport(bundle: ExportBundle): string {
  const model = buildReportModel(bundle);
  const lines: string[] = [`# Fact-check: ${escapeMarkdown(model.title)}`, ''];
  lines.push(...metadata(model), '', '## Claims', '');
  if (model.claims.length === 0) lines.push('No claims.', '');
  for (const claim of model.claims) lines.push(...claimItem(claim), '');
  lines.push('## Sources', '');
  if (model.bibliography.length === 0) lines.push('No sources cited.', '');
  for (const s of model.bibliography) {
    const parts = [
      s.authors.length > 0 ? `${escapeMarkdown(s.authors.join(', '))}.` : '',
      `*${escapeMarkdown(s.title)}*.`,
      s.publisher === null ? '' : `${escapeMarkdown(s.publisher)}.`,
      s.issued === null ? '' : `${escapeMarkdown(s.issued)}.`,
      s.url === null ? '' : link(s.url, s.url),
      `Reliability: ${escapeMarkdown(s.reliabilityLabel)}.`,
    ];
    lines.push(`* ${parts.filter((part) => part !== '').join(' ')}`);
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function metadata(model: ReportModel): string[] {
  const rows: string[] = [];
  if (model.publication !== null) rows.push(`**Publication:** ${escapeMarkdown(model.publication)}`);
  if (model.author !== null) rows.push(`**Author:** ${escapeMarkdown(model.author)}`);
  if (model.publishedOn !== null) rows.push(`**Published:** ${escapeMarkdown(model.publishedOn)}`);
  if (model.url !== null) rows.push(`**Article URL:** ${link(model.url, model.url)}`);
  rows.push(`**Checked by:** ${escapeMarkdown(model.desk)}`);
  rows.push(`**Exported:** ${escapeMarkdown(readableTime(model.exportedAt))} by ${escapeMarkdown(model.generator)}`);
  // Each line ends with a hard break except the last, so they render as one block.
  return rows.map((row, i) => (i < rows.length - 1 ? `${row}\\` : row));
}

function claimItem(claim: ReportClaim): string[] {
  const indent = ' '.repeat(`${claim.number}. `.length);
  const line = (text: string) => `${indent}${text}`;
  const verdict = claim.verdict === null ? 'No verdict' : escapeMarkdown(claim.verdict.label);
  const lines = [
    `${claim.number}. **${verdict}**, confidence **${claim.confidence}%**` +
      ` (${escapeMarkdown(claim.statusLabel)}${claim.claimTypeLabel === null ? '' : `, ${escapeMarkdown(claim.claimTypeLabel)}`})`,
    '',
    line(`> ${escapeMarkdown(claim.quote, `${indent}> `)}`),
    '',
  ];
  const chain = claim.chain.map((hop) => `${escapeMarkdown(hop.roleLabel)} ${escapeMarkdown(hop.name)} (${escapeMarkdown(hop.reliabilityLabel)})`);
  lines.push(line(`*Attribution:* ${escapeMarkdown(claim.attributionLabel)}${chain.length > 0 ? ` — ${chain.join(', ')}` : ''}`));
  if (claim.citations.length > 0) {
    lines.push('', line('*Sources:*'), '');
    for (const c of claim.citations) {
      const pinpoint = c.pinpoint === null ? '' : `, ${escapeMarkdown(c.pinpoint, `${indent}  `)}`;
      lines.push(line(`* ${link(c.title, c.url)} (${escapeMarkdown(c.roleLabel)}${pinpoint}; reliability: ${escapeMarkdown(c.reliabilityLabel)})`));
    }
  }
  if (claim.rationale !== null) lines.push('', line(`*Rationale:* ${escapeMarkdown(claim.rationale, indent)}`));
  if (claim.note !== null) lines.push('', line(`*Note:* ${escapeMarkdown(claim.note, indent)}`));
  const who = claim.createdBy === null ? 'unknown' : escapeMarkdown(claim.createdBy);
  lines.push('', line(`*Checked by* ${who}, ${escapeMarkdown(readableTime(claim.createdAt))}`));
  return lines;
}
