/**
 * Stories: the desk keeps who said what as records — people, ministries, broadcasters,
 * anonymous sources — edited in one place, merged when the same speaker was entered twice, and
 * deleted only when no attribution names them (with Undo and a restore from the deleted list).
 */
import { test, expect } from './harness/fixtures';
import { callMain, toast } from './support/desk';
import { createClaim, createSpeaker, detailPane, expectNoAxeViolations, field, importArticle, listEntry, openView, recordList, saveStatus } from './support/library';

const ARTICLE = 'Interior Minister Ilse Marrov said 1,240 people had been detained, and state television repeated the figure on Friday evening.';

test('a fact-checker adds a speaker with an external identifier, then edits it', async ({ app }) => {
  const page = app.page;
  await openView(page, 'Speakers');
  await page.getByRole('button', { name: 'New speaker', exact: true }).click();
  const pane = detailPane(page, 'Speaker details');
  await field(pane, 'Name').fill('Ilse Marrov');
  await field(pane, 'Kind').selectOption({ label: 'Person' });
  await field(pane, 'Role or title').fill('Interior Minister');
  await field(pane, 'Affiliation').fill('Government of Verano');
  await field(pane, 'External identifier').fill('Q4115189');
  await pane.getByRole('button', { name: 'Create speaker' }).click();
  await expect(saveStatus(pane)).toHaveText('Saved');

  const entry = listEntry(page, 'Speakers', 'Ilse Marrov');
  await expect(entry).toContainText('Person · Interior Minister · Government of Verano');
  await expect(entry).toContainText('Q4115189');
  expect(await callMain(page, 'speakers:list', {})).toMatchObject([
    { kind: 'person', name: 'Ilse Marrov', role: 'Interior Minister', affiliation: 'Government of Verano', externalId: 'Q4115189' },
  ]);

  await field(pane, 'Role or title').fill('Former Interior Minister');
  await field(pane, 'Kind').selectOption({ label: 'Government body' });
  await pane.getByRole('button', { name: 'Save speaker' }).click();
  await expect(saveStatus(pane)).toHaveText('Saved');
  await expect(entry).toContainText('Government body · Former Interior Minister');

  // A speaker needs a name: main refuses, the form says why and keeps the rest.
  await field(pane, 'Name').fill('   ');
  await pane.getByRole('button', { name: 'Save speaker' }).click();
  await expect(pane.getByRole('alert')).toContainText('Not saved');
  await expect(field(pane, 'Role or title')).toHaveValue('Former Interior Minister');
  expect((await callMain(page, 'speakers:list', {}))[0]!.name).toBe('Ilse Marrov');
});

test('the same speaker entered twice is merged and every attribution names one', async ({ app }) => {
  const page = app.page;
  const documentId = await importArticle(page, 'detentions', ARTICLE);
  const keep = await createSpeaker(page, { name: 'Ilse Marrov', role: 'Interior Minister' });
  const twin = await createSpeaker(page, { name: 'I. Marrov' });
  const tv = await createSpeaker(page, { name: 'Verano State TV', kind: 'media-outlet' });
  const first = await createClaim(page, documentId, '1,240 people had been detained', { speakerIds: [keep] });
  const second = await createClaim(page, documentId, 'repeated the figure on Friday evening', { speakerIds: [twin, tv] });

  await openView(page, 'Speakers');
  await listEntry(page, 'Speakers', 'I. Marrov').click();
  await detailPane(page, 'Speaker details').getByRole('button', { name: 'Merge into…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge “I. Marrov” into…' });
  await dialog.getByRole('searchbox', { name: 'Filter' }).fill('marrov');
  await expect(dialog.getByRole('radio')).toHaveCount(1);
  await dialog.getByRole('radio', { name: /^Ilse Marrov/ }).check();
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(toast(page)).toContainText('Merged “I. Marrov” into “Ilse Marrov”.');
  await expect(listEntry(page, 'Speakers', 'I. Marrov')).toHaveCount(0);
  await expect(listEntry(page, 'Speakers', 'Ilse Marrov')).toContainText('used in 2 claims');

  const claims = await callMain(page, 'claims:list', { documentId });
  const chain = (id: number) => claims.find((c) => c.id === id)!.attribution.chain.map((h) => h.speaker.id);
  expect(chain(first)).toEqual([keep]);
  expect(chain(second)).toEqual([keep, tv]);
});

