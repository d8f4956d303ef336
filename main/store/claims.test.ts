import { describe, expect, it } from 'vitest';
import type { SourceRef } from '../../shared/domain';
import { LIST_CLAIMS_SQL, createClaim, deleteClaim, getClaim, listClaims, restoreClaim, updateClaim } from './claims';
import { createDocument } from './documents';
import { addArticle, anchorOf, claimFields, meta, pause, tempProject } from './test-support';

describe('claims', () => {
  it('creates a claim and reads it back with its anchor and fields', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const anchor = anchorOf('14 people were killed');
    const fields = claimFields({
      attribution: { speaker: 'Police', kind: 'according-to' },
      verdictId: 3,
      confidence: 40,
      note: 'Hospital sources give a lower figure.',
    });
    const claim = createClaim(db, { documentId, anchor, fields });
    expect(claim).toMatchObject({ documentId, anchor, ...fields, deletedAt: null });
    expect(getClaim(db, claim.id)).toEqual(claim);
    expect(listClaims(db, documentId)).toEqual([claim]);
  });

  it('lists claims in text order', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const later = createClaim(db, { documentId, anchor: anchorOf('shoot-to-kill order'), fields: claimFields() });
    const longer = createClaim(db, { documentId, anchor: anchorOf('14 people were killed'), fields: claimFields() });
    const shorter = createClaim(db, { documentId, anchor: anchorOf('14 people'), fields: claimFields() });
    expect(listClaims(db, documentId).map((c) => c.id)).toEqual([shorter.id, longer.id, later.id]);
  });

  it('anchors by UTF-16 offsets, also past characters outside the BMP', () => {
    const { db } = tempProject();
    const text = 'Crowd 📣 chanted; officials said 3 were arrested.';
    const { id: documentId } = createDocument(db, { meta: meta('Emoji'), body: {}, plainText: text });
    const exact = '3 were arrested';
    const start = text.indexOf(exact);
    const claim = createClaim(db, {
      documentId,
      anchor: { exact, prefix: 'said ', suffix: '.', start, end: start + exact.length },
      fields: claimFields(),
    });
    expect(claim.anchor.start).toBe(start);
  });

  it('refuses an anchor that does not match the document text', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const anchor = anchorOf('14 people');
    for (const bad of [
      { ...anchor, exact: '15 people' },
      { ...anchor, start: anchor.start + 1, end: anchor.end + 1 },
      { ...anchor, start: 100_000, end: 100_009 },
    ]) {
      expect(() => createClaim(db, { documentId, anchor: bad, fields: claimFields() })).toThrow(
        expect.objectContaining({ kind: 'invalid-argument', message: 'The selected text does not match the document.' }),
      );
    }
    expect(listClaims(db, documentId, { includeDeleted: true })).toEqual([]);
  });

  it('refuses an unknown verdict and a missing document', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const anchor = anchorOf('14 people');
    expect(() => createClaim(db, { documentId, anchor, fields: claimFields({ verdictId: 99 }) })).toThrow(
      expect.objectContaining({ kind: 'invalid-argument', message: 'Unknown verdict' }),
    );
    expect(() => createClaim(db, { documentId: 999, anchor, fields: claimFields() })).toThrow(
      expect.objectContaining({ kind: 'not-found' }),
    );
    const claim = createClaim(db, { documentId, anchor, fields: claimFields() });
    expect(() => updateClaim(db, claim.id, claimFields({ verdictId: 99 }))).toThrow(
      expect.objectContaining({ kind: 'invalid-argument', message: 'Unknown verdict' }),
    );
    expect(() => getClaim(db, 999)).toThrow(expect.objectContaining({ kind: 'not-found' }));
    expect(() => listClaims(db, 999)).toThrow(expect.objectContaining({ kind: 'not-found' }));
  });

  it('updates the fields and bumps updated_at, keeping the anchor', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const claim = createClaim(db, { documentId, anchor: anchorOf('14 people'), fields: claimFields() });
    pause(3);
    const attribution = { speaker: 'Ministry', kind: 'paraphrase' } as const;
    const fields = claimFields({ verdictId: 5, confidence: 90, note: '  ', attribution });
    const updated = updateClaim(db, claim.id, fields);
    expect(updated).toMatchObject({ verdictId: 5, confidence: 90, note: null, attribution, anchor: claim.anchor });
    expect(updated.updatedAt > claim.updatedAt).toBe(true);
  });

  it('moves a claim to the bin and restores it', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const claim = createClaim(db, { documentId, anchor: anchorOf('14 people'), fields: claimFields() });

    const deleted = deleteClaim(db, claim.id);
    expect(deleted.deletedAt).not.toBeNull();
    expect(listClaims(db, documentId)).toEqual([]);
    expect(listClaims(db, documentId, { includeDeleted: true })).toEqual([deleted]);
    expect(getClaim(db, claim.id)).toEqual(deleted);
    expect(deleteClaim(db, claim.id)).toEqual(deleted);
    expect(() => updateClaim(db, claim.id, claimFields())).toThrow(expect.objectContaining({ kind: 'invalid-argument' }));

    const restored = restoreClaim(db, claim.id);
    expect(restored.deletedAt).toBeNull();
    expect(listClaims(db, documentId).map((c) => c.id)).toEqual([claim.id]);
  });

  it('keeps sources in the order given and reuses identical ones', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const police = { title: 'Police statement', url: 'https://police.example/statement', note: null };
    const hospital = { title: 'Hospital', url: null, note: 'Phone call with the duty doctor' };
    const ngo = { title: null, url: 'https://ngo.example/report', note: null };

    const claimWith = (exact: string, sources: SourceRef[]) =>
      createClaim(db, { documentId, anchor: anchorOf(exact), fields: claimFields({ sources }) });
    const a = claimWith('14 people', [hospital, police]);
    const b = claimWith('Tuesday', [police, ngo, hospital]);
    expect(a.sources).toEqual([hospital, police]);
    expect(b.sources).toEqual([police, ngo, hospital]);
    expect(db.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(3);

    const rewritten = updateClaim(db, a.id, claimFields({ sources: [ngo, { ...hospital, note: 'Second call' }] }));
    expect(rewritten.sources).toEqual([ngo, { ...hospital, note: 'Second call' }]);
    expect(db.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(4);
    expect(listClaims(db, documentId).map((c) => c.sources)).toEqual([rewritten.sources, b.sources]);
  });

  it('refuses a source with nothing in it', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const empty = { title: ' ', url: null, note: null };
    expect(() =>
      createClaim(db, { documentId, anchor: anchorOf('14 people'), fields: claimFields({ sources: [empty] }) }),
    ).toThrow(expect.objectContaining({ kind: 'invalid-argument' }));
    expect(db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(0);
  });

  it('removes the claims of a deleted document, and their search entries', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const other = addArticle(db, 'Other');
    const source = { title: 'Police statement', url: null, note: null };
    createClaim(db, { documentId, anchor: anchorOf('14 people'), fields: claimFields({ sources: [source], note: 'toll' }) });
    createClaim(db, { documentId: other, anchor: anchorOf('Tuesday'), fields: claimFields({ note: 'date' }) });

    db.prepare('DELETE FROM documents WHERE id = ?').run(documentId);
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    expect(count('claims')).toBe(1);
    expect(count('claim_sources')).toBe(0);
    expect(count('sources')).toBe(1);
    db.exec("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')");
    db.exec("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')");
    expect(db.prepare("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'toll'").pluck().get()).toBe(0);
  });

  it('lists claims through the claims_by_document index', () => {
    const { db } = tempProject();
    const plan = (sql: string, params: object) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(params)
        .map((row) => (row as { detail: string }).detail)
        .join('\n');
    const claimsPlan = plan(LIST_CLAIMS_SQL, { documentId: 1, includeDeleted: 0 });
    expect(claimsPlan).toContain('USING INDEX claims_by_document (document_id=?)');
    expect(claimsPlan).not.toMatch(/SCAN claims\b/);
  });
});
