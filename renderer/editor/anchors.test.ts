import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../shared/article/schema';
import type { Claim, Verdict } from '../../shared/domain';
import { describeRange } from '../../shared/anchoring/describe';
import { claimNumbers, placeClaims } from './anchors';

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
    expect(claimNumbers(stored)).toEqual(expected);
    expect(claimNumbers([...stored].reverse())).toEqual(expected);
    expect(claimNumbers([stored[5]!, stored[0]!, stored[3]!, stored[1]!, stored[4]!, stored[2]!])).toEqual(expected);
  });

  it('labels highlights with those numbers when placing claims', () => {
    const { highlights, orphans } = placeClaims(doc, stored, verdicts);
    expect(orphans).toEqual([]);
    expect(highlights.find((h) => h.claimId === 3)).toMatchObject({ from: 1, to: 19, label: 'Claim 1 · False · 80% confidence' });
    expect(highlights.find((h) => h.claimId === 1)).toMatchObject({ from: 52, to: 66, label: 'Claim 6 · False · 80% confidence' });
  });
});
