/** Collects what a page reports as broken: uncaught exceptions and console errors (CSP violations among them). */
import type { Page } from '@playwright/test';

/** Appends the page's errors to `sink` as they happen. */
export function collectPageErrors(page: Page, sink: string[]): void {
  page.on('pageerror', (error) => sink.push(`pageerror: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') sink.push(`console: ${msg.text()}`);
  });
}
