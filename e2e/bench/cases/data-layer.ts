/**
 * The data-layer cases of the benchmark: bulk import of claims, creating one claim, and the
 * queries the desk runs all day, each against raw better-sqlite3 on the same schema in the same
 * run.
 *
 * The desk is generated from the seed: documents of newsroom prose (about 1,000 claims each),
 * a tag tree, a source library, and claims on sentence spans with selectors, tags, sources and
 * notes. Every project is a real file in a temporary folder, opened as the app opens it (WAL,
 * synchronous FULL, foreign keys) and migrated by the real migrations; the peers open copies of
 * the same files with plain better-sqlite3 and the same pragmas.
 *
 * - bulk-import: ours is createClaims per document inside one transaction; the peer runs plain
 *   prepared INSERTs of the same rows (claims, their tags and sources, a history entry each)
 *   in one transaction, with the schema's triggers doing what they do.
 * - create-claim: ours is createClaim (validation, links, history, the claim read back); the
 *   peer one prepared INSERT of a claim row. The IPC round trip (the real dispatcher and
 *   handlers, argument validation included, in process) is a row of its own, without a target.
 * - queries: each store function against the SQL it issues, prepared once and run raw (rows as
 *   arrays, as the store reads them).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SNIPPET_CLOSE, SNIPPET_OPEN, type ClaimInput, type TextAnchor } from '../../../shared/domain';
import { createDispatcher } from '../../../main/ipc/dispatcher';
import { createHandlers } from '../../../main/ipc/handlers';
import { fileSettingsStore } from '../../../main/settings/app-settings';
import { closeProject, createClaim, createClaims, createDocument, openProject, searchProject, toFtsQuery, type NewClaimItem } from '../../../main/store';
import { SEARCH_CANDIDATES, SEARCH_SQL } from '../../../main/store/search';
import { claimFilterQuery, filterClaims } from '../../../main/store/claim-filter';
import { LIST_CLAIMS_SQL, listClaims } from '../../../main/store/claims';
import { HOPS_SQL, SOURCE_LINKS_SQL, SOURCE_SUMMARIES_SQL, TAGS_SQL } from '../../../main/store/claim-read';
import { createSource } from '../../../main/store/sources';
import { createTag } from '../../../main/store/tags';
import { prng, result, sample, stats, type BenchCase, type BenchContext, type CaseResult } from '../harness';

// ---------------------------------------------------------------------------------------------
// The generated desk

const WORDS = (
  'police said people were killed capital tuesday minister denied order given protesters hospital officials ' +
  'according statement government army troops city streets reported wounded arrested opposition spokesman ' +
  'ministry health interior night curfew crowd gathered square witnesses told reporters television state ' +
  'security forces fired tear gas rubber bullets live ammunition dozens hundreds thousands province border ' +
  'election commission results vote counting president parliament budget billion percent inflation prices ' +
  'fuel bread shortages strike union workers teachers doctors nurses students university campus rally ' +
  'march bridge river flood rescue crews missing families evacuated shelters water electricity network ' +
  'internet blackout journalists detained released charges court judge trial hearing lawyer appeal verdict ' +
  'sentence prison camp refugees aid agency convoy trucks food medicine vaccine outbreak cases deaths toll ' +
  'figure estimate survey poll analysts economists bank currency exports oil gas pipeline contract deal'
).split(' ');
/** Rarer words (names, places, terms), made from syllables: most text is common words, the rest spread over many rare ones. */
const SYLLABLES = ['ka', 'lo', 'mer', 'tan', 'vi', 'sor', 'del', 'un', 'bra', 'quin', 'os', 'te', 'ril', 'gan', 'fe', 'zu'];
const RARE = Array.from({ length: 3000 }, (_, i) => {
  let word = '';
  for (let n = i + 17; word.length < 7; n = Math.floor(n / SYLLABLES.length) + 3) word += SYLLABLES[n % SYLLABLES.length];
  return `${word}${i % 7 === 0 ? '' : String.fromCharCode(97 + (i % 26))}`;
});
const CAPITALISED = ['Elswick', 'Northam', 'Corran', 'Vesh', 'Talmar', 'Brisk', 'Okonye', 'Maren', 'Duval', 'Haskett'];
const PARAGRAPH_CHARS = 420;

