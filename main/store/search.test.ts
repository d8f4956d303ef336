import { describe, expect, it } from 'vitest';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../shared/domain';
import { deleteClaim } from './claims';
import { createClaims } from './claims-bulk';
import { createDocument } from './documents';
import { SEARCH_CANDIDATES, searchProject, searchWithBound, toFtsQuery } from './search';
import { createSource, deleteSource } from './sources';
import { addArticle, addClaim, anchorOf, claimInput, meta, sourceFields, tempProject, articleBody } from './test-support';

describe('searchProject', () => {
  it('finds a claim by a word of its note or rationale, and by the start of a word', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const claim = addClaim(db, documentId, '14 people', {
      note: 'Morgue records list eleven bodies.',
      rationale: 'The hospital contradicts the police figure.',
    });
    const expected = { kind: 'claim', documentId, claimId: claim.id, sourceId: null, title: 'Unrest in the capital' };
    expect(searchProject(db, 'morgue')).toEqual([expect.objectContaining(expected)]);
    expect(searchProject(db, 'records mor')).toEqual([expect.objectContaining(expected)]);
    expect(searchProject(db, 'contradicts')).toEqual([expect.objectContaining(expected)]);
    expect(searchProject(db, 'morgue')[0]?.snippet).toContain(`${SNIPPET_OPEN}Morgue${SNIPPET_CLOSE}`);
  });

  it('finds documents by their text, ignoring accents', () => {
    const { db } = tempProject();
    const plainText = 'Students marched to the Café Central.';
    const { id } = createDocument(db, { meta: meta('Protests in Bogotá'), body: articleBody(plainText), plainText });
    expect(searchProject(db, 'bogota')).toEqual([
      { kind: 'document', documentId: id, claimId: null, sourceId: null, title: 'Protests in Bogotá', snippet: expect.any(String) },
    ]);
    expect(searchProject(db, 'cafe')).toHaveLength(1);
  });

  it('finds live sources by title, publisher, notes and URL', () => {
    const { db } = tempProject();
    const source = createSource(
      db,
      sourceFields({ title: 'Casualty report', publisher: 'Ministry of Health', notes: 'Obtained by fax', url: 'https://health.example/toll' }),
    );
    const hit = { kind: 'source', documentId: null, claimId: null, sourceId: source.id, title: 'Casualty report' };
    for (const query of ['casualty', 'ministry', 'fax', 'health.example']) {
      expect(searchProject(db, query)).toEqual([expect.objectContaining(hit)]);
    }
    deleteSource(db, source.id);
    expect(searchProject(db, 'casualty')).toEqual([]);
  });

  it('leaves claims in the bin out', () => {
    const { db } = tempProject();
    const claim = addClaim(db, addArticle(db), '14 people', { note: 'morgue' });
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

/** The search as it was written before snippets were limited to the hits shown: one query computing a snippet per match. */
const EVERY_SNIPPET_SQL = `
  SELECT 'document' AS kind, d.id AS document_id, NULL AS claim_id, NULL AS source_id, d.title,
         snippet(documents_fts, -1, @open, @close, '…', 12) AS snippet, documents_fts.rank AS score
  FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid WHERE documents_fts MATCH @match
  UNION ALL
  SELECT 'claim', c.document_id, c.id, NULL, d.title, snippet(claims_fts, -1, @open, @close, '…', 12), claims_fts.rank
  FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid JOIN documents d ON d.id = c.document_id
  WHERE claims_fts MATCH @match AND c.deleted_at IS NULL
  UNION ALL
  SELECT 'source', NULL, NULL, s.id, s.title, snippet(sources_fts, -1, @open, @close, '…', 12), sources_fts.rank
  FROM sources_fts JOIN sources s ON s.id = sources_fts.rowid WHERE sources_fts MATCH @match AND s.deleted_at IS NULL
  ORDER BY score, kind, document_id, claim_id, source_id
  LIMIT @limit`;

describe('searchProject on a busy desk', () => {
  it('gives the hits, order and snippets of a search that makes a snippet for every match', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    createDocument(db, { meta: meta('Second report'), body: articleBody('Police said the capital was calm.'), plainText: 'Police said the capital was calm.', origin: null });
    for (let i = 0; i < 40; i += 1) {
      const claim = addClaim(db, documentId, i % 2 === 0 ? '14 people' : 'Police said', { note: `Police count ${i} in the capital`, rationale: i % 3 === 0 ? 'Police records' : null });
      if (i % 7 === 0) deleteClaim(db, claim.id);
      createSource(db, sourceFields({ title: `Police bulletin ${i}`, notes: i % 2 === 0 ? 'capital desk' : null }));
    }
    for (const query of ['police', 'capital', 'police cap', 'pol', 'count 1', 'nothing here']) {
      for (const limit of [5, 50, 500]) {
        const match = toFtsQuery(query);
        const reference = db.prepare(EVERY_SNIPPET_SQL).all({ match, limit, open: SNIPPET_OPEN, close: SNIPPET_CLOSE }) as Record<string, unknown>[];
        expect(searchProject(db, query, limit)).toEqual(
          reference.map((row) => ({ kind: row.kind, documentId: row.document_id, claimId: row.claim_id, sourceId: row.source_id, title: row.title, snippet: row.snippet })),
        );
      }
    }
  });
});

/** EVERY_SNIPPET_SQL with each kind's matches limited to its newest `candidates` (what searchProject ranks). */
const NEWEST_CANDIDATES_SQL = EVERY_SNIPPET_SQL.replace(
  /WHERE (documents_fts|claims_fts|sources_fts) MATCH @match/gu,
  (_, fts: string) => `WHERE ${fts} MATCH @match AND ${fts}.rowid IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH @match ORDER BY rowid DESC LIMIT @candidates)`,
);

describe('searchProject on more matches than it ranks', () => {
  it(`ranks the newest ${SEARCH_CANDIDATES} matches of each kind, exactly as a search over them alone would`, () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const notes = ['Police count', 'Politicians said', 'Polling stations', 'Police police police said', 'Policy paper'];
    const count = SEARCH_CANDIDATES + 300;
    const items = Array.from({ length: count }, (_, i) => ({
      anchor: anchorOf(i % 2 === 0 ? '14 people' : 'Police said'),
      input: claimInput({ note: `${notes[i % notes.length]} ${i}`, rationale: i % 3 === 0 ? 'Polled twice' : null }),
    }));
    const ids = createClaims(db, documentId, items);
    for (const id of ids.filter((_, i) => i % 11 === 0)) deleteClaim(db, id);
    for (let i = 0; i < 30; i += 1) createSource(db, sourceFields({ title: `Police bulletin ${i}` }));
    const reference = (match: string | null, limit: number, candidates: number) =>
      (db.prepare(NEWEST_CANDIDATES_SQL).all({ match, limit, candidates, open: SNIPPET_OPEN, close: SNIPPET_CLOSE }) as Record<string, unknown>[]).map(
        (row) => ({ kind: row.kind, documentId: row.document_id, claimId: row.claim_id, sourceId: row.source_id, title: row.title, snippet: row.snippet }),
      );
    for (const query of ['po', 'pol', 'police', 'police sa', 'count 1', 'polled']) {
      for (const limit of [5, 500]) {
        expect(searchProject(db, query, limit)).toEqual(reference(toFtsQuery(query), limit, SEARCH_CANDIDATES));
      }
    }
    // Where there are more matches than candidates, the oldest are not ranked: the bound is real.
    const everything = reference(toFtsQuery('pol'), 500, 1_000_000);
    expect(searchProject(db, 'pol', 500)).not.toEqual(everything);
    // A query with fewer matches than candidates gets the best hits of the whole project.
    expect(searchProject(db, 'count 1', 500)).toEqual(reference(toFtsQuery('count 1'), 500, 1_000_000));
    // The caller is told when the bound cut in (for the claims here), and not otherwise.
    expect(searchWithBound(db, 'pol', 50)).toEqual({ hits: searchProject(db, 'pol', 50), bound: SEARCH_CANDIDATES });
    expect(searchWithBound(db, 'count 1', 50)).toEqual({ hits: searchProject(db, 'count 1', 50), bound: null });
    expect(searchWithBound(db, 'bulletin', 50)).toMatchObject({ bound: null });
    expect(searchWithBound(db, '   ', 50)).toEqual({ hits: [], bound: null });
  });
});

describe('toFtsQuery', () => {
  it('quotes every word and makes the last a prefix', () => {
    expect(toFtsQuery('shoot to kill')).toBe('"shoot" "to" "kill"*');
    expect(toFtsQuery('"foo* OR bar) NEAR(')).toBe('"""foo*" "OR" "bar)" "NEAR("*');
    expect(toFtsQuery('   ')).toBeNull();
  });
});
