/**
 * History handlers for the review records. Each is a row of one table whose tracked fields
 * map one-to-one to columns, so one factory serves them all: the snapshot reads the columns,
 * `apply` writes them back (after the record's own checks) — which is all undo needs.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/result';
import type { HistoryHandler, HistoryRecord } from '../history-log';

/** One table's tracked fields: field name → column. Identifiers come from here, never from input. */
export interface RowSpec {
  readonly table: string;
  readonly columns: Readonly<Record<string, string>>;
  /** Field → how its stored value reads back (default: as stored). */
  readonly read?: Readonly<Record<string, (value: unknown) => unknown>>;
  /** Field → how a value is stored (default: as given). */
  readonly write?: Readonly<Record<string, (value: unknown) => unknown>>;
  /** Checks values coming back from the history before they are written (AppError). */
  readonly check?: (db: Database, id: number, values: HistoryRecord) => void;
  /** What the record is called in messages ("This vote does not exist."). */
  readonly noun: string;
}

/** The tracked fields of row `id`. AppError('not-found'). */
export function rowSnapshot(db: Database, spec: RowSpec, id: number): HistoryRecord {
  const list = Object.entries(spec.columns)
    .map(([field, column]) => `${column} AS "${field}"`)
    .join(', ');
  const row = db.prepare<[number], Record<string, unknown>>(`SELECT ${list} FROM ${spec.table} WHERE id = ?`).get(id);
  if (row === undefined) throw new AppError('not-found', `This ${spec.noun} does not exist.`);
  const out: Record<string, unknown> = {};
  for (const field of Object.keys(spec.columns)) {
    const read = spec.read?.[field];
    out[field] = read === undefined ? row[field] : read(row[field]);
  }
  return out;
}

/** Writes the tracked fields present in `values` to row `id`. */
export function rowWrite(db: Database, spec: RowSpec, id: number, values: HistoryRecord): void {
  const fields = Object.keys(values).filter((field) => field in spec.columns);
  if (fields.length === 0) return;
  const assignments = fields.map((field) => `${spec.columns[field]} = ?`).join(', ');
  const params = fields.map((field) => {
    const value = values[field];
    const stored = spec.write?.[field] !== undefined ? spec.write[field](value) : value;
    return stored === undefined ? null : stored;
  });
  try {
    db.prepare(`UPDATE ${spec.table} SET ${assignments} WHERE id = ?`).run(...params, id);
  } catch (error) {
    if (error instanceof Error && /constraint/i.test(error.message)) {
      throw new AppError('conflict', `This ${spec.noun} cannot be put back as it was: another one has taken its place.`);
    }
    throw error;
  }
}

/** The history handler of a row kind. */
export function rowHistory(spec: RowSpec): HistoryHandler {
  return {
    snapshot: (db, id) => rowSnapshot(db, spec, id),
    apply(db, id, values) {
      rowSnapshot(db, spec, id); // not-found first
      spec.check?.(db, id, values);
      rowWrite(db, spec, id, values);
    },
  };
}

/** Reads SQLite's 0/1 as a boolean. */
export const asBoolean = (value: unknown): unknown => (value === null ? null : value === 1);
/** Stores a boolean as SQLite's 0/1. */
export const fromBoolean = (value: unknown): unknown => (value === true ? 1 : value === false ? 0 : value);
