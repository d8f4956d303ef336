/** Versions of an article: the series, linking a new version, its changes queue, and comparing two versions. */
import type { Handlers } from '../../../shared/ipc/contract';
import { listVersionChanges, reattachVersionChange, resolveVersionChange } from '../../store/version-queue';
import { compareVersions, findPreviousVersionCandidate, keepSeparate, linkAsNewVersion, listVersions } from '../../store/versions';
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

/** The version handlers. */
export function versionHandlers({ db }: HandlerContext): VersionHandlers {
  return {
    'versions:list': ({ documentId }) => listVersions(db, documentId),
    'versions:candidate': ({ documentId }) => findPreviousVersionCandidate(db, documentId),
    'versions:link': ({ documentId, previousId }) => linkAsNewVersion(db, documentId, previousId),
    'versions:keepSeparate': ({ documentId }) => keepSeparate(db, documentId),
    'versions:queue': ({ documentId }) => listVersionChanges(db, documentId),
    'versions:resolve': ({ rowId, action }) => resolveVersionChange(db, rowId, action),
    'versions:reattach': ({ rowId, anchor }) => reattachVersionChange(db, rowId, anchor),
    'versions:compare': ({ fromId, toId }) => compareVersions(db, fromId, toId),
  };
}

