/**
 * Story: a desk editor keeps the project's tag vocabulary in order. She builds a small tree of
 * tags, renames and moves them, is told why a tag cannot go under its own child, merges a
 * duplicate (its claims keep a tag), and deletes a tag after saying where its claims go — its
 * child tags move up. Each change can be undone. The tree works from the keyboard alone.
 */
import { test, expect } from './harness/fixtures';
import { callMain } from './support/desk';
import {
  addTag,
  clickTag,
  createClaim,
  createTag,
  expectNoAxeViolations,
  expectTag,
  openView,
  sampleDocument,
  storedTags,
  tagDetails,
  tagItem,
  tagTree,
  toastMessage,
} from './support/vocabulary';

test('building a small tag tree, renaming and moving tags; a cycle is refused', async ({ app }) => {
  const page = app.page;
  await openView(page, 'Tags');
  await addTag(page, 'Casualties');
  await addTag(page, 'Deaths', 'Casualties');
  await addTag(page, 'Arrests');
  await expectTag(page, 'Casualties', 1, 0);
  await expectTag(page, 'Deaths', 2, 0);
  await expectTag(page, 'Arrests', 1, 0);

  // Move "Arrests" under "Casualties".
  await clickTag(page, 'Arrests');
  await tagDetails(page).getByRole('combobox', { name: 'Move under' }).selectOption({ label: 'Casualties' });
  await tagDetails(page).getByRole('button', { name: 'Move', exact: true }).click();
  await expect(toastMessage(page)).toContainText('Moved “Arrests” under “Casualties”.');
  await expectTag(page, 'Arrests', 2, 0);

  // Rename "Deaths", then undo the rename from the message.
  await clickTag(page, 'Deaths');
  await tagDetails(page).getByRole('textbox', { name: 'Name' }).fill('Fatalities');
  await tagDetails(page).getByRole('button', { name: 'Save name and colour' }).click();
  await expectTag(page, 'Fatalities', 2, 0);
  await toastMessage(page).getByRole('button', { name: 'Undo' }).click();
  await expectTag(page, 'Deaths', 2, 0);
  await expect(tagDetails(page).getByRole('textbox', { name: 'Name' })).toHaveValue('Deaths');

  // "Casualties" cannot go under its own child: main says why, and nothing moves.
  await clickTag(page, 'Casualties');
  await tagDetails(page).getByRole('combobox', { name: 'Move under' }).selectOption({ label: 'Casualties › Deaths' });
  await tagDetails(page).getByRole('button', { name: 'Move', exact: true }).click();
  await expect(tagDetails(page).getByRole('alert')).toContainText(/^Not changed: ./);
  await expectTag(page, 'Casualties', 1, 0);
  await expectTag(page, 'Deaths', 2, 0);
  expect((await storedTags(page)).get('Casualties')!.parentId).toBeNull();
});

