import { describe, expect, it } from 'vitest';
import { planLink } from '../../shared/versions/link-plan';
import { AppError } from '../../shared/result';
import { deleteClaim, getClaim, listClaims, reattachClaim, updateClaim } from './claims';
import { getDocumentSummary } from './documents';
import { claimInput, tempProject } from './test-support';
import { story, tag, V1, V2 } from './version-fixtures';
import { linkAsNewVersionWith, type LinkPlanner } from './version-link';
import { listVersionChanges } from './version-queue';
import { linkAsNewVersion } from './versions';

/** A planner on this thread that runs `during` (once, before planning) as if another window wrote while the worker computed. */
function plannerWith(during: () => void): { planner: LinkPlanner; calls: () => number } {
  let calls = 0;
  return {
    planner: async (input) => {
      calls += 1;
      if (calls === 1) during();
      return planLink(input);
    },
    calls: () => calls,
  };
}

const carriedOf = (db: Parameters<typeof listClaims>[0], id: number) => listClaims(db, id).map((c) => [c.anchor.exact, c.anchor.start, c.anchor.end, c.note]);

describe('linking a new version with the plan computed elsewhere', () => {
  it('carries the claims over exactly as the synchronous link does', async () => {
    const one = tempProject();
    const a = story(one.db);
    const two = tempProject();
    const b = story(two.db);
    const { planner, calls } = plannerWith(() => {});
    const report = await linkAsNewVersionWith(two.db, planner, b.v2, b.v1);
    expect(report).toEqual(linkAsNewVersion(one.db, a.v2, a.v1));
    expect(calls()).toBe(1);
    expect(carriedOf(two.db, b.v2)).toEqual(carriedOf(one.db, a.v2));
    expect(listVersionChanges(two.db, b.v2).map((r) => [r.kind, r.method])).toEqual(listVersionChanges(one.db, a.v2).map((r) => [r.kind, r.method]));
  });

  it('plans again when a claim was moved, added or deleted while the plan was computed', async () => {
    const { db } = tempProject();
    const { v1, v2, claims } = story(db);
    const { planner, calls } = plannerWith(() => {
      const start = V1.indexOf('Saltera');
      reattachClaim(db, claims.minister.id, { exact: 'Saltera', start, end: start + 7, prefix: V1.slice(start - 32, start), suffix: V1.slice(start + 7, start + 39) });
      tag(db, v1, V1, 'Internet access');
      deleteClaim(db, claims.fired.id);
    });
    const report = await linkAsNewVersionWith(db, planner, v2, v1);
    expect(calls()).toBe(2);
    expect(report).toMatchObject({ carried: 6 });
    const exacts = listClaims(db, v2).map((c) => c.anchor.exact);
    expect(exacts).toContain('Saltera');
    expect(exacts).toContain('Internet access');
    expect(exacts).not.toContain('fired on protesters');
    expect(exacts).not.toContain('Ilse Marrov');
  });

  it('carries a record edited while the plan was computed without planning again', async () => {
    const { db } = tempProject();
    const { v1, v2, claims } = story(db);
    const { planner, calls } = plannerWith(() => updateClaim(db, claims.shoot.id, claimInput({ note: 'Edited meanwhile' })));
    await linkAsNewVersionWith(db, planner, v2, v1);
    expect(calls()).toBe(1);
    expect(listClaims(db, v2).find((c) => c.anchor.exact === 'shoot-to-kill order')?.note).toBe('Edited meanwhile');
  });

  it('refuses, writing nothing, when the claims keep changing', async () => {
    const { db } = tempProject();
    const { v1, v2 } = story(db);
    let n = 0;
    const planner: LinkPlanner = async (input) => {
      tag(db, v1, V1, ['Friday', 'Tuesday'][n++]!);
      return planLink(input);
    };
    const refusal = await linkAsNewVersionWith(db, planner, v2, v1).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ kind: 'conflict', message: expect.stringContaining('nothing was linked') });
    expect(getDocumentSummary(db, v2)).toMatchObject({ version: 1, versionCount: 1, claimCount: 0 });
    expect(listClaims(db, v2)).toEqual([]);
  });

  it('refuses as the synchronous link does when the documents can no longer be linked once the plan is ready', async () => {
    const { db } = tempProject();
    const { v1, v2, claims } = story(db);
    // The new version got a claim of its own meanwhile.
    const { planner } = plannerWith(() => tag(db, v2, V2, 'Internet access'));
    await expect(linkAsNewVersionWith(db, planner, v2, v1)).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('already has claims of its own') });
    expect(getDocumentSummary(db, v2)).toMatchObject({ version: 1, versionCount: 1 });
    expect(getClaim(db, claims.toll.id).groupId).toBeNull();
  });

  it('refuses before planning what the synchronous link refuses', async () => {
    const { db } = tempProject();
    const { v1, v2 } = story(db);
    const { planner, calls } = plannerWith(() => {});
    await expect(linkAsNewVersionWith(db, planner, v1, v1)).rejects.toMatchObject({ kind: 'invalid-argument' });
    await expect(linkAsNewVersionWith(db, planner, v2, 9999)).rejects.toMatchObject({ kind: 'not-found' });
    expect(calls()).toBe(0);
  });
});
