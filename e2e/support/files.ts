/**
 * Files a user imports: the fixture articles in `e2e/fixtures/`, files written for one test,
 * and dropping a file onto the window (a real `drop` event carrying a `File` made in the page).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ClaimdeskApp } from '../harness/claimdesk-app';
import { expect } from '../harness/fixtures';

/** Absolute path of a fixture file. */
export function fixture(name: string): string {
  return path.resolve(__dirname, '../fixtures', name);
}

/** The fixture article about the ferry strike, as the app should show it after import. */
export const FERRY_STRIKE = {
  file: 'ferry-strike-port-averly.txt',
  title: 'ferry strike port averly',
  publishedOn: '2025-09-22',
  paragraphs: [
    'Ferry crews in Port Averly walked off the job at dawn on Monday, leaving about 6,000 commuters stranded on the Kessel islands, the harbour authority said.',
    '"Not one boat will leave the quay until the new rosters are withdrawn," said Mira Tollan, who leads the crews\' union. She said 212 of the 230 deck hands had joined the strike.',
    'Harbour authority spokesman Oskar Venn said the rosters added no hours and called the stoppage "unlawful and unnecessary". He said talks could resume on Wednesday.',
  ],
} as const;

/** Writes a file into `dir` and returns its path. */
export function writeFile(dir: string, name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** A file being dragged over the window; `drop()` lets go of it. */
export interface DraggedFile {
  drop(): Promise<void>;
}

/**
 * Drags a file over the window: dragenter and dragover events on the document body, carrying
 * one `File` built in the page from `content`. The events bubble to the window, as a real
 * drag from the file manager does.
 */
export async function dragFile(page: Page, name: string, content: string | Uint8Array): Promise<DraggedFile> {
  const bytes = typeof content === 'string' ? [...new TextEncoder().encode(content)] : [...content];
  const dataTransfer = await page.evaluateHandle(
    ([fileName, data]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], fileName, { type: fileName.endsWith('.txt') ? 'text/plain' : '' }));
      return transfer;
    },
    [name, bytes] as const,
  );
  const body = page.locator('body');
  await body.dispatchEvent('dragenter', { dataTransfer });
  await body.dispatchEvent('dragover', { dataTransfer });
  return {
    async drop() {
      await body.dispatchEvent('drop', { dataTransfer });
      await dataTransfer.dispose();
    },
  };
}

/** Drags a file onto the window and drops it. */
export async function dropFile(page: Page, name: string, content: string | Uint8Array): Promise<void> {
  await (await dragFile(page, name, content)).drop();
}

/** A real 1×1 PNG image. */
export const PNG_BYTES = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
);

/** "Café in Saltera" and more, encoded as Latin-1 (é is the single byte 0xE9): not UTF-8. */
export const LATIN1_BYTES = Uint8Array.from(Buffer.from('Caf\u00e9 owners in Saltera closed early on Friday.\n', 'latin1'));

/** A longer fixture article, taller than the window: for scrolling. */
export const COUNCIL_MINUTES = {
  file: 'harbour-council-minutes.txt',
  title: 'harbour council minutes',
  lastSentence: 'Port Averly now had more registered boats than any port on the coast',
} as const;

/** Imports a fixture article through the file dialog and waits until its text is shown. */
export async function importFixture(app: ClaimdeskApp, file: string, firstWords: string): Promise<void> {
  await app.answerNextFileDialog(fixture(file));
  await app.page.getByRole('banner').getByRole('button', { name: 'Import article…' }).click();
  await expect(app.page.getByRole('textbox', { name: /^Article text/ })).toContainText(firstWords);
}
