/** Review packages: exporting what the current reviewer did, merging a package, the merges and their conflicts. */
import path from 'node:path';
import { MAX_PACKAGE_BYTES, PACKAGE_EXTENSION, type PackageCounts } from '../../../shared/domain';
import type { Handlers } from '../../../shared/ipc/contract';
import { writeExportFile } from '../../export/write-file';
import { readPickedFile } from '../../import/read-picked-file';
import { listConflicts, listMerges, resolveConflict } from '../../store/review/merges';
import { buildReviewPackage } from '../../store/review/package-export';
import { readReviewPackage } from '../../store/review/package-format';
import { mergeReviewPackage } from '../../store/review/package-merge';
import type { HandlerContext } from '../handler-context';

type PackageHandlers = Pick<
  Handlers,
  | 'review:exportPackage'
  | 'review:importPackageDialog'
  | 'review:importPackageBytes'
  | 'review:merges'
  | 'review:conflicts'
  | 'review:resolveConflict'
>;

/** The review package handlers. */
export function packageHandlers(ctx: HandlerContext): PackageHandlers {
  const { db } = ctx;
  const merge = (bytes: Uint8Array, file: string) => mergeReviewPackage(db, readReviewPackage(bytes, file), file);
  return {
    'review:exportPackage': async () => {
      // Built before the dialog, so a user with no profile hears so before choosing a file.
      const pkg = buildReviewPackage(db, ctx.generator);
      const day = pkg.madeAt.slice(0, 10);
      const target = await ctx.dialogs.pickSavePath(`review-${pkg.madeBy.initials}-${day}.${PACKAGE_EXTENSION}`, {
        label: 'Claimdesk review package',
        extension: PACKAGE_EXTENSION,
      });
      if (target === null) return null;
      writeExportFile(target, `${JSON.stringify(pkg, null, 2)}\n`, ctx.projectPath);
      const counts: PackageCounts = {
        sessions: pkg.sessions.length,
        votes: pkg.votes.length,
        comments: pkg.comments.length,
        claims: pkg.newClaims.length,
        edits: pkg.edits.length,
      };
      return { path: target, counts };
    },
    'review:importPackageDialog': async () => {
      const file = await ctx.dialogs.pickReviewPackage();
      if (file === null) return null;
      return merge(readPickedFile(file, MAX_PACKAGE_BYTES, 'Claimdesk merges review packages of up to'), path.basename(file));
    },
    'review:importPackageBytes': ({ bytes, fileName }) => merge(bytes, path.basename(fileName)),
    'review:merges': () => listMerges(db),
    'review:conflicts': ({ mergeId }) => listConflicts(db, mergeId),
    'review:resolveConflict': ({ id, resolution }) => resolveConflict(db, id, resolution),
  };
}
