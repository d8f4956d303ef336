import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { anchorQuote, describeRange } from '../../shared/anchoring';
import type { Claim, ClaimInput } from '../../shared/domain';
import { toWebAnnotationCollection } from '../../shared/export/web-annotation';
import { gatherBundle } from '../export/gather-bundle';
import { SAMPLE_ARTICLE } from '../sample/sample-article';
import {
  createClaim,
  createSource,
  createTag,
  deleteClaim,
  ensureProfile,
  getDocument,
  listClaims,
  listHistory,
  listSources,
  listTags,
  listVerdicts,
  reattachClaim,
  searchProject,
  setActor,
  updateDocumentMeta,
  updateVerdict,
} from '../store';
import { claimInput, dumpTables, sourceFields, speakerFields, tempProject } from '../store/test-support';
import { importText } from './import-article';
import { importAnnotations } from './import-annotations';
import { BULK_INDEX_THRESHOLD } from '../store/claims-bulk';

const FLOOD = [
  'Flood relief 🌊🚁 arrives late in Elswick',
  'Officials 👩‍⚕️ said 1 200 families 🏠 were evacuated by Tuesday, according to state television.',
  '据报道 the minister said the dam held 💧 and "no one was hurt", a claim the hospital disputes.',
  'Rescue crews 🚤 counted 37 people missing on Wednesday evening, the coastguard said.',
].join('\n\n');
const HOSTILE_NOTE = 'Check with desk </script><img src=x onerror=alert(1)> and <a href="javascript:alert(1)">this</a>';

/** Stores `text` as an article of `db` and returns the document id and its plain text. */
function addArticle(db: Database, text: string): { documentId: number; plainText: string } {
  const documentId = importText(db, text, 'flood.txt').id;
  return { documentId, plainText: getDocument(db, documentId).plainText };
}

