/**
 * Story: a fact-checker exports the annotated report of a wire story and sends it on as an
 * HTML file and as a PDF. Whoever opens it, in any browser, gets a page that loads nothing from
 * the network, runs no script (even the hostile text a colleague pasted into a note), can be
 * read with a screen reader, and prints without cutting a claim in two.
 *
 * The report is built from a real project file: the sample article imported, claims tagged
 * with every verdict of the scale (two overlapping, one nested), sources cited (one of them
 * confidential) and a note holding markup and a javascript: link. Then Chromium loads, scans,
 * prints and the PDF is read back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Browser, type Page } from '@playwright/test';
import type { AttributionHopInput, ClaimInput, ClaimSourceInput, SourceFields } from '../shared/domain';
import type { ExportBundle } from '../shared/export/bundle';
import { renderHtmlReport } from '../shared/export/html-report';
import { parseCsp } from '../main/security/csp';
import { gatherBundle } from '../main/export/gather-bundle';
import { importText } from '../main/import/import-article';
import { SAMPLE_ARTICLE, SAMPLE_FILE_NAME } from '../main/sample/sample-article';
import { closeProject, createClaim, createSource, ensureProfile, getDocument, listVerdicts, openProject, setActor } from '../main/store';
import { chromiumPdfPrinter } from './harness/chromium-pdf';
import { pdfPages } from './support/pdf-text';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Where the report is opened from in the browser: an address no server answers. */
const REPORT_URL = 'http://report.claimdesk.test/report.html';

const HOSTILE_MARKUP = '</script><img src=x onerror=alert(1)>';
const HOSTILE_LINK = '<a href="javascript:alert(document.cookie)">the ministry page</a>';
const HOSTILE_NOTE = `Pasted from a chat: ${HOSTILE_MARKUP} and ${HOSTILE_LINK}`;
const CONFIDENTIAL_TITLE = 'Call with a trauma ward nurse';

function source(fields: Partial<SourceFields> & Pick<SourceFields, 'title'>): SourceFields {
  return {
    type: 'web-page', publisher: null, authors: [], issued: null, accessed: null, url: null, language: 'en', notes: null,
    reliability: 'unknown', reliabilityReason: null, confidential: false, ...fields,
  };
}

function said(name: string, reliability: AttributionHopInput['reliability'] = 'unknown'): AttributionHopInput {
  return { speaker: { newSpeaker: { kind: 'person', name, role: null, affiliation: null, externalId: null } }, role: 'said', reliability };
}

/** A claim tagged on the desk: its quote, its verdict by label, and what the form would send. */
interface TaggedClaim {
  readonly quote: string;
  readonly verdict: string;
  readonly input?: Partial<Omit<ClaimInput, 'verdictId'>>;
}

