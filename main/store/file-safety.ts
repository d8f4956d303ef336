/**
 * Small file-system pieces shared by everything that writes a file next to the user's work
 * (new projects, copies and backups, exports): flushing a file and its folder to disk, and
 * telling whether a path is the project file or one of SQLite's companions of it.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Flushes `file`'s contents to disk. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a new directory entry (a rename) durable; not possible (nor needed) on every platform. */
export function fsyncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open or fsync a folder; its rename is durable once it returns.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Whether two paths name the same file. */
export function samePath(a: string, b: string): boolean {
  // Windows and macOS file systems usually ignore case; comparing without it there errs on the
  // side of refusing.
  if (process.platform === 'linux' ? a === b : a.toLowerCase() === b.toLowerCase()) return true;
  try {
    // The same file reached by another name (a symlink, a different case on macOS).
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** Whether `target` is the project file `project` or one of its -wal, -shm, -journal companions. */
export function isProjectOrCompanion(target: string, project: string): boolean {
  const p = path.resolve(project);
  return [p, `${p}-wal`, `${p}-shm`, `${p}-journal`].some((file) => samePath(file, path.resolve(target)));
}