test('a speaker named in a claim cannot be deleted; another is deleted, undone, and restored from the deleted list', async ({ app }) => {
  const page = app.page;
  const documentId = await importArticle(page, 'detentions', ARTICLE);
  const used = await createSpeaker(page, { name: 'Ilse Marrov' });
  await createSpeaker(page, { name: 'Anonymous police officer', kind: 'anonymous' });
  await createClaim(page, documentId, '1,240 people had been detained', { speakerIds: [used] });

  await openView(page, 'Speakers');
  const pane = detailPane(page, 'Speaker details');
  await listEntry(page, 'Speakers', 'Ilse Marrov').click();
  await pane.getByRole('button', { name: 'Delete speaker' }).click();
  await expect(pane.getByRole('alert')).toHaveText(
    '“Ilse Marrov” is still named in the attribution of 1 claim, so it cannot be deleted. Merge it into another speaker, or change those claims first.',
  );

  await listEntry(page, 'Speakers', 'Anonymous police officer').click();
  await pane.getByRole('button', { name: 'Delete speaker' }).click();
  await expect(toast(page)).toContainText('Deleted speaker “Anonymous police officer”.');
  await expect(listEntry(page, 'Speakers', 'Anonymous police officer')).toHaveCount(0);
  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await expect(listEntry(page, 'Speakers', 'Anonymous police officer')).toBeVisible();

  await listEntry(page, 'Speakers', 'Anonymous police officer').click();
  await pane.getByRole('button', { name: 'Delete speaker' }).click();
  await page.getByLabel('Show deleted speakers').check();
  const deleted = page.getByRole('region', { name: 'Deleted speakers' });
  await deleted.getByRole('button', { name: 'Restore “Anonymous police officer”' }).click();
  await expect(listEntry(page, 'Speakers', 'Anonymous police officer')).toBeVisible();
  await expect(field(pane, 'Name')).toHaveValue('Anonymous police officer');
  expect((await callMain(page, 'speakers:list', {})).map((s) => s.name).sort()).toEqual(['Anonymous police officer', 'Ilse Marrov']);
});

test('speakers are found by search', async ({ app }) => {
  const page = app.page;
  await createSpeaker(page, { name: 'Ilse Marrov', role: 'Interior Minister' });
  await createSpeaker(page, { name: 'Verano State TV', kind: 'media-outlet' });
  await openView(page, 'Speakers');
  const names = recordList(page, 'Speakers').locator('.lib-item-title');
  await expect(names).toHaveCount(2);
  await page.getByRole('searchbox', { name: 'Search speakers' }).fill('Verano');
  await expect(names).toHaveText(['Verano State TV']);
});

test('the speakers view passes an accessibility scan, with a speaker open and the merge dialog', async ({ app }) => {
  test.slow(); // three full axe scans
  const page = app.page;
  const documentId = await importArticle(page, 'detentions', ARTICLE);
  const marrov = await createSpeaker(page, { name: 'Ilse Marrov', role: 'Interior Minister', externalId: 'Q4115189' });
  await createSpeaker(page, { name: 'Verano State TV', kind: 'media-outlet' });
  await createClaim(page, documentId, '1,240 people had been detained', { speakerIds: [marrov] });

  await openView(page, 'Speakers');
  await expectNoAxeViolations(page);
  await listEntry(page, 'Speakers', 'Ilse Marrov').click();
  await expect(field(detailPane(page, 'Speaker details'), 'Name')).toHaveValue('Ilse Marrov');
  await page.getByLabel('Show deleted speakers').check();
  await expectNoAxeViolations(page);
  await detailPane(page, 'Speaker details').getByRole('button', { name: 'Merge into…' }).click();
  await expect(page.getByRole('radio', { name: /^Verano State TV/ })).toBeVisible();
  await expectNoAxeViolations(page);
});