/** The claims of the story, in no particular order (the report numbers them in reading order). */
function taggedClaims(sources: Record<'ministry' | 'monitor' | 'nurse' | 'budget' | 'lender' | 'netwatch', number>): TaggedClaim[] {
  const cite = (id: number, role: ClaimSourceInput['role'], pinpoint: string | null = null): ClaimSourceInput => ({ source: { sourceId: id }, role, pinpoint });
  return [
    {
      quote: 'the government doubled fuel prices overnight',
      verdict: 'Misleading',
      input: {
        claimType: 'event', confidence: 65, sources: [cite(sources.budget, 'context', 'table 3')],
        rationale: 'The budget law raised the regulated price of diesel by 100% but petrol by 64%, in two steps a week apart; "doubled overnight" is true of diesel only.',
      },
    },
    {
      quote: 'At least 38 people have been killed since Tuesday',
      verdict: 'Likely true',
      input: {
        claimType: 'statistic', confidence: 70, attribution: { kind: 'according-to', chain: [said('Health Ministry spokesperson', 'mixed')] },
        sources: [cite(sources.ministry, 'supporting', 'para. 2'), cite(sources.monitor, 'contradicting')],
        rationale: 'The ministry count is a floor: it lists named dead at three hospitals. The monitor counts 61 including unnamed bodies. Both counts agree on 38 named victims.',
      },
    },
    {
      quote: 'an opposition monitoring group put the toll at 61',
      verdict: 'Unproven',
      input: { claimType: 'statistic', confidence: 40, sources: [cite(sources.monitor, 'origin'), cite(sources.nurse, 'context')], rationale: 'No list of names published yet.' },
    },
    {
      quote: '1,240 people had been detained',
      verdict: 'Verified',
      input: { claimType: 'statistic', confidence: 85, attribution: { kind: 'direct-quote', chain: [said('Ilse Marrov', 'mixed')] }, sources: [cite(sources.ministry, 'supporting', 'annex')] },
    },
    {
      quote: 'people had been detained "for looting and attacks on public buildings"',
      verdict: 'False',
      input: {
        claimType: 'quote', confidence: 80, attribution: { kind: 'direct-quote', chain: [said('Ilse Marrov', 'mixed')] },
        rationale: 'Court lists show most of those held were charged with curfew breaches, not looting.',
      },
    },
    {
      quote: '"Order will be restored in Saltera by Sunday, whatever it takes,"',
      verdict: 'Not checkable',
      input: { claimType: 'prediction', confidence: 100, attribution: { kind: 'direct-quote', chain: [said('Ilse Marrov', 'mixed')] } },
    },
    {
      quote: 'President Tomas Edvin said he had given a shoot-to-kill order to troops facing "armed bandits"',
      verdict: 'Verified',
      input: {
        claimType: 'quote', confidence: 90, attribution: { kind: 'according-to', chain: [said('Tomas Edvin', 'not-credible')] },
        rationale: 'The transcript on the presidency site says so word for word; an archived copy is attached to the source.',
      },
    },
    {
      quote: 'shoot-to-kill order',
      verdict: 'Unproven',
      input: { claimType: 'event', confidence: 35, rationale: 'No written order has been seen; commanders interviewed deny receiving one.' },
    },
    {
      quote: 'the main trauma ward had received more than 90 people with gunshot wounds since Wednesday',
      verdict: 'Likely true',
      input: {
        claimType: 'statistic', confidence: 60, attribution: { kind: 'anonymous', chain: [] },
        sources: [cite(sources.nurse, 'supporting')], note: HOSTILE_NOTE,
        rationale: 'Two staff members gave the same figure separately; admission logs were not shown to us.',
      },
    },
    {
      quote: 'a budget gap of 4.2 billion verans',
      verdict: 'Verified',
      input: { claimType: 'statistic', confidence: 95, sources: [cite(sources.budget, 'supporting', 'p. 12')] },
    },
    {
      quote: '"not requested any specific subsidy cut"',
      verdict: 'False',
      input: {
        claimType: 'quote', confidence: 75, sources: [cite(sources.lender, 'contradicting', 'letter of intent, §4')],
        rationale: 'The letter of intent the Facility published in January names the fuel subsidy as the first cut to make.',
      },
    },
    {
      quote: 'Internet access in Saltera has been cut since Thursday',
      verdict: 'Verified',
      input: { claimType: 'event', confidence: 90, sources: [cite(sources.netwatch, 'origin')], attribution: { kind: 'according-to', chain: [] } },
    },
  ];
}

const CLAIM_DEFAULTS: Omit<ClaimInput, 'verdictId'> = {
  sources: [], attribution: { kind: 'unattributed', chain: [] }, claimType: null, confidence: 50, rationale: null, status: 'settled',
  note: null, tagIds: [], newTags: [],
};

