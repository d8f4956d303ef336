import fc from 'fast-check';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ANNOTATIONS } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { getDocument, listClaims, listSources, listTags } from '../store';
import { addArticle, addClaim, ARTICLE_TEXT, expectRefused, tempProject } from '../store/test-support';
import { importAnnotations } from './import-annotations';

const encode = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown) => encode(JSON.stringify(value));

/** A W3C annotation of `exact` in the test article, with `extra` fields merged in. */
function annotation(exact: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'Annotation',
    target: { source: 'https://news.example/unrest', selector: [{ type: 'TextQuoteSelector', exact }] },
    ...extra,
  };
}

/** A project with the test article and a claim on it, so "nothing changed" means something. */
function project(): { db: Database; documentId: number } {
  const { db } = tempProject();
  const documentId = addArticle(db);
  addClaim(db, documentId, '14 people', { note: 'first' });
  return { db, documentId };
}

describe('refusing malformed and hostile files, with the project unchanged', () => {
  const refusals: [string, () => Uint8Array, 'bad-file' | 'too-large', RegExp][] = [
    // Where the engine's parser says where it failed, the message says so too (line and column).
    ['text that is not JSON', () => encode('Police said 14 people {'), 'bad-file', /^This file is not JSON( \(the first mistake is on line 1, column 1\))?\.$/u],
    ['JSON with a syntax error on line 3', () => encode('[\n  {"type": "Annotation"},\n  {"type": }\n]'), 'bad-file', /^This file is not JSON( \(the first mistake is on line 3, column 12\))?\.$/u],
    ['an empty file', () => new Uint8Array(), 'bad-file', /empty/u],
    ['white space', () => encode(' \n\t '), 'bad-file', /empty/u],
    ['JSON null', () => encode('null'), 'bad-file', /^No annotations found in this file: it holds null/u],
    ['a number', () => encode('42'), 'bad-file', /No annotations found in this file: it holds a number/u],
    ['a string', () => encode('"urn:uuid:1"'), 'bad-file', /No annotations found in this file: it holds text/u],
    ['an empty list', () => encode('[]'), 'bad-file', /No annotations found in this file: its list of annotations is empty/u],
    ['an empty object', () => encode('{}'), 'bad-file', /No annotations found in this file: it is JSON, but neither/u],
    ['an empty collection', () => json({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [] } }), 'bad-file', /No annotations found/u],
    ['a collection whose pages are elsewhere', () => json({ type: 'AnnotationCollection', first: 'https://anno.example/page1' }), 'bad-file', /pages of annotations, which are elsewhere/u],
    ['rows that are not a list', () => json({ total: 1, rows: { id: 'x' } }), 'bad-file', /its “rows” is an object, not a list/u],
    ['arrays nested 100,000 deep', () => encode(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), 'bad-file', /nests lists and objects more than 64 deep/u],
    ['objects nested in a body 70 deep', () => json([annotation('Tuesday', { body: JSON.parse(`${'{"a":'.repeat(70)}1${'}'.repeat(70)}`) as unknown })]), 'bad-file', /more than 64 deep/u],
    ['100,000 annotations', () => encode(`[${Array.from({ length: 100_000 }, () => '{"type":"Annotation"}').join(',')}]`), 'too-large', /holds 100,000 annotations; Claimdesk imports up to 50,000/u],
    ['a file over 20 MB', () => new Uint8Array(21 * 1024 * 1024).fill(0x20), 'too-large', /up to 20 MB/u],
    ['a PNG image', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'bad-file', /PNG/u],
    ['Latin-1 text', () => new Uint8Array([0x5b, 0x22, 0x43, 0x61, 0x66, 0xe9, 0x22, 0x5d]), 'bad-file', /not valid UTF-8/u],
    ['an annotation that is a number', () => json([annotation('Tuesday'), 7]), 'bad-file', /^Annotation 2 cannot be read: it is a number, not an object\.$/u],
    ['a quote that is not text', () => json([annotation('Tuesday'), annotation(42 as never)]), 'bad-file', /^Annotation 2 cannot be read: the quote \(exact\) must be text\.$/u],
    ['a prefix that is a list', () => json([{ type: 'Annotation', target: { selector: { type: 'TextQuoteSelector', exact: 'Tuesday', prefix: ['on'] } } }]), 'bad-file', /the text before the quote \(prefix\) must be text/u],
    ['an id that is a number', () => json([annotation('Tuesday', { id: 12 })]), 'bad-file', /Annotation 1 cannot be read: its id must be text/u],
    ['Hypothesis tags that are not a list', () => json({ rows: [annotation('Tuesday', { tags: 'casualties' })] }), 'bad-file', /its tags must be a list of text/u],
    ['a body value that is not text', () => json([annotation('Tuesday', { body: { type: 'TextualBody', purpose: 'commenting', value: { html: '<b>' } } })]), 'bad-file', /the value of a body must be text/u],
    ['a body that is a number', () => json([annotation('Tuesday', { body: [1] })]), 'bad-file', /a body is a number, not an object/u],
    ['a quote longer than 20,000 characters', () => json([annotation('x'.repeat(20_001))]), 'bad-file', /^Annotation 1 has a quote longer than 20,000 characters\.$/u],
    ['a quote longer than the article', () => json([annotation('Tuesday'), annotation(`${ARTICLE_TEXT} and more`)]), 'bad-file', /^Annotation 2 has a quote longer than the whole article/u],
    ['a note of a million characters', () => json([annotation('Tuesday', { bodyValue: 'n'.repeat(1_000_000) })]), 'bad-file', /notes longer than 20,000 characters/u],
    ['a tag of 200 characters', () => json([annotation('Tuesday', { body: { purpose: 'tagging', value: 't'.repeat(200) } })]), 'bad-file', /a tag longer than 100 characters/u],
    ['a tag path 11 deep', () => json([annotation('Tuesday', { body: { purpose: 'tagging', value: Array.from({ length: 11 }, (_, i) => `T${i}`).join(' › ') } })]), 'bad-file', /nested more than 10 levels/u],
    ['an id of 5,000 characters', () => json([annotation('Tuesday', { id: `urn:x:${'i'.repeat(5000)}` })]), 'bad-file', /its id is longer than 2048 characters/u],
    ['a good annotation, then a bad one', () => json([annotation('Tuesday', { body: { purpose: 'tagging', value: 'New tag' } }), annotation('killed', { body: { purpose: 'tagging', value: 'x'.repeat(101) } })]), 'bad-file', /Annotation 2 has a tag longer/u],
  ];

  it.each(refusals)('refuses %s', (_label, file, kind, message) => {
    const { db, documentId } = project();
    expectRefused(db, () => importAnnotations(db, documentId, file(), 'hostile.json'), kind, message);
  });

  it('refuses a document that does not exist', () => {
    const { db } = project();
    expectRefused(db, () => importAnnotations(db, 99, json([annotation('Tuesday')]), 'a.json'), 'not-found');
  });

  it('caps the number of annotations at the domain limit', () => {
    expect(MAX_IMPORT_ANNOTATIONS).toBe(50_000);
  });
});

