/**
 * The annotated HTML report: one self-contained, script-free document (article with numbered
 * highlights, legend, claims table, bibliography) that opens offline and prints well. All user
 * text goes through `escapeHtml`; links are emitted only for http(s)/mailto URLs.
 */
import type { ExportBundle } from './bundle';
import {
  buildReportModel,
  linkableUrl,
  readableTime,
  type ReportClaim,
  type ReportModel,
  type ReportParagraph,
  type ReportVerdict,
} from './report-model';

// default-src 'none' forbids scripts, fetches, fonts and frames. The report's stylesheet is
// embedded in a <style> element (the file must be self-contained), which CSP only allows with
// style-src 'unsafe-inline'; no script-src is granted, so no script can run at all.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Renders `bundle` as a complete HTML document (UTF-8). */
export function renderHtmlReport(bundle: ExportBundle): string {
  const model = buildReportModel(bundle);
  const title = `Fact-check: ${model.title}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${escapeHtml(model.generator)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${stylesheet(model.verdicts)}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    metadata(model),
    '</header>',
    '<main>',
    legend(model.verdicts),
    article(model),
    claimsTable(model),
    bibliography(model),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function verdictClass(verdict: ReportVerdict | null): string {
  return verdict === null ? 'v-none' : `v-${verdict.position}`;
}

function link(url: string | null, text?: string): string {
  if (url === null) return '';
  const href = linkableUrl(url);
  const shown = escapeHtml(text ?? url);
  return href === null ? shown : `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${shown}</a>`;
}

/**
 * A `<time>` showing an ISO-8601 UTC time as people read it ("2026-03-15 09:30 UTC"), which also
 * wraps in a narrow printed column; anything else is shown as given.
 */
function time(iso: string): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(readableTime(iso))}</time>`;
}

function metadata(model: ReportModel): string {
  const rows: [string, string][] = [];
  if (model.publication !== null) rows.push(['Publication', escapeHtml(model.publication)]);
  if (model.author !== null) rows.push(['Author', escapeHtml(model.author)]);
  if (model.publishedOn !== null) rows.push(['Published', escapeHtml(model.publishedOn)]);
  if (model.url !== null) rows.push(['Article URL', link(model.url)]);
  rows.push(['Checked by', escapeHtml(model.desk)]);
  rows.push(['Exported', time(model.exportedAt)]);
  rows.push(['Generator', escapeHtml(model.generator)]);
  rows.push(['Claims', String(model.claims.length)]);
  const items = rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('');
  return `<dl class="meta">${items}</dl>`;
}

function legend(verdicts: readonly ReportVerdict[]): string {
  const items = verdicts
    .map((v) => `<li><span class="swatch ${verdictClass(v)}" aria-hidden="true"></span>${escapeHtml(v.label)}</li>`)
    .join('');
  return `<section aria-labelledby="legend-h"><h2 id="legend-h">Verdicts</h2><ul class="legend">${items}</ul></section>`;
}

function article(model: ReportModel): string {
  const byNumber = new Map(model.claims.map((c) => [c.number, c]));
  const firstOpen = new Set<number>();
  const lastSegment = lastSegmentOfClaims(model.paragraphs);
  const paragraphs = model.paragraphs.map((paragraph, p) => {
    let html = '';
    let stack: number[] = [];
    paragraph.segments.forEach((segment, s) => {
      let shared = 0;
      while (shared < stack.length && stack[shared] === segment.claims[shared]) shared++;
      html += closeMarks(stack.slice(shared), `${p}:${s - 1}`, lastSegment);
      stack = stack.slice(0, shared);
      for (const number of segment.claims.slice(shared)) {
        const claim = byNumber.get(number) as ReportClaim;
        html += `<mark class="${verdictClass(claim.verdict)}" data-claim="${number}">`;
        if (!firstOpen.has(number)) {
          firstOpen.add(number);
          html += `<span class="visually-hidden claim-label">Claim ${number}: </span>`;
        }
        stack.push(number);
      }
      html += escapeHtml(segment.text);
      // Marks still open at the end of the paragraph close after its last segment.
      if (s === paragraph.segments.length - 1) {
        html += closeMarks(stack, `${p}:${s}`, lastSegment);
        stack = [];
      }
    });
    return `<p>${html}</p>`;
  });
  return `<section aria-labelledby="article-h"><h2 id="article-h">Article</h2><div class="article">${paragraphs.join('\n')}</div></section>`;
}

