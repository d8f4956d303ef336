/**
 * Story: after a blind review of the sample story, the desk lead saves the session's minutes as
 * a PDF for the editor-in-chief. The PDF says who took part, lists first the claim the two
 * reviewers disagreed on — with both votes, the lead's decision against the majority and why —
 * gives the agreement with the counts behind it, and shows the override written for publishing
 * a claim without a source. The colleague cannot save the minutes while the blind session is
 * open: they would show votes the blind still hides.
 *
 * The session is seeded through `window.api` (the review screen is told by its own story);
 * the minutes are saved through `review:saveMinutes`, the dialog answered, and the PDF that
 * Chromium printed is read back with pdf.js.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import type { ClaimdeskApi } from '../shared/ipc/client';
import type { ArgsIn, Results } from '../shared/ipc/contract';
import type { Result } from '../shared/result';
import { minutesHtml } from '../shared/review/minutes';
import { closeProject, openProject } from '../main/store';
import { setActor } from '../main/store/actor';
import { gatherMinutes } from '../main/store/review/minutes';
import { test, expect, TEST_PROFILE } from './harness/fixtures';
import { callMain, dismissToast, openSample, SAMPLE } from './support/desk';
import { pdfPages } from './support/pdf-text';
import { seedClaims } from './support/seed';

const TOLL = 'At least 38 people have been killed';
const DETAINED = '1,240 people had been detained';
const ORDER = 'shoot-to-kill order';
const REASON = 'The presidency transcript has the order word for word';
const OVERRIDE = 'The ministry figure is on the record; the desk accepts it for the evening edition';
const COMMENT = 'Which unit was it given to?';

/** A call to main whose refusal the spec wants to see, rather than throw. */
function invokeMain(page: Page, channel: 'review:saveMinutes', args: ArgsIn<'review:saveMinutes'>): Promise<Result<Results['review:saveMinutes']>> {
  return page.evaluate(([c, a]) => (window as unknown as { api: ClaimdeskApi }).api.invoke(c, a), [channel, args] as const) as Promise<
    Result<Results['review:saveMinutes']>
  >;
}

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The HTML the PDF was printed from, read through a second connection to the project file as
 * `profileId`, opened as a browser opens a downloaded page (JavaScript on: the page's own CSP
 * has to be what stops scripts); every request but the page itself is refused.
 */
async function openMinutesPage(browser: Browser, projectFile: string, sessionId: number, profileId: number) {
  const db = openProject(projectFile);
  let html: string;
  try {
    setActor(db, profileId);
    html = minutesHtml(gatherMinutes(db, sessionId, { generator: 'Claimdesk (test)' }));
  } finally {
    closeProject(db);
  }
  const url = 'http://minutes.claimdesk.test/minutes.html';
  const context = await browser.newContext();
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.request().url() === url ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }) : route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, close: () => context.close() };
}

