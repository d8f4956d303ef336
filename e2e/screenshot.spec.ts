/**
 * Story: the README shows Claimdesk at work. This opens the sample, tags four claims with
 * different verdicts (two of them overlapping), makes one active, and saves a picture of the
 * whole window to docs/screenshot.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './harness/fixtures';
import { articleText, highlights } from './support/article-text';
import { claimEntry, claimsList, tagClaim } from './support/claims';
import { dismissToast, metaField, openSample, saveStatus, toast } from './support/desk';

const SCREENSHOT = path.resolve(__dirname, '../docs/screenshot.png');

test('the sample with four claims, one active, is saved as the README screenshot', async ({ app }) => {
  const page = app.page;
  await openSample(page);
  for (const [field, value] of [
    ['Publication', 'Meridian Wire'],
    ['Author', 'Lena Hartsby'],
    ['URL', 'https://meridianwire.example/verano-unrest'],
  ] as const) {
    await metaField(page, field).fill(value);
    await metaField(page, field).press('Tab');
    await expect(saveStatus(page)).toHaveText('Saved');
  }

  await tagClaim(page, 'At least 38 people have been killed since Tuesday', {
    sources: [{ title: 'Health ministry statement', url: 'https://health.verano.example/statements/0314' }],
    speaker: 'National health ministry',
    how: 'According to',
    verdict: 'Likely true',
    confidence: 75,
  });
  await tagClaim(page, '1,240 people had been detained', {
    sources: [{ title: 'Saltera police statement', url: 'https://police.saltera.example/statements/0314' }],
    speaker: 'Interior Minister Ilse Marrov',
    how: 'Direct quote',
    verdict: 'Misleading',
    confidence: 70,
  });
  await tagClaim(page, 'people had been detained "for looting and attacks on public buildings"', {
    sources: [{ title: 'Interviews with families of eleven detainees', type: 'Interview' }],
    speaker: 'Interior Minister Ilse Marrov',
    how: 'Direct quote',
    verdict: 'False',
    confidence: 60,
  });
  await tagClaim(page, '"Order will be restored in Saltera by Sunday, whatever it takes,"', {
    speaker: 'Interior Minister Ilse Marrov',
    how: 'Direct quote',
    verdict: 'Not checkable',
    confidence: 90,
  });
  await expect(claimsList(page).getByRole('listitem')).toHaveCount(4);

  // One claim active, nothing covering the text, no focus ring or pointer in the way.
  await claimEntry(page, '1,240 people had been detained').getByRole('button', { name: /^2 / }).click();
  await expect(articleText(page).locator('.cd-hl-active').first()).toBeVisible();
  await dismissToast(page);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(0, 0);
  await expect(toast(page)).toHaveCount(0);
  await expect(highlights(page).first()).toBeInViewport();

  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });
  const png = fs.readFileSync(SCREENSHOT);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  // Width and height from the IHDR chunk: the whole window.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([page.viewportSize()!.width, page.viewportSize()!.height]);
});
