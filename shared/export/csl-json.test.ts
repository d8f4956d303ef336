import { describe, expect, it } from 'vitest';
import { cslDate, toCslJson } from './csl-json';
import { FULL_EXPORT, testBundle } from './test-bundle';

// The item types of CSL 1.0.2 (csl-data.json, "type" enum).
const CSL_ITEM_TYPES = new Set([
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic',
  'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic',
  'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet',
  'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication', 'post', 'post-weblog', 'regulation',
  'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage',
]);
const DATE_FIELDS = ['issued', 'accessed'] as const;

/** The shape csl-data.json requires, checked by hand: id, a known type, well-formed names and dates, custom an object. */
function cslProblems(items: unknown): string[] {
  if (!Array.isArray(items)) return ['not an array'];
  const problems: string[] = [];
  items.forEach((raw: Record<string, unknown>, i) => {
    if (typeof raw.id !== 'string' && typeof raw.id !== 'number') problems.push(`${i}: id`);
    if (typeof raw.type !== 'string' || !CSL_ITEM_TYPES.has(raw.type)) problems.push(`${i}: type ${String(raw.type)}`);
    for (const field of DATE_FIELDS) {
      const date = raw[field] as { 'date-parts'?: unknown } | undefined;
      if (date === undefined) continue;
      const parts = date['date-parts'];
      const ok = Array.isArray(parts) && parts.length >= 1 && parts.length <= 2 &&
        parts.every((p: unknown) => Array.isArray(p) && p.length >= 1 && p.length <= 3 && p.every((n: unknown) => Number.isInteger(n)));
      if (!ok) problems.push(`${i}: ${field}`);
    }
    if (raw.author !== undefined && !(Array.isArray(raw.author) && raw.author.every((a: { literal?: unknown }) => typeof a.literal === 'string'))) {
      problems.push(`${i}: author`);
    }
    if (typeof raw.custom !== 'object' || raw.custom === null || Array.isArray(raw.custom)) problems.push(`${i}: custom`);
  });
  return problems;
}

const roundTrip = (options = testBundle().options): unknown => JSON.parse(JSON.stringify(toCslJson(testBundle(options))));

describe('toCslJson', () => {
  it('is valid CSL-JSON, with and without confidential sources', () => {
    expect(cslProblems(roundTrip())).toEqual([]);
    expect(cslProblems(roundTrip(FULL_EXPORT))).toEqual([]);
  });

  it('maps a news article fully, with Claimdesk data under custom', () => {
    expect(toCslJson(testBundle())[0]).toEqual({
      id: 'claimdesk-source-11',
      type: 'article-newspaper',
      title: 'Evacuations, shelters and roads: the day after',
      'container-title': 'Elswick Courier',
      author: [{ literal: 'Lena Hartsby' }, { literal: 'Ministry of Health' }],
      issued: { 'date-parts': [[2026, 3, 2]] },
      accessed: { 'date-parts': [[2026, 3, 3]] },
      URL: 'https://courier.example/flood-day-after',
      language: 'en',
      custom: { claimdeskSourceId: 11, reliability: 'credible', reliabilityReason: 'Named reporters on the ground', confidential: false },
    });
  });

  it('puts an official body in publisher and drops a javascript: URL', () => {
    const statement = toCslJson(testBundle()).find((item) => item.custom.claimdeskSourceId === 13);
    expect(statement).toMatchObject({ type: 'document', publisher: 'Ministry of Water', issued: { 'date-parts': [[2026]] }, language: 'kk' });
    expect(statement).not.toHaveProperty('URL');
    expect(statement).not.toHaveProperty('container-title');
  });

  it('leaves confidential sources out unless asked', () => {
    expect(toCslJson(testBundle()).map((i) => i.id)).toEqual(['claimdesk-source-11', 'claimdesk-source-13']);
    const withConfidential = toCslJson(testBundle(FULL_EXPORT));
    expect(withConfidential.find((i) => i.id === 'claimdesk-source-12')).toMatchObject({
      type: 'personal_communication',
      issued: { 'date-parts': [[2026, 3]] },
      custom: { confidential: true, reliability: 'mixed' },
    });
  });

  it('keeps a date it cannot parse as a literal', () => {
    expect(cslDate('spring 2026')).toEqual({ literal: 'spring 2026' });
    expect(cslDate('2026-03-02')).toEqual({ 'date-parts': [[2026, 3, 2]] });
  });
});

describe('CSL_TYPES', () => {
  it('maps every source type to a CSL item type', async () => {
    const { CSL_TYPES } = await import('../domain');
    expect(Object.values(CSL_TYPES).filter((t) => !CSL_ITEM_TYPES.has(t))).toEqual([]);
  });
});
