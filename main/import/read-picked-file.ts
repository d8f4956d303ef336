/**
 * Reading a file the user picked in a dialog: refused, with its name, before any byte is read
 * when it is missing, not a file, or larger than the cap for its use.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';

/**
 * The bytes of `file`. `limit` names what the cap is for, as the end of a sentence:
 * "Claimdesk imports files of up to" → "… Claimdesk imports files of up to 20 MB."
 */
export function readPickedFile(file: string, maxBytes: number, limit: string): Uint8Array {
  const name = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('not-found', `“${name}” could not be read.`);
  }
  if (!stat.isFile()) throw new AppError('bad-file', `“${name}” is not a file.`);
  if (stat.size > maxBytes) {
    throw new AppError('too-large', `“${name}” is ${(stat.size / 1024 / 1024).toFixed(1)} MB; ${limit} ${maxBytes / 1024 / 1024} MB.`);
  }
  return new Uint8Array(fs.readFileSync(file));
}
