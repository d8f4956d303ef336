/** Bringing claims in from W3C Web Annotation files (ours, Hypothesis's, Recogito's). */
import path from 'node:path';
import { MAX_IMPORT_BYTES } from '../../../shared/domain';
import type { Handlers } from '../../../shared/ipc/contract';
import { importAnnotations } from '../../import/import-annotations';
import { readPickedFile } from '../../import/read-picked-file';
import type { HandlerContext } from '../handler-context';

type AnnotationHandlers = Pick<Handlers, 'annotations:importDialog' | 'annotations:importBytes'>;

/** The annotation handlers. */
export function annotationHandlers(ctx: HandlerContext): AnnotationHandlers {
  return {
    'annotations:importDialog': async ({ documentId }) => {
      const file = await ctx.dialogs.pickAnnotationFile();
      if (file === null) return null;
      return importAnnotations(ctx.db, documentId, readPickedFile(file, MAX_IMPORT_BYTES, 'Claimdesk imports annotation files of up to'), path.basename(file));
    },
    'annotations:importBytes': ({ documentId, bytes, fileName }) => importAnnotations(ctx.db, documentId, bytes, path.basename(fileName)),
  };
}
