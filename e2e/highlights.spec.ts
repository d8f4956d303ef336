/**
 * Story: the fact-checker reads the article with its claims highlighted — each in its
 * verdict's colour, explained by the legend — and gets from a highlight to its claim and from
 * a claim to its highlight, also where two claims overlap.
 */
import type { Locator, Page } from '@playwright/test';
import type { ClaimdeskApp } from './harness/claimdesk-app';
import { test, expect } from './harness/fixtures';
import { articleText, clickPassage, highlightOf, highlights } from './support/article-text';
import { claimEntry, claimForm, expectLegendCount, legend, tagClaim } from './support/claims';
import { callMain, dismissToast, openSample } from './support/desk';
import { COUNCIL_MINUTES, importFixture } from './support/files';

const DETAINED = '1,240 people had been detained';
const LOOTING = 'people had been detained "for looting and attacks on public buildings"';
const OVERLAP = 'people had been detained';

/** The sample with two overlapping claims: claim 1 (Misleading) and claim 2 (False). */
async function tagOverlappingClaims(page: Page): Promise<void> {
  await openSample(page);
  await tagClaim(page, DETAINED, { verdict: 'Misleading', confidence: 70 });
  await tagClaim(page, LOOTING, { verdict: 'False', confidence: 90 });
  await dismissToast(page);
}

/** The computed colour of a verdict's underline, as `rgb(r, g, b)`. */
async function verdictColour(page: Page, label: string): Promise<string> {
  const hex = (await callMain(page, 'verdicts:list', {})).find((v) => v.label === label)!.color;
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

test('highlights are coloured by verdict, as the legend shows', async ({ app }) => {
  const page = app.page;
  await openSample(page);
  const tagged = [
    { text: 'At least 38 people have been killed since Tuesday', verdict: 'Verified' },
    { text: DETAINED, verdict: 'Misleading' },
    { text: 'more than 90 people with gunshot wounds', verdict: 'Unproven' },
  ];
  for (const { text, verdict } of tagged) await tagClaim(page, text, { verdict });

  await expect(highlights(page)).toHaveCount(3);
  const background = (el: Element) => getComputedStyle(el).backgroundColor;
  const colours = new Set<string>();
  for (const { text, verdict } of tagged) {
    const highlight = highlightOf(page, text);
    const swatch = legend(page).getByRole('listitem').filter({ hasText: verdict }).locator('.swatch');
    const colour = await highlight.evaluate(background);
    expect(colour, `${verdict} highlight is tinted`).not.toBe('rgba(0, 0, 0, 0)');
    expect(colour, `${verdict} highlight matches its legend swatch`).toBe(await swatch.evaluate(background));
    await expect(highlight).toHaveCSS('border-bottom-color', await verdictColour(page, verdict));
    colours.add(colour);
    await expectLegendCount(page, verdict, 1);
  }
  expect(colours.size, 'each verdict has its own colour').toBe(3);
  await expect(legend(page).getByRole('listitem')).toHaveText([/^Verified/, /^Likely true/, /^Unproven/, /^Misleading/, /^False/, /^Not checkable/]);
  await expectLegendCount(page, 'False', 0);
});

test('two overlapping claims are both visible, one highlight inside the other', async ({ app }) => {
  const page = app.page;
  await tagOverlappingClaims(page);

  const nested = articleText(page).locator('.cd-hl .cd-hl');
  await expect(nested).toHaveText(OVERLAP, { timeout: 3000 });
  // Along the overlap, both verdicts' underlines are drawn.
  const underlines = await nested.evaluate((el) => {
    const colours: string[] = [];
    for (let e: Element | null = el; e && !e.classList.contains('ProseMirror'); e = e.parentElement) {
      if (e.classList.contains('cd-hl')) colours.push(getComputedStyle(e).borderBottomColor);
    }
    return colours;
  });
  expect(underlines.sort()).toEqual([await verdictColour(page, 'False'), await verdictColour(page, 'Misleading')].sort());
});

test('clicking where two claims overlap offers both, and each opens its form', async ({ app }) => {
  const page = app.page;
  await tagOverlappingClaims(page);

  const menu = page.getByRole('menu', { name: 'Claims at this place' });
  // Two places in the overlap: two clicks on one spot within half a second are a double click.
  for (const [where, item, quote, verdict] of [
    ['people had', /^Claim 1 · Misleading · 70% confidence/, DETAINED, 'Misleading'],
    ['been detained', /^Claim 2 · False · 90% confidence/, LOOTING, 'False'],
  ] as const) {
    await clickPassage(page, where);
    await expect(menu).toBeVisible();
    await expect(menu).toContainText('2 claims overlap here');
    await expect(menu.getByRole('menuitem')).toHaveCount(2);
    await menu.getByRole('menuitem', { name: item }).click();

    await expect(menu).toBeHidden();
    const form = claimForm(page, 'edit');
    await expect(form.getByLabel('Quoted text')).toHaveText(quote);
    await expect(form.getByRole('radio', { name: verdict, exact: true })).toBeChecked();
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect(form).toBeHidden();
  }
});

test("clicking a highlight with one claim opens that claim's form", async ({ app }) => {
  const page = app.page;
  await tagOverlappingClaims(page);
  await clickPassage(page, '1,240');

  await expect(page.getByRole('menu')).toHaveCount(0);
  const form = claimForm(page, 'edit');
  await expect(form.getByLabel('Quoted text')).toHaveText(DETAINED);
  await expect(form.getByRole('radio', { name: 'Misleading', exact: true })).toBeChecked();
  await expect(claimEntry(page, DETAINED)).toHaveClass(/\bactive\b/);
});

/** The council minutes with one claim on the last sentence, scrolled back to the top. */
async function claimOutOfSight(app: ClaimdeskApp): Promise<Page> {
  const page = app.page;
  await importFixture(app, COUNCIL_MINUTES.file, 'The harbour council of Port Averly');
  await tagClaim(page, COUNCIL_MINUTES.lastSentence, { verdict: 'Unproven' });
  await dismissToast(page);
  await page.mouse.move(500, 300);
  await page.mouse.wheel(0, -5000);
  await expect(articleText(page).getByText('The harbour council of Port Averly met')).toBeInViewport();
  await expect(highlightOf(page, COUNCIL_MINUTES.lastSentence)).not.toBeInViewport();
  return page;
}

function listButton(page: Page): Locator {
  return claimEntry(page, COUNCIL_MINUTES.lastSentence).getByRole('button', { name: /^1 / });
}

test('clicking a claim in the list marks its highlight active', async ({ app }) => {
  const page = await claimOutOfSight(app);
  const active = articleText(page).locator('.cd-hl-active');
  await expect(active).toHaveCount(0);

  await listButton(page).click();
  await expect(active).toHaveText(COUNCIL_MINUTES.lastSentence);
  await expect(active).toHaveClass(/\bcd-hl\b/);
  await expect(listButton(page)).toHaveAttribute('aria-current', 'true');
});

test('clicking a claim in the list scrolls its highlight into view', async ({ app }) => {
  const page = await claimOutOfSight(app);
  await listButton(page).click();
  await expect(articleText(page).locator('.cd-hl-active')).toBeInViewport({ timeout: 3000 });
});
