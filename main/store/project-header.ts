/**
 * Checks on the first 100 bytes of a file, read with plain `fs` before SQLite touches it.
 *
 * SQLite would happily open an empty file as a new database, or a text file until its first
 * query; and opening a database in WAL mode rewrites its header. So a file is judged by its
 * header first, and only a file that looks like one of our projects is handed to SQLite.
 * Layout: https://sqlite.org/fileformat.html#the_database_header
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';
import { APPLICATION_ID } from './project-format';

const HEADER_SIZE = 100;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** What the header of a Claimdesk project says (possibly stale while a WAL file exists). */
export interface ProjectHeader {
  readonly userVersion: number;
  readonly applicationId: number;
}

/**
 * Reads and checks the header of an existing, non-empty file: throws AppError('not-a-project')
 * unless it is a SQLite database with our application id. Never writes.
 */
export function readProjectHeader(file: string): ProjectHeader {
  const name = path.basename(file);
  const bytes = Buffer.alloc(HEADER_SIZE);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, bytes, 0, HEADER_SIZE, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read === 0) {
    throw new AppError('not-a-project', 'This file is empty; it is not a Claimdesk project.');
  }
  if (read < SQLITE_MAGIC.length || !bytes.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw new AppError('not-a-project', `"${name}" is not a Claimdesk project (it is not a database file).`);
  }
  if (read < HEADER_SIZE) {
    throw new AppError('not-a-project', damagedMessage(file));
  }
  const applicationId = bytes.readUInt32BE(68);
  if (applicationId !== APPLICATION_ID) {
    throw new AppError('not-a-project', `"${name}" is a SQLite database but not a Claimdesk project.`);
  }
  return {
    userVersion: bytes.readUInt32BE(60),
    applicationId,
  };
}

/** The message for a file that carries our header but cannot be read. */
export function damagedMessage(file: string): string {
  return `"${path.basename(file)}" is a damaged Claimdesk project and cannot be opened.`;
}
