import { describe, expect, it } from 'vitest';
import { deleteClaim } from './claims';
import { createDocument, findDocumentByOrigin, getDocument, listDocuments, updateDocumentMeta } from './documents';
import { ARTICLE_TEXT, addArticle, addClaim, meta, pause, tempProject, articleBody } from './test-support';

describe('documents', () => {
  it('stores an article and gives back its body, plain text and meta', () => {
    const { db } = tempProject();
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] }] };
    const summary = createDocument(db, {
      meta: { title: '  Wire story  ', publication: 'The Wire', author: '', url: null, publishedOn: '2025-01-07' },
      body,
      plainText: 'Hello',
      origin: 'sample:1',
    });
    expect(summary).toMatchObject({
      title: 'Wire story',
      publication: 'The Wire',
      author: null,
      publishedOn: '2025-01-07',
      claimCount: 0,
    });
    expect(summary.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const record = getDocument(db, summary.id);
    expect(record.body).toEqual(body);
    expect(record.plainText).toBe('Hello');
    expect(record).toMatchObject(summary);
  });

  it('lists newest first, counting live claims only', () => {
    const { db } = tempProject();
    const first = addArticle(db, 'First');
    pause(3);
    const second = addArticle(db, 'Second');
    addClaim(db, first, '14 people');
    const gone = addClaim(db, first, 'Tuesday');
    deleteClaim(db, gone.id);

    const list = listDocuments(db);
    expect(list.map((d) => [d.id, d.title, d.claimCount])).toEqual([
      [second, 'Second', 0],
      [first, 'First', 1],
    ]);
  });

  it('changes only the meta fields given, and bumps updated_at', () => {
    const { db } = tempProject();
    const created = createDocument(db, {
      meta: { ...meta('Old title'), author: 'A. Writer', url: 'https://example.org/a' },
      body: articleBody(ARTICLE_TEXT),
      plainText: ARTICLE_TEXT,
    });
    pause(3);
    const updated = updateDocumentMeta(db, created.id, { title: 'New title', url: '' });
    expect(updated).toMatchObject({ title: 'New title', author: 'A. Writer', url: null });
    expect(updated.updatedAt > created.updatedAt).toBe(true);
    expect(updated.createdAt).toBe(created.createdAt);
    expect(updateDocumentMeta(db, created.id, {})).toEqual(updated);
  });

  it('refuses a blank title', () => {
    const { db } = tempProject();
    const id = addArticle(db);
    expect(() => updateDocumentMeta(db, id, { title: '   ' })).toThrow(
      expect.objectContaining({ kind: 'invalid-argument' }),
    );
    expect(() => createDocument(db, { meta: meta(''), body: articleBody('x'), plainText: 'x' })).toThrow(
      expect.objectContaining({ kind: 'invalid-argument' }),
    );
  });

  it('reports a missing document as not-found', () => {
    const { db } = tempProject();
    expect(() => getDocument(db, 999)).toThrow(expect.objectContaining({ kind: 'not-found' }));
    expect(() => updateDocumentMeta(db, 999, { title: 'x' })).toThrow(expect.objectContaining({ kind: 'not-found' }));
  });

  it('finds a document by where it came from', () => {
    const { db } = tempProject();
    expect(findDocumentByOrigin(db, 'sample:1')).toBeNull();
    const sample = createDocument(db, { meta: meta('Sample'), body: articleBody('x'), plainText: 'x', origin: 'sample:1' });
    addArticle(db);
    expect(findDocumentByOrigin(db, 'sample:1')).toEqual(sample);
  });

  it('uses the origin index for findDocumentByOrigin', () => {
    const { db } = tempProject();
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT id FROM documents d WHERE d.origin = ? ORDER BY d.id DESC LIMIT 1')
      .all('sample:1')
      .map((row) => (row as { detail: string }).detail)
      .join('\n');
    expect(plan).toContain('documents_by_origin');
  });
});