describe('importing hostile content sanely', () => {
  it('ignores __proto__ and constructor keys: nothing is polluted, the annotation imports', () => {
    const { db, documentId } = project();
    const text =
      '[{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "type": "Annotation",' +
      ' "target": {"__proto__": {"selector": 1}, "selector": {"type": "TextQuoteSelector", "exact": "Tuesday", "__proto__": {"exact": 5}}},' +
      ' "body": [{"purpose": "tagging", "value": "__proto__"}, {"purpose": "tagging", "value": "constructor"}, {"__proto__": {"value": 3}, "purpose": "commenting", "value": "ok"}]}]';
    const report = importAnnotations(db, documentId, encode(text), 'proto.json');
    expect(report).toMatchObject({ created: 1, skipped: [] });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const claim = listClaims(db, documentId).find((c) => c.importedFrom !== null);
    expect(claim?.note).toBe('ok');
    expect(listTags(db).map((t) => t.name).sort()).toEqual(['__proto__', 'constructor']);
  });

  it('takes positions that are negative, fractional, huge, infinite or text as no hint at all', () => {
    const { db, documentId } = project();
    const positions = [-5, 3.5, 1e15, '12', null, { start: 1 }];
    const file = [
      ...positions.map((start) => annotation('Tuesday', { id: `urn:x:${JSON.stringify(start)}`, target: { selector: [{ type: 'TextQuoteSelector', exact: 'Tuesday' }, { type: 'TextPositionSelector', start, end: 10 }] } })),
    ];
    // JSON has no NaN or Infinity, but 1e400 parses as Infinity.
    const text = JSON.stringify(file).replace(/^\[/u, '[{"id":"urn:x:inf","type":"Annotation","target":{"selector":[{"type":"TextQuoteSelector","exact":"Tuesday"},{"type":"TextPositionSelector","start":1e400,"end":-1e400}]}},');
    const report = importAnnotations(db, documentId, encode(text), 'positions.json');
    expect(report).toMatchObject({ total: 7, created: 7, anchoredBy: { position: 0, quote: 7, fuzzy: 0 }, orphans: [] });
    const tuesday = ARTICLE_TEXT.indexOf('Tuesday');
    for (const claim of listClaims(db, documentId).filter((c) => c.importedFrom !== null)) {
      expect(claim.anchor).toMatchObject({ start: tuesday, end: tuesday + 7 });
    }
  });

  it('stores markup and javascript: links in notes as plain text, and never makes a javascript: URL a source', () => {
    const { db, documentId } = project();
    const note = '</script><script>alert(1)</script><img src=x onerror=alert(1)> <a href="javascript:alert(1)">x</a>';
    const report = importAnnotations(
      db,
      documentId,
      json([
        annotation('Tuesday', {
          body: [
            { type: 'TextualBody', purpose: 'commenting', value: note, format: 'text/html' },
            { type: 'SpecificResource', purpose: 'identifying', source: 'javascript:alert(document.cookie)' },
            { type: 'TextualBody', purpose: 'identifying', value: 'data:text/html,<script>alert(1)</script>' },
            'javascript:alert(2)',
          ],
        }),
      ]),
      'markup.json',
    );
    expect(report.created).toBe(1);
    expect(listClaims(db, documentId).find((c) => c.importedFrom !== null)).toMatchObject({ note, sources: [] });
    expect(listSources(db)).toEqual([]);
  });

  it('reports a file of page notes and replies only as all skipped, creating nothing', () => {
    const { db, documentId } = project();
    const report = importAnnotations(
      db,
      documentId,
      json({ rows: [{ id: 'a', text: 'page note', target: [{ source: 'https://news.example/unrest' }] }, { id: 'b', references: ['a'], text: 'reply' }, { id: 'c', type: 'Annotation' }, { id: 'd', type: 'AnnotationPage' }] }),
      'notes.json',
    );
    expect(report).toMatchObject({ total: 0, created: 0, duplicates: 0 });
    expect(report.skipped).toEqual([
      { index: 0, reason: 'it annotates a whole page, not a passage (a page note)' },
      { index: 1, reason: 'it is a reply to another annotation' },
      { index: 2, reason: 'it has no target' },
      { index: 3, reason: 'it is not an annotation (its type is “AnnotationPage”)' },
    ]);
    expect(listClaims(db, documentId)).toHaveLength(1);
  });

  it('accepts UTF-16 with a byte-order mark, and JSON without @context', () => {
    const { db, documentId } = project();
    const text = JSON.stringify([annotation('Tuesday')]);
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expect(importAnnotations(db, documentId, bytes, 'utf16.json').created).toBe(1);
  });
});

describe('any JSON at all', () => {
  const keys = fc.constantFrom(
    'id', '@id', 'type', '@type', 'motivation', 'body', 'bodyValue', 'target', 'selector', 'source', 'exact', 'prefix', 'suffix',
    'start', 'end', 'purpose', 'value', 'tags', 'text', 'references', 'rows', 'annotations', 'items', 'first', 'next', 'generator',
    '__proto__', 'constructor',
  );
  const leaves = [
    fc.constantFrom('Annotation', 'AnnotationCollection', 'AnnotationPage', 'TextQuoteSelector', 'TextPositionSelector', 'TextualBody',
      'SpecificResource', 'tagging', 'commenting', 'assessing', 'identifying', 'describing', 'classifying', 'replying', 'Tuesday',
      'killed', 'urn:claimdesk:software', 'https://a.example/x', 'Unproven (confidence 40%)', 'A › B', ''),
    fc.integer({ min: -5, max: 200 }),
    fc.double(),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
  ];
  const annotationLike = fc.object({ key: keys, values: leaves, maxDepth: 5, maxKeys: 6 });

  /** Runs the import; anything but an AppError fails the property. */
  function importsOrRefuses(db: Database, documentId: number, bytes: Uint8Array): void {
    try {
      importAnnotations(db, documentId, bytes, 'random.json');
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }

  it('never fails with anything but an AppError, for arbitrary JSON values', () => {
    const { db, documentId } = project();
    fc.assert(fc.property(fc.jsonValue(), (value) => importsOrRefuses(db, documentId, json(value))), { numRuns: 300 });
  });

  it('never fails with anything but an AppError, for annotation-shaped values', () => {
    const { db, documentId } = project();
    const files = fc.oneof(annotationLike, fc.array(annotationLike, { maxLength: 5 }));
    fc.assert(fc.property(files, (value) => importsOrRefuses(db, documentId, json(value))), { numRuns: 300 });
    // Whatever was imported is whole: every claim is on the document, inside its text.
    const text = getDocument(db, documentId).plainText;
    for (const claim of listClaims(db, documentId, { includeDeleted: true })) {
      expect(claim.anchor.end).toBeLessThanOrEqual(text.length);
      expect(claim.anchor.end - claim.anchor.start).toBe(claim.anchor.exact.length);
    }
  });

  it('never fails with anything but an AppError, for arbitrary bytes', () => {
    const { db, documentId } = project();
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => importsOrRefuses(db, documentId, bytes)), { numRuns: 300 });
  });
});
