/**
 * Story: the fact-checker tries to import something that is not a plain-text article — a
 * picture renamed to .txt, text in an old encoding, an empty file, a PDF or Word document.
 * Whether picked in the file dialog or dropped on the window, Claimdesk says what is wrong
 * with the file, and the library and the claims are exactly as they were.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import { tagClaim } from './support/claims';
import { SAMPLE, alertBanner, documentCount, dismissToast, library, metaField, openSample, storedClaimCounts, toast, toolbarButton } from './support/desk';
import { LATIN1_BYTES, PNG_BYTES, dropFile, writeFile } from './support/files';

interface BadFile {
  readonly what: string;
  readonly name: string;
  readonly content: string | Uint8Array;
  /** What the alert must say about the file. */
  readonly problem: string | RegExp;
}

const BAD_FILES: readonly BadFile[] = [
  { what: 'a PNG image renamed .txt', name: 'harbour-photo.txt', content: PNG_BYTES, problem: 'This looks like a PNG image, not a text file.' },
  { what: 'a Latin-1 file (not UTF-8)', name: 'cafe-owners.txt', content: LATIN1_BYTES, problem: 'The file is not valid UTF-8 text (first bad byte at offset 3). Save it as UTF-8 and try again.' },
  { what: 'an empty file', name: 'empty-article.txt', content: '', problem: 'The file is empty.' },
  { what: 'a .pdf file', name: 'council-report.pdf', content: '%PDF-1.7\n%fictional\n', problem: 'is not a plain-text file. Claimdesk imports .txt articles.' },
  { what: 'a .docx file', name: 'press-release.docx', content: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), problem: 'is not a plain-text file. Claimdesk imports .txt articles.' },
];

interface DeskState {
  readonly libraryText: string;
  readonly documents: number;
  readonly claims: { live: number; deleted: number };
}

async function deskState(page: Page): Promise<DeskState> {
  return { libraryText: await library(page).innerText(), documents: await documentCount(page), claims: await storedClaimCounts(page) };
}

/** Checks the alert names the file and its problem, and that nothing else changed. */
async function expectRefused(page: Page, bad: BadFile, before: DeskState): Promise<void> {
  const alert = alertBanner(page);
  await expect(alert).toContainText(`"${bad.name}"`);
  await expect(alert).toContainText(bad.problem);
  await expect(toast(page)).toHaveCount(0);
  expect(await deskState(page)).toEqual(before);
  await expect(metaField(page, 'Title')).toHaveValue(SAMPLE.title);
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
}

test.beforeEach(async ({ app }) => {
  await openSample(app.page);
  await tagClaim(app.page, '1,240 people had been detained', { verdict: 'Misleading' });
  await dismissToast(app.page);
});

for (const bad of BAD_FILES) {
  test(`${bad.what} is refused with a clear error, by the dialog and by drop, and the library is unchanged`, async ({ app, workDir }) => {
    const page = app.page;
    const before = await deskState(page);
    expect(before.documents).toBe(1);
    expect(before.claims).toEqual({ live: 1, deleted: 0 });

    await app.answerNextFileDialog(writeFile(workDir, bad.name, bad.content));
    await toolbarButton(page, 'Import article…').click();
    await expectRefused(page, bad, before);

    await dropFile(page, bad.name, bad.content);
    await expect(alertBanner(page)).toContainText('Your library is unchanged.');
    await expectRefused(page, bad, before);
  });
}
