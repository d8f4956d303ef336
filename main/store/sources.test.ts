import { describe, expect, it } from 'vitest';
import { addAttachment } from './attachments';
import { deleteClaim, getClaim } from './claims';
import {
  claimsCitingSource,
  createSource,
  deleteSource,
  getSource,
  listSources,
  mergeSources,
  restoreSource,
  updateSource,
} from './sources';
import { addArticle, addClaim, expectRefused, pause, sourceFields, tempProject } from './test-support';

const cite = (sourceId: number, role: 'origin' | 'supporting' | 'contradicting' | 'context' = 'origin', pinpoint: string | null = null) => ({
  source: { sourceId },
  role,
  pinpoint,
});

describe('sources', () => {
  it('creates a source with CSL-like fields, normalised, and reads it back', () => {
    const { db } = tempProject();
    const source = createSource(
      db,
      sourceFields({
        type: 'report',
        title: '  Annual casualty report ',
        publisher: 'Ministry of Health',
        authors: ['Lena Hartsby', '  ', 'Ministry of Health'],
        issued: '2024-03',
        accessed: '2024-04-02',
        url: 'https://health.example/report.pdf',
        language: 'kk',
        notes: '',
        reliability: 'mixed',
        reliabilityReason: 'Counts only hospital deaths.',
        confidential: true,
      }),
    );
    expect(source).toMatchObject({
      type: 'report',
      title: 'Annual casualty report',
      authors: ['Lena Hartsby', 'Ministry of Health'],
      issued: '2024-03',
      notes: null,
      confidential: true,
      deletedAt: null,
      claimCount: 0,
      attachments: [],
    });
    expect(getSource(db, source.id)).toEqual(source);
  });

  it('updates a source; the claims citing it see the change', () => {
    const { db } = tempProject();
    const source = createSource(db, sourceFields());
    const claim = addClaim(db, addArticle(db), '14 people', { sources: [cite(source.id)] });
    pause(3);
    const updated = updateSource(db, source.id, sourceFields({ title: 'Police statement (corrected)', reliability: 'credible' }));
    expect(updated.updatedAt > source.updatedAt).toBe(true);
    expect(getClaim(db, claim.id).sources[0]?.source).toMatchObject({ title: 'Police statement (corrected)', reliability: 'credible' });
  });

  it('lists, searches and sorts the library', () => {
    const { db } = tempProject();
    const b = createSource(db, sourceFields({ title: 'Broadcast transcript', reliability: 'not-credible', publisher: 'State TV' }));
    pause(2);
    const a = createSource(db, sourceFields({ title: 'agency wire', reliability: 'credible', notes: 'Filed at dawn' }));
    pause(2);
    const c = createSource(db, sourceFields({ title: 'Census table', url: 'https://stats.example/census' }));
    const documentId = addArticle(db);
    addClaim(db, documentId, '14 people', { sources: [cite(c.id)] });
    addClaim(db, documentId, 'Tuesday', { sources: [cite(c.id), cite(b.id)] });
    const titles = (list: { id: number }[]) => list.map((s) => s.id);
    expect(titles(listSources(db))).toEqual([a.id, b.id, c.id]);
    expect(titles(listSources(db, { sort: 'recent' }))).toEqual([c.id, a.id, b.id]);
    expect(titles(listSources(db, { sort: 'most-cited' }))).toEqual([c.id, b.id, a.id]);
    expect(titles(listSources(db, { sort: 'reliability' }))).toEqual([a.id, b.id, c.id]);
    expect(titles(listSources(db, { query: 'state' }))).toEqual([b.id]);
    expect(titles(listSources(db, { query: 'daw' }))).toEqual([a.id]);
    expect(titles(listSources(db, { query: 'stats.example' }))).toEqual([c.id]);
    expect(listSources(db, { sort: 'most-cited' })[0]?.claimCount).toBe(2);
  });

  it('lists every claim that cites a source', () => {
    const { db } = tempProject();
    const source = createSource(db, sourceFields());
    const documentId = addArticle(db);
    const first = addClaim(db, documentId, '14 people', { sources: [cite(source.id)] });
    const second = addClaim(db, documentId, 'Tuesday', { sources: [cite(source.id, 'supporting')] });
    addClaim(db, documentId, 'shoot-to-kill');
    deleteClaim(db, second.id);
    expect(claimsCitingSource(db, source.id).map((c) => c.id)).toEqual([first.id]);
    expect(() => claimsCitingSource(db, 999)).toThrow(expect.objectContaining({ kind: 'not-found' }));
  });

  it('refuses to delete a source live claims cite, then deletes and restores it', () => {
    const { db } = tempProject();
    const source = createSource(db, sourceFields());
    const documentId = addArticle(db);
    const claims = ['14 people', 'Tuesday'].map((exact) => addClaim(db, documentId, exact, { sources: [cite(source.id)] }));
    expectRefused(
      db,
      () => deleteSource(db, source.id),
      'conflict',
      'This source is cited by 2 claims. Remove it from them or merge it into another source first.',
    );
    for (const claim of claims) deleteClaim(db, claim.id);
    const deleted = deleteSource(db, source.id);
    expect(deleted.deletedAt).not.toBeNull();
    expect(listSources(db)).toEqual([]);
    expect(listSources(db, { includeDeleted: true }).map((s) => s.id)).toEqual([source.id]);
    expectRefused(db, () => updateSource(db, source.id, sourceFields()), 'invalid-argument', /in the bin/);
    expect(restoreSource(db, source.id).deletedAt).toBeNull();
  });
});

