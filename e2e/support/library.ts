/**
 * The library views (Sources, Speakers) as a user meets them — the navigation button, the
 * search box, the list, the detail pane and its form — plus the setup a story needs that a user
 * would have made elsewhere (an article, claims citing sources), made through the same
 * `window.api` the renderer uses.
 */
import type { Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { SourceFields, SpeakerFields } from '../../shared/domain';
import { expect } from '../harness/fixtures';
import { callMain } from './desk';

/** Opens a view from the navigation bar and waits for its heading. */
export async function openView(page: Page, name: 'Sources' | 'Speakers'): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
}

/** The list of a library view ("Sources", "Speakers"). */
export function recordList(page: Page, name: 'Sources' | 'Speakers'): Locator {
  return page.getByRole('list', { name, exact: true });
}

/** The entry of a record in the list, found by the start of its text (title or name). */
export function listEntry(page: Page, list: 'Sources' | 'Speakers', title: string): Locator {
  return recordList(page, list).getByRole('button', { name: new RegExp(`^${escapeRegExp(title)}`) });
}

/** The detail pane ("Source details", "Speaker details"). */
export function detailPane(page: Page, name: 'Source details' | 'Speaker details'): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** A text field or select of the detail form, by its label. */
export function field(pane: Locator, label: string): Locator {
  return pane.getByLabel(label, { exact: true });
}

/** The "Saved" indicator of the detail form. */
export function saveStatus(pane: Locator): Locator {
  return pane.locator('form').first().getByRole('status');
}

/** What a user types into the source form; omitted fields are left as they are. */
export interface SourceFormInput {
  readonly type?: string;
  readonly title?: string;
  readonly publisher?: string;
  readonly authors?: readonly string[];
  readonly issued?: string;
  readonly accessed?: string;
  readonly url?: string;
  readonly language?: string;
  readonly notes?: string;
  readonly reliability?: string;
  readonly reliabilityReason?: string;
  readonly confidential?: boolean;
}

/** Fills the source form of the detail pane. */
export async function fillSourceForm(pane: Locator, input: SourceFormInput): Promise<void> {
  if (input.title !== undefined) await field(pane, 'Title').fill(input.title);
  if (input.type !== undefined) await field(pane, 'Type').selectOption({ label: input.type });
  if (input.publisher !== undefined) await field(pane, 'Publisher or outlet').fill(input.publisher);
  if (input.authors !== undefined) await field(pane, 'Authors (one per line)').fill(input.authors.join('\n'));
  if (input.issued !== undefined) await field(pane, 'Issued').fill(input.issued);
  if (input.accessed !== undefined) await field(pane, 'Accessed').fill(input.accessed);
  if (input.url !== undefined) await field(pane, 'URL').fill(input.url);
  if (input.language !== undefined) await field(pane, 'Language').fill(input.language);
  if (input.notes !== undefined) await field(pane, 'Notes').fill(input.notes);
  if (input.reliability !== undefined) await field(pane, 'Reliability').selectOption({ label: input.reliability });
  if (input.reliabilityReason !== undefined) await field(pane, 'Reason for the rating').fill(input.reliabilityReason);
  if (input.confidential !== undefined) await field(pane, 'Confidential (left out of exports)').setChecked(input.confidential);
}

/** A source's fields with defaults for what a story does not care about. */
export function sourceFields(fields: Partial<SourceFields> & { title: string }): SourceFields {
  return {
    type: 'news-article',
    publisher: null,
    authors: [],
    issued: null,
    accessed: null,
    url: null,
    language: null,
    notes: null,
    reliability: 'unknown',
    reliabilityReason: null,
    confidential: false,
    ...fields,
  };
}

/** Adds a source to the library through main; returns its id. */
export async function createSource(page: Page, fields: Partial<SourceFields> & { title: string }): Promise<number> {
  return (await callMain(page, 'sources:create', { fields: sourceFields(fields) })).id;
}

/** Adds a speaker through main; returns its id. */
export async function createSpeaker(page: Page, fields: Partial<SpeakerFields> & { name: string }): Promise<number> {
  return (await callMain(page, 'speakers:create', { fields: { kind: 'person', role: null, affiliation: null, externalId: null, ...fields } })).id;
}

/** Imports a one-paragraph article through main; returns its id. */
export async function importArticle(page: Page, title: string, text: string): Promise<number> {
  return (await callMain(page, 'documents:importText', { text, fileName: `${title}.txt` })).id;
}

/** What a claim made for a story cites and whom it attributes. */
export interface ClaimSetup {
  readonly sourceIds?: readonly number[];
  readonly speakerIds?: readonly number[];
}

/** Tags `exact` in document `documentId` as a claim, through main; returns the claim's id. */
export async function createClaim(page: Page, documentId: number, exact: string, { sourceIds = [], speakerIds = [] }: ClaimSetup = {}): Promise<number> {
  const doc = await callMain(page, 'documents:get', { id: documentId });
  const start = doc.plainText.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in the document.`);
  const end = start + exact.length;
  const verdicts = await callMain(page, 'verdicts:list', {});
  const claim = await callMain(page, 'claims:create', {
    documentId,
    anchor: { exact, prefix: doc.plainText.slice(Math.max(0, start - 32), start), suffix: doc.plainText.slice(end, end + 32), start, end },
    input: {
      sources: sourceIds.map((sourceId) => ({ source: { sourceId }, role: 'supporting' as const, pinpoint: null })),
      attribution: {
        kind: speakerIds.length > 0 ? 'according-to' : 'unattributed',
        chain: speakerIds.map((speakerId) => ({ speaker: { speakerId }, role: 'said' as const, reliability: 'unknown' as const })),
      },
      claimType: null,
      verdictId: verdicts[0]!.id,
      confidence: 50,
      rationale: null,
      status: 'open',
      note: null,
      tagIds: [],
      newTags: [],
    },
  });
  return claim.id;
}

/** The ids of the sources a claim cites, as main stores them. */
export async function citedSourceIds(page: Page, claimId: number, documentId: number): Promise<number[]> {
  const claims = await callMain(page, 'claims:list', { documentId });
  const claim = claims.find((c) => c.id === claimId);
  if (!claim) throw new Error(`No live claim ${claimId}.`);
  return claim.sources.map((l) => l.source.id);
}

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the window and fails with a readable list of the violations. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const report = violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`)
    .join('\n');
  expect(violations, `axe found WCAG 2.1 AA violations:\n${report}`).toEqual([]);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
