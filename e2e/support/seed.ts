/**
 * Claims put straight into main through `window.api` — for stories about filters, search and
 * the keyboard, where the claim form is not what is being told. The form itself is covered by
 * the tagging stories.
 */
import type { Page } from '@playwright/test';
import type { ClaimInput } from '../../shared/domain';
import { expect } from '../harness/fixtures';
import { callMain } from './desk';
import { library } from './desk';

/** What a seeded claim needs beyond its quote; everything else has a plain default. */
export type SeedClaim = Partial<Omit<ClaimInput, 'verdictId'>> & { readonly quote: string; readonly verdict: string };

/** Creates the claims on the document titled `title`, then reopens it so the page shows them. */
export async function seedClaims(page: Page, title: string, claims: readonly SeedClaim[]): Promise<void> {
  const doc = (await callMain(page, 'documents:list', {})).find((d) => d.title === title);
  if (!doc) throw new Error(`No document titled "${title}".`);
  const { plainText } = await callMain(page, 'documents:get', { id: doc.id });
  const verdicts = await callMain(page, 'verdicts:list', {});
  for (const { quote, verdict, ...rest } of claims) {
    const start = plainText.indexOf(quote);
    if (start < 0) throw new Error(`"${quote}" is not in "${title}".`);
    const verdictId = verdicts.find((v) => v.label === verdict)?.id;
    if (verdictId === undefined) throw new Error(`No verdict "${verdict}".`);
    const end = start + quote.length;
    await callMain(page, 'claims:create', {
      documentId: doc.id,
      anchor: { exact: quote, prefix: plainText.slice(Math.max(0, start - 32), start), suffix: plainText.slice(end, end + 32), start, end },
      input: {
        sources: [],
        attribution: { kind: 'according-to', chain: [] },
        claimType: null,
        confidence: 50,
        rationale: null,
        status: 'open',
        note: null,
        tagIds: [],
        newTags: [],
        ...rest,
        verdictId,
      },
    });
  }
  await library(page).getByRole('button', { name: new RegExp(title) }).click();
  await expect(page.getByRole('list', { name: 'Claims in reading order' }).getByRole('listitem')).toHaveCount(claims.length);
}

/** A new speaker for a seeded chain. */
export function saidBy(name: string) {
  return { speaker: { newSpeaker: { kind: 'person' as const, name, role: null, affiliation: null, externalId: null } }, role: 'said' as const, reliability: 'unknown' as const };
}
