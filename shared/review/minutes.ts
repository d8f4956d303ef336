/**
 * Session minutes: the record of a review session, written for people who were not in it —
 * who took part and when, how far the reviewers agreed (with the counts behind each figure),
 * every claim with its votes, the lead's decision and the discussion, and the publication
 * overrides written for the session's claims. Claims on which the votes disagree come first.
 *
 * `SessionMinutes` holds everything already resolved to words (names, verdict labels), so the
 * two renderers here are pure: Markdown for pasting into newsroom tools, and one
 * self-contained, script-free HTML page that prints well (the PDF is that page, printed).
 * User text is escaped in both: in Markdown only what would change the meaning, in HTML all.
 */
import { exportFileName } from '../export/formats';
import { escapeHtml } from '../export/html-report';
import { escapeMarkdown, escapeMarkdownLine } from '../export/markdown-report';
import { readableTime } from '../export/report-model';
import type { AgreementSummary, Category, CategoryMatrix } from './agreement';

/** The formats minutes are saved in. */
export const MINUTES_FORMATS = ['markdown', 'pdf'] as const;
export type MinutesFormat = (typeof MINUTES_FORMATS)[number];

/** Someone named in the minutes. */
export interface MinutesPerson {
  readonly name: string;
  readonly initials: string;
}

/** Someone who took part: the lead, a reviewer who voted, or someone who only commented. */
export interface MinutesParticipant {
  readonly person: MinutesPerson;
  readonly lead: boolean;
  /** Live votes cast in the session. */
  readonly votes: number;
  /** Comments said in the session. */
  readonly comments: number;
}

/** One reviewer's vote on a claim. */
export interface MinutesVote {
  readonly reviewer: MinutesPerson;
  readonly verdict: string;
  /** 0–100. */
  readonly confidence: number;
  readonly comment: string | null;
  /** When the vote was last cast or changed. */
  readonly at: string;
}

/** The lead's sign-off on a claim. */
export interface MinutesDecision {
  readonly verdict: string;
  readonly confidence: number;
  readonly by: MinutesPerson | null;
  readonly at: string;
  readonly reason: string | null;
  /** Votes were cast and the final verdict is none of the most voted ones. */
  readonly againstMajority: boolean;
}

/** A message of a claim's discussion, said in the session. */
export interface MinutesComment {
  readonly author: MinutesPerson | null;
  readonly body: string;
  readonly at: string;
}

/** A claim of the session's queue. */
export interface MinutesClaim {
  /** 1-based place in the queue. */
  readonly number: number;
  readonly quote: string;
  /** The title of the document the claim is in. */
  readonly document: string;
  /** Oldest first. */
  readonly votes: readonly MinutesVote[];
  /** The verdicts with the most votes (several on a tie); empty without votes. */
  readonly majority: readonly string[];
  /** Votes are cast and not all for one verdict. */
  readonly disagreement: boolean;
  readonly decision: MinutesDecision | null;
  /** Oldest first. */
  readonly comments: readonly MinutesComment[];
}

/** A written reason for publishing a claim of the session despite a gate problem. */
export interface MinutesOverride {
  readonly claimNumber: number;
  readonly quote: string;
  /** The problem in words ("No source"). */
  readonly problem: string;
  readonly reason: string;
  readonly by: MinutesPerson | null;
  readonly at: string;
}

/** Everything the minutes of one session show. */
export interface SessionMinutes {
  readonly title: string;
  readonly blind: boolean;
  readonly lead: MinutesPerson;
  readonly startedAt: string;
  /** Null while the session is open. */
  readonly closedAt: string | null;
  /** Null when no vote is cast. */
  readonly firstVoteAt: string | null;
  readonly lastVoteAt: string | null;
  /** When the minutes were made, and by what ("Claimdesk 0.1.0"). */
  readonly madeAt: string;
  readonly generator: string;
  /** The lead first, then reviewers by votes, then those who only commented. */
  readonly participants: readonly MinutesParticipant[];
  /** Over every vote of the session; categories are verdict ids, named by `verdictLabels`. */
  readonly agreement: AgreementSummary;
  /** Verdict labels by `String(id)`. */
  readonly verdictLabels: Readonly<Record<string, string>>;
  /** In queue order. */
  readonly claims: readonly MinutesClaim[];
  /** In queue order of their claims. */
  readonly overrides: readonly MinutesOverride[];
}

