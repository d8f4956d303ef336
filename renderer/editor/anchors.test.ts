import { describe, expect, it, vi } from 'vitest';
import { articleSchema } from '../../shared/article/schema';
import type { Claim, TextAnchor, Verdict } from '../../shared/domain';
import type * as Anchoring from '../../shared/anchoring';
import { describeRange } from '../../shared/anchoring/describe';
import { readingOrder } from '../../shared/domain/reading-order';
import { claimNumbers, claimsToPlaceFirst, FIRST_PLACED_CHARS, PLACE_FIRST_ABOVE, placeClaims, type ClaimNumbers } from './anchors';

/** The claim ids of every call of anchorAll (the search), to show what is searched for again. */
const anchorAllCalls = vi.hoisted(() => [] as number[][]);
vi.mock('../../shared/anchoring', async (load) => {
  const actual = await load<typeof Anchoring>();
  return {
    ...actual,
    anchorAll: (text: string, items: readonly { id: number; anchor: TextAnchor }[]) => {
      anchorAllCalls.push(items.map((i) => i.id));
      return actual.anchorAll(text, items);
    },
  };
});

const text = 'At least 38 people have been killed since Tuesday, officials said.';
const doc = articleSchema.node('doc', null, [articleSchema.node('paragraph', null, [articleSchema.text(text)])]);
const verdicts = new Map<number, Verdict>([[1, { id: 1, key: 'false', label: 'False', color: '#b42318', position: 1, claimCount: 0 }]]);

function claim(id: number, start: number, end: number): Claim {
  return {
    id, uid: `u${id}`, documentId: 1, anchor: describeRange(text, start, end), sources: [], attribution: { kind: 'according-to', chain: [] },
    claimType: null, verdictId: 1, confidence: 80, rationale: null, status: 'open', note: null, tagIds: [], groupId: null,
    createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', deletedAt: null, createdBy: null, importedFrom: null,
  };
}

describe('claim numbers', () => {
  // As the store lists them: by start, then end, then id. Reading order puts the longer of two
  // claims starting at one place first.
  const stored = [claim(7, 0, 8), claim(3, 0, 18), claim(5, 9, 18), claim(2, 9, 35), claim(4, 9, 35), claim(1, 51, 65)];

  it('numbers claims in reading order, whatever order they arrive in', () => {
    const expected = new Map([[3, 1], [7, 2], [2, 3], [4, 4], [5, 5], [1, 6]]);
    const numbered = (numbers: ClaimNumbers) => new Map([...expected.keys(), 6, 8, 100_000].map((id) => [id, numbers.get(id)]));
    const withOthers = new Map<number, number | undefined>([...expected, [6, undefined], [8, undefined], [100_000, undefined]]);
    expect(numbered(claimNumbers(stored))).toEqual(withOthers);
    expect(numbered(claimNumbers([...stored].reverse()))).toEqual(withOthers);
    expect(numbered(claimNumbers([stored[5]!, stored[0]!, stored[3]!, stored[1]!, stored[4]!, stored[2]!]))).toEqual(withOthers);
  });

  it('numbers long runs of claims starting at one place as a full sort would, wherever the runs fall', () => {
    // 400 claims over 60 starting places (runs of 2 to 14 claims, at the head and the tail of the
    // list too), listed as the store lists them.
    let seed = 7;
    const next = (n: number) => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) >>> 16) % n;
    const many = Array.from({ length: 400 }, (_, i) => {
      const start = next(60);
      return claim(i + 1, start, Math.min(text.length, start + 1 + next(6)));
    }).sort((a, b) => a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end || a.id - b.id);
    const expected = [...many].sort(readingOrder).map((c) => c.id);
    const numbers = claimNumbers(many);
    expect([...many].sort((a, b) => numbers.get(a.id)! - numbers.get(b.id)!).map((c) => c.id)).toEqual(expected);
    expect(new Set(many.map((c) => numbers.get(c.id))).size).toBe(400);
  });

  it('numbers claims with sparse ids (merged from other projects) the same way', () => {
    const sparse = stored.map((c) => ({ ...c, id: c.id * 1_000_003 }));
    const numbers = claimNumbers(sparse);
    expect(sparse.map((c) => numbers.get(c.id))).toEqual([2, 1, 5, 3, 4, 6]);
    expect(numbers.get(7)).toBeUndefined();
    expect(claimNumbers([]).get(1)).toBeUndefined();
  });

  it('labels highlights with those numbers when placing claims', () => {
    const { highlights, orphans } = placeClaims(doc, stored, verdicts);
    expect(orphans).toEqual([]);
    expect(highlights.find((h) => h.claimId === 3)).toMatchObject({ from: 1, to: 19, label: 'Claim 1 · False · 80% confidence' });
    expect(highlights.find((h) => h.claimId === 1)).toMatchObject({ from: 52, to: 66, label: 'Claim 6 · False · 80% confidence' });
  });
});

