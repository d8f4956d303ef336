/**
 * What the crash driver and the crash test agree on: the lines the driver writes, the state
 * of a project the test checks them against, and a seeded random generator.
 *
 * The driver writes, for each store call, an `intent` line before the call (what the project
 * must hold if the call's transaction is applied) and an `ack` line after the call returned,
 * that is after its transaction committed. So when the driver is killed, at most one intent
 * has no ack: that call was in flight, and its transaction may be applied or not — never in
 * part. Everything acknowledged must be there.
 *
 * The state is read with plain SQL, not through the store, so that a store that wrote the
 * wrong thing cannot also read it back as right. Test-only.
 */
import type { Database } from 'better-sqlite3';

/** What the test checks of one claim. */
export interface ClaimState {
  readonly exact: string;
  readonly verdictId: number;
  readonly confidence: number;
  readonly note: string | null;
  readonly rationale: string | null;
  readonly status: string;
  readonly claimType: string | null;
  readonly attributionKind: string;
  /** Tag names, sorted. */
  readonly tags: readonly string[];
  /** Titles of the cited sources, in order. */
  readonly sources: readonly string[];
  readonly deleted: boolean;
  /** How many history rows the claim has (one per create, update, delete, restore). */
  readonly history: number;
}

/** What the test checks of a project: claims by uid, and the source titles and tag names. */
export interface ProjectState {
  readonly claims: Readonly<Record<string, ClaimState>>;
  /** Sorted. */
  readonly sources: readonly string[];
  /** Sorted. */
  readonly tags: readonly string[];
}

/** One store call about to be made: the claim it touches (null: a new one) and what must hold if it is applied. */
export interface Intent {
  readonly t: 'intent';
  readonly seq: number;
  readonly op: 'create' | 'update' | 'delete' | 'restore' | 'source';
  /** The claim the call changes; null for a create (its uid is made by the store) and for a source. */
  readonly uid: string | null;
  /** The claim's state once the call is applied (null for a source). */
  readonly expect: ClaimState | null;
  /** Sources and tags the call creates. */
  readonly newSources: readonly string[];
  readonly newTags: readonly string[];
}

/** The store call `seq` returned: its transaction committed. `uid` is the claim it touched. */
export interface Ack {
  readonly t: 'ack';
  readonly seq: number;
  readonly uid: string | null;
}

/** The driver has opened (and migrated) the project and starts its calls. */
export interface Ready {
  readonly t: 'ready';
}

export type DriverLine = Intent | Ack | Ready;

/** The article every claim quotes; the quotes are spans of it. */
export const ARTICLE =
  'Police said 14 people were killed in the capital on Tuesday.\n\n' +
  'The interior minister denied that a shoot-to-kill order had been given.\n\n' +
  'Hospital staff counted at least 20 bodies, according to a nurse.';

/** Spans of ARTICLE that claims quote. */
export const QUOTES = ['14 people were killed', 'on Tuesday', 'The interior minister denied', 'shoot-to-kill order', 'at least 20 bodies', 'according to a nurse'];

/** Free tags the driver puts on claims. */
export const TAG_NAMES = ['casualties', 'official', 'disputed', 'hospital', 'police'];

/** Reads the state of the project on `db` with plain SQL. */
export function readState(db: Database): ProjectState {
  const rows = db
    .prepare<[], { id: number; uid: string; exact: string; verdict_id: number; confidence: number; note: string | null; rationale: string | null; status: string; claim_type: string | null; attribution_kind: string; deleted: number }>(
      `SELECT id, uid, exact, verdict_id, confidence, note, rationale, status, claim_type, attribution_kind,
              deleted_at IS NOT NULL AS deleted
       FROM claims ORDER BY id`,
    )
    .all();
  const tags = db.prepare<[number], string>('SELECT t.name FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.claim_id = ? ORDER BY t.name').pluck();
  const sources = db.prepare<[number], string>('SELECT s.title FROM claim_sources cs JOIN sources s ON s.id = cs.source_id WHERE cs.claim_id = ? ORDER BY cs.position').pluck();
  const history = db.prepare<[number], number>("SELECT count(*) FROM history WHERE entity = 'claim' AND entity_id = ?").pluck();
  const claims: Record<string, ClaimState> = {};
  for (const row of rows) {
    claims[row.uid] = {
      exact: row.exact,
      verdictId: row.verdict_id,
      confidence: row.confidence,
      note: row.note,
      rationale: row.rationale,
      status: row.status,
      claimType: row.claim_type,
      attributionKind: row.attribution_kind,
      tags: tags.all(row.id),
      sources: sources.all(row.id),
      deleted: row.deleted === 1,
      history: history.get(row.id) ?? 0,
    };
  }
  return {
    claims,
    sources: db.prepare<[], string>('SELECT title FROM sources ORDER BY title').pluck().all(),
    tags: db.prepare<[], string>('SELECT name FROM tags ORDER BY name').pluck().all(),
  };
}

/** `state` with `intent` applied, its new claim (if any) under `uid`. */
export function applyIntent(state: ProjectState, intent: Intent, uid: string | null): ProjectState {
  const claims = { ...state.claims };
  const key = intent.uid ?? uid;
  if (intent.expect !== null && key !== null) claims[key] = intent.expect;
  return {
    claims,
    sources: [...state.sources, ...intent.newSources].sort(),
    tags: [...state.tags, ...intent.newTags].sort(),
  };
}

/** A small seeded generator (mulberry32): the same seed gives the same run. Returns [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
