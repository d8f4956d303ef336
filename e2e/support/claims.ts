/**
 * Claims as a user handles them: the claim form (filled with the mouse-free Playwright
 * actions a user's input produces), the claims list and the legend.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from '../harness/fixtures';
import { highlights, selectText } from './article-text';
import { toolbarButton } from './desk';

/** A source as typed into the form; empty parts are left blank. */
export interface SourceInput {
  readonly title?: string;
  readonly url?: string;
  readonly notes?: string;
}

/** What a user enters in the claim form. Omitted fields keep the form's defaults. */
export interface ClaimInput {
  readonly sources?: readonly SourceInput[];
  readonly speaker?: string;
  readonly how?: 'Direct quote' | 'Paraphrase' | 'According to' | 'Anonymous source';
  readonly verdict?: string;
  /** 0–100 in steps of 5. */
  readonly confidence?: number;
  readonly note?: string;
}

/** A full claim, used by several stories. */
export const MARROV_CLAIM: ClaimInput = {
  sources: [
    { title: 'Saltera police statement, 14 March', url: 'https://police.saltera.example/statements/0314' },
    { notes: 'Phone call with a lawyer for the detainees' },
  ],
  speaker: 'Interior Minister Ilse Marrov',
  how: 'Direct quote',
  verdict: 'Misleading',
  confidence: 70,
  note: 'The police statement counts 1,240 arrests, but 800 were released the same night.',
};

/** The claim form dialog, for a new claim ("Tag claim") or an existing one ("Edit claim"). */
export function claimForm(page: Page, mode: 'create' | 'edit' = 'create'): Locator {
  return page.getByRole('dialog', { name: mode === 'create' ? 'Tag claim' : 'Edit claim' });
}

/** The n-th source row (1-based) of the claim form. */
export function sourceRow(form: Locator, n: number): Locator {
  return form.getByRole('group', { name: `Source ${n}` });
}

/** Fills the open claim form. Sources replace the form's rows one for one. */
export async function fillClaimForm(form: Locator, input: ClaimInput): Promise<void> {
  for (const [i, source] of (input.sources ?? []).entries()) {
    if ((await sourceRow(form, i + 1).count()) === 0) await form.getByRole('button', { name: 'Add source' }).click();
    const row = sourceRow(form, i + 1);
    await row.getByRole('textbox', { name: 'Title', exact: true }).fill(source.title ?? '');
    await row.getByRole('textbox', { name: 'URL', exact: true }).fill(source.url ?? '');
    await row.getByRole('textbox', { name: 'Notes', exact: true }).fill(source.notes ?? '');
  }
  if (input.speaker !== undefined) await form.getByRole('combobox', { name: 'Who said it' }).fill(input.speaker);
  if (input.how !== undefined) await form.getByRole('combobox', { name: 'How' }).selectOption({ label: input.how });
  if (input.verdict !== undefined) await form.getByRole('radio', { name: input.verdict, exact: true }).check();
  if (input.confidence !== undefined) await setConfidence(form, input.confidence);
  if (input.note !== undefined) await form.getByRole('textbox', { name: 'Note', exact: true }).fill(input.note);
}

/**
 * The confidence slider of the claim form (its only slider). Found by role alone: whether it
 * is announced by its name, "Confidence", is checked by the accessibility story.
 */
export function confidenceSlider(form: Locator): Locator {
  return form.getByRole('slider');
}

async function setConfidence(form: Locator, value: number): Promise<void> {
  await confidenceSlider(form).fill(String(value));
  await expect(form.locator('output')).toHaveText(`${value}%`);
}

/** Checks that the open form shows exactly this claim. */
export async function expectClaimForm(form: Locator, input: ClaimInput): Promise<void> {
  const sources = input.sources ?? [];
  await expect(form.getByRole('group', { name: /^Source \d+$/ })).toHaveCount(sources.length);
  for (const [i, source] of sources.entries()) {
    const row = sourceRow(form, i + 1);
    await expect(row.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(source.title ?? '');
    await expect(row.getByRole('textbox', { name: 'URL', exact: true })).toHaveValue(source.url ?? '');
    await expect(row.getByRole('textbox', { name: 'Notes', exact: true })).toHaveValue(source.notes ?? '');
  }
  if (input.speaker !== undefined) await expect(form.getByRole('combobox', { name: 'Who said it' })).toHaveValue(input.speaker);
  if (input.how !== undefined) await expect(form.getByRole('combobox', { name: 'How' }).locator('option:checked')).toHaveText(input.how);
  if (input.verdict !== undefined) await expect(form.getByRole('radio', { name: input.verdict, exact: true })).toBeChecked();
  if (input.confidence !== undefined) await expect(confidenceSlider(form)).toHaveValue(String(input.confidence));
  if (input.note !== undefined) await expect(form.getByRole('textbox', { name: 'Note', exact: true })).toHaveValue(input.note);
}

/** Saves the open claim form with its button and waits for it to close. */
export async function saveClaimForm(form: Locator): Promise<void> {
  await form.getByRole('button', { name: /^Save (claim|changes)$/ }).click();
  await expect(form).toBeHidden();
}

/**
 * Tags `text` as a claim the way a user does with the mouse: selects it, presses the toolbar's
 * "Tag claim", fills the form and saves. Waits until the highlight shows.
 */
export async function tagClaim(page: Page, text: string, input: ClaimInput = {}): Promise<void> {
  const before = await highlights(page).count();
  await selectText(page, text);
  await toolbarButton(page, 'Tag claim').click();
  const form = claimForm(page);
  await expect(form.getByLabel('Quoted text')).toHaveText(text);
  await fillClaimForm(form, input);
  await saveClaimForm(form);
  await expect.poll(() => highlights(page).count()).toBeGreaterThan(before);
}

/** The list of claims, in reading order. */
export function claimsList(page: Page): Locator {
  return page.getByRole('list', { name: 'Claims in reading order' });
}

/** The claims list's entry for the claim quoting `text`. */
export function claimEntry(page: Page, text: string): Locator {
  return claimsList(page).getByRole('listitem').filter({ hasText: text });
}

/** The verdict legend. */
export function legend(page: Page): Locator {
  return page.getByRole('region', { name: 'Legend' });
}

/** Checks the legend's count for a verdict. */
export async function expectLegendCount(page: Page, verdict: string, count: number): Promise<void> {
  await expect(legend(page).getByRole('listitem').filter({ hasText: new RegExp(`^${verdict}\\s*\\d+$`) })).toHaveText(new RegExp(`^${verdict}\\s*${count}$`));
}
