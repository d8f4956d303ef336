import { describe, expect, it } from 'vitest';
import { createClaim, deleteClaim } from './claims';
import { createDocument } from './documents';
import { SNIPPET_CLOSE, SNIPPET_OPEN, searchProject, toFtsQuery } from './search';
import { addArticle, anchorOf, claimFields, meta, tempProject } from './test-support';

describe('searchProject', () => {
  it('finds a claim by a word of its note, and by the start of a word', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const claim = createClaim(db, {
      documentId,
      anchor: anchorOf('14 people'),
      fields: claimFields({ note: 'Morgue records list eleven bodies.' }),
    });
    const expected = { kind: 'claim', documentId, claimId: claim.id };
    expect(searchProject(db, 'morgue')).toEqual([expect.objectContaining(expected)]);
    expect(searchProject(db, 'records mor')).toEqual([expect.objectContaining(expected)]);
    expect(searchProject(db, 'morgue')[0]?.snippet).toContain(`${SNIPPET_OPEN}Morgue${SNIPPET_CLOSE}`);
  });

  it('finds documents by their text, ignoring accents', () => {
    const { db } = tempProject();
    const plainText = 'Students marched to the Café Central.';
    const { id } = createDocument(db, { meta: meta('Protests in Bogotá'), body: {}, plainText });
    expect(searchProject(db, 'bogota')).toEqual([
      { kind: 'document', documentId: id, claimId: null, snippet: expect.any(String) },
    ]);
    expect(searchProject(db, 'cafe')).toHaveLength(1);
  });

  it('leaves claims in the bin out', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const claim = createClaim(db, { documentId, anchor: anchorOf('14 people'), fields: claimFields({ note: 'morgue' }) });
    deleteClaim(db, claim.id);
    expect(searchProject(db, 'morgue')).toEqual([]);
  });

  it('returns nothing for an empty query and survives hostile ones', () => {
    const { db } = tempProject();
    addArticle(db);
    expect(searchProject(db, '')).toEqual([]);
    expect(searchProject(db, '  *) " ')).toEqual([]);
    const hostile = ['"foo* OR bar) NEAR(', 'NOT', 'a AND', 'title:police', '^police', 'police"', "'; DROP TABLE claims; --"];
    for (const query of hostile) {
      expect(() => searchProject(db, query)).not.toThrow();
    }
    expect(searchProject(db, 'police"')).toHaveLength(1);
  });

  it('respects the limit', () => {
    const { db } = tempProject();
    for (let i = 0; i < 5; i++) addArticle(db, `Report ${i}`);
    expect(searchProject(db, 'report', 3)).toHaveLength(3);
  });
});

describe('toFtsQuery', () => {
  it('quotes every word and makes the last a prefix', () => {
    expect(toFtsQuery('shoot to kill')).toBe('"shoot" "to" "kill"*');
    expect(toFtsQuery('"foo* OR bar) NEAR(')).toBe('"""foo*" "OR" "bar)" "NEAR("*');
    expect(toFtsQuery('   ')).toBeNull();
  });
});
