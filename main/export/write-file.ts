/**
 * Writing an export where the user asked, without ever leaving a half-written file there: the
 * bytes go to a temporary file in the same folder, are flushed to disk, then renamed over the
 * target in one step.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';
import { isProjectOrCompanion } from '../store/file-safety';

/**
 * Writes `data` to `target` atomically. AppError('forbidden') when `target` is the open
 * project file or one of its companions (-wal, -shm, -journal): an export must never replace
 * the user's work.
 */
export function writeExportFile(target: string, data: string | Uint8Array, projectPath: string): void {
  const resolved = path.resolve(target);
  if (isProjectOrCompanion(resolved, projectPath)) {
    throw new AppError('forbidden', 'An export cannot be saved over the project file. Choose another name.');
  }
  const temp = path.join(path.dirname(resolved), `.${path.basename(resolved)}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(temp, 'wx', 0o644);
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(temp, resolved);
  } catch (error) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EROFS') throw new AppError('forbidden', `The disk holding ${path.dirname(resolved)} is read-only. Choose another folder.`);
    if (code === 'EACCES' || code === 'EPERM') {
      throw new AppError('forbidden', `Claimdesk may not write to ${path.dirname(resolved)}. Choose another folder.`);
    }
    if (code === 'ENOENT') throw new AppError('not-found', `The folder ${path.dirname(resolved)} does not exist.`);
    if (code === 'ENOSPC') throw new AppError('too-large', 'The disk is full: the export was not saved.');
    if (code === 'EISDIR') throw new AppError('invalid-argument', `${resolved} is a folder. Choose a file name.`);
    throw error;
  }
}
