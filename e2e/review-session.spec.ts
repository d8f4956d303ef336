/**
 * Story: the desk lead starts a blind review of an article's claims; a colleague on the same
 * computer votes without seeing the lead's votes until casting their own; they disagree on the
 * death toll; the lead signs it off with a reason, and the session's agreement and record show
 * who decided what.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, TEST_PROFILE } from './harness/fixtures';
import { callMain, dismissToast, openSample, SAMPLE } from './support/desk';
import { seedClaims } from './support/seed';

const TOLL = 'At least 38 people have been killed';
const DETAINED = '1,240 people had been detained';
const COLLEAGUE = 'Jonas Ebbe';

function session(page: Page): Locator {
  return page.getByRole('main', { name: 'Review' });
}

function queueItem(page: Page, quote: string): Locator {
  return session(page).getByRole('navigation', { name: 'Claims in this session' }).getByRole('button', { name: new RegExp(`^\\d+\\. “${quote}`) });
}

async function vote(page: Page, verdict: string, comment = ''): Promise<void> {
  const form = session(page).getByRole('form', { name: /Cast your vote|Your vote/ });
  await form.getByRole('radio', { name: verdict }).check();
  if (comment) await form.getByRole('textbox', { name: 'Comment' }).fill(comment);
  await form.getByRole('button', { name: 'Cast vote' }).click();
  await expect(session(page).getByRole('form', { name: 'Your vote' })).toBeVisible();
}

async function switchTo(page: Page, from: string, to: string): Promise<void> {
  await page.getByRole('button', { name: `${from} (switch person)` }).click();
  await page.getByRole('menuitem', { name: `Switch to ${to}` }).click();
  await expect(page.getByRole('button', { name: `${to} (switch person)` })).toBeVisible();
}

test.beforeEach(async ({ app }) => {
  const page = app.page;
  await openSample(page);
  await seedClaims(page, SAMPLE.title, [
    { quote: TOLL, verdict: 'Unproven', confidence: 50 },
    { quote: DETAINED, verdict: 'Unproven', confidence: 40 },
  ]);
  await dismissToast(page);
  // A colleague adds themselves on this computer, then hands back to the lead.
  await page.getByRole('button', { name: new RegExp(TEST_PROFILE.name) }).click();
  await page.getByRole('menuitem', { name: 'Add a person…' }).click();
  const add = page.getByRole('dialog', { name: 'Add a person on this computer' });
  await add.getByRole('textbox', { name: 'Your name' }).fill(COLLEAGUE);
  await add.getByRole('button', { name: 'Add and switch' }).click();
  await switchTo(page, COLLEAGUE, TEST_PROFILE.name);
});

test('a two-reviewer blind session: votes hidden until cast, a disagreement signed off by the lead with a reason, ending in minutes', async ({ app, workDir }) => {
  const page = app.page;

  // The lead starts a blind session on the article's claims.
  await page.getByRole('toolbar', { name: 'Document actions' }).getByRole('button', { name: 'Review claims…' }).click();
  const start = page.getByRole('dialog', { name: 'Start a review session' });
  await expect(start).toContainText('All 2 claims of this article go into the queue');
  await expect(start.getByRole('checkbox', { name: /Blind/ })).toBeChecked();
  await start.getByRole('textbox', { name: 'Title' }).fill('Tuesday casualty figures');
  await start.getByRole('button', { name: 'Start session' }).click();
  await expect(page.getByRole('button', { name: 'Review', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(session(page).getByRole('heading', { name: 'Tuesday casualty figures' })).toBeVisible();

  // The lead sets the priority: Alt+↓ moves the claim in hand down the queue, Alt+↑ back up.
  await queueItem(page, TOLL).click();
  await queueItem(page, TOLL).press('Alt+ArrowDown');
  await expect(queueItem(page, TOLL)).toHaveAccessibleName(new RegExp(`^2\\. “${TOLL}`));
  await session(page).getByRole('group', { name: 'Priority' }).getByRole('button', { name: 'Move up' }).click();
  await expect(queueItem(page, TOLL)).toHaveAccessibleName(new RegExp(`^1\\. “${TOLL}`));

  // The lead votes on both claims, stepping with the keyboard.
  await vote(page, 'False', 'Hospital records show fewer');
  await queueItem(page, TOLL).press('j');
  await expect(queueItem(page, DETAINED)).toHaveAttribute('aria-current', 'true');
  await expect(session(page).getByRole('heading', { name: 'Claim 2 of 2' })).toBeVisible();
  await queueItem(page, DETAINED).press('2'); // the second verdict of the scale: Likely true
  await expect(session(page).getByRole('form', { name: 'Cast your vote' }).getByRole('radio', { name: 'Likely true' })).toBeChecked();
  await session(page).getByRole('form', { name: 'Cast your vote' }).getByRole('button', { name: 'Cast vote' }).click();
  await expect(session(page).getByRole('form', { name: 'Your vote' })).toBeVisible();

  // The colleague sees that votes exist, not what they are.
  await switchTo(page, TEST_PROFILE.name, COLLEAGUE);
  await queueItem(page, TOLL).click();
  await expect(session(page).getByRole('note')).toHaveText('1 vote is hidden until you cast yours (blind session).');
  await expect(session(page)).not.toContainText('Hospital records show fewer');
  await expect(queueItem(page, TOLL)).toContainText('hidden until you vote');
  await expect(session(page).getByRole('form', { name: 'Sign off (lead)' })).toHaveCount(0);
  await vote(page, 'Unproven', 'Only the ministry says so');
  // Cast: now the lead's vote shows, and the disagreement is flagged.
  const votes = session(page).getByRole('region', { name: 'Votes' });
  await expect(votes).toContainText(`${TEST_PROFILE.name}: False (50%) — Hospital records show fewer`);
  await expect(votes).toContainText(`${COLLEAGUE}: Unproven (50%) — Only the ministry says so`);
  await expect(votes).toContainText('reviewers disagree');
  await queueItem(page, DETAINED).click();
  await vote(page, 'Likely true');

  // Back to the lead: the disagreement is listed first, with the agreement and its counts.
  await switchTo(page, COLLEAGUE, TEST_PROFILE.name);
  const disagreements = session(page).getByRole('region', { name: /Disagreements/ });
  await expect(disagreements).toContainText(`Claim 1: “${TOLL}” — False / Unproven`);
  const agreement = session(page).getByRole('region', { name: 'Agreement on verdicts' });
  await expect(agreement).toContainText('50% (1 of 2 pairs of votes agree, over 2 claims)');
  await expect(agreement).toContainText('Cohen’s kappa');
  await expect(agreement).toContainText(`Reviewers: ${COLLEAGUE} (JE), ${TEST_PROFILE.name} (${TEST_PROFILE.initials})`);

  // The lead signs the toll off with a verdict neither reviewer chose: a reason is required.
  await disagreements.getByRole('button', { name: /Claim 1/ }).click();
  const signOff = session(page).getByRole('form', { name: 'Sign off (lead)' });
  await expect(signOff).toContainText('Majority: Unproven / False (tied).');
  await signOff.getByRole('radio', { name: 'Misleading' }).check();
  await expect(signOff.getByRole('textbox', { name: /Reason \(required/ })).toBeVisible();
  await signOff.getByRole('button', { name: 'Sign off' }).click();
  // The browser asks for the reason before anything is sent.
  await expect(session(page).getByRole('status').filter({ hasText: 'Signed off' })).toHaveCount(0);
  await signOff.getByRole('textbox', { name: /Reason/ }).fill('Ministry count includes the injured; the figure misleads');
  await signOff.getByRole('button', { name: 'Sign off' }).click();
  await expect(queueItem(page, TOLL)).toContainText('Decided: Misleading');
  await expect(session(page).getByRole('heading', { name: 'Claim 2 of 2' })).toBeVisible();
  await session(page).getByRole('form', { name: 'Sign off (lead)' }).getByRole('button', { name: 'Sign off' }).click();
  await expect(queueItem(page, DETAINED)).toContainText('Decided: Likely true');
  await expect(session(page).getByRole('region', { name: /Disagreements/ })).toHaveCount(0);

  // The claims took the final verdicts and are settled; the votes and sign-off are in their history.
  const claims = await callMain(page, 'claims:filter', { filter: {} });
  const verdicts = await callMain(page, 'verdicts:list', {});
  const label = (id: number) => verdicts.find((v) => v.id === id)?.label;
  const toll = claims.find((c) => c.anchor.exact === TOLL)!;
  expect([label(toll.verdictId), toll.status]).toEqual(['Misleading', 'settled']);
  const history = await callMain(page, 'history:list', { claimId: toll.id });
  expect(history.map((e) => `${e.entity} ${e.action} by ${e.actor?.name}`)).toEqual([
    `claim update by ${TEST_PROFILE.name}`,
    `decision update by ${TEST_PROFILE.name}`,
    `vote create by ${COLLEAGUE}`,
    `vote create by ${TEST_PROFILE.name}`,
    `claim create by ${TEST_PROFILE.name}`,
  ]);

  // The discussion thread travels with the claim.
  await queueItem(page, TOLL).click();
  const thread = session(page).getByRole('region', { name: /Discussion/ });
  await thread.getByRole('textbox', { name: 'Add to the discussion' }).fill('Ask the ministry for the breakdown');
  await thread.getByRole('button', { name: 'Post comment' }).click();
  await expect(thread.getByRole('listitem')).toContainText(['Ask the ministry for the breakdown']);
  await expect(thread).toContainText(TEST_PROFILE.name);

  // The lead closes the session and saves its minutes.
  await session(page).getByRole('button', { name: 'Close session' }).click();
  await expect(session(page)).toContainText('· closed');
  const minutesFile = path.join(workDir, 'tuesday-minutes.md');
  await app.answerNextSaveDialog(minutesFile);
  await session(page).getByRole('button', { name: 'Save minutes (Markdown)…' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Minutes saved to ${minutesFile}` })).toBeVisible();
  const minutes = fs.readFileSync(minutesFile, 'utf8');
  expect(minutes).toContain('Tuesday casualty figures');
  expect(minutes).toContain(`${TEST_PROFILE.name} (${TEST_PROFILE.initials}), lead: 2 votes`);
  expect(minutes).toContain(`${COLLEAGUE} (JE), reviewer: 2 votes`);
  expect(minutes).toContain('## Disagreements (1)');
  expect(minutes.indexOf(TOLL)).toBeLessThan(minutes.indexOf(DETAINED));
  expect(minutes).toContain('Ministry count includes the injured; the figure misleads');
  expect(minutes).toContain('Ask the ministry for the breakdown');
});