interface Desk {
  readonly documents: readonly { id: number; text: string }[];
  readonly tagIds: readonly number[];
  /** Tags in the middle of the frequency range (a typical tag to filter by). */
  readonly typicalTags: readonly number[];
  readonly sourceIds: readonly number[];
  /** Claims per document, in document order. */
  readonly items: readonly (readonly NewClaimItem[])[];
  readonly claims: number;
}

interface Size {
  readonly documents: number;
  readonly claimsPerDocument: number;
  readonly documentChars: number;
  readonly tags: number;
  readonly sources: number;
}

const FULL: Size = { documents: 100, claimsPerDocument: 1000, documentChars: 40_000, tags: 240, sources: 400 };
const SMOKE: Size = { documents: 3, claimsPerDocument: 100, documentChars: 6_000, tags: 24, sources: 20 };

function sizeOf(ctx: BenchContext): Size {
  return ctx.smoke ? SMOKE : FULL;
}

function sentence(random: () => number): string {
  const n = 10 + Math.floor(random() * 16);
  const words: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const r = random();
    words.push(
      r < 0.08 ? CAPITALISED[Math.floor(random() * CAPITALISED.length)]!
        : r < 0.7 ? WORDS[Math.floor(random() * WORDS.length)]!
          : RARE[Math.floor(RARE.length * random() ** 2)]!,
    );
    if (random() < 0.05) words.push(String(Math.floor(random() * 2000)));
  }
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function article(random: () => number, chars: number): string {
  const paragraphs: string[] = [];
  let length = 0;
  while (length < chars) {
    let paragraph = '';
    while (paragraph.length < PARAGRAPH_CHARS) paragraph += (paragraph === '' ? '' : ' ') + sentence(random);
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

function body(text: string) {
  return { type: 'doc', content: text.split('\n\n').map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) };
}

/** A span of whole words inside one paragraph of `text`, described as the editor describes a selection. */
function anchorIn(random: () => number, text: string): TextAnchor {
  for (;;) {
    let start = Math.floor(random() * (text.length - 200));
    while (start > 0 && text[start - 1] !== ' ' && text[start - 1] !== '\n') start -= 1;
    let end = start + 20 + Math.floor(random() * 100);
    while (end < text.length && /[\p{L}\p{N}]/u.test(text[end]!)) end += 1;
    const exact = text.slice(start, end);
    if (exact.includes('\n') || exact.trim() !== exact || exact === '') continue;
    return { exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32), start, end };
  }
}

/** Picks by a skewed distribution (a few tags and sources are much commoner than the rest). */
function skewed<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(list.length * random() ** 2)]!;
}

function claimItem(random: () => number, text: string, tagIds: readonly number[], sourceIds: readonly number[]): NewClaimItem {
  const tags = new Set<number>();
  const tagCount = Math.floor(random() * 4);
  for (let i = 0; i < tagCount; i += 1) tags.add(skewed(random, tagIds));
  const sources = new Set<number>();
  const sourceCount = Math.floor(random() * 3);
  for (let i = 0; i < sourceCount; i += 1) sources.add(skewed(random, sourceIds));
  const input: ClaimInput = {
    sources: [...sources].map((sourceId, i) => ({ source: { sourceId }, role: i === 0 ? 'origin' : 'supporting', pinpoint: null })),
    attribution: { kind: 'according-to', chain: [] },
    claimType: random() < 0.5 ? 'statistic' : null,
    verdictId: 1 + Math.floor(random() * 6),
    confidence: Math.floor(random() * 101),
    rationale: null,
    status: 'open',
    note: random() < 0.6 ? `${sentence(random)} ${sentence(random)}` : null,
    tagIds: [...tags],
    newTags: [],
  };
  return { anchor: anchorIn(random, text), input };
}

