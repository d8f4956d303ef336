/**
 * Claims as a user handles them: the claim form (filled with the mouse-free Playwright
 * actions a user's input produces), the claims list and the legend.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from '../harness/fixtures';
import { highlights, selectText } from './article-text';
import { toolbarButton } from './desk';

/**
 * A source as a user gives it in the form: typed by title (a new source, or the library's
 * source of that title when one exists), with the URL, type and reliability of a new one, and
 * the source's role for this claim.
 */
export interface SourceInput {
  readonly title: string;
  readonly url?: string;
  readonly type?: string;
  readonly reliability?: 'Credible' | 'Mixed' | 'Not credible' | 'Unknown';
  readonly role?: 'Origin' | 'Supporting' | 'Contradicting' | 'Context';
  readonly pinpoint?: string;
}

/** What a user enters in the claim form. Omitted fields keep the form's defaults. */
export interface ClaimInput {
  readonly sources?: readonly SourceInput[];
  /** The attribution chain, original speaker first; each a new or existing speaker by name. */
  readonly chain?: readonly string[];
  /** Shorthand for a one-hop chain. */
  readonly speaker?: string;
  readonly how?: 'Direct quote' | 'Paraphrase' | 'According to' | 'Anonymous source' | 'Unattributed';
  readonly verdict?: string;
  /** 0–100 in steps of 5. */
  readonly confidence?: number;
  readonly rationale?: string;
  readonly status?: 'Open' | 'In review' | 'Settled';
  readonly claimType?: string;
  /** Tags by name: an existing tag's full name, or a new free tag. */
  readonly tags?: readonly string[];
  readonly note?: string;
}

/** A full claim, used by several stories. */
export const MARROV_CLAIM: ClaimInput = {
  sources: [
    { title: 'Saltera police statement, 14 March', url: 'https://police.saltera.example/statements/0314', type: 'Official statement', reliability: 'Mixed' },
    { title: 'Phone call with a lawyer for the detainees', type: 'Personal communication', role: 'Contradicting' },
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

/** Types into a combobox and picks the option for `name`: the existing record, or "New … “name”". */
async function pick(form: Locator, combobox: Locator, name: string, createPrefix: string): Promise<void> {
  await combobox.fill(name);
  // The list is busy until the options for what was typed have arrived.
  const listbox = form.getByRole('listbox');
  await expect(listbox).toHaveAttribute('aria-busy', 'false');
  const existing = listbox.getByRole('option').filter({ has: form.page().getByText(name, { exact: true }) });
  const create = listbox.getByRole('option', { name: `${createPrefix} “${name}”` });
  await expect(existing.or(create).first()).toBeVisible();
  if ((await existing.count()) > 0) await existing.first().click();
  else await create.click();
}

/** The sources combobox of the claim form. */
export function sourcePicker(form: Locator): Locator {
  return form.getByRole('combobox', { name: 'Add a source from the library, or type a new one' });
}

/** Fills the open claim form. Sources and hops are added after any the form already has. */
export async function fillClaimForm(form: Locator, input: ClaimInput): Promise<void> {
  const firstNew = (await form.getByRole('group', { name: /^Source \d+$/ }).count()) + 1;
  for (const [i, source] of (input.sources ?? []).entries()) {
    await pick(form, sourcePicker(form), source.title, 'New source');
    const row = sourceRow(form, firstNew + i);
    const isNew = (await row.getByRole('textbox', { name: 'Title', exact: true }).count()) > 0;
    if (isNew) {
      if (source.url !== undefined) await row.getByRole('textbox', { name: 'URL', exact: true }).fill(source.url);
      if (source.type !== undefined) await row.getByRole('combobox', { name: 'Type' }).selectOption({ label: source.type });
      if (source.reliability !== undefined) await row.getByRole('combobox', { name: 'Reliability' }).selectOption({ label: source.reliability });
    }
    if (source.role !== undefined) await row.getByRole('combobox', { name: 'Role' }).selectOption({ label: source.role });
    if (source.pinpoint !== undefined) await row.getByRole('textbox', { name: 'Pinpoint' }).fill(source.pinpoint);
  }
  const chain = input.chain ?? (input.speaker !== undefined ? [input.speaker] : []);
  for (const name of chain) {
    const picker = form.getByRole('combobox', { name: /^(Who said it|Passed on by)$/ });
    await pick(form, picker, name, 'New speaker');
  }
  if (input.how !== undefined) await form.getByRole('combobox', { name: 'How it is attributed' }).selectOption({ label: input.how });
  if (input.verdict !== undefined) await form.getByRole('radio', { name: input.verdict, exact: true }).check();
  if (input.confidence !== undefined) await setConfidence(form, input.confidence);
  if (input.rationale !== undefined) await form.getByRole('textbox', { name: 'Rationale' }).fill(input.rationale);
  if (input.status !== undefined) await form.getByRole('combobox', { name: 'Status' }).selectOption({ label: input.status });
  if (input.claimType !== undefined) await form.getByRole('combobox', { name: 'Claim type' }).selectOption({ label: input.claimType });
  for (const tag of input.tags ?? []) await pick(form, form.getByRole('combobox', { name: 'Add a tag' }), tag, 'New tag');
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

/** Checks that the open form shows exactly this claim (as saved: sources and speakers by name). */
export async function expectClaimForm(form: Locator, input: ClaimInput): Promise<void> {
  const sources = input.sources ?? [];
  await expect(form.getByRole('group', { name: /^Source \d+$/ })).toHaveCount(sources.length);
  for (const [i, source] of sources.entries()) {
    const row = sourceRow(form, i + 1);
    await expect(row).toContainText(source.title);
    if (source.role !== undefined) await expect(row.getByRole('combobox', { name: 'Role' }).locator('option:checked')).toHaveText(source.role);
  }
  const chain = input.chain ?? (input.speaker !== undefined ? [input.speaker] : undefined);
  if (chain !== undefined) {
    await expect(form.getByRole('listitem').filter({ has: form.page().getByRole('combobox', { name: 'Reliability' }) })).toHaveCount(chain.length);
    for (const [i, name] of chain.entries()) await expect(form.getByRole('listitem', { name: `Hop ${i + 1}: ${name}` })).toBeVisible();
  }
  if (input.how !== undefined) await expect(form.getByRole('combobox', { name: 'How it is attributed' }).locator('option:checked')).toHaveText(input.how);
  if (input.verdict !== undefined) await expect(form.getByRole('radio', { name: input.verdict, exact: true })).toBeChecked();
  if (input.confidence !== undefined) await expect(confidenceSlider(form)).toHaveValue(String(input.confidence));
  if (input.rationale !== undefined) await expect(form.getByRole('textbox', { name: 'Rationale' })).toHaveValue(input.rationale);
  if (input.status !== undefined) await expect(form.getByRole('combobox', { name: 'Status' }).locator('option:checked')).toHaveText(input.status);
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
