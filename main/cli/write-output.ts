/**
 * Writing an export where the user asked: standard output, or a file replaced in one step (the
 * bytes go to a temporary file in the same folder, which is then renamed over the target), so
 * a pipeline never sees half a report and a failed export leaves the old file as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';
import { writeExportFile } from '../export/write-file';
import { RuntimeError, UsageError } from './cli-errors';

/**
 * UsageError when `out` would overwrite the project file (or its SQLite companions `-wal`,
 * `-shm`, `-journal`): by name, or by being the same file under another name (a link).
 */
export function refuseProjectAsOutput(out: string, project: string): void {
  const target = path.resolve(out);
  const projectPath = path.resolve(project);
  const companions = ['', '-wal', '-shm', '-journal'].map((suffix) => projectPath + suffix);
  const sameName = companions.some((file) => samePath(file, target));
  const outStat = fs.statSync(target, { throwIfNoEntry: false });
  const projectStat = fs.statSync(projectPath, { throwIfNoEntry: false });
  const sameFile = outStat !== undefined && projectStat !== undefined && outStat.dev === projectStat.dev && outStat.ino === projectStat.ino;
  if (sameName || sameFile) {
    throw new UsageError(`--out names the project file itself ("${out}"); choose another file name.`, 'export');
  }
}

/**
 * Writes `data` to `file` atomically, as the app writes its exports (a temporary file beside
 * it, flushed to disk, then renamed over it). RuntimeError in plain words when the folder is
 * missing or not writable, or `file` is a folder; the temporary file never outlives a failure.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, project: string): void {
  checkOutputTarget(file);
  try {
    writeExportFile(file, data, project);
  } catch (error) {
    if (error instanceof AppError && error.kind === 'forbidden' && /project file/.test(error.message)) throw new UsageError(error.message, 'export');
    throw new RuntimeError(`Cannot write "${file}": ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * RuntimeError unless `file` can be a file written by writeFileAtomic: its folder exists and it
 * is not itself a folder. Checked before an export starts, so a typo does not cost a PDF print.
 */
export function checkOutputTarget(file: string): void {
  const target = path.resolve(file);
  if (!fs.statSync(path.dirname(target), { throwIfNoEntry: false })?.isDirectory()) {
    throw new RuntimeError(`Cannot write "${file}": the folder "${path.dirname(file)}" does not exist.`);
  }
  if (fs.statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
    throw new RuntimeError(`Cannot write "${file}": it is a folder.`);
  }
}

// Windows and macOS file systems usually ignore case; comparing without it there errs on the
// side of refusing.
function samePath(a: string, b: string): boolean {
  return process.platform === 'linux' ? a === b : a.toLowerCase() === b.toLowerCase();
}