/** Makes a migrated project at `file` with the desk's documents, tags and sources (no claims yet). */
function makeDesk(ctx: BenchContext, file: string): Desk {
  const size = sizeOf(ctx);
  const random = prng(ctx.seed);
  const db = openProject(file, { create: true });
  try {
    return db.transaction((): Desk => {
      const documents = Array.from({ length: size.documents }, (_, i) => {
        const text = article(random, size.documentChars);
        const id = createDocument(db, {
          meta: { title: `Desk story ${i + 1}`, publication: 'Wire', author: null, url: null, publishedOn: null },
          body: body(text),
          plainText: text,
        }).id;
        return { id, text };
      });
      const tagIds: number[] = [];
      const parents = new Set<number>();
      const top = Math.max(1, Math.floor(size.tags / 8));
      for (let i = 0; i < top; i += 1) {
        const parent = createTag(db, { name: `Topic ${i + 1}`, parentId: null, color: null }).id;
        tagIds.push(parent);
        parents.add(parent);
        for (let j = 1; j < size.tags / top; j += 1) tagIds.push(createTag(db, { name: `Subtopic ${j}`, parentId: parent, color: null }).id);
      }
      const sourceIds = Array.from({ length: size.sources }, (_, i) =>
        createSource(db, {
          type: 'news-article', title: `${sentence(random).slice(0, 60)} (${i + 1})`, publisher: CAPITALISED[i % CAPITALISED.length]!, authors: [],
          issued: null, accessed: null, url: `https://news.example/${i + 1}`, language: 'en', notes: null, reliability: 'unknown',
          reliabilityReason: null, confidential: false,
        }).id,
      );
      const items = documents.map((d) => Array.from({ length: size.claimsPerDocument }, () => claimItem(random, d.text, tagIds, sourceIds)));
      // The tag picked by `skewed` at the middle of its range: a tag of typical use, neither the
      // commonest nor one that no claim has; a leaf (a sub-tag: the first at or after that place),
      // so the filter's tree walk stays short and the case measures one tag's claims, not a
      // topic's eight tags' (the middle of the list is a topic).
      const typicalTags = [0.45, 0.5, 0.55].map((q) => tagIds.slice(Math.floor(tagIds.length * q)).find((id) => !parents.has(id))!);
      return { documents, tagIds, typicalTags, sourceIds, items, claims: size.documents * size.claimsPerDocument };
    })();
  } finally {
    closeProject(db);
  }
}

/** Opens a copy of a project with plain better-sqlite3, configured as openProject configures it. */
function openRaw(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  return db;
}

function copyProject(from: string, to: string): void {
  fs.copyFileSync(from, to);
}

/** The temporary folder of this run, removed when the process exits. */
let folder: string | null = null;
function tempFolder(): string {
  if (folder === null) {
    const made = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-'));
    folder = made;
    process.on('exit', () => fs.rmSync(made, { recursive: true, force: true }));
  }
  return folder;
}

/** The empty desk (documents, tags, sources) of this run, made once. */
let emptyDesk: { file: string; desk: Desk } | null = null;
function deskTemplate(ctx: BenchContext): { file: string; desk: Desk } {
  if (emptyDesk === null) {
    const file = path.join(tempFolder(), 'template.claimdesk');
    ctx.log(`[data-layer] generating the desk (seed ${ctx.seed})…`);
    emptyDesk = { file, desk: makeDesk(ctx, file) };
  }
  return emptyDesk;
}

/** The desk with all its claims, made once through the store's bulk path. */
let fullDesk: { file: string; desk: Desk } | null = null;
function fullDeskFile(ctx: BenchContext): { file: string; desk: Desk } {
  if (fullDesk === null) {
    const template = deskTemplate(ctx);
    const file = path.join(tempFolder(), 'full.claimdesk');
    copyProject(template.file, file);
    const db = openProject(file);
    try {
      importOurs(db, template.desk);
    } finally {
      closeProject(db);
    }
    fullDesk = { file, desk: template.desk };
  }
  return fullDesk;
}