describe('mergeSources', () => {
  it('moves every link and attachment to the kept source without duplicating a claim link', () => {
    const { db } = tempProject();
    const keep = createSource(db, sourceFields({ title: 'Police statement' }));
    const dupe = createSource(db, sourceFields({ title: 'Police Statement (copy)' }));
    const attachment = addAttachment(db, dupe.id, { fileName: 'statement.txt', mediaType: 'text/plain', bytes: new TextEncoder().encode('14 dead') });
    const documentId = addArticle(db);
    const both = addClaim(db, documentId, '14 people', { sources: [cite(keep.id, 'origin'), cite(dupe.id, 'supporting', 'p. 2')] });
    const onlyDupe = addClaim(db, documentId, 'Tuesday', { sources: [cite(dupe.id, 'context', 'p. 4')] });
    const binned = addClaim(db, documentId, 'shoot-to-kill', { sources: [cite(dupe.id)] });
    deleteClaim(db, binned.id);

    const kept = mergeSources(db, keep.id, dupe.id);
    expect(kept.claimCount).toBe(2);
    expect(kept.attachments).toEqual([attachment].map((a) => ({ ...a, sourceId: keep.id })));
    expect(getClaim(db, both.id).sources.map((l) => [l.source.id, l.role])).toEqual([[keep.id, 'origin']]);
    expect(getClaim(db, onlyDupe.id).sources.map((l) => [l.source.id, l.role, l.pinpoint])).toEqual([[keep.id, 'context', 'p. 4']]);
    expect(getClaim(db, binned.id).sources.map((l) => l.source.id)).toEqual([keep.id]);
    expect(getSource(db, dupe.id)).toMatchObject({ claimCount: 0, attachments: [] });
    expect(getSource(db, dupe.id).deletedAt).not.toBeNull();
    expect(db.prepare('SELECT merged_into_id FROM sources WHERE id = ?').pluck().get(dupe.id)).toBe(keep.id);
    expect(db.prepare('SELECT count(*) FROM claim_sources WHERE source_id = ?').pluck().get(dupe.id)).toBe(0);
  });

  it('refuses to merge a source into itself, or one in the bin', () => {
    const { db } = tempProject();
    const keep = createSource(db, sourceFields());
    const gone = createSource(db, sourceFields({ title: 'Gone' }));
    deleteSource(db, gone.id);
    expectRefused(db, () => mergeSources(db, keep.id, keep.id), 'invalid-argument', 'A source cannot be merged into itself.');
    expectRefused(db, () => mergeSources(db, keep.id, gone.id), 'invalid-argument', /"Gone" is in the bin/);
    expectRefused(db, () => mergeSources(db, keep.id, 999), 'not-found');
  });
});