/** For each claim, "paragraph:segment" of the last segment it covers (where its number goes). */
function lastSegmentOfClaims(paragraphs: readonly ReportParagraph[]): Map<number, string> {
  const last = new Map<number, string>();
  paragraphs.forEach((paragraph, p) =>
    paragraph.segments.forEach((segment, s) => segment.claims.forEach((n) => last.set(n, `${p}:${s}`))),
  );
  return last;
}

/**
 * Closes `open` (innermost last in the array) after the segment `written` ("paragraph:segment"),
 * adding a claim's superscript number where the claim ends.
 */
function closeMarks(open: readonly number[], written: string, last: ReadonlyMap<number, string>): string {
  let html = '';
  for (const number of [...open].reverse()) {
    if (last.get(number) === written) html += `<sup class="claim-number" aria-hidden="true">${number}</sup>`;
    html += '</mark>';
  }
  return html;
}

function attribution(claim: ReportClaim): string {
  const chain = claim.chain
    .map((hop) => `${escapeHtml(hop.roleLabel)} ${escapeHtml(hop.name)} <span class="muted">(${escapeHtml(hop.reliabilityLabel)})</span>`)
    .join('<br>');
  return `<strong>${escapeHtml(claim.attributionLabel)}</strong>${chain === '' ? '' : `<br>${chain}`}`;
}

function citations(claim: ReportClaim): string {
  if (claim.citations.length === 0) return '<span class="muted">None</span>';
  const items = claim.citations.map((c) => {
    const pinpoint = c.pinpoint === null ? '' : `, ${escapeHtml(c.pinpoint)}`;
    const url = c.url === null ? '' : `<br>${link(c.url)}`;
    return `<li>${escapeHtml(c.title)} <span class="muted">(${escapeHtml(c.roleLabel)}${pinpoint}; reliability: ${escapeHtml(c.reliabilityLabel)})</span>${url}</li>`;
  });
  return `<ul class="citations">${items.join('')}</ul>`;
}

function claimsTable(model: ReportModel): string {
  const rows = model.claims.map((c) => {
    const verdict = c.verdict === null ? 'No verdict' : escapeHtml(c.verdict.label);
    const type = c.claimTypeLabel === null ? '' : `<br><span class="muted">${escapeHtml(c.claimTypeLabel)}</span>`;
    const note = c.note === null ? '' : `<p class="note"><strong>Note:</strong> ${escapeHtml(c.note)}</p>`;
    const rationale = c.rationale === null ? '' : `<p>${escapeHtml(c.rationale)}</p>`;
    const who = c.createdBy === null ? 'Unknown' : escapeHtml(c.createdBy);
    return (
      `<tr class="claim-row" id="claim-${c.number}">` +
      `<th scope="row">${c.number}</th>` +
      `<td><q>${escapeHtml(c.quote)}</q>${type}</td>` +
      `<td>${attribution(c)}</td>` +
      `<td>${citations(c)}</td>` +
      `<td><span class="badge ${verdictClass(c.verdict)}">${verdict}</span><br><span class="muted">${escapeHtml(c.statusLabel)}</span></td>` +
      `<td>${c.confidence}%</td>` +
      `<td>${rationale}${note}</td>` +
      `<td>${who}<br>${time(c.createdAt)}</td>` +
      '</tr>'
    );
  });
  const head = ['#', 'Quote', 'Speaker and attribution', 'Sources', 'Verdict', 'Confidence', 'Rationale', 'Checked by']
    .map((h) => `<th scope="col">${h}</th>`)
    .join('');
  return (
    '<section aria-labelledby="claims-h"><h2 id="claims-h">Claims</h2>' +
    `<table class="claims"><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table></section>`
  );
}

