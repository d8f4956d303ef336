/**
 * The crash test's child: opens the project file given as argv[2] with the real openProject
 * and makes random real store calls — create, edit, delete and restore claims, add sources —
 * until it is killed. Each call is one transaction. Before a call it writes an `intent` line
 * (what must hold once it is applied) and after the call returned an `ack` line, both to
 * stdout with a synchronous write, so that an ack the test reads was written after the commit
 * (see crash-protocol.ts). argv[3] seeds the choices. Test-only; bundled by build-child.ts.
 */
import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { CLAIM_STATUSES, CLAIM_TYPES, type ClaimInput } from '../../../shared/domain';
import { setActor } from '../actor';
import { createClaim, deleteClaim, restoreClaim, updateClaim } from '../claims';
import { createDocument } from '../documents';
import { openProject } from '../open-project';
import { ensureProfile } from '../profiles';
import { createSource } from '../sources';
import { ARTICLE, QUOTES, TAG_NAMES, readState, seededRandom, type ClaimState, type DriverLine, type Intent } from './crash-protocol';

const file = process.argv[2];
const seed = Number(process.argv[3] ?? 1);
if (file === undefined) throw new Error('usage: crash-driver <project file> <seed>');
const random = seededRandom(seed);

function write(line: DriverLine): void {
  fs.writeSync(1, `${JSON.stringify(line)}\n`);
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function someOf<T>(items: readonly T[]): T[] {
  return items.filter(() => random() < 0.3);
}

const db: Database = openProject(file, { create: true });
setActor(db, ensureProfile(db, { uid: 'crash-driver', name: 'Crash Driver', initials: 'CD', color: '#336699' }).id);
const documentId =
  db.prepare<[], number>('SELECT id FROM documents ORDER BY id LIMIT 1').pluck().get() ??
  createDocument(db, {
    meta: { title: 'Unrest in the capital', publication: null, author: null, url: null, publishedOn: null },
    body: { type: 'doc', content: ARTICLE.split('\n\n').map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) },
    plainText: ARTICLE,
  }).id;

// Where the last run left the project (the test has checked it): the driver's own model of it.
const start = readState(db);
const claims = new Map<string, { id: number; state: ClaimState }>(
  db
    .prepare<[], { id: number; uid: string }>('SELECT id, uid FROM claims')
    .all()
    .map((row) => [row.uid, { id: row.id, state: start.claims[row.uid] as ClaimState }]),
);
const sourceIds = new Map<string, number>(db.prepare<[], { title: string; id: number }>('SELECT title, id FROM sources').all().map((s) => [s.title, s.id]));
const tags = new Set(start.tags);
let seq = 0;

/** Random form input, and the claim state it gives with `history` rows. */
function randomInput(exact: string, history: number): { input: ClaimInput; state: ClaimState; newSources: string[]; newTags: string[] } {
  const tagNames = someOf(TAG_NAMES).sort();
  const newTags = tagNames.filter((name) => !tags.has(name));
  const cited = someOf([...sourceIds.keys()]).slice(0, 3);
  const newSources = random() < 0.3 ? [`Source ${seed}-${seq}`] : [];
  const sourceTitles = [...cited, ...newSources];
  const claimType = random() < 0.3 ? null : pick(CLAIM_TYPES);
  const attributionKind = random() < 0.5 ? 'according-to' : 'unattributed';
  const input: ClaimInput = {
    sources: sourceTitles.map((title) => ({
      source: sourceIds.has(title) ? { sourceId: sourceIds.get(title) as number } : { newSource: sourceFields(title) },
      role: 'origin',
      pinpoint: null,
    })),
    attribution: { kind: attributionKind, chain: [] },
    claimType,
    verdictId: 1 + Math.floor(random() * 6),
    confidence: Math.floor(random() * 101),
    // Never the same twice, so that every edit changes the claim and is recorded.
    rationale: random() < 0.5 ? null : `Rationale ${seed}-${seq}`,
    status: pick(CLAIM_STATUSES),
    // The store trims text, so the filler never leaves a trailing space for the model to expect.
    note: `Note ${seed}-${seq} ${'x'.repeat(Math.floor(random() * 2000))}`.trimEnd(),
    tagIds: [],
    newTags: tagNames,
  };
  const state: ClaimState = {
    exact,
    verdictId: input.verdictId,
    confidence: input.confidence,
    note: input.note,
    rationale: input.rationale,
    status: input.status,
    claimType,
    attributionKind,
    tags: tagNames,
    sources: sourceTitles,
    deleted: false,
    history,
  };
  return { input, state, newSources, newTags };
}

