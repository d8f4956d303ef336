/**
 * Story: the same death toll appears in two outlets' articles; the checker links the two
 * claims as one, so the desk checks it once, and can unlink them again.
 */
import { test, expect } from './harness/fixtures';
import { claimEntry, claimForm } from './support/claims';
import { callMain, dismissToast, library, openSample, SAMPLE } from './support/desk';
import { seedClaims } from './support/seed';

const TOLL = 'At least 38 people have been killed';
const REPORT = 'Hospitals in Saltera said on Friday that at least 38 people have been killed since the unrest began.\n\nThe figure matches the health ministry statement.';

test('a claim is linked with the same claim in another article, and unlinked', async ({ app }) => {
  const page = app.page;
  await openSample(page);
  await seedClaims(page, SAMPLE.title, [{ quote: TOLL, verdict: 'Likely true' }]);
  const other = await callMain(page, 'documents:importText', { text: REPORT, fileName: 'Harbour Post on Saltera.txt' });
  await app.sendMenuCommand('library-changed');
  await seedClaims(page, other.title, [{ quote: 'at least 38 people have been killed', verdict: 'Unproven' }]);
  await dismissToast(page);

  await library(page).getByRole('button', { name: new RegExp(SAMPLE.title) }).click();
  await claimEntry(page, TOLL).getByRole('button', { name: /^Edit claim/ }).click();
  const form = claimForm(page, 'edit');
  const links = form.getByRole('group', { name: 'Same claim in other articles' });
  const picker = links.getByRole('combobox', { name: 'Link a claim from another article' });
  await picker.fill('38 people');
  const option = form.getByRole('option').filter({ hasText: 'Harbour Post on Saltera' });
  await option.click();
  await expect(links.getByRole('status')).toHaveText('Linked as the same claim.');
  const linked = form.getByRole('list', { name: 'Linked claims' });
  await expect(linked).toContainText('at least 38 people have been killed');
  await expect(linked).toContainText('Harbour Post on Saltera');

  const [mine] = await callMain(page, 'claims:filter', { filter: { text: 'killed', documentId: (await callMain(page, 'documents:list', {})).find((d) => d.title === SAMPLE.title)!.id } });
  expect((await callMain(page, 'claims:linked', { id: mine!.id })).map((c) => c.anchor.exact)).toEqual(['at least 38 people have been killed']);

  await linked.getByRole('button', { name: 'Unlink' }).click();
  await expect(links.getByRole('status')).toHaveText('Unlinked.');
  await expect(linked).toHaveCount(0);
  expect(await callMain(page, 'claims:linked', { id: mine!.id })).toEqual([]);
});
