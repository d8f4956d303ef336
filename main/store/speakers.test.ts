import { describe, expect, it } from 'vitest';
import type { AttributionHopInput } from '../../shared/domain';
import { deleteClaim, getClaim, updateClaim } from './claims';
import {
  createSpeaker,
  deleteSpeaker,
  getSpeaker,
  listSpeakers,
  mergeSpeakers,
  restoreSpeaker,
  updateSpeaker,
} from './speakers';
import { addArticle, addClaim, claimInput, expectRefused, speakerFields, tempProject } from './test-support';

const hop = (speakerId: number, role: AttributionHopInput['role'] = 'said'): AttributionHopInput => ({
  speaker: { speakerId },
  role,
  reliability: 'unknown',
});
const chain = (...hops: AttributionHopInput[]) => ({ attribution: { kind: 'according-to' as const, chain: hops } });

describe('speakers', () => {
  it('creates, reads, updates and lists speakers', () => {
    const { db } = tempProject();
    const minister = createSpeaker(db, speakerFields({ name: ' Aigerim Nurlanova ', role: 'Interior Minister', externalId: 'Q42' }));
    expect(minister).toMatchObject({ name: 'Aigerim Nurlanova', role: 'Interior Minister', externalId: 'Q42', claimCount: 0, deletedAt: null });
    expect(getSpeaker(db, minister.id)).toEqual(minister);
    const tv = createSpeaker(db, speakerFields({ name: 'Qazaqstan TV', kind: 'media-outlet', affiliation: 'State broadcaster' }));
    const updated = updateSpeaker(db, minister.id, speakerFields({ name: 'Aigerim Nurlanova', kind: 'person', role: 'Former minister' }));
    expect(updated.role).toBe('Former minister');
    expect(listSpeakers(db).map((s) => s.id)).toEqual([minister.id, tv.id]);
    expect(listSpeakers(db, { query: 'broadcaster' }).map((s) => s.id)).toEqual([tv.id]);
    expect(listSpeakers(db, { query: 'NURLANOVÁ' }).map((s) => s.id)).toEqual([minister.id]);
  });

  it('counts the live claims that name a speaker anywhere in their chain', () => {
    const { db } = tempProject();
    const ministry = createSpeaker(db, speakerFields({ name: 'Ministry' }));
    const tv = createSpeaker(db, speakerFields({ name: 'State TV' }));
    const documentId = addArticle(db);
    addClaim(db, documentId, '14 people', chain(hop(ministry.id), hop(tv.id, 'reported')));
    const gone = addClaim(db, documentId, 'Tuesday', chain(hop(tv.id)));
    deleteClaim(db, gone.id);
    expect([getSpeaker(db, ministry.id).claimCount, getSpeaker(db, tv.id).claimCount]).toEqual([1, 1]);
  });

  it('refuses to delete a speaker a live claim names, then deletes and restores them', () => {
    const { db } = tempProject();
    const speaker = createSpeaker(db, speakerFields());
    const claim = addClaim(db, addArticle(db), '14 people', chain(hop(speaker.id)));
    expectRefused(db, () => deleteSpeaker(db, speaker.id), 'conflict', 'This speaker is in the attribution of 1 claim.');
    updateClaim(db, claim.id, claimInput());
    expect(deleteSpeaker(db, speaker.id).deletedAt).not.toBeNull();
    expect(listSpeakers(db)).toEqual([]);
    expect(listSpeakers(db, { includeDeleted: true }).map((s) => s.id)).toEqual([speaker.id]);
    expectRefused(db, () => updateClaim(db, claim.id, claimInput(chain(hop(speaker.id)))), 'invalid-argument', /in the bin/);
    expect(restoreSpeaker(db, speaker.id).deletedAt).toBeNull();
  });

  it('merges two speakers: every hop moves, none is lost', () => {
    const { db } = tempProject();
    const keep = createSpeaker(db, speakerFields({ name: 'Interior Ministry' }));
    const dupe = createSpeaker(db, speakerFields({ name: 'Ministry of Interior' }));
    const tv = createSpeaker(db, speakerFields({ name: 'State TV' }));
    const documentId = addArticle(db);
    const a = addClaim(db, documentId, '14 people', chain(hop(dupe.id), hop(tv.id, 'reported')));
    const b = addClaim(db, documentId, 'Tuesday', chain(hop(keep.id), hop(dupe.id, 'quoted')));
    const merged = mergeSpeakers(db, keep.id, dupe.id);
    expect(merged.claimCount).toBe(2);
    expect(getClaim(db, a.id).attribution.chain.map((h) => [h.speaker.id, h.role])).toEqual([[keep.id, 'said'], [tv.id, 'reported']]);
    expect(getClaim(db, b.id).attribution.chain.map((h) => [h.speaker.id, h.role])).toEqual([[keep.id, 'said'], [keep.id, 'quoted']]);
    expect(getSpeaker(db, dupe.id)).toMatchObject({ claimCount: 0, deletedAt: expect.any(String) });
    expectRefused(db, () => mergeSpeakers(db, keep.id, keep.id), 'invalid-argument');
    expectRefused(db, () => mergeSpeakers(db, keep.id, dupe.id), 'invalid-argument', /in the bin/);
  });

  it('refuses a blank name or an unknown kind', () => {
    const { db } = tempProject();
    expectRefused(db, () => createSpeaker(db, speakerFields({ name: '  ' })), 'invalid-argument', 'A speaker needs a name.');
    expectRefused(db, () => createSpeaker(db, speakerFields({ kind: 'robot' as never })), 'invalid-argument', /kind of speaker/);
    expectRefused(db, () => updateSpeaker(db, 999, speakerFields()), 'not-found');
  });
});