function sourceFields(title: string) {
  return {
    type: 'web-page', title, publisher: null, authors: [], issued: null, accessed: null, url: null, language: null,
    notes: null, reliability: 'unknown', reliabilityReason: null, confidential: false,
  } as const;
}

// The crash test's control: a driver that acknowledges before it calls (a UI that says "Saved"
// before the commit) must be caught losing acknowledged changes. A kill loses such a change only
// before the commit reaches the operating system (a killed process's writes survive it), and a
// call spends most of its time after that, in the fsync: so the control waits a few
// milliseconds between its ack and its call, as a UI that says "Saved" and then saves would,
// and most kills land in that gap.
const ackEarly = process.env['CLAIMDESK_CRASH_ACK_EARLY'] === '1';
const ACK_EARLY_GAP_MS = 20;
const gap = new Int32Array(new SharedArrayBuffer(4));

/** Writes the intent, makes the call, writes the ack, and updates the driver's model. */
function run(intent: Omit<Intent, 't' | 'seq'>, call: () => { id: number; uid: string }): void {
  write({ t: 'intent', seq, ...intent });
  if (ackEarly) {
    write({ t: 'ack', seq, uid: intent.uid });
    Atomics.wait(gap, 0, 0, ACK_EARLY_GAP_MS);
  }
  const claim = call();
  if (!ackEarly) write({ t: 'ack', seq, uid: intent.op === 'source' ? null : claim.uid });
  if (intent.expect !== null) claims.set(claim.uid, { id: claim.id, state: intent.expect });
  for (const name of intent.newTags) tags.add(name);
}

write({ t: 'ready' });
for (;;) {
  seq++;
  const live = [...claims].filter(([, c]) => !c.state.deleted);
  const binned = [...claims].filter(([, c]) => c.state.deleted);
  const roll = random();
  if (roll < 0.35 || live.length === 0) {
    const exact = pick(QUOTES);
    const { input, state, newSources, newTags } = randomInput(exact, 1);
    const anchorStart = ARTICLE.indexOf(exact);
    const anchor = {
      exact,
      start: anchorStart,
      end: anchorStart + exact.length,
      prefix: ARTICLE.slice(Math.max(0, anchorStart - 20), anchorStart),
      suffix: ARTICLE.slice(anchorStart + exact.length, anchorStart + exact.length + 20),
    };
    run({ op: 'create', uid: null, expect: state, newSources, newTags }, () => {
      const claim = createClaim(db, { documentId, anchor, input });
      for (const link of claim.sources) sourceIds.set(link.source.title, link.source.id);
      return claim;
    });
  } else if (roll < 0.75) {
    const [uid, claim] = pick(live);
    const { input, state, newSources, newTags } = randomInput(claim.state.exact, claim.state.history + 1);
    run({ op: 'update', uid, expect: state, newSources, newTags }, () => {
      const updated = updateClaim(db, claim.id, input);
      for (const link of updated.sources) sourceIds.set(link.source.title, link.source.id);
      return updated;
    });
  } else if (roll < 0.87) {
    const [uid, claim] = pick(live);
    const state = { ...claim.state, deleted: true, history: claim.state.history + 1 };
    run({ op: 'delete', uid, expect: state, newSources: [], newTags: [] }, () => deleteClaim(db, claim.id));
  } else if (roll < 0.95 && binned.length > 0) {
    const [uid, claim] = pick(binned);
    const state = { ...claim.state, deleted: false, history: claim.state.history + 1 };
    run({ op: 'restore', uid, expect: state, newSources: [], newTags: [] }, () => restoreClaim(db, claim.id));
  } else {
    const title = `Library source ${seed}-${seq}`;
    run({ op: 'source', uid: null, expect: null, newSources: [title], newTags: [] }, () => {
      const source = createSource(db, sourceFields(title));
      sourceIds.set(title, source.id);
      return { id: source.id, uid: '' };
    });
  }
}