/** The export bundle of the story, read from a real project file in `folder`. */
function buildBundle(folder: string): ExportBundle {
  const db = openProject(path.join(folder, 'verano.claimdesk'), { create: true });
  try {
    setActor(db, ensureProfile(db, { uid: '6d3f1c2a-0b7e-4c59-9d1a-e2e0000000aa', name: 'Mara Quell', initials: 'MQ', color: '#0a58ca' }).id);
    const documentId = importText(db, SAMPLE_ARTICLE, SAMPLE_FILE_NAME).id;
    const { plainText } = getDocument(db, documentId);
    const verdictId = new Map(listVerdicts(db).map((v) => [v.label, v.id]));
    const sources = {
      ministry: createSource(db, source({ type: 'official-statement', title: 'Statement on casualties in Saltera', publisher: 'Ministry of Health of Verano', issued: '2026-03-13', url: 'https://health.verano.example/statements/2026-03-13', reliability: 'mixed' })).id,
      monitor: createSource(db, source({ title: 'Verano Rights Monitor <b>live</b> tally', publisher: 'Verano Rights Monitor', url: 'https://monitor.example/tally?city=saltera&day=4', reliability: 'mixed' })).id,
      nurse: createSource(db, source({ type: 'personal-communication', title: CONFIDENTIAL_TITLE, authors: ['Name withheld'], issued: '2026-03-13', reliability: 'credible', confidential: true })).id,
      budget: createSource(db, source({ type: 'report', title: 'Budget law 2026, explanatory memorandum', publisher: 'Finance Ministry of Verano', authors: ['Finance Ministry of Verano'], issued: '2026-02', url: 'https://finance.verano.example/budget-2026.pdf', reliability: 'credible' })).id,
      lender: createSource(db, source({ type: 'report', title: 'Letter of intent: Verano', publisher: 'International Lending Facility', issued: '2026-01-20', url: 'https://ilf.example/loi/verano', reliability: 'credible' })).id,
      netwatch: createSource(db, source({ title: 'Saltera connectivity dashboard', publisher: 'NetWatch Verano', accessed: '2026-03-14', url: 'https://netwatch.example/saltera', reliability: 'credible' })).id,
    };
    for (const { quote, verdict, input } of taggedClaims(sources)) {
      const start = plainText.indexOf(quote);
      if (start < 0) throw new Error(`"${quote}" is not in the sample article.`);
      const end = start + quote.length;
      const anchor = { exact: quote, prefix: plainText.slice(Math.max(0, start - 32), start), suffix: plainText.slice(end, end + 32), start, end };
      createClaim(db, { documentId, anchor, input: { ...CLAIM_DEFAULTS, ...input, verdictId: verdictId.get(verdict)! } });
    }
    // Notes are part of this export (the desk shares it internally); confidential sources are not.
    return gatherBundle(db, documentId, { includeNotes: true, includeConfidential: false }, { desk: 'Saltera Verification Desk', generator: 'Claimdesk 0.1.0', now: '2026-03-15T09:30:00.000Z' });
  } finally {
    closeProject(db);
  }
}

let workDir = '';
let bundle: ExportBundle;
let html = '';

// eslint-disable-next-line no-empty-pattern
test.beforeAll(({}, testInfo) => {
  testInfo.skip(
    testInfo.project.name !== 'chromium',
    'The report is checked in Chromium only: this spec has no Electron run yet (the print window\'s options, request filter and cleanup have unit tests).',
  );
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-report-'));
  bundle = buildBundle(workDir);
  html = renderHtmlReport(bundle);
});

test.afterAll(() => {
  if (workDir !== '') fs.rmSync(workDir, { recursive: true, force: true });
});

/** Text as the PDF reader gives it back, compared without whitespace or quotation marks (line breaks and `<q>` marks differ). */
function squeeze(text: string): string {
  return text.normalize('NFKC').replace(/[\s"'“”‘’]/g, '');
}

/** The printed text of each element matching `selector`: without the visually hidden labels, which print nothing. */
function printedTexts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const copy = element.cloneNode(true) as Element;
      copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
      return copy.textContent ?? '';
    }),
  );
}

/** The report opened as a browser opens a downloaded page. */
interface OpenReport {
  readonly page: Page;
  /** Every request the page attempted, blocked or not, in order. */
  readonly attempts: string[];
  /** Requests that got past the page to the network (here, to the test's router). */
  readonly network: string[];
  /** Attempts the page itself blocked, with the reason Chromium gives. */
  readonly blocked: string[];
  close(): Promise<void>;
}

