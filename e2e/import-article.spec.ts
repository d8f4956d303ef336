/**
 * Story: a fact-checker brings an article into Claimdesk — from the file dialog, by dropping
 * the file on the window, or by pasting its text — and then corrects its details (title,
 * publication, author, URL, date), which are kept when the app is started again.
 */
import fs from 'node:fs';
import { test, expect } from './harness/fixtures';
import { articleText } from './support/article-text';
import { alertBanner, documentCount, expectOpenArticle, library, metaField, saveStatus, toast, toolbarButton, type ShownArticle } from './support/desk';
import { FERRY_STRIKE, dragFile, fixture } from './support/files';

const ferryStrike: ShownArticle = FERRY_STRIKE;

test.describe('importing a plain-text article', () => {
  test('by the file dialog: paragraphs come from blank lines and the first line sets the date', async ({ app }) => {
    const page = app.page;
    await app.answerNextFileDialog(fixture(FERRY_STRIKE.file));
    await toolbarButton(page, 'Import article…').click();

    await expect(toast(page)).toContainText(`Imported “${FERRY_STRIKE.title}”.`);
    await expectOpenArticle(page, ferryStrike);
    await expect(library(page).getByRole('listitem')).toHaveCount(1);
    await expect(library(page)).toContainText(`${FERRY_STRIKE.publishedOn} · 0 claims`);
  });

  test('cancelling the file dialog changes nothing', async ({ app }) => {
    const page = app.page;
    await app.answerNextFileDialog(null);
    await page.getByRole('button', { name: 'Import a .txt article…' }).click();
    await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
    await expect(alertBanner(page)).toHaveCount(0);
    await expect(toast(page)).toHaveCount(0);

    // The next import is the only one: the cancelled dialog imported nothing.
    await app.answerNextFileDialog(fixture(FERRY_STRIKE.file));
    await toolbarButton(page, 'Import article…').click();
    await expect(toast(page)).toContainText(`Imported “${FERRY_STRIKE.title}”.`);
    await expect(library(page).getByRole('listitem')).toHaveCount(1);
    expect(await documentCount(page)).toBe(1);
  });

  test('by dropping the file onto the window', async ({ app }) => {
    const page = app.page;
    const overlay = page.getByText(/^Drop articles \(web pages, Word, PDF, Markdown, text\) to import them/);
    const dragged = await dragFile(page, FERRY_STRIKE.file, fs.readFileSync(fixture(FERRY_STRIKE.file)));
    await expect(overlay).toBeVisible();
    await dragged.drop();

    await expect(overlay).toBeHidden();
    await expect(toast(page)).toContainText(`Imported “${FERRY_STRIKE.title}”.`);
    await expectOpenArticle(page, ferryStrike);
    expect(await documentCount(page)).toBe(1);
  });

  test('by pasting its text into the "Paste text…" dialog', async ({ app }) => {
    const page = app.page;
    await toolbarButton(page, 'Paste text…').click();
    const dialog = page.getByRole('dialog', { name: 'Paste an article' });
    await expect(dialog.getByRole('button', { name: 'Import' })).toBeDisabled();
    await dialog.getByLabel('Title (optional)').fill('Lake Oren water levels');
    await dialog.getByLabel('Article text').fill(
      [
        'date 2023-11-05 The level of Lake Oren fell by 1.8 metres over the summer,',
        'the regional water board said on Sunday.',
        '',
        'Fishermen in the village of Brask said their catch had halved.',
        '',
        '',
        '"We have never seen the jetty this high above the water," said Pell Arno, 71.',
      ].join('\n'),
    );
    await dialog.getByRole('button', { name: 'Import' }).click();

    await expect(dialog).toBeHidden();
    await expectOpenArticle(page, {
      title: 'Lake Oren water levels',
      publishedOn: '2023-11-05',
      paragraphs: [
        'The level of Lake Oren fell by 1.8 metres over the summer, the regional water board said on Sunday.',
        'Fishermen in the village of Brask said their catch had halved.',
        '"We have never seen the jetty this high above the water," said Pell Arno, 71.',
      ],
    });
  });
});

test.describe("editing the article's details", () => {
  test.beforeEach(async ({ app }) => {
    await app.answerNextFileDialog(fixture(FERRY_STRIKE.file));
    await toolbarButton(app.page, 'Import article…').click();
    await expect(articleText(app.page)).toContainText('Ferry crews in Port Averly');
  });

  test('title, publication, author, URL and date are saved and still there after a restart', async ({ app }) => {
    let page = app.page;
    const edits = {
      Title: 'Ferry strike strands Kessel islanders',
      Publication: 'Averly Evening Post',
      Author: 'Juna Castel',
      URL: 'https://averly-post.example/2025/09/ferry-strike',
      Published: '2025-09-23',
    } as const;
    for (const [field, value] of Object.entries(edits) as [keyof typeof edits, string][]) {
      await metaField(page, field).fill(value);
      await metaField(page, field).press('Tab');
      await expect(saveStatus(page), `${field} saved`).toHaveText('Saved');
    }
    await expect(library(page).getByRole('button', { name: edits.Title })).toContainText(`2025-09-23 · ${edits.Publication}`);

    await app.restart();
    page = app.page;
    for (const [field, value] of Object.entries(edits) as [keyof typeof edits, string][]) {
      await expect(metaField(page, field), field).toHaveValue(value);
    }
    await expect(library(page).getByRole('button', { name: edits.Title })).toBeVisible();
  });

  test('an invalid URL shows an error and is not saved', async ({ app }) => {
    let page = app.page;
    const url = metaField(page, 'URL');
    await url.fill('https://averly-post.example/ferry');
    await url.press('Tab');
    await expect(saveStatus(page)).toHaveText('Saved');

    await url.fill('not a url');
    await url.press('Tab');
    const error = page.getByRole('main', { name: 'Document' }).getByRole('alert');
    await expect(error).toContainText('"not a url" is not a valid URL');
    await expect(url).toHaveAttribute('aria-invalid', 'true');
    await expect(url).toHaveAccessibleDescription(/is not a valid URL/);
    await expect(saveStatus(page)).not.toHaveText('Saved');
    // What the user typed is kept in the field, so it can be corrected.
    await expect(url).toHaveValue('not a url');

    await app.restart();
    page = app.page;
    await expect(metaField(page, 'URL')).toHaveValue('https://averly-post.example/ferry');
  });
});
