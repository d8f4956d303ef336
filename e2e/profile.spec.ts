/**
 * Story: on first run Claimdesk asks who you are; every change is then recorded under your
 * name. A colleague on the same computer adds themselves and the desk switches quickly.
 */
import { test, expect, TEST_PROFILE } from './harness/fixtures';
import { tagClaim } from './support/claims';
import { callMain, openSample } from './support/desk';

test.describe('a first run', () => {
  test.use({ returningUser: false });

  test('asks who you are before anything else, and remembers you after a restart', async ({ app }) => {
    const page = app.page;
    const welcome = page.getByRole('dialog', { name: 'Welcome to Claimdesk — who are you?' });
    await expect(welcome).toBeVisible();
    await expect(welcome.getByRole('textbox', { name: 'Your name' })).toBeFocused();
    // Escape does not skip it: every change needs a "who".
    await page.keyboard.press('Escape');
    await expect(welcome).toBeVisible();

    await welcome.getByRole('textbox', { name: 'Your name' }).fill('Ilka Varga');
    await expect(welcome.getByRole('textbox', { name: 'Initials' })).toHaveValue('IV');
    await welcome.getByRole('button', { name: 'Start' }).click();
    await expect(welcome).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Ilka Varga/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();

    await app.restart();
    await expect(app.page.getByRole('button', { name: /Ilka Varga/ })).toBeVisible();
    await expect(app.page.getByRole('dialog')).toHaveCount(0);
  });
});

test('every change is recorded under the current person, and switching person is quick', async ({ app }) => {
  const page = app.page;
  await openSample(page);
  await tagClaim(page, 'At least 38 people have been killed', { verdict: 'Likely true' });

  await page.getByRole('button', { name: new RegExp(TEST_PROFILE.name) }).click();
  await page.getByRole('menuitem', { name: 'Add a person…' }).click();
  const add = page.getByRole('dialog', { name: 'Add a person on this computer' });
  await add.getByRole('textbox', { name: 'Your name' }).fill('Jonas Ebbe');
  await add.getByRole('button', { name: 'Add and switch' }).click();
  await expect(page.getByRole('button', { name: /Jonas Ebbe/ })).toBeVisible();
  await tagClaim(page, 'opposition monitoring group put the toll at 61', { verdict: 'Unproven' });

  const history = await callMain(page, 'history:list', { entity: 'claim' });
  const creators = history.filter((e) => e.action === 'create').map((e) => e.actor?.name);
  expect(creators.sort()).toEqual(['Jonas Ebbe', TEST_PROFILE.name].sort());

  // Back to the first person from the menu.
  await page.getByRole('button', { name: /Jonas Ebbe/ }).click();
  await page.getByRole('menuitem', { name: `Switch to ${TEST_PROFILE.name}` }).click();
  await expect(page.getByRole('button', { name: new RegExp(TEST_PROFILE.name) })).toBeVisible();
});