// ---------------------------------------------------------------------------------------------
// Bulk import

function importOurs(db: Database.Database, desk: Desk): void {
  db.transaction(() => {
    desk.documents.forEach((d, i) => createClaims(db, d.id, desk.items[i]!));
  })();
}

/** The peer: the same rows through plain prepared INSERTs in one transaction. */
function importRaw(db: Database.Database, desk: Desk): void {
  const now = new Date().toISOString();
  const claim = db
    .prepare(
      `INSERT INTO claims (uid, document_id, exact, prefix, suffix, pos_start, pos_end, attribution_kind, claim_type, verdict_id,
                           confidence, rationale, status, note, created_by, imported_from, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?) RETURNING id`,
    )
    .pluck();
  const source = db.prepare('INSERT INTO claim_sources (claim_id, position, source_id, role, pinpoint) VALUES (?, ?, ?, ?, ?)');
  const tag = db.prepare('INSERT INTO claim_tags (claim_id, tag_id) VALUES (?, ?)');
  const history = db.prepare(
    `INSERT INTO history (at, actor_id, entity, entity_id, action, before_json, after_json, claim_id) VALUES (?, NULL, 'claim', ?, 'create', NULL, ?, ?)`,
  );
  db.transaction(() => {
    desk.documents.forEach((d, i) => {
      for (const { anchor: a, input } of desk.items[i]!) {
        const note = input.note === null ? null : input.note.trim();
        const id = claim.get(
          randomUUID(), d.id, a.exact, a.prefix, a.suffix, a.start, a.end, input.attribution.kind, input.claimType, input.verdictId,
          input.confidence, input.rationale, input.status, note, now, now,
        ) as number;
        const sources = input.sources.map((s, position) => {
          const sourceId = (s.source as { sourceId: number }).sourceId;
          source.run(id, position, sourceId, s.role, s.pinpoint);
          return { sourceId, role: s.role, pinpoint: s.pinpoint };
        });
        const tagIds = [...input.tagIds].sort((x, y) => x - y);
        for (const t of tagIds) tag.run(id, t);
        const record = {
          anchor: a, verdictId: input.verdictId, confidence: input.confidence, note, rationale: input.rationale, status: input.status,
          claimType: input.claimType, attribution: { kind: input.attribution.kind, chain: [] }, sources, tagIds, groupId: null, deletedAt: null,
        };
        history.run(now, id, JSON.stringify(record), id);
      }
    });
  })();
}

