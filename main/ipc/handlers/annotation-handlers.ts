/** Bringing claims in from W3C Web Annotation files (ours, Hypothesis's, Recogito's). */
import fs from 'node:fs';
import path from 'node:path';
import { MAX_IMPORT_BYTES } from '../../../shared/domain';
import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/result';
import { importAnnotations } from '../../import/import-annotations';
import type { HandlerContext } from '../handler-context';

type AnnotationHandlers = Pick<Handlers, 'annotations:importDialog' | 'annotations:importBytes'>;

/** The bytes of the file at `file`, refused before reading when it is not a file or too large. */
function readAnnotationFile(file: string): Uint8Array {
  const name = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('not-found', `"${name}" could not be read.`);
  }
  if (!stat.isFile()) throw new AppError('bad-file', `"${name}" is not a file.`);
  if (stat.size > MAX_IMPORT_BYTES) {
    throw new AppError('too-large', `"${name}" is ${(stat.size / 1024 / 1024).toFixed(1)} MB; Claimdesk imports annotation files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  }
  return new Uint8Array(fs.readFileSync(file));
}

/** The annotation handlers. */
export function annotationHandlers(ctx: HandlerContext): AnnotationHandlers {
  return {
    'annotations:importDialog': async ({ documentId }) => {
      const file = await ctx.dialogs.pickAnnotationFile();
      if (file === null) return null;
      return importAnnotations(ctx.db, documentId, readAnnotationFile(file), path.basename(file));
    },
    'annotations:importBytes': ({ documentId, bytes, fileName }) => importAnnotations(ctx.db, documentId, bytes, path.basename(fileName)),
  };
}