function bibliography(model: ReportModel): string {
  if (model.bibliography.length === 0) {
    return '<section aria-labelledby="bib-h"><h2 id="bib-h">Sources</h2><p>No sources cited.</p></section>';
  }
  const items = model.bibliography.map((s) => {
    const parts = [
      s.authors.length > 0 ? escapeHtml(s.authors.join(', ')) + '.' : '',
      `<cite>${escapeHtml(s.title)}</cite>.`,
      s.publisher === null ? '' : escapeHtml(s.publisher) + '.',
      s.issued === null ? '' : escapeHtml(s.issued) + '.',
      s.url === null ? '' : link(s.url),
      `<span class="muted">Reliability: ${escapeHtml(s.reliabilityLabel)}</span>`,
    ];
    return `<li>${parts.filter((part) => part !== '').join(' ')}</li>`;
  });
  return `<section aria-labelledby="bib-h"><h2 id="bib-h">Sources</h2><ul class="bibliography">${items.join('')}</ul></section>`;
}

/** Black or white, whichever contrasts more with `hex` (always ≥ 4.5:1 against a flat colour). */
function textColorOn(hex: string): string {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

/** `hex` darkened, for borders that stay visible on white paper. */
function darker(hex: string): string {
  const part = (i: number) => Math.round(parseInt(hex.slice(i, i + 2), 16) * 0.6).toString(16).padStart(2, '0');
  return `#${part(1)}${part(3)}${part(5)}`;
}

/**
 * Widths of the claims table's columns, in percent and header order. The table's layout is fixed
 * so that a long URL or an unbroken run of pasted text wraps inside its cell instead of pushing
 * the table past the edge of the page, where print would clip or shrink it.
 */
function columnWidths(percents: readonly number[]): string {
  return percents.map((p, i) => `table.claims thead th:nth-child(${i + 1}){width:${p}%}`).join('\n');
}

function stylesheet(verdicts: readonly ReportVerdict[]): string {
  // Colours were validated as #rrggbb by the model, so they are safe inside CSS.
  const verdictRules = verdicts
    .map((v) => `.v-${v.position}{background:${v.color};color:${textColorOn(v.color)};border-color:${darker(v.color)}}`)
    .join('\n');
  return `
body{font:16px/1.5 Georgia,serif;color:#1a1a1a;background:#fff;max-width:60rem;margin:0 auto;padding:1rem 2rem}
h1,h2{font-family:system-ui,sans-serif;line-height:1.2}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
.meta dt{font-weight:bold}
.meta dd{margin:0}
.muted{color:#4a4a4a}
a{color:#0b4f9c;overflow-wrap:anywhere}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
.swatch{display:inline-block;width:1.2em;height:1.2em;margin-right:.4em;vertical-align:middle;border:2px solid}
mark{border-bottom:3px solid;padding:0 .05em;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark mark{border-bottom-style:double;border-bottom-width:5px}
.claim-number{font:bold .7em system-ui,sans-serif;margin-left:.1em}
.badge{display:inline-block;padding:0 .4em;border:2px solid;border-radius:3px;font-weight:bold}
.v-none{background:#e0e0e0;color:#000000;border-color:#616161}
${verdictRules}
table.claims{border-collapse:collapse;width:100%;font-size:.9rem;table-layout:fixed}
table.claims th,table.claims td{border:1px solid #767676;padding:.4rem;vertical-align:top;text-align:left;overflow-wrap:break-word}
table.claims thead th{background:#f0f0f0}
${columnWidths([4, 17, 12, 18, 12, 11, 17, 9])}
.citations,.bibliography{margin:0;padding-left:1.2rem}
.note{border-left:3px solid #767676;padding-left:.5rem}
@page{margin:18mm 15mm}
@media print{
  body{max-width:none;padding:0;font-size:11pt}
  table.claims{font-size:.8rem}
  table.claims th,table.claims td{padding:.3rem}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  mark{border-bottom-width:3px;text-decoration:underline;text-decoration-thickness:1px}
  a{color:#000;text-decoration:underline}
  thead{display:table-header-group}
  tr.claim-row,.bibliography li{break-inside:avoid;page-break-inside:avoid}
  h2{break-after:avoid;page-break-after:avoid}
}
`;
}
