/**
 * Story: the fact-checker tries to import something that is not an article — a picture renamed
 * to .txt, an empty file, a broken PDF, a "Word document" that is not one, a PDF named .html,
 * a file type Claimdesk does not read. Whether picked in the file dialog or dropped on the
 * window, Claimdesk says what is wrong with the file, and the library and the claims are
 * exactly as they were.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import { tagClaim } from './support/claims';
import { SAMPLE, alertBanner, documentCount, dismissToast, library, metaField, openSample, storedClaimCounts, toast, toolbarButton } from './support/desk';
import { PNG_BYTES, dropFile, writeFile } from './support/files';

interface BadFile {
  readonly what: string;
  readonly name: string;
  readonly content: string | Uint8Array;
  /** What the alert must say about the file. */
  readonly problem: string | RegExp;
}

const BAD_FILES: readonly BadFile[] = [
  { what: 'a PNG image renamed .txt', name: 'harbour-photo.txt', content: PNG_BYTES, problem: 'is a PNG image, not' },
  { what: 'an empty file', name: 'empty-article.txt', content: '', problem: 'is empty.' },
  { what: 'a truncated PDF', name: 'council-report.pdf', content: '%PDF-1.7\n%fictional\n', problem: /PDF/ },
  { what: 'a .docx that is not a zip', name: 'press-release.docx', content: 'Press release: the council meets on Monday.', problem: 'is text, not a Word document' },
  { what: 'a PDF named .html', name: 'saved-page.html', content: '%PDF-1.7\n1 0 obj\n<<>>\nendobj\n', problem: 'is a PDF' },
  { what: 'a spreadsheet', name: 'budget.xlsx', content: 'a,b,c', problem: /\.xlsx|does not import|imports/ },
];

interface DeskState {
  readonly libraryText: string;
  readonly documents: number;
  readonly claims: { live: number; deleted: number };
}

async function deskState(page: Page): Promise<DeskState> {
  return { libraryText: await library(page).innerText(), documents: await documentCount(page), claims: await storedClaimCounts(page) };
}

/** Checks the import report names the file and its problem, and that nothing else changed. */
async function expectRefused(page: Page, bad: BadFile, before: DeskState): Promise<void> {
  const report = page.getByRole('dialog', { name: 'Import' });
  await expect(report).toContainText('Imported 0 files; 1 file refused.');
  const refused = report.getByRole('region', { name: 'Not imported' });
  await expect(refused).toContainText(`“${bad.name}”`);
  await expect(refused).toContainText(bad.problem);
  await expect(refused).toContainText('your library is unchanged by them');
  await expect(toast(page)).toHaveCount(0);
  await expect(alertBanner(page)).toHaveCount(0);
  expect(await deskState(page)).toEqual(before);
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(report).toHaveCount(0);
  await expect(metaField(page, 'Title')).toHaveValue(SAMPLE.title);
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
    await expectRefused(page, bad, before);
  });
}