describe('placing claims again on the same document', () => {
  const orphan = (id: number): Claim => ({ ...claim(id, 0, 8), anchor: { exact: 'a quote that was never in this article', prefix: '', suffix: '', start: 3, end: 41 } });

  it('places only claims it has not placed before, and never searches for an orphan twice', () => {
    const page = articleSchema.node('doc', null, [articleSchema.node('paragraph', null, [articleSchema.text(text)])]);
    anchorAllCalls.length = 0;
    const first = placeClaims(page, [claim(1, 0, 8), orphan(2)], verdicts);
    expect(first.orphans).toEqual([2]);
    expect(anchorAllCalls).toEqual([[1, 2]]);
    // The same claims (a claim's verdict changed): nothing is searched for.
    const second = placeClaims(page, [{ ...claim(1, 0, 8), verdictId: 1, confidence: 40 }, orphan(2)], verdicts);
    expect(anchorAllCalls).toEqual([[1, 2]]);
    expect(second.orphans).toEqual([2]);
    expect(second.highlights).toEqual([{ claimId: 1, from: 1, to: 9, verdictId: 1, label: 'Claim 1 · False · 40% confidence' }]);
    // A claim attached elsewhere (new offsets) and a new claim are placed; the rest is not.
    const third = placeClaims(page, [claim(1, 9, 18), orphan(2), claim(3, 51, 65)], verdicts);
    expect(anchorAllCalls).toEqual([[1, 2], [1, 3]]);
    expect(third.highlights.map((h) => [h.claimId, h.from, h.to])).toEqual([[1, 10, 19], [3, 52, 66]]);
    // Another document (even with the same text) is placed afresh.
    placeClaims(articleSchema.nodeFromJSON(page.toJSON()), [claim(1, 0, 8)], verdicts);
    expect(anchorAllCalls).toEqual([[1, 2], [1, 3], [1]]);
  });
});

describe('placing a document with thousands of claims', () => {
  it('places all claims of an ordinary document at once, and those near the top first for a big one', () => {
    const few = [claim(1, 0, 8), claim(2, 51, 65)];
    expect(claimsToPlaceFirst(few)).toBe(few);
    const many = Array.from({ length: PLACE_FIRST_ABOVE + 1 }, (_, i) => ({ ...claim(i + 1, 0, 8), anchor: { ...claim(1, 0, 8).anchor, start: i * 10, end: i * 10 + 8 } }));
    const first = claimsToPlaceFirst(many);
    expect(first.length).toBe(FIRST_PLACED_CHARS / 10);
    expect(first.every((c) => c.anchor.start < FIRST_PLACED_CHARS)).toBe(true);
  });

  it('labels the claims placed with the numbers they have among all of them, and uses the stored text', () => {
    const all = [claim(1, 0, 8), claim(2, 9, 18), claim(3, 51, 65)];
    const numbers = claimNumbers(all);
    const page = articleSchema.node('doc', null, [articleSchema.node('paragraph', null, [articleSchema.text(text)])]);
    const { highlights } = placeClaims(page, [all[2]!], verdicts, { numbers, text });
    expect(highlights).toEqual([{ claimId: 3, from: 52, to: 66, verdictId: 1, label: 'Claim 3 · False · 80% confidence' }]);
    // Without the numbers, a claim is numbered among those placed.
    const alone = articleSchema.node('doc', null, [articleSchema.node('paragraph', null, [articleSchema.text(text)])]);
    expect(placeClaims(alone, [all[2]!], verdicts).highlights[0]!.label).toBe('Claim 1 · False · 80% confidence');
  });
});
