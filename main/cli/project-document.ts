/** Finding the document a command names, with an error that says how to list them. */
import type { Database } from 'better-sqlite3';
import type { DocumentRecord } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { getDocument } from '../store';
import { RuntimeError } from './cli-errors';

/** Document `id` of the project at `project` (as the user named it); RuntimeError if there is none. */
export function requireDocument(db: Database, id: number, project: string): DocumentRecord {
  try {
    return getDocument(db, id);
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not-found') {
      throw new RuntimeError(`There is no document ${id} in "${project}". "claimdesk documents --project ${quoteArg(project)}" lists them.`);
    }
    throw error;
  }
}

/** `arg` as it would be typed in a POSIX shell: quoted when it holds anything but plain characters. */
export function quoteArg(arg: string): string {
  return /^[\w./:@%+=,-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}
