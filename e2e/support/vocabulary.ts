/**
 * The Tags, Verdict scale and History views as a user meets them, and the records the stories
 * start from. Records a story only needs to exist (a document, claims, tags) are made through
 * `window.api`, as the renderer makes them; what the story is about is done in the views.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { ClaimInput, Tag } from '../../shared/domain';
import { expect } from '../harness/fixtures';
import { callMain } from './desk';

/** The views of the navigation bar these stories visit. */
export type VocabularyView = 'Tags' | 'Verdict scale' | 'History';

/** Opens a view from the navigation bar and waits for its heading. */
export async function openView(page: Page, name: VocabularyView): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
}

/** The transient message at the bottom of the window. */
export function toastMessage(page: Page): Locator {
  return page.locator('.toast[role="status"]');
}

/** Runs axe (WCAG 2.1 A and AA) on the window and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const report = violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`)
    .join('\n');
  expect(violations, `axe found WCAG 2.1 AA violations:\n${report}`).toEqual([]);
}

// ---- Records made through window.api ----

/** Opens the built-in sample article in main and shows it; resolves with its id and plain text. */
export async function sampleDocument(page: Page): Promise<{ id: number; text: string }> {
  const summary = await callMain(page, 'documents:openSample', {});
  const record = await callMain(page, 'documents:get', { id: summary.id });
  await page.reload();
  return { id: summary.id, text: record.plainText };
}

/** The id of the verdict with this label. */
export async function verdictId(page: Page, label: string): Promise<number> {
  const verdict = (await callMain(page, 'verdicts:list', {})).find((v) => v.label === label);
  if (!verdict) throw new Error(`No verdict labelled "${label}".`);
  return verdict.id;
}

/** A plain claim: unattributed, no sources, "Unproven" at 50 unless `over` says otherwise. */
export async function claimInput(page: Page, over: Partial<ClaimInput> = {}): Promise<ClaimInput> {
  return {
    sources: [],
    attribution: { kind: 'unattributed', chain: [] },
    claimType: null,
    verdictId: await verdictId(page, 'Unproven'),
    confidence: 50,
    rationale: null,
    status: 'open',
    note: null,
    tagIds: [],
    newTags: [],
    ...over,
  };
}

/** Creates a claim quoting `exact` (its first occurrence) in a document whose plain text is `text`. */
export async function createClaim(page: Page, doc: { id: number; text: string }, exact: string, over: Partial<ClaimInput> = {}) {
  const start = doc.text.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in the document.`);
  const end = start + exact.length;
  const anchor = { exact, prefix: doc.text.slice(Math.max(0, start - 32), start), suffix: doc.text.slice(end, end + 32), start, end };
  return callMain(page, 'claims:create', { documentId: doc.id, anchor, input: await claimInput(page, over) });
}

/** Changes some fields of a claim, keeping the others. */
export async function updateClaim(page: Page, claimId: number, documentId: number, over: Partial<ClaimInput>) {
  const claim = (await callMain(page, 'claims:list', { documentId })).find((c) => c.id === claimId);
  if (!claim) throw new Error(`No live claim ${claimId}.`);
  const input = await claimInput(page, {
    verdictId: claim.verdictId,
    confidence: claim.confidence,
    status: claim.status,
    claimType: claim.claimType,
    rationale: claim.rationale,
    note: claim.note,
    tagIds: claim.tagIds,
    ...over,
  });
  return callMain(page, 'claims:update', { id: claimId, input });
}

/** Creates a tag (under `parent`, by name, when given). */
export async function createTag(page: Page, name: string, parent: Tag | null = null, color: string | null = null): Promise<Tag> {
  return callMain(page, 'tags:create', { fields: { name, parentId: parent?.id ?? null, color } });
}

/** The tags main has, by name. */
export async function storedTags(page: Page): Promise<Map<string, Tag>> {
  return new Map((await callMain(page, 'tags:list', {})).map((t) => [t.name, t]));
}

// ---- The Tags view ----

/** The tree of the tag vocabulary. */
export function tagTree(page: Page): Locator {
  return page.getByRole('tree', { name: 'Vocabulary' });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The tree item of a tag, named "Deaths 3 claims". */
export function tagItem(page: Page, name: string): Locator {
  return tagTree(page).getByRole('treeitem', { name: new RegExp(`^${escape(name)} \\d+ claims?$`) });
}

/** Selects a tag with a click on its own row (the middle of a tag with children may be a child). */
export async function clickTag(page: Page, name: string): Promise<void> {
  await tagItem(page, name).locator(':scope > .tag-row').click();
  await expect(tagItem(page, name)).toHaveAttribute('aria-selected', 'true');
}

/** Checks a tag's level in the tree (1 = top) and its number of claims. */
export async function expectTag(page: Page, name: string, level: number, claims: number): Promise<void> {
  const item = tagItem(page, name);
  await expect(item).toHaveAttribute('aria-level', String(level));
  await expect(item).toHaveAccessibleName(`${name} ${claims} ${claims === 1 ? 'claim' : 'claims'}`);
}

/** The "New tag" form. */
export function newTagForm(page: Page): Locator {
  return page.getByRole('form', { name: 'New tag' });
}

/** Adds a tag through the "New tag" form and waits for it in the tree. */
export async function addTag(page: Page, name: string, parent: string | null = null): Promise<void> {
  const form = newTagForm(page);
  await form.getByRole('textbox', { name: 'Name' }).fill(name);
  await form.getByRole('combobox', { name: 'Parent' }).selectOption({ label: parent ?? 'None (top level)' });
  await form.getByRole('button', { name: 'Add tag' }).click();
  await expect(tagItem(page, name)).toBeVisible();
}

/** The panel of the selected tag. */
export function tagDetails(page: Page): Locator {
  return page.locator('.vocab-details');
}

// ---- The Verdict scale view ----

/** The row of a verdict on the scale (a form named by its label). */
export function verdictRow(page: Page, label: string): Locator {
  return page.getByRole('list', { name: 'Verdicts' }).getByRole('form', { name: label, exact: true });
}

/** The labels of the scale, in order. */
export function scaleLabels(page: Page): Locator {
  return page.getByRole('list', { name: 'Verdicts' }).getByRole('heading', { level: 3 });
}

// ---- The History view ----

/** The history entries, newest first. */
export function historyEntries(page: Page): Locator {
  return page.getByRole('list', { name: 'Recent changes' }).locator(':scope > li');
}

/** The bin's entries. */
export function binEntries(page: Page): Locator {
  return page.getByRole('list', { name: 'Deleted claims' }).locator(':scope > li');
}
