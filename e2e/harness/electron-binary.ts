/**
 * Whether an Electron binary is installed. Checked by looking for the files, because
 * `require('electron')` under plain Node tries to download a missing binary.
 */
import fs from 'node:fs';
import path from 'node:path';

const electronDir = path.resolve(__dirname, '../../node_modules/electron');

/** Absolute path of the Electron executable, or null when it is not installed. */
export function electronExecutable(): string | null {
  try {
    const relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
    const exe = path.join(electronDir, 'dist', relative);
    return fs.existsSync(exe) ? exe : null;
  } catch {
    return null;
  }
}