async function openReport(browser: Browser): Promise<OpenReport> {
  // JavaScript stays on here: the report's own CSP has to be what stops scripts.
  const context = await browser.newContext();
  const attempts: string[] = [];
  const network: string[] = [];
  const blocked: string[] = [];
  context.on('request', (request) => attempts.push(request.url()));
  context.on('requestfailed', (request) => blocked.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    network.push(url);
    return url === REPORT_URL ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }) : route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  await page.goto(REPORT_URL, { waitUntil: 'load' });
  return { page, attempts, network, blocked, close: () => context.close() };
}

test('the report opens offline: no request, no script, no event handler, a strict CSP, hostile text as text', async ({ browser }) => {
  expect(html).not.toMatch(/<script/i);
  const { page, attempts, network, blocked, close } = await openReport(browser);
  try {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fact-check: Unrest in Verano after fuel price rise');
    await page.waitForLoadState('networkidle');
    expect(attempts).toEqual([REPORT_URL]);
    expect(await page.locator('script').count()).toBe(0);
    const handlers = await page.locator('*').evaluateAll((elements) =>
      elements.flatMap((e) => Array.from(e.attributes).filter((a) => /^on/i.test(a.name)).map((a) => `<${e.tagName.toLowerCase()} ${a.name}>`)),
    );
    expect(handlers).toEqual([]);
    const hrefs = await page.locator('[href]').evaluateAll((elements) => elements.map((e) => e.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^(https?|mailto):/);

    // The note a colleague pasted is there to read, not to run.
    const note = page.locator('.note');
    await expect(note).toBeVisible();
    await expect(note).toContainText(HOSTILE_MARKUP);
    await expect(note).toContainText(HOSTILE_LINK);
    expect(await page.locator('img, a[href^="javascript"]').count()).toBe(0);
    await expect(page.getByText('Verano Rights Monitor <b>live</b> tally').first()).toBeVisible();

    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    const csp = parseCsp(policy ?? '');
    expect(csp.get('default-src')).toEqual(["'none'"]);
    for (const directive of ['script-src', 'script-src-elem', 'script-src-attr']) {
      // Absent means default-src 'none' applies.
      expect([undefined, ["'none'"]], directive).toContainEqual(csp.get(directive));
    }
    expect(policy).not.toMatch(/unsafe-eval|unsafe-hashes|strict-dynamic|nonce-|sha(256|384|512)-/);

    // The policy is enforced, not just written: a script slipped into the page does not run and
    // an image pointing outside is not fetched.
    const scriptRefused = page.waitForEvent('console', (message) => /inline script.*Content Security Policy/is.test(message.text()));
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.documentElement.dataset.ran = "yes";';
      document.head.append(script);
      const image = document.createElement('img');
      image.src = 'https://tracker.example/pixel.gif';
      document.body.append(image);
      return document.documentElement.dataset['ran'] === 'yes';
    });
    expect(ran).toBe(false);
    await scriptRefused;
    await expect.poll(() => blocked).toEqual(['https://tracker.example/pixel.gif csp']);
    expect(network).toEqual([REPORT_URL]);
  } finally {
    await close();
  }
});