/** Text as pdf.js gives it back, compared without whitespace or quotation marks. */
function squeeze(text: string): string {
  return text.normalize('NFKC').replace(/[\s"'“”‘’]/g, '');
}

test('the lead saves the minutes of a blind session as a PDF that says who decided what, and why', async ({ app, workDir, browser }) => {
  const page = app.page;
  await openSample(page);
  await seedClaims(page, SAMPLE.title, [
    { quote: TOLL, verdict: 'Unproven' },
    { quote: DETAINED, verdict: 'Unproven' },
    { quote: ORDER, verdict: 'Unproven' },
  ]);
  await dismissToast(page);

  const lead = (await callMain(page, 'profiles:current', {}))!;
  const doc = (await callMain(page, 'documents:list', {})).find((d) => d.title === SAMPLE.title)!;
  const claims = await callMain(page, 'claims:list', { documentId: doc.id });
  const claimId = (quote: string) => claims.find((c) => c.anchor.exact === quote)!.id;
  const verdicts = await callMain(page, 'verdicts:list', {});
  const verdictId = (label: string) => verdicts.find((v) => v.label === label)!.id;
  const session = await callMain(page, 'review:create', {
    input: { title: 'Saltera toll, Friday', blind: true, claimIds: claims.map((c) => c.id), order: 'reading' },
  });
  const vote = (quote: string, verdict: string, comment: string | null = null) =>
    callMain(page, 'review:vote', { sessionId: session.id, claimId: claimId(quote), vote: { verdictId: verdictId(verdict), confidence: 60, comment } });

  await vote(TOLL, 'Likely true');
  await vote(DETAINED, 'Misleading');
  await vote(ORDER, 'False', 'No written order has been seen');

  // A colleague joins on this computer, votes, and asks a question in the session.
  const colleague = await callMain(page, 'profiles:create', { fields: { name: 'Jonas Ebbe', initials: 'JE', color: '#8250df' } });
  await vote(TOLL, 'Likely true');
  await vote(DETAINED, 'Misleading');
  await vote(ORDER, 'Unproven');
  await callMain(page, 'comments:add', { claimId: claimId(ORDER), body: COMMENT, sessionId: session.id });
  const refused = await invokeMain(page, 'review:saveMinutes', { sessionId: session.id, format: 'pdf' });
  expect(refused).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringContaining(`only its lead (${TEST_PROFILE.name})`) } });

  // The lead signs off: the toll with the majority, the order against it (with a reason), and
  // lets the detention figure go out without a source, saying why.
  await callMain(page, 'profiles:switch', { id: lead.id });
  await callMain(page, 'review:decide', { sessionId: session.id, claimId: claimId(TOLL), decision: { verdictId: verdictId('Likely true'), confidence: 70, reason: null } });
  await callMain(page, 'review:decide', { sessionId: session.id, claimId: claimId(ORDER), decision: { verdictId: verdictId('Verified'), confidence: 80, reason: REASON } });
  await callMain(page, 'gate:override', { claimId: claimId(DETAINED), problem: 'no-source', reason: OVERRIDE });

  await app.answerNextSaveDialog(null);
  expect(await callMain(page, 'review:saveMinutes', { sessionId: session.id, format: 'pdf' })).toBeNull();

  const file = path.join(workDir, 'friday.minutes.pdf');
  await app.answerNextSaveDialog(file);
  const saved = await callMain(page, 'review:saveMinutes', { sessionId: session.id, format: 'pdf' });
  expect(saved).toEqual({ path: file, bytes: fs.statSync(file).size });
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = squeeze((await pdfPages(bytes)).join('\n'));
  const has = (words: string) => expect(text).toContain(squeeze(words));
  const before = (first: string, then: string) => expect(text.indexOf(squeeze(first))).toBeLessThan(text.indexOf(squeeze(then)));

  has('Session minutes: Saltera toll, Friday');
  has('Closed Still open');
  has(`${lead.name} (${lead.initials})`);
  has(`${colleague.name} (${colleague.initials})`);
  // The disagreement first, though it comes last in the queue.
  before('Disagreements (1)', ORDER);
  before(ORDER, 'Other claims (2)');
  before('Other claims (2)', TOLL);
  has('No written order has been seen');
  has('Differs from the majority: the votes were tied between Unproven, False.');
  has(`Reason: ${REASON}`);
  has(COMMENT);
  // The lead voted Likely true, Misleading, False and Jonas Likely true, Misleading, Unproven: 2 of
  // 3 pairs agree; chance agreement (1·1 + 1·1)/9 = 2/9; kappa (2/3 − 2/9)/(1 − 2/9) = 4/7.
  has('Percent agreement 66.7% 2 of 3 pairs of votes on the same claim agree');
  has('0.571 Observed agreement 0.667 (2 of 3 claims both rated); agreement expected by chance 0.222.');
  has('Publication overrides');
  has(OVERRIDE);
  before('Publication overrides', OVERRIDE);

  // The page it was printed from loads nothing, runs nothing, and reads well on screen and on paper.
  const minutes = await openMinutesPage(browser, app.projectFile, session.id, lead.id);
  try {
    await expect(minutes.page.getByRole('heading', { level: 1 })).toHaveText('Session minutes: Saltera toll, Friday');
    expect(minutes.requests).toEqual(['http://minutes.claimdesk.test/minutes.html']);
    expect(await minutes.page.locator('script, [onload], [onerror], [href], [src]').count()).toBe(0);
    for (const media of ['screen', 'print'] as const) {
      await minutes.page.emulateMedia({ media });
      const { violations } = await new AxeBuilder({ page: minutes.page }).withTags(WCAG_21_AA).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe (${media})`).toEqual([]);
    }
    // At the width of a printed page (Letter less the 15 mm side margins), nothing sticks out.
    await minutes.page.setViewportSize({ width: 700, height: 1000 });
    const overflow = await minutes.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  } finally {
    await minutes.close();
  }
});
