/** Versions of an article: the series, linking a new version, its changes queue, and comparing two versions. */
import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/result';
import { planLink } from '../../../shared/versions/link-plan';
import { linkAsNewVersionWith, writtenLink } from '../../store/version-link';
import { listVersionChanges, reattachVersionChange, resolveVersionChange } from '../../store/version-queue';
import { compareVersions, findPreviousVersionCandidate, keepSeparate, listVersions } from '../../store/versions';
import { getActor } from '../../store/actor';
import { nativeBindingOption } from '../../store/native-binding';
import type { HandlerContext } from '../handler-context';

type VersionHandlers = Pick<
  Handlers,
  | 'versions:list'
  | 'versions:candidate'
  | 'versions:link'
  | 'versions:keepSeparate'
  | 'versions:queue'
  | 'versions:resolve'
  | 'versions:reattach'
  | 'versions:compare'
>;

/**
 * The version handlers. Linking and comparing run in the context's version worker (a worker
 * thread), on a connection of its own: reading, re-anchoring and writing the carried claims,
 * while changes through this connection wait (write-gate.ts); reading both texts and comparing
 * them. A context without a worker (a test that gives only the database) does both on this
 * thread, through the same steps.
 */
export function versionHandlers({ db, versions, projectFile }: HandlerContext): VersionHandlers {
  // A project open read-only is a recovered copy of a damaged file, or an empty stand-in in
  // memory: read on this thread, as it was opened.
  const worker = () => (versions && !db.memory && (projectFile?.status.readOnly ?? null) === null ? versions : null);
  const project = () => ({ file: db.name, nativeBinding: nativeBindingOption().nativeBinding ?? null });
  return {
    'versions:list': ({ documentId }) => listVersions(db, documentId),
    'versions:candidate': ({ documentId }) => findPreviousVersionCandidate(db, documentId),
    'versions:link': async ({ documentId, previousId }) => {
      const inWorker = worker();
      if (inWorker === null) return linkAsNewVersionWith(db, async (input) => planLink(input), documentId, previousId);
      try {
        return (await inWorker.link({ ...project(), actor: getActor(db), documentId, previousId })).report;
      } catch (error) {
        // A worker stopped (timeout, crash) between its commit and its answer did link.
        const stopped = error instanceof AppError && (error.kind === 'too-large' || error.kind === 'internal');
        const written = stopped ? writtenLink(db, documentId, previousId) : null;
        if (written === null) throw error;
        return written;
      }
    },
    'versions:keepSeparate': ({ documentId }) => keepSeparate(db, documentId),
    'versions:queue': ({ documentId }) => listVersionChanges(db, documentId),
    'versions:resolve': ({ rowId, action }) => resolveVersionChange(db, rowId, action),
    'versions:reattach': ({ rowId, anchor }) => reattachVersionChange(db, rowId, anchor),
    'versions:compare': ({ fromId, toId }) => {
      const inWorker = worker();
      return inWorker === null ? compareVersions(db, fromId, toId) : inWorker.compare({ ...project(), fromId, toId });
    },
  };
}