test('the report has no accessibility violations, on screen and in print', async ({ browser }) => {
  const { page, close } = await openReport(browser);
  try {
    for (const media of ['screen', 'print'] as const) {
      await page.emulateMedia({ media });
      const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
      const report = violations
        .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`)
        .join('\n');
      expect(violations, `axe found WCAG 2.1 AA violations (${media}):\n${report}`).toEqual([]);
    }
  } finally {
    await close();
  }
});

test('the print stylesheet keeps each claim in one piece and the report inside the page', async ({ browser }) => {
  const { page, close } = await openReport(browser);
  try {
    await page.emulateMedia({ media: 'print' });
    const breaks = (selector: string, property: 'breakInside' | 'breakAfter') =>
      page.locator(selector).evaluateAll((elements, p) => elements.map((e) => getComputedStyle(e)[p]), property);
    expect(await breaks('tr.claim-row', 'breakInside')).toEqual(Array(bundle.claims.length).fill('avoid'));
    expect(await breaks('.bibliography li', 'breakInside')).toEqual(Array(bundle.sources.filter((s) => !s.confidential).length).fill('avoid'));
    expect(await breaks('h2', 'breakAfter')).toEqual(Array(4).fill('avoid'));

    // Laid out at the width of a printed page (Letter, the paper Chromium and Electron default
    // to, less the report's @page side margins), nothing sticks out past the right margin: a
    // long URL or pasted run of text wraps inside its cell.
    const width = await page.evaluate(() => {
      const rule = Array.from(document.styleSheets).flatMap((sheet) => Array.from(sheet.cssRules)).find((r): r is CSSPageRule => r instanceof CSSPageRule);
      const mm = (value: string | undefined) => (value?.endsWith('mm') ? (parseFloat(value) * 96) / 25.4 : NaN);
      return 8.5 * 96 - mm(rule?.style.marginLeft) - mm(rule?.style.marginRight);
    });
    expect(width).toBeGreaterThan(600);
    await page.setViewportSize({ width: Math.floor(width), height: 1000 });
    const overflow = await page.evaluate(() => {
      const root = document.documentElement;
      const table = document.querySelector('table.claims')!.getBoundingClientRect();
      return { scroll: root.scrollWidth, client: root.clientWidth, tableRight: Math.ceil(table.right) };
    });
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
    expect(overflow.tableRight).toBeLessThanOrEqual(overflow.client);
  } finally {
    await close();
  }
});

test('the PDF says what the report says, without the confidential source, and splits no claim', async ({ browser }) => {
  const bytes = await chromiumPdfPrinter(browser).print(html);
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  const pages = (await pdfPages(bytes)).map(squeeze);
  const all = pages.join('');
  // Long enough to break the claims table across pages, so the breaks are tested.
  expect(pages.length).toBeGreaterThan(2);
  expect(pages[0]).toContain(squeeze('Fact-check: Unrest in Verano after fuel price rise'));
  expect(pages[0]).toContain(squeeze(bundle.verdicts.map((v) => v.label).join(' ')));

  const { page, close } = await openReport(browser);
  try {
    await page.emulateMedia({ media: 'print' });
    const rows = await printedTexts(page, 'tr.claim-row');
    expect(rows).toHaveLength(bundle.claims.length);
    rows.forEach((row, index) => {
      const text = squeeze(row);
      const claim = bundle.claims.find((c) => text.includes(squeeze(c.anchor.exact)));
      expect(claim, `row ${index + 1} shows a claim's quote`).toBeDefined();
      expect(text.startsWith(`${index + 1}`), `row ${index + 1} starts with its number`).toBe(true);
      const on = pages.filter((p) => p.includes(text)).length;
      expect(on, `claim ${index + 1} is printed whole on one page:\n${row}`).toBe(1);
    });
    for (const entry of await printedTexts(page, '.bibliography li')) {
      expect(pages.some((p) => p.includes(squeeze(entry))), `bibliography entry printed whole: ${entry}`).toBe(true);
    }
    // No heading ends a page: each is printed on the same page as the start of what follows it.
    for (const section of await page.locator('main > section').evaluateAll((sections) =>
      sections.map((s) => {
        const copy = s.cloneNode(true) as Element;
        copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
        const heading = copy.querySelector('h2')!;
        heading.remove();
        return { heading: heading.textContent ?? '', body: copy.textContent ?? '' };
      }),
    )) {
      const start = squeeze(section.heading) + squeeze(section.body).slice(0, 120);
      expect(pages.some((p) => p.includes(start)), `"${section.heading}" is printed with what follows it`).toBe(true);
    }
  } finally {
    await close();
  }

  expect(all).toContain(squeeze(HOSTILE_MARKUP));
  expect(all).not.toContain(squeeze(CONFIDENTIAL_TITLE));
  expect(html).not.toContain(CONFIDENTIAL_TITLE);
});
