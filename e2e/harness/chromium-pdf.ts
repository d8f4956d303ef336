/**
 * The PdfPrinter of the tests: the report's HTML printed by Chromium's own PDF output, boxed in
 * the way the app's hidden print window is (no script, no network), so what a spec reads back
 * is what a user would get from the app.
 */
import type { Browser } from '@playwright/test';
import type { PdfPrinter } from '../../main/export/pdf-printer';

/**
 * The same options as the app's print window: backgrounds (the verdict colours) and the
 * report's own @page rules; a tagged PDF with an outline from the headings.
 */
export const PDF_OPTIONS = { printBackground: true, preferCSSPageSize: true, tagged: true, outline: true } as const;

/**
 * Prints each document in a fresh browser context with JavaScript disabled and every network
 * request aborted; the context is closed afterwards, whether printing worked or not.
 */
export function chromiumPdfPrinter(browser: Browser): PdfPrinter {
  return {
    async print(html: string): Promise<Uint8Array> {
      const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
      try {
        await context.route('**/*', (route) => route.abort('blockedbyclient'));
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        return new Uint8Array(await page.pdf(PDF_OPTIONS));
      } finally {
        await context.close();
      }
    },
  };
}