test('the tree is used with the arrow keys', async ({ app }) => {
  const page = app.page;
  const casualties = await createTag(page, 'Casualties', null, '#b42318');
  await createTag(page, 'Deaths', casualties);
  await createTag(page, 'Economy');
  await openView(page, 'Tags');

  await tagItem(page, 'Casualties').focus();
  await page.keyboard.press('ArrowDown');
  await expect(tagItem(page, 'Deaths')).toBeFocused();
  await expect(tagItem(page, 'Deaths')).toHaveAttribute('aria-selected', 'true');
  await expect(tagDetails(page).getByRole('heading', { name: 'Casualties › Deaths' })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(tagItem(page, 'Casualties')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(tagItem(page, 'Casualties')).toHaveAttribute('aria-expanded', 'false');
  await expect(tagItem(page, 'Deaths')).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await expect(tagItem(page, 'Economy')).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(tagItem(page, 'Casualties')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(tagItem(page, 'Deaths')).toBeFocused();
  // One tab stop: Tab leaves the tree.
  await page.keyboard.press('Tab');
  await expect(tagTree(page).locator(':focus')).toHaveCount(0);
});

test('merging a duplicate tag: its claims keep a tag', async ({ app }) => {
  const page = app.page;
  const doc = await sampleDocument(page);
  const deaths = await createTag(page, 'Deaths');
  const killed = await createTag(page, 'Killed');
  const first = await createClaim(page, doc, 'At least 38 people have been killed', { tagIds: [killed.id] });
  const second = await createClaim(page, doc, 'shoot-to-kill order', { tagIds: [deaths.id] });
  await openView(page, 'Tags');
  await expectTag(page, 'Killed', 1, 1);

  await clickTag(page, 'Killed');
  await tagDetails(page).getByRole('combobox', { name: 'Merge into' }).selectOption({ label: 'Deaths' });
  await tagDetails(page).getByRole('button', { name: 'Merge' }).click();
  await expect(toastMessage(page)).toContainText('Merged “Killed” into “Deaths”.');
  await expect(tagItem(page, 'Killed')).toHaveCount(0);
  await expectTag(page, 'Deaths', 1, 2);
  // The focus is not lost: it is on the kept tag.
  await expect(tagItem(page, 'Deaths')).toBeFocused();

  const claims = await callMain(page, 'claims:list', { documentId: doc.id });
  expect(claims.find((c) => c.id === first.id)!.tagIds).toEqual([deaths.id]);
  expect(claims.find((c) => c.id === second.id)!.tagIds).toEqual([deaths.id]);
});

test('deleting a tag asks where its claims go, and its child tags move up', async ({ app }) => {
  const page = app.page;
  const doc = await sampleDocument(page);
  const casualties = await createTag(page, 'Casualties');
  const deaths = await createTag(page, 'Deaths', casualties);
  await createTag(page, 'Children', deaths);
  const arrests = await createTag(page, 'Arrests');
  const claim = await createClaim(page, doc, 'At least 38 people have been killed', { tagIds: [deaths.id] });
  await openView(page, 'Tags');
  await expectTag(page, 'Children', 3, 0);

  await clickTag(page, 'Deaths');
  await tagDetails(page).getByRole('button', { name: 'Delete tag…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete tag “Deaths”' });
  await expect(dialog).toContainText('Its 1 child tag (Children) move up to “Casualties”.');
  await expect(dialog.getByRole('group', { name: 'Where do its 1 claim go?' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Delete tag' })).toBeDisabled();
  await dialog.getByRole('combobox', { name: 'Tag for its claims' }).selectOption({ label: 'Arrests' });
  await dialog.getByRole('button', { name: 'Delete tag' }).click();
  await expect(dialog).toBeHidden();
  await expect(toastMessage(page)).toContainText('Deleted the tag “Deaths”.');

  await expect(tagItem(page, 'Deaths')).toHaveCount(0);
  await expectTag(page, 'Children', 2, 0);
  await expectTag(page, 'Arrests', 1, 1);
  const stored = (await callMain(page, 'claims:list', { documentId: doc.id })).find((c) => c.id === claim.id)!;
  expect(stored.tagIds).toEqual([arrests.id]);

  // Undo brings the tag back.
  await toastMessage(page).getByRole('button', { name: 'Undo' }).click();
  await expect(tagItem(page, 'Deaths')).toBeVisible();
});

test('the Tags view passes an axe scan', async ({ app }) => {
  test.slow(); // axe checks every node's contrast: seconds on a busy machine
  const page = app.page;
  const casualties = await createTag(page, 'Casualties', null, '#b42318');
  await createTag(page, 'Deaths', casualties);
  await openView(page, 'Tags');
  await clickTag(page, 'Deaths');
  await expectNoAxeViolations(page);
});

test('the delete tag dialog passes an axe scan', async ({ app }) => {
  test.slow(); // axe checks every node's contrast: seconds on a busy machine
  const page = app.page;
  const doc = await sampleDocument(page);
  const casualties = await createTag(page, 'Casualties');
  const deaths = await createTag(page, 'Deaths', casualties);
  await createTag(page, 'Children', deaths);
  await createClaim(page, doc, 'At least 38 people have been killed', { tagIds: [deaths.id] });
  await openView(page, 'Tags');
  await clickTag(page, 'Deaths');
  await tagDetails(page).getByRole('button', { name: 'Delete tag…' }).click();
  await expect(page.getByRole('dialog', { name: 'Delete tag “Deaths”' })).toBeVisible();
  await expectNoAxeViolations(page);
});
