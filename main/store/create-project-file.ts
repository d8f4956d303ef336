/**
 * Atomic creation of a new project file: the database is built and migrated under a temporary
 * name in the same folder, closed, and only then moved to its real name. A crash leaves at
 * worst a stray `<name>.creating-<random>` file, never a half-made project under the real name.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/result';
import { fsyncFolder } from './file-safety';
import { migrate } from './migrate';
import { nativeBindingOption } from './native-binding';
import { PROJECT_EXTENSION } from './project-format';

/**
 * Creates a migrated, closed project at `file` unless a file of that name already exists (for
 * instance one created at the same moment by another process, which is then left as it is).
 * Throws AppError('not-found') when the folder does not exist.
 */
export function createProjectFile(file: string): void {
  const folder = path.dirname(file);
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new AppError('not-found', `The folder "${folder}" does not exist.`);
  }
  const temp = path.join(folder, `${path.basename(file)}.creating-${crypto.randomBytes(6).toString('hex')}`);
  try {
    const db = new Database(temp, nativeBindingOption());
    try {
      db.pragma('synchronous = FULL');
      migrate(db);
      db.prepare('UPDATE project SET name = ? WHERE id = 1').run(path.basename(file, PROJECT_EXTENSION));
    } finally {
      db.close();
    }
    moveIntoPlace(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
    fs.rmSync(`${temp}-journal`, { force: true });
  }
}

/**
 * Gives `temp` the name `file` without ever replacing an existing `file`: a hard link fails
 * when the name is taken, where a rename would silently swap out a project another process
 * may already have open. File systems without hard links fall back to a rename.
 */
function moveIntoPlace(temp: string, file: string): void {
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
    if (fs.existsSync(file)) return;
    fs.renameSync(temp, file);
  }
  fsyncFolder(path.dirname(file));
}
