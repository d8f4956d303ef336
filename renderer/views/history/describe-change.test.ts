import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/domain';
import { changeLines, entryTitle, fieldChanges, NO_NAMES, type Names } from './describe-change';

const names: Names = {
  ...NO_NAMES,
  verdict: new Map([
    [1, 'Verified'],
    [3, 'Unproven'],
    [4, 'False'],
  ]),
  tag: new Map([
    [10, 'Casualties'],
    [11, 'Arrests'],
  ]),
  source: new Map([[5, 'Saltera police statement']]),
  speaker: new Map([[8, 'Ilse Marrov']]),
};

const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
  id: 1,
  at: '2026-03-14T10:00:00.000Z',
  actor: { id: 1, name: 'Mara Quell', initials: 'MQ' },
  entity: 'claim',
  entityId: 12,
  action: 'update',
  before: null,
  after: null,
  undoes: null,
  undoneBy: null,
  claimId: null,
  ...over,
});

describe('history entries in words', () => {
  it('resolves verdict ids to labels and shows numbers as they are', () => {
    const e = entry({ before: { verdictId: 3, confidence: 50 }, after: { verdictId: 4, confidence: 80 } });
    expect(changeLines(e, names)).toEqual(['verdict: Unproven → False', 'confidence: 50 → 80']);
    expect(entryTitle(e, names)).toBe('Claim 12 changed');
  });

  it('resolves tag ids, codes and parents, and names a tag that is gone by its id', () => {
    const e = entry({
      before: { tagIds: [10], status: 'open', claimType: null },
      after: { tagIds: [10, 99], status: 'in-review', claimType: 'statistic' },
    });
    expect(changeLines(e, names)).toEqual(['tags: Casualties → Casualties, tag #99', 'status: Open → In review', 'claim type: (none) → Statistic']);
    const moved = entry({ entity: 'tag', entityId: 11, before: { parentId: 10 }, after: { parentId: null } });
    expect(changeLines(moved, names)).toEqual(['parent: Casualties → top level']);
    expect(entryTitle(moved, names)).toBe('Tag “Arrests” changed');
  });

  it('writes sources and the attribution chain by name', () => {
    const e = entry({
      before: { sources: [], attribution: { kind: 'unattributed', chain: [] } },
      after: { sources: [{ sourceId: 5, role: 'origin', pinpoint: null }], attribution: { kind: 'direct-quote', chain: [{ speakerId: 8, role: 'said', reliability: 'unknown' }] } },
    });
    expect(changeLines(e, names)).toEqual(['sources: (none) → Saltera police statement (Origin)', 'attribution: Unattributed → Direct quote: Ilse Marrov']);
  });

  it('lists what a create set, leaving out what is empty, and clips long text', () => {
    const created = entry({
      entity: 'tag',
      entityId: 20,
      action: 'create',
      after: { name: 'Deaths', color: '#b42318', parentId: 10, deletedAt: null, mergedIntoId: null },
    });
    expect(changeLines(created, names)).toEqual(['name: Deaths', 'colour: #b42318', 'parent: Casualties']);
    expect(entryTitle(created, names)).toBe('Tag “Deaths” created');
    expect(fieldChanges(entry({ before: { note: 'a  b' }, after: { note: 'a b' } }), names)).toEqual([]);
    const long = 'x'.repeat(200);
    expect(changeLines(entry({ before: { note: null }, after: { note: long } }), names)[0]).toMatch(/^note: \(none\) → x{79}…$/);
  });

  it('says no more of a delete than its title, and an undone delete is a move out of the bin', () => {
    const deleted = entry({ entity: 'verdict', entityId: 3, action: 'delete', before: { deletedAt: null }, after: null });
    expect(changeLines(deleted, names)).toEqual([]);
    expect(entryTitle(deleted, names)).toBe('Verdict “Unproven” deleted');
    const undone = entry({ action: 'undo', before: { deletedAt: '2026-03-14T10:00:00.000Z' }, after: { deletedAt: null }, undoes: 4 });
    expect(changeLines(undone, names)).toEqual(['in the bin: yes → no']);
    expect(entryTitle(undone, names)).toBe('Claim 12 change undone');
  });

  it('names what a tag was merged into and hides the links kept for undo', () => {
    const merged = entry({
      entity: 'tag',
      entityId: 11,
      action: 'merge',
      before: { deletedAt: null, mergedIntoId: null },
      after: { deletedAt: '2026-03-14T10:00:00.000Z', mergedIntoId: 10, links: { moved: [1], dropped: [], children: [] } },
    });
    expect(changeLines(merged, names)).toEqual(['in the bin: no → yes', 'merged into: (none) → Casualties']);
  });

  it('tells where a claim was attached, by its quote', () => {
    const attached = entry({
      before: { anchor: { exact: 'troops fired first', prefix: '', suffix: '', start: 0, end: 18 } },
      after: { anchor: { exact: 'Security forces fired on protesters', prefix: '', suffix: ' in', start: 41, end: 76 } },
    });
    expect(changeLines(attached, names)).toEqual(['passage: “troops fired first” at character 1 → “Security forces fired on protesters” at character 42']);
  });

  it('words the review records: a vote, a sign-off, a merge of a review package', () => {
    const vote = entry({ entity: 'vote', entityId: 7, action: 'create', claimId: 12, after: { sessionId: 2, verdictId: 4, confidence: 80, comment: 'Hospital count is lower', deletedAt: null } });
    expect(entryTitle(vote, names)).toBe('Vote 7 created');
    expect(changeLines(vote, names)).toEqual(['verdict: False', 'confidence: 80', 'comment: Hospital count is lower']);
    const signOff = entry({
      entity: 'decision',
      entityId: 3,
      before: { verdictId: null, confidence: null, decidedBy: null, decidedAt: null, reason: null },
      after: { verdictId: 1, confidence: 75, decidedBy: 1, decidedAt: '2026-03-14T10:00:00.000Z', reason: 'Morgue register' },
    });
    expect(entryTitle(signOff, names)).toBe('Sign-off 3 changed');
    expect(changeLines(signOff, names)).toEqual(['verdict: (none) → Verified', 'confidence: (none) → 75', 'reason: (none) → Morgue register']);
    const merge = entry({ entity: 'merge', entityId: 1, action: 'create', after: { packageUid: 'u-1', fileName: 'ben.claimdesk-review', madeBy: 'Ben Okafor', deletedAt: null } });
    expect(changeLines(merge, names)).toEqual(['file: ben.claimdesk-review', 'package made by: Ben Okafor']);
  });
});