/** A file name for the minutes of a session titled `title`, as exports are named: "tuesday-toll.minutes.md". */
export function minutesFileName(title: string, format: MinutesFormat): string {
  return exportFileName(title, format).replace(/\.(md|pdf)$/, '.minutes.$1');
}

// ---------------------------------------------------------------------------------------------
// What both formats say, as plain text (escaped by each renderer).

/** "Ana Lopes (AL)", as the agreement names raters too. */
export function personLabel(person: MinutesPerson | null): string {
  if (person === null) return 'someone unknown';
  return person.initials === '' ? person.name : `${person.name} (${person.initials})`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A ratio to three decimals ("0.500", "-0.200"). */
function ratio(value: number): string {
  const text = value.toFixed(3);
  return text === '-0.000' ? '0.000' : text;
}

/** A count that may be fractional (coincidences): whole numbers as such, others to three decimals. */
function count(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

function verdictName(model: SessionMinutes, category: Category): string {
  return model.verdictLabels[String(category)] ?? `verdict ${String(category)}`;
}

/** One figure of the agreement: its name, its value (null when it cannot be computed) and the words behind it. */
interface Figure {
  readonly name: string;
  readonly value: string | null;
  readonly detail: string;
}

/** A table of counts with its caption and the names of its rows and columns. */
interface CountTable {
  readonly caption: string;
  readonly corner: string;
  readonly labels: readonly string[];
  readonly counts: readonly (readonly string[])[];
}

function agreementFigures(model: SessionMinutes): Figure[] {
  const { percent: p, kappa: k, alpha: a, raters } = model.agreement;
  const noPairs = 'Not computed: no claim has votes from two reviewers yet.';
  const only = (matrix: CategoryMatrix) => verdictName(model, matrix.categories[0] ?? '');
  const figures: Figure[] = [
    {
      name: 'Percent agreement',
      value: p.value === null ? null : percent(p.value),
      detail:
        p.value === null
          ? noPairs
          : `${p.agreeingPairs} of ${plural(p.pairs, 'pair')} of votes on the same claim agree, over ${plural(p.units, 'claim')} with two or more votes.`,
    },
  ];
  if (k === null) {
    figures.push({
      name: 'Cohen’s kappa',
      value: null,
      detail:
        raters.length < 2
          ? `Not computed: it compares two reviewers, and ${raters.length === 0 ? 'no one' : 'only one reviewer'} voted.`
          : `Not given: it compares exactly two reviewers, and ${raters.length} voted; Krippendorff’s alpha below covers them all.`,
    });
  } else {
    const agreeing = k.confusion.counts.reduce((sum, row, i) => sum + row[i]!, 0);
    const observed = `Observed agreement ${ratio(k.observed ?? 0)} (${agreeing} of ${plural(k.units, 'claim')} both rated)`;
    figures.push({
      name: `Cohen’s kappa (${k.raterA} and ${k.raterB})`,
      value: k.kappa === null ? null : ratio(k.kappa),
      detail:
        k.reason === 'no-pairable-ratings'
          ? 'Not computed: the two reviewers never voted on the same claim.'
          : k.reason === 'single-category'
            ? `Not computed: both reviewers gave the same verdict (${only(k.confusion)}) on every claim they both rated, so the agreement expected by chance is already complete and kappa would be 0/0. ${observed}.`
            : `${observed}; agreement expected by chance ${ratio(k.expected ?? 0)}.`,
    });
  }
  figures.push({
    name: 'Krippendorff’s alpha (nominal)',
    value: a.alpha === null ? null : ratio(a.alpha),
    detail:
      a.reason === 'no-pairable-ratings'
        ? noPairs
        : a.reason === 'single-category'
          ? `Not computed: every vote was for the same verdict (${only(a.coincidence)}), so no disagreement is expected by chance and alpha would be 0/0.`
          : `Observed disagreement ${ratio(a.observedDisagreement ?? 0)}; disagreement expected by chance ${ratio(a.expectedDisagreement ?? 0)}; over ${plural(a.n, 'pairable vote')} on ${plural(a.units, 'claim')}.`,
  });
  return figures;
}

/** The tables behind the figures: kappa's confusion table for two reviewers, alpha's coincidences for more. */
function agreementTables(model: SessionMinutes): CountTable[] {
  const { kappa: k, alpha: a, raters } = model.agreement;
  const table = (caption: string, corner: string, matrix: CategoryMatrix): CountTable => ({
    caption,
    corner,
    labels: matrix.categories.map((c) => verdictName(model, c)),
    counts: matrix.counts.map((row) => row.map(count)),
  });
  const tables: CountTable[] = [];
  if (k !== null && k.units > 0) {
    tables.push(table(`Verdicts of ${k.raterA} (rows) against ${k.raterB} (columns), on the claims both rated`, `${k.raterA} ↓ ${k.raterB} →`, k.confusion));
  }
  if (raters.length > 2 && a.n > 0) {
    tables.push(table('Coincidences of verdicts between reviewers of the same claim (each pairable vote counts once in all)', 'Verdict', a.coincidence));
  }
  return tables;
}

function sessionFacts(model: SessionMinutes): [string, string][] {
  const decided = model.claims.filter((c) => c.decision !== null).length;
  const split = model.claims.filter((c) => c.disagreement).length;
  const against = model.claims.filter((c) => c.decision?.againstMajority === true).length;
  return [
    ['Lead', personLabel(model.lead)],
    ['Started', readableTime(model.startedAt)],
    ['Closed', model.closedAt === null ? 'Still open' : readableTime(model.closedAt)],
    ['First vote', model.firstVoteAt === null ? 'No votes' : readableTime(model.firstVoteAt)],
    ['Last vote', model.lastVoteAt === null ? 'No votes' : readableTime(model.lastVoteAt)],
    ['Voting', model.blind ? 'Blind: each reviewer saw the others’ votes only after casting their own' : 'Open: every vote was visible as it was cast'],
    [
      'Claims',
      `${model.claims.length}: ${decided} decided, ${model.claims.length - decided} not decided; ${split} with disagreeing votes; ${against} decided against the majority`,
    ],
    ['Minutes made', `${readableTime(model.madeAt)} by ${model.generator}`],
  ];
}

function participantRole(p: MinutesParticipant): string {
  if (p.lead) return 'Lead';
  return p.votes > 0 ? 'Reviewer' : 'Commented';
}

/** The claims in the order the minutes show them: those with disagreeing votes first, each group in queue order. */
export function minutesOrder(model: SessionMinutes): { disagreements: MinutesClaim[]; others: MinutesClaim[] } {
  return { disagreements: model.claims.filter((c) => c.disagreement), others: model.claims.filter((c) => !c.disagreement) };
}

function majorityText(claim: MinutesClaim): string {
  return claim.majority.length === 1 ? `the majority voted ${claim.majority[0]}` : `the votes were tied between ${claim.majority.join(', ')}`;
}

const HISTORY_NOTE = 'Votes, comments, sign-offs and overrides are also kept in the history of each claim.';

// ---------------------------------------------------------------------------------------------
// Markdown.

/** A time as people read it; escaped, since times merged from a review package are only text. */
function mdTime(iso: string): string {
  return escapeMarkdownLine(readableTime(iso));
}

/** Escapes one line of user text that must stay on one line (a heading, a table cell); `|` escaped. */
function mdOneLine(text: string): string {
  return escapeMarkdownLine(text.replace(/\s+/g, ' '));
}

function mdTable(t: CountTable): string[] {
  const header = `| ${[t.corner, ...t.labels].map(mdOneLine).join(' | ')} |`;
  const rule = `|${[':--', ...t.labels.map(() => '--:')].join('|')}|`;
  const rows = t.counts.map((row, i) => `| ${[mdOneLine(t.labels[i]!), ...row].join(' | ')} |`);
  return [`*${escapeMarkdown(t.caption)}:*`, '', header, rule, ...rows, ''];
}

function mdClaim(claim: MinutesClaim, total: number): string[] {
  const lines = [`### Claim ${claim.number} of ${total}`, '', `> ${escapeMarkdown(claim.quote, '> ')}`, '', `*Document:* ${escapeMarkdown(claim.document)}`, ''];
  if (claim.votes.length === 0) {
    lines.push('*Votes:* none.', '');
  } else {
    lines.push('*Votes:*', '');
    for (const v of claim.votes) {
      const head = `* ${escapeMarkdown(personLabel(v.reviewer))}: **${escapeMarkdown(v.verdict)}**, confidence ${v.confidence}% (${mdTime(v.at)})`;
      lines.push(v.comment === null ? head : `${head}\\\n  *Comment:* ${escapeMarkdown(v.comment, '  ')}`);
    }
    lines.push('');
  }
  const d = claim.decision;
  if (d === null) {
    lines.push('*Decision:* not decided.', '');
  } else {
    const parts = [`*Decision:* **${escapeMarkdown(d.verdict)}**, confidence ${d.confidence}%, by ${escapeMarkdown(personLabel(d.by))}, ${mdTime(d.at)}.`];
    if (d.againstMajority) parts.push(`**Differs from the majority:** ${escapeMarkdown(majorityText(claim))}.`);
    if (d.reason !== null) parts.push(`*Reason:* ${escapeMarkdown(d.reason)}`);
    lines.push(parts.join('\\\n'), '');
  }
  if (claim.comments.length > 0) {
    lines.push('*Discussion:*', '');
    for (const c of claim.comments) {
      lines.push(`* ${escapeMarkdown(personLabel(c.author))}, ${mdTime(c.at)}: ${escapeMarkdown(c.body, '  ')}`);
    }
    lines.push('');
  }
  return lines;
}

/** The minutes as Markdown (CommonMark with GFM tables); no raw HTML. */
export function minutesMarkdown(model: SessionMinutes): string {
  const facts = sessionFacts(model).map(([k, v]) => `**${k}:** ${escapeMarkdown(v)}`);
  const lines = [`# Session minutes: ${mdOneLine(model.title)}`, '', facts.join('\\\n'), '', '## Who took part', ''];
  for (const p of model.participants) {
    const comments = p.comments > 0 ? `, ${plural(p.comments, 'comment')}` : '';
    lines.push(`* ${escapeMarkdown(personLabel(p.person))}, ${participantRole(p).toLowerCase()}: ${plural(p.votes, 'vote')}${comments}`);
  }
  lines.push('', '## Agreement on verdicts', '');
  for (const f of agreementFigures(model)) {
    lines.push(`**${escapeMarkdown(f.name)}:** ${f.value === null ? '' : `**${f.value}**. `}${escapeMarkdown(f.detail)}`, '');
  }
  for (const t of agreementTables(model)) lines.push(...mdTable(t));

  const { disagreements, others } = minutesOrder(model);
  const total = model.claims.length;
  lines.push(`## Disagreements (${disagreements.length})`, '');
  if (disagreements.length === 0) lines.push('The votes agreed on every claim.', '');
  for (const claim of disagreements) lines.push(...mdClaim(claim, total));
  lines.push(`## Other claims (${others.length})`, '');
  if (others.length === 0) lines.push('None.', '');
  for (const claim of others) lines.push(...mdClaim(claim, total));

  lines.push('## Publication overrides', '');
  if (model.overrides.length === 0) lines.push('No claim of this session was published despite a problem.', '');
  for (const o of model.overrides) {
    lines.push(
      `* Claim ${o.claimNumber} (“${mdOneLine(o.quote)}”): **${escapeMarkdown(o.problem)}**, overridden by ${escapeMarkdown(personLabel(o.by))}, ${mdTime(o.at)}\\\n` +
        `  *Reason:* ${escapeMarkdown(o.reason, '  ')}`,
    );
  }
  if (model.overrides.length > 0) lines.push('');
  lines.push(`*${HISTORY_NOTE}*`);
  return `${lines.join('\n').trimEnd()}\n`;
}

// ---------------------------------------------------------------------------------------------
// HTML.

// default-src 'none' forbids scripts, images, fonts, fetches and frames; the stylesheet is
// embedded (the file must stand alone), which CSP allows only with style-src 'unsafe-inline'.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

function time(iso: string): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(readableTime(iso))}</time>`;
}

/** User text that may span lines; the stylesheet keeps its line breaks. */
function text(value: string): string {
  return `<span class="text">${escapeHtml(value)}</span>`;
}

function htmlTable(t: CountTable, id: string): string {
  const head = [`<th scope="col">${escapeHtml(t.corner)}</th>`, ...t.labels.map((l) => `<th scope="col">${escapeHtml(l)}</th>`)].join('');
  const rows = t.counts.map((row, i) => `<tr><th scope="row">${escapeHtml(t.labels[i]!)}</th>${row.map((n) => `<td>${n}</td>`).join('')}</tr>`);
  return `<table class="matrix" id="${id}"><caption>${escapeHtml(t.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function htmlClaim(claim: MinutesClaim, total: number): string {
  const votes =
    claim.votes.length === 0
      ? '<p>No votes.</p>'
      : '<table class="votes"><caption>Votes</caption><thead><tr><th scope="col">Reviewer</th><th scope="col">Verdict</th><th scope="col">Confidence</th><th scope="col">Comment</th><th scope="col">When</th></tr></thead><tbody>' +
        claim.votes
          .map(
            (v) =>
              `<tr><th scope="row">${escapeHtml(personLabel(v.reviewer))}</th><td>${escapeHtml(v.verdict)}</td><td>${v.confidence}%</td>` +
              `<td>${v.comment === null ? '' : text(v.comment)}</td><td>${time(v.at)}</td></tr>`,
          )
          .join('') +
        '</tbody></table>';
  const d = claim.decision;
  const decision =
    d === null
      ? '<p class="decision"><strong>Decision:</strong> not decided.</p>'
      : `<p class="decision"><strong>Decision:</strong> <strong>${escapeHtml(d.verdict)}</strong>, confidence ${d.confidence}%, by ${escapeHtml(personLabel(d.by))}, ${time(d.at)}.` +
        (d.againstMajority ? `<br><strong class="flag">Differs from the majority:</strong> ${escapeHtml(majorityText(claim))}.` : '') +
        (d.reason === null ? '' : `<br><strong>Reason:</strong> ${text(d.reason)}`) +
        '</p>';
  const discussion =
    claim.comments.length === 0
      ? ''
      : `<h4>Discussion</h4><ul class="discussion">${claim.comments
          .map((c) => `<li><strong>${escapeHtml(personLabel(c.author))}</strong>, ${time(c.at)}: ${text(c.body)}</li>`)
          .join('')}</ul>`;
  return (
    `<article class="claim${claim.disagreement ? ' disagreement' : ''}" id="claim-${claim.number}" aria-labelledby="claim-${claim.number}-h">` +
    `<h3 id="claim-${claim.number}-h">Claim ${claim.number} of ${total}</h3>` +
    `<blockquote>${text(claim.quote)}</blockquote>` +
    `<p class="muted">Document: ${escapeHtml(claim.document)}</p>` +
    votes +
    decision +
    discussion +
    '</article>'
  );
}

function htmlSection(id: string, heading: string, body: string): string {
  return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(heading)}</h2>${body}</section>`;
}

/** The minutes as one self-contained HTML page (UTF-8): no script, a strict CSP, a print stylesheet. */
export function minutesHtml(model: SessionMinutes): string {
  const title = `Session minutes: ${model.title}`;
  const facts = sessionFacts(model)
    .map(([k, v]) => `<dt>${k}</dt><dd>${escapeHtml(v)}</dd>`)
    .join('');
  const people =
    '<table class="people"><thead><tr><th scope="col">Person</th><th scope="col">Role</th><th scope="col">Votes</th><th scope="col">Comments</th></tr></thead><tbody>' +
    model.participants
      .map((p) => `<tr><th scope="row">${escapeHtml(personLabel(p.person))}</th><td>${participantRole(p)}</td><td>${p.votes}</td><td>${p.comments}</td></tr>`)
      .join('') +
    '</tbody></table>';
  const figures = agreementFigures(model)
    .map((f) => `<dt>${escapeHtml(f.name)}</dt><dd>${f.value === null ? '' : `<strong class="figure">${f.value}</strong> `}${escapeHtml(f.detail)}</dd>`)
    .join('');
  const tables = agreementTables(model)
    .map((t, i) => htmlTable(t, `agreement-table-${i + 1}`))
    .join('');
  const { disagreements, others } = minutesOrder(model);
  const total = model.claims.length;
  const overrides =
    model.overrides.length === 0
      ? '<p>No claim of this session was published despite a problem.</p>'
      : '<table class="overrides"><thead><tr><th scope="col">Claim</th><th scope="col">Problem</th><th scope="col">Reason</th><th scope="col">By</th><th scope="col">When</th></tr></thead><tbody>' +
        model.overrides
          .map(
            (o) =>
              `<tr><th scope="row">${o.claimNumber} <q>${escapeHtml(o.quote)}</q></th><td>${escapeHtml(o.problem)}</td><td>${text(o.reason)}</td>` +
              `<td>${escapeHtml(personLabel(o.by))}</td><td>${time(o.at)}</td></tr>`,
          )
          .join('') +
        '</tbody></table>';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${escapeHtml(model.generator)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLESHEET}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(title)}</h1><dl class="meta">${facts}</dl></header>`,
    '<main>',
    htmlSection('people-h', 'Who took part', people),
    htmlSection('agreement-h', 'Agreement on verdicts', `<dl class="figures">${figures}</dl>${tables}`),
    htmlSection(
      'disagreements-h',
      `Disagreements (${disagreements.length})`,
      disagreements.length === 0 ? '<p>The votes agreed on every claim.</p>' : disagreements.map((c) => htmlClaim(c, total)).join('\n'),
    ),
    htmlSection('others-h', `Other claims (${others.length})`, others.length === 0 ? '<p>None.</p>' : others.map((c) => htmlClaim(c, total)).join('\n')),
    htmlSection('overrides-h', 'Publication overrides', overrides),
    `<p class="muted">${escapeHtml(HISTORY_NOTE)}</p>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const STYLESHEET = `
body{font:16px/1.5 Georgia,serif;color:#1a1a1a;background:#fff;max-width:60rem;margin:0 auto;padding:1rem 2rem}
h1,h2,h3,h4{font-family:system-ui,sans-serif;line-height:1.2}
h4{margin:.8rem 0 .3rem}
.meta,.figures{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
.meta dt,.figures dt{font-weight:bold}
.meta dd,.figures dd{margin:0}
.figure{font-size:1.1em}
.muted{color:#4a4a4a}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
.flag{color:#a40e26}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.5rem 0;table-layout:fixed}
table.matrix,table.people{width:auto;table-layout:auto}
table.votes thead th:nth-child(1){width:20%}table.votes thead th:nth-child(2){width:15%}table.votes thead th:nth-child(3){width:11%}table.votes thead th:nth-child(4){width:34%}table.votes thead th:nth-child(5){width:20%}
table.overrides thead th:nth-child(1){width:24%}table.overrides thead th:nth-child(2){width:14%}table.overrides thead th:nth-child(3){width:32%}table.overrides thead th:nth-child(4){width:15%}table.overrides thead th:nth-child(5){width:15%}
caption{text-align:left;font-style:italic;padding:.2rem 0}
th,td{border:1px solid #767676;padding:.3rem .4rem;vertical-align:top;text-align:left;overflow-wrap:break-word}
thead th{background:#f0f0f0}
table.matrix td{text-align:right}
blockquote{margin:.5rem 0;padding-left:.8rem;border-left:4px solid #767676}
article.claim{border-top:1px solid #767676;padding:.3rem 0 .8rem}
article.disagreement blockquote{border-left-color:#a40e26}
.discussion{margin:0;padding-left:1.2rem}
@page{margin:18mm 15mm}
@media print{
  body{max-width:none;padding:0;font-size:11pt}
  table{font-size:.8rem}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  thead{display:table-header-group}
  article.claim,tr{break-inside:avoid;page-break-inside:avoid}
  h2,h3,h4{break-after:avoid;page-break-after:avoid}
}
`;