/** Creates a claim on the first occurrence of `exact`, anchored as the editor anchors a selection. */
function claimOn(db: Database, documentId: number, exact: string, input: Partial<ClaimInput> = {}): Claim {
  const text = getDocument(db, documentId).plainText;
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in the article`);
  return createClaim(db, { documentId, anchor: describeRange(text, start, start + exact.length), input: claimInput(input) });
}

/** The W3C export of a document, notes and confidential sources included, as the bytes of a file. */
function exportFile(db: Database, documentId: number): Uint8Array {
  const bundle = gatherBundle(db, documentId, { includeNotes: true, includeConfidential: true }, { desk: 'Elswick Desk', generator: 'Claimdesk 0.1.0' });
  return new TextEncoder().encode(JSON.stringify(toWebAnnotationCollection(bundle), null, 2));
}

function fixture(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(__dirname, 'fixtures', name)));
}

/** What a user sees of a claim: where it is and its record, with tags, verdict and sources by name. */
function described(db: Database, claim: Claim) {
  const tags = new Map(listTags(db).map((t) => [t.id, t.path.join(' › ')]));
  const verdicts = new Map(listVerdicts(db).map((v) => [v.id, v.label]));
  return {
    exact: claim.anchor.exact,
    start: claim.anchor.start,
    end: claim.anchor.end,
    verdict: verdicts.get(claim.verdictId),
    confidence: claim.confidence,
    note: claim.note,
    tags: claim.tagIds.map((id) => tags.get(id)).sort(),
    sources: claim.sources.map((link) => link.source.url ?? link.source.title),
  };
}

/** A project holding the flood story with four claims (overlapping, nested, non-BMP text before them) and one in the bin. */
function projectA() {
  const { db } = tempProject();
  const profile = ensureProfile(db, { uid: 'p-a', name: 'Aida Sarsen', initials: 'AS', color: '#0969da' });
  setActor(db, profile.id);
  const { documentId } = addArticle(db, FLOOD);
  const casualties = createTag(db, { name: 'Casualties', parentId: null, color: '#cf222e' });
  const displaced = createTag(db, { name: 'Displaced', parentId: casualties.id, color: null });
  const evacuation = createTag(db, { name: 'Evacuation', parentId: null, color: null });
  const first = claimOn(db, documentId, '1 200 families 🏠 were evacuated by Tuesday', {
    verdictId: 2,
    confidence: 70,
    note: HOSTILE_NOTE,
    tagIds: [evacuation.id, displaced.id],
    sources: [
      { source: { newSource: sourceFields({ title: 'Evacuations: the day after', url: 'https://courier.example/flood-day-after', reliability: 'credible' }) }, role: 'supporting', pinpoint: 'para. 4' },
      { source: { newSource: sourceFields({ title: 'Call with shelter coordinator', confidential: true }) }, role: 'origin', pinpoint: null },
    ],
    attribution: { kind: 'according-to', chain: [{ speaker: { newSpeaker: speakerFields({ name: 'Interior Ministry', kind: 'government-body' }) }, role: 'said', reliability: 'mixed' }] },
    claimType: 'statistic',
  });
  const courier = first.sources[0]?.source.id as number;
  claimOn(db, documentId, 'were evacuated by Tuesday, according to state television', {
    verdictId: 4,
    confidence: 55,
    note: 'First line.\n\nSecond paragraph of the note.',
    tagIds: [displaced.id],
    sources: [{ source: { sourceId: courier }, role: 'context', pinpoint: null }],
  });
  claimOn(db, documentId, 'families 🏠', { verdictId: 1, confidence: 100 });
  claimOn(db, documentId, 'the dam held 💧 and "no one was hurt"', {
    verdictId: 5,
    confidence: 80,
    tagIds: [casualties.id],
    sources: [{ source: { newSource: sourceFields({ title: 'Statement on the Elswick dam', type: 'official-statement' }) }, role: 'contradicting', pinpoint: null }],
  });
  deleteClaim(db, claimOn(db, documentId, '37 people missing').id);
  return { db, documentId, profile };
}

describe('importing our own W3C export', () => {
  it('gives a fresh project holding the same article the same claims at the same places', () => {
    const a = projectA();
    const file = exportFile(a.db, a.documentId);
    const { db } = tempProject();
    const profile = ensureProfile(db, { uid: 'p-b', name: 'Lena Hartsby', initials: 'LH', color: '#336699' });
    setActor(db, profile.id);
    const { documentId } = addArticle(db, FLOOD);

    const report = importAnnotations(db, documentId, file, 'flood.jsonld');
    expect(report).toMatchObject({
      documentId,
      fileName: 'flood.jsonld',
      total: 4,
      created: 4,
      duplicates: 0,
      anchoredBy: { position: 4, quote: 0, fuzzy: 0 },
      orphans: [],
      skipped: [],
    });
    const original = listClaims(a.db, a.documentId);
    const imported = listClaims(db, documentId);
    expect(imported.map((c) => described(db, c))).toEqual(
      original.map((c) => ({
        ...described(a.db, c),
        // The export names a cited web page by its address only, so the new source is titled by it.
        sources: c.sources.map((link) => link.source.url ?? link.source.title),
      })),
    );
    // Anchors are described afresh from the same text: context included, they are identical.
    expect(imported.map((c) => c.anchor)).toEqual(original.map((c) => c.anchor));
    expect(imported.map((c) => c.importedFrom)).toEqual(original.map((c) => `urn:uuid:${c.uid}`));
    expect(new Set(imported.map((c) => c.uid)).size).toBe(4);
    expect(imported.find((c) => c.note === HOSTILE_NOTE)).toBeDefined();
    for (const claim of imported) expect(claim).toMatchObject({ createdBy: profile.id, status: 'open', claimType: null });
    expect(report.warnings).toEqual([
      '3 tags were created: “Casualties”, “Casualties › Displaced”, “Evacuation”.',
      '3 sources were added to the library: “https://courier.example/flood-day-after”, “Call with shelter coordinator”, “Statement on the Elswick dam”.',
    ]);
    expect(report.claimIds).toEqual(imported.map((c) => c.id).sort((x, y) => x - y));
    // Each claim, tag and source is created as the current actor, in the history like any other.
    const creates = listHistory(db).filter((e) => e.action === 'create');
    expect(creates.map((e) => e.entity).sort()).toEqual(['claim', 'claim', 'claim', 'claim', 'source', 'source', 'source', 'tag', 'tag', 'tag']);
    expect(creates.every((e) => e.actor?.id === profile.id)).toBe(true);
  });

  it('creates nothing when the same file is imported again, into either project', () => {
    const a = projectA();
    const file = exportFile(a.db, a.documentId);
    const { db } = tempProject();
    const { documentId } = addArticle(db, FLOOD);
    importAnnotations(db, documentId, file, 'flood.jsonld');

    const before = dumpTables(db);
    const again = importAnnotations(db, documentId, file, 'flood.jsonld');
    expect(again).toMatchObject({ total: 4, created: 0, duplicates: 4, anchoredBy: { position: 0, quote: 0, fuzzy: 0 }, orphans: [], warnings: [] });
    expect(dumpTables(db)).toEqual(before);

    // Back into the project it came from: its annotation ids are the uids of its own claims.
    const home = dumpTables(a.db);
    expect(importAnnotations(a.db, a.documentId, file, 'flood.jsonld')).toMatchObject({ created: 0, duplicates: 4 });
    expect(dumpTables(a.db)).toEqual(home);
  });

  it('recognises its own claims coming back through another desk (A → B → A), by the via of the copies', () => {
    const a = projectA();
    const { db } = tempProject();
    const { documentId } = addArticle(db, FLOOD);
    importAnnotations(db, documentId, exportFile(a.db, a.documentId), 'from-a.jsonld');
    const fromB = exportFile(db, documentId);
    const vias = (JSON.parse(new TextDecoder().decode(fromB)) as { first: { items: { id: string; via?: string }[] } }).first.items.map((item) => item.via);
    expect(vias.every((via) => via?.startsWith('urn:uuid:'))).toBe(true);

    const home = dumpTables(a.db);
    expect(importAnnotations(a.db, a.documentId, fromB, 'from-b.jsonld')).toMatchObject({ created: 0, duplicates: 4 });
    expect(dumpTables(a.db)).toEqual(home);
  });

  it('matches tags, sources and verdicts already in the project, case-insensitively, and never invents a verdict', () => {
    const a = projectA();
    const file = exportFile(a.db, a.documentId);
    const { db } = tempProject();
    const { documentId } = addArticle(db, FLOOD);
    const casualties = createTag(db, { name: 'casualties', parentId: null, color: null });
    const displaced = createTag(db, { name: 'displaced', parentId: casualties.id, color: null });
    const courier = createSource(db, sourceFields({ title: 'Courier story', url: 'https://courier.example/flood-day-after' }));
    updateVerdict(db, 2, { label: 'Probably true', color: '#4d9a2a' });
    updateVerdict(db, 5, { label: 'FALSE', color: '#cf222e' });

    const report = importAnnotations(db, documentId, file, 'flood.jsonld');
    const claims = listClaims(db, documentId);
    const evacuated = claims.find((c) => c.anchor.exact.startsWith('1 200 families'));
    expect(evacuated?.verdictId).toBe(3); // "Likely true" is not on this scale: the default, "Unproven"
    expect(evacuated?.rationale).toBe('Verdict in the imported file: Likely true');
    expect(evacuated?.tagIds).toContain(displaced.id);
    expect(evacuated?.sources[0]?.source.id).toBe(courier.id);
    expect(claims.find((c) => c.anchor.exact.startsWith('the dam held'))).toMatchObject({ verdictId: 5, tagIds: [casualties.id], rationale: null });
    expect(report.warnings).toContain('The verdict “Likely true” is not on this project\'s scale: 1 claim got “Unproven” instead, with that label kept in the rationale.');
    expect(report.warnings).toContain('A tag was created: “Evacuation”.');
    expect(listVerdicts(db)).toHaveLength(6);
    expect(listSources(db).map((s) => s.title).sort()).toEqual(['Call with shelter coordinator', 'Courier story', 'Statement on the Elswick dam']);
  });
});

describe('importing into an article that changed', () => {
  it('places by position, quote and fuzzy quote, and keeps what it cannot find as an orphan', () => {
    const a = projectA();
    const file = exportFile(a.db, a.documentId);
    const paragraphs = FLOOD.split('\n\n');
    const changed = [
      paragraphs[0],
      'Editor’s note: this story was updated on Thursday with figures from the coastguard 🚢.',
      paragraphs[1]?.replace('1 200 families', '1 350 families'),
      paragraphs[2],
      'Rescue crews 🚤 were still searching on Wednesday evening, the coastguard said.',
    ].join('\n\n');
    const { db } = tempProject();
    const { documentId, plainText } = addArticle(db, changed);
    // A claim in the first paragraph keeps its place: it comes before the edits.
    claimOn(a.db, a.documentId, 'arrives late in Elswick', { verdictId: 3 });
    const before = exportFile(a.db, a.documentId);
    expect(before).not.toEqual(file);

    const report = importAnnotations(db, documentId, before, 'flood.jsonld');
    expect(report).toMatchObject({ total: 5, created: 5, anchoredBy: { position: 1, quote: 3, fuzzy: 1 }, skipped: [] });
    const claims = listClaims(db, documentId);
    const quoted = (c: Claim) => plainText.slice(c.anchor.start, c.anchor.end);
    expect(claims.map((c) => c.anchor.exact === quoted(c))).toEqual([true, true, true, true, true]);
    expect(claims.map(quoted)).toContain('1 350 families 🏠 were evacuated by Tuesday');
    expect(report.orphans).toEqual([]);
  });

  it('lists an annotation whose quote is gone as an orphan: the claim exists, unplaced, and can be attached', () => {
    const a = projectA();
    const doomed = claimOn(a.db, a.documentId, '37 people missing on Wednesday evening', { note: 'ask the coastguard' });
    const file = exportFile(a.db, a.documentId);
    const { db } = tempProject();
    const cut = FLOOD.replace('counted 37 people missing on Wednesday evening', 'searched the river banks');
    const { documentId, plainText } = addArticle(db, cut);

    const report = importAnnotations(db, documentId, file, 'flood.jsonld');
    expect(report.created).toBe(5);
    expect(report.orphans).toHaveLength(1);
    const orphan = listClaims(db, documentId).find((c) => c.id === report.orphans[0]?.claimId);
    expect(report.orphans[0]?.exact).toBe('37 people missing on Wednesday evening');
    expect(orphan).toMatchObject({ note: 'ask the coastguard', anchor: { exact: doomed.anchor.exact, prefix: doomed.anchor.prefix, suffix: doomed.anchor.suffix } });
    // The renderer places claims with the same anchoring: it finds nothing either.
    expect(anchorQuote(plainText, orphan!.anchor)).toBeNull();
    expect(orphan!.anchor.end).toBeLessThanOrEqual(plainText.length);

    const at = plainText.indexOf('searched the river banks');
    const attached = reattachClaim(db, orphan!.id, describeRange(plainText, at, at + 'searched the river banks'.length));
    expect(anchorQuote(plainText, attached.anchor)).toMatchObject({ method: 'position' });
    // Attaching it does not make the annotation importable again.
    expect(importAnnotations(db, documentId, file, 'flood.jsonld')).toMatchObject({ created: 0, duplicates: 5 });
  });
});

describe('importing other tools’ annotations', () => {
  function verano() {
    const { db } = tempProject();
    const documentId = importText(db, SAMPLE_ARTICLE, 'verano.txt').id;
    return { db, documentId, plainText: getDocument(db, documentId).plainText };
  }

  it('reads a Hypothesis search result: quotes, text as the note, tags; page notes and replies skipped', () => {
    const { db, documentId, plainText } = verano();
    const report = importAnnotations(db, documentId, fixture('hypothesis-search.json'), 'hypothesis.json');
    expect(report).toMatchObject({
      total: 5,
      created: 5,
      duplicates: 0,
      anchoredBy: { position: 0, quote: 3, fuzzy: 1 },
      orphans: [{ exact: 'The curfew in Saltera will be lifted on Monday' }],
      skipped: [
        { index: 2, reason: 'it annotates a whole page, not a passage (a page note)' },
        { index: 3, reason: 'it is a reply to another annotation' },
      ],
    });
    const claims = listClaims(db, documentId).map((c) => ({ ...described(db, c), importedFrom: c.importedFrom, placed: plainText.slice(c.anchor.start, c.anchor.end) }));
    expect(claims.find((c) => c.importedFrom === 'Qm3vYfE2EfG1bT9hN0xK2w')).toMatchObject({
      placed: 'At least 38 people have been killed since Tuesday',
      tags: ['casualties', 'needs-check'],
      note: 'Ministry figure. The opposition monitoring group says 61 — ask both for their lists.',
      verdict: 'Unproven',
      confidence: 50,
      sources: [],
    });
    // Markdown and markup are kept as written: the note is plain text.
    expect(claims.find((c) => c.importedFrom === 'R0a9XfE2EfGv7xN3pV5u1A')?.note).toBe(
      "**Check** with the lawyers' association, see <https://lawyers.example/verano> <script>alert(1)</script>",
    );
    expect(claims.find((c) => c.importedFrom === 'U3d2agE2EfG4eW2kQ3aN5z')?.placed).toBe('the main trauma ward had received more than 90 people');
    expect(claims.find((c) => c.importedFrom === 'W5f4ciE2EfG6gY4mS5cP7b')).toMatchObject({ placed: 'shoot-to-kill order', note: null, tags: ['Orders'] });
    expect(report.warnings).toContain('5 claims had no verdict in the file and got “Unproven”.');
    expect(report.warnings).toContain('4 tags were created: “casualties”, “needs-check”, “Arrests”, “Orders”.');
  });

  it('says so when the annotations were made on another page than the article’s address', () => {
    const { db, documentId } = verano();
    updateDocumentMeta(db, documentId, { url: 'https://mirror.example/verano' });
    const report = importAnnotations(db, documentId, fixture('hypothesis-search.json'), 'hypothesis.json');
    expect(report.warnings).toContain(
      "The annotations in this file were made on https://wire.example/2026/03/14/verano-unrest, not on this article's address (https://mirror.example/verano); they were placed on its text all the same.",
    );
  });

  it('reads the Hypothesis client’s export and a bare list of Hypothesis annotations the same way', () => {
    const rows = (JSON.parse(new TextDecoder().decode(fixture('hypothesis-search.json'))) as { rows: unknown[] }).rows;
    for (const file of [{ export_date: '2026-03-16T10:00:00Z', export_userid: 'acct:lena_h@hypothes.is', client_version: '1.1500.0', annotations: rows }, rows]) {
      const { db, documentId } = verano();
      const report = importAnnotations(db, documentId, new TextEncoder().encode(JSON.stringify(file)), 'hypothesis.json');
      expect(report).toMatchObject({ total: 5, created: 5, anchoredBy: { quote: 3, fuzzy: 1 } });
    }
  });

  it('reads Recogito’s W3C export: classifying and tagging bodies as tags, comments and replies as the note, identified places as sources', () => {
    const { db, documentId } = verano();
    const report = importAnnotations(db, documentId, fixture('recogito-annotations.jsonld'), 'recogito.jsonld');
    expect(report).toMatchObject({
      total: 3,
      created: 3,
      anchoredBy: { position: 3, quote: 0, fuzzy: 0 },
      orphans: [],
      skipped: [{ index: 2, reason: 'it has no text quote (only other kinds of selector)' }],
    });
    const claims = listClaims(db, documentId).map((c) => described(db, c));
    expect(claims).toEqual([
      expect.objectContaining({ exact: 'Saltera', tags: ['PLACE', 'location'], note: 'Port city; about 400,000 people by the 2020 census.', sources: ['https://gazetteer.example/places/saltera'] }),
      expect.objectContaining({ exact: 'Order will be restored in Saltera by Sunday, whatever it takes', tags: ['Officials', 'quote'], note: null }),
      expect.objectContaining({ exact: 'Tomas Edvin', tags: ['PERSON'], note: 'President since 2019.\n\nRe-elected 2024, check the date.' }),
    ]);
    expect(importAnnotations(db, documentId, fixture('recogito-annotations.jsonld'), 'recogito.jsonld')).toMatchObject({ created: 0, duplicates: 3 });
  });

  it('recognises an annotation without an id by its content, whatever the order of its keys', () => {
    const { db, documentId } = verano();
    const annotation = {
      type: 'Annotation',
      body: { type: 'TextualBody', value: 'Check the census.', purpose: 'commenting' },
      target: { selector: { type: 'TextQuoteSelector', exact: 'Saltera' } },
    };
    const reordered = { target: { selector: { exact: 'Saltera', type: 'TextQuoteSelector' } }, body: { purpose: 'commenting', value: 'Check the census.', type: 'TextualBody' }, type: 'Annotation' };
    const first = importAnnotations(db, documentId, new TextEncoder().encode(JSON.stringify(annotation)), 'one.json');
    expect(first).toMatchObject({ created: 1, anchoredBy: { quote: 1 } });
    expect(listClaims(db, documentId)[0]?.importedFrom).toMatch(/^sha256:[0-9a-f]{64}$/u);
    expect(importAnnotations(db, documentId, new TextEncoder().encode(JSON.stringify([reordered])), 'two.json')).toMatchObject({ created: 0, duplicates: 1 });
  });

  it('counts an annotation imported before and deleted since as a duplicate, and says it is in the bin', () => {
    const { db, documentId } = verano();
    const report = importAnnotations(db, documentId, fixture('recogito-annotations.jsonld'), 'recogito.jsonld');
    deleteClaim(db, report.claimIds[0] as number);
    const again = importAnnotations(db, documentId, fixture('recogito-annotations.jsonld'), 'recogito.jsonld');
    expect(again).toMatchObject({ created: 0, duplicates: 3 });
    expect(again.warnings).toEqual(['One annotation was imported before and is a claim in the bin now; restore it from the bin to see it again.']);
  });

  it('imports a file of many annotations as one batch: every claim placed, recorded and found by search', () => {
    const { db, documentId, plainText } = verano();
    const found = [...plainText.matchAll(/[A-Za-z]{4,}/gu)];
    const words = Array.from({ length: BULK_INDEX_THRESHOLD + 100 }, (_, i) => found[i % found.length]!);
    const annotation = (match: RegExpMatchArray, i: number) => ({
      type: 'Annotation',
      id: `https://hypothes.is/a/bulk-${i}`,
      target: { selector: [{ type: 'TextQuoteSelector', exact: match[0] }, { type: 'TextPositionSelector', start: match.index, end: match.index! + match[0].length }] },
      body: [{ type: 'TextualBody', purpose: 'commenting', value: `Bulk note ${i}` }],
    });
    const file = (list: unknown[]) => new TextEncoder().encode(JSON.stringify(list));
    const report = importAnnotations(db, documentId, file(words.map(annotation)), 'many.json');
    expect(report).toMatchObject({ total: words.length, created: words.length, duplicates: 0, orphans: [] });
    expect(listClaims(db, documentId).map((c) => c.anchor.exact).sort()).toEqual(words.map((m) => m[0]).sort());
    expect(listHistory(db, { limit: 10_000 }).filter((e) => e.entity === 'claim' && e.action === 'create')).toHaveLength(words.length);
    const last = words.length - 1;
    expect(searchProject(db, `bulk note ${last}`).map((hit) => hit.claimId)).toEqual([report.claimIds[last]]);
    db.prepare("INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)").run();
  });
});