const bulkImport: BenchCase = {
  id: 'bulk-import',
  async run(ctx) {
    const { file, desk } = deskTemplate(ctx);
    // Each trial imports 100,000 claims twice (about a minute on a loaded machine): three
    // trials, alternating who goes first, are enough for a median of a figure this steady.
    const trials = ctx.smoke ? 1 : Math.min(ctx.trials, 3);
    const ours: number[] = [];
    const peer: number[] = [];
    for (let trial = 0; trial < trials; trial += 1) {
      // Alternate who goes first, so that neither always runs on a warmer machine.
      const order = trial % 2 === 0 ? (['ours', 'peer'] as const) : (['peer', 'ours'] as const);
      for (const who of order) {
        const copy = path.join(tempFolder(), `import-${who}-${trial}.claimdesk`);
        copyProject(file, copy);
        if (who === 'ours') {
          const db = openProject(copy);
          ours.push(...(await sample(1, () => importOurs(db, desk))));
          closeProject(db);
        } else {
          const db = openRaw(copy);
          peer.push(...(await sample(1, () => importRaw(db, desk))));
          db.close();
        }
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${copy}${suffix}`, { force: true });
      }
      ctx.log(`[bulk-import] trial ${trial + 1}/${trials}: ours ${ours.at(-1)!.toFixed(0)} ms, peer ${peer.at(-1)!.toFixed(0)} ms`);
    }
    return [
      result(ctx, {
        name: 'bulk import of claims',
        size: `${desk.claims.toLocaleString('en')} claims with selectors, tags, sources and notes`,
        unit: 'ms',
        ours,
        peer,
        peerName: 'plain INSERTs in one transaction, raw better-sqlite3',
        target: 'median ≤ 1.5 × peer',
        limit: (o, p) => p !== null && o.median <= 1.5 * p.median,
        note: `createClaims per document in one transaction (history, links and search index included); ${trials} trial(s), each on a fresh copy of the desk`,
      }),
    ];
  },
};

// ---------------------------------------------------------------------------------------------
// Create one claim

const TRUSTED = { frameUrl: 'app://claimdesk/index.html', isMainFrame: true } as const;

function unusable(what: string): never {
  throw new Error(`The benchmark does not use ${what}.`);
}

const createOne: BenchCase = {
  id: 'create-claim',
  async run(ctx) {
    const { file, desk } = fullDeskFile(ctx);
    const copy = path.join(tempFolder(), 'create.claimdesk');
    copyProject(file, copy);
    const db = openProject(copy);
    const raw = openRaw(copy);
    const random = prng(ctx.seed + 1);
    const samples = ctx.smoke ? 5 : 300;
    const handlers = createHandlers({
      db,
      projectPath: copy,
      dialogs: {
        pickImportFiles: async () => [],
        pickAttachmentFile: async () => null,
        pickAnnotationFile: async () => null,
        pickExportPath: async () => null,
        pickSavePath: async () => null,
        pickReviewPackage: async () => null,
      },
      settings: fileSettingsStore(path.join(tempFolder(), 'settings.json')),
      files: { openFile: async () => unusable('files'), openUrl: async () => unusable('links') },
      scratchDir: path.join(tempFolder(), 'scratch'),
      importer: { read: async () => unusable('the article importer'), close: async () => {} },
      pdf: { print: async () => unusable('PDF printing') },
      notify: () => {},
      generator: 'Claimdesk benchmark',
    });
    const dispatcher = createDispatcher(handlers, { isTrustedCaller: () => true, onInternalError: (_c, error) => { throw error; } });
    const INSERT = `INSERT INTO claims (uid, document_id, exact, prefix, suffix, pos_start, pos_end, attribution_kind, claim_type, verdict_id,
                                        confidence, rationale, status, note, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
    const insertRow = (statement: Database.Statement) => (b: { documentId: number } & NewClaimItem) => {
      const { anchor: x, input } = b;
      const now = new Date().toISOString();
      statement.run(randomUUID(), b.documentId, x.exact, x.prefix, x.suffix, x.start, x.end, input.attribution.kind, input.claimType,
        input.verdictId, input.confidence, input.rationale, input.status, input.note, now, now);
    };
    const insert = insertRow(raw.prepare(INSERT));
    const insertHere = insertRow(db.prepare(INSERT));
    const ours: number[] = [];
    const peer: number[] = [];
    const ipc: number[] = [];
    const oursUncommitted: number[] = [];
    const peerUncommitted: number[] = [];
    const next = () => {
      const d = desk.documents[Math.floor(random() * desk.documents.length)]!;
      return { documentId: d.id, ...claimItem(random, d.text, desk.tagIds, desk.sourceIds) };
    };
    const create = (a: ReturnType<typeof next>) => createClaim(db, { documentId: a.documentId, anchor: a.anchor, input: a.input });
    try {
      // The same work inside one open transaction that is rolled back: the data layer's own
      // cost, without the commit (whose fsync the disk decides).
      db.exec('BEGIN');
      try {
        for (let i = 0; i < samples; i += 1) {
          const a = next();
          const b = next();
          oursUncommitted.push(...(await sample(1, () => create(a))));
          peerUncommitted.push(...(await sample(1, () => insertHere(b))));
        }
      } finally {
        db.exec('ROLLBACK');
      }
      for (let i = 0; i < samples; i += 1) {
        const a = next();
        const b = next();
        const c = next();
        ours.push(...(await sample(1, () => create(a))));
        peer.push(...(await sample(1, () => insert(b))));
        ipc.push(
          ...(await sample(1, async () => {
            const reply = await dispatcher.dispatch('claims:create', { documentId: c.documentId, anchor: c.anchor, input: c.input }, TRUSTED);
            if (!reply.ok) throw new Error(`claims:create was refused: ${reply.error.message}`);
          })),
        );
      }
    } finally {
      raw.close();
      closeProject(db);
    }
    const size = `one claim (tags, sources, note) into a ${desk.claims.toLocaleString('en')}-claim project`;
    return [
      result(ctx, {
        name: 'create one claim (data layer)',
        size,
        unit: 'ms',
        ours,
        peer,
        peerName: 'one prepared INSERT of the claim row',
        target: 'p95 ≤ 1 ms',
        limit: (o) => o.p95 <= 1,
        note: `createClaim: checks, links, history entry and the claim read back, committed (WAL, synchronous FULL); ${samples} claims each`,
      }),
      result(ctx, {
        name: 'create one claim (data layer, before commit)',
        size,
        unit: 'ms',
        ours: oursUncommitted,
        peer: peerUncommitted,
        peerName: 'one prepared INSERT of the claim row',
        target: 'p95 ≤ 1 ms',
        limit: (o) => o.p95 <= 1,
        note: 'as above, each call inside one open transaction rolled back at the end: the work of the data layer without the fsync of a commit',
      }),
      result(ctx, {
        name: 'create one claim (IPC round trip)',
        size,
        unit: 'ms',
        ours: ipc,
        peer: null,
        peerName: 'none: reported beside the data layer',
        target: '— (reported)',
        limit: () => null,
        note: 'the real dispatcher and handlers in process: argument validation, the handler, the Result; no Electron transport',
      }),
    ];
  },
};

// ---------------------------------------------------------------------------------------------
// Queries

interface Query {
  readonly name: string;
  readonly limitMs: number;
  readonly note: string;
  /** The store's call, on the i-th sample. */
  readonly ours: (db: Database.Database, i: number) => unknown;
  /** The same SQL, prepared once on the raw connection; returns a runner for the i-th sample. */
  readonly peer: (raw: Database.Database) => (i: number) => unknown;
}

/**
 * Runs the link queries the store issues for the claims `rows` (raw rows, id first), as it
 * does: raw mode, the source links, then the summaries of the distinct sources they cite, the
 * hops and the tags.
 */
function linkQueries(raw: Database.Database): (rows: readonly unknown[][]) => void {
  const links = raw.prepare(SOURCE_LINKS_SQL).raw(true);
  const summaries = raw.prepare(SOURCE_SUMMARIES_SQL).raw(true);
  const hops = raw.prepare(HOPS_SQL).raw(true);
  const tags = raw.prepare(TAGS_SQL).raw(true);
  return (rows) => {
    if (rows.length === 0) return;
    const ids = JSON.stringify(rows.map((r) => r[0]));
    const found = links.all(ids) as unknown[][];
    if (found.length > 0) summaries.all(JSON.stringify([...new Set(found.map((link) => link[1]))]));
    hops.all(ids);
    tags.all(ids);
  };
}

function queriesOf(desk: Desk, random: () => number): Query[] {
  const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;
  const documentIds = Array.from({ length: 64 }, () => desk.documents[Math.floor(random() * desk.documents.length)]!.id);
  // Two words a desk would search for (a common one and a rarer one: a name, a place, a term),
  // and the first three letters of a word being typed.
  const rare = () => RARE[Math.floor(RARE.length * (0.05 + 0.3 * random()))]!;
  const phrases = Array.from({ length: 16 }, () => `${WORDS[Math.floor(random() * WORDS.length)]} ${rare()}`);
  const prefixes = Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? rare() : WORDS[Math.floor(random() * WORDS.length)]!).slice(0, 3));
  const search = (queries: readonly string[]) => (raw: Database.Database) => {
    const statement = raw.prepare(SEARCH_SQL);
    return (i: number) => statement.all({ match: toFtsQuery(pick(queries, i)), limit: 50, candidates: SEARCH_CANDIDATES, open: SNIPPET_OPEN, close: SNIPPET_CLOSE });
  };
  return [
    {
      name: "open one document's claims",
      limitMs: 5,
      note: 'listClaims (claims resolved with sources, attribution and tags) against its four queries run raw',
      ours: (db, i) => listClaims(db, pick(documentIds, i)),
      peer: (raw) => {
        const list = raw.prepare(LIST_CLAIMS_SQL).raw(true);
        const links = linkQueries(raw);
        return (i) => links(list.all(pick(documentIds, i), 0) as unknown[][]);
      },
    },
    {
      name: 'filter by tag',
      limitMs: 2,
      note: 'filterClaims by a tag of typical use (a sub-tag), across the project, resolved as listClaims resolves',
      ours: (db, i) => filterClaims(db, { tagIds: [pick(desk.typicalTags, i)] }),
      peer: (raw) => {
        const { sql } = claimFilterQuery({ tagIds: [desk.typicalTags[0]!] });
        const statement = raw.prepare(sql).raw(true);
        const links = linkQueries(raw);
        return (i) => links(statement.all(JSON.stringify([pick(desk.typicalTags, i)])) as unknown[][]);
      },
    },
    { name: 'full-text search, top 50', limitMs: 10, note: 'searchProject: a common word and a rarer one, over articles, claims and sources', ours: (db, i) => searchProject(db, pick(phrases, i), 50), peer: search(phrases) },
    { name: 'prefix search, top 50', limitMs: 20, note: 'searchProject: the first three letters of a word being typed', ours: (db, i) => searchProject(db, pick(prefixes, i), 50), peer: search(prefixes) },
  ];
}

const queries: BenchCase = {
  id: 'queries',
  async run(ctx) {
    const { file, desk } = fullDeskFile(ctx);
    const db = openProject(file);
    const raw = openRaw(file);
    const random = prng(ctx.seed + 2);
    const rounds = ctx.smoke ? 3 : 25 * Math.min(ctx.trials, 9);
    const rows: CaseResult[] = [];
    try {
      for (const query of queriesOf(desk, random)) {
        const peerRun = query.peer(raw);
        const ours: number[] = [];
        const peer: number[] = [];
        // Warm both (statement caches, pages) before measuring.
        for (let i = 0; i < 3; i += 1) {
          query.ours(db, i);
          peerRun(i);
        }
        for (let i = 0; i < rounds; i += 1) {
          if (i % 2 === 0) {
            ours.push(...(await sample(1, () => query.ours(db, i))));
            peer.push(...(await sample(1, () => peerRun(i))));
          } else {
            peer.push(...(await sample(1, () => peerRun(i))));
            ours.push(...(await sample(1, () => query.ours(db, i))));
          }
        }
        const counts = Array.from({ length: 8 }, (_, i) => (query.ours(db, i) as unknown[]).length);
        rows.push(
          result(ctx, {
            name: `query: ${query.name}`,
            size: `${desk.claims.toLocaleString('en')} claims; ${stats(counts).median.toFixed(0)} results (median)`,
            unit: 'ms',
            ours,
            peer,
            peerName: 'the same SQL prepared once, raw better-sqlite3',
            target: `median ≤ 1.2 × peer; p95 ≤ ${query.limitMs} ms`,
            limit: (o, p) => p !== null && o.median <= 1.2 * p.median && o.p95 <= query.limitMs,
            note: query.note,
          }),
        );
      }
    } finally {
      raw.close();
      closeProject(db);
    }
    return rows;
  },
};

/** The data-layer cases, in the order of the table. */
export const DATA_LAYER_CASES: readonly BenchCase[] = [bulkImport, createOne, queries];
