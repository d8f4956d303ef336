/** Versions of an article: the series, linking a new version, its changes queue, and comparing two versions. */
import type { Handlers } from '../../../shared/ipc/contract';
import { planLink } from '../../../shared/versions/link-plan';
import { compareParagraphs } from '../../../shared/versions/text-diff';
import { linkAsNewVersionWith, type LinkPlanner } from '../../store/version-link';
import { listVersionChanges, reattachVersionChange, resolveVersionChange } from '../../store/version-queue';
import { compareVersionsWith, findPreviousVersionCandidate, keepSeparate, listVersions, type ParagraphComparer } from '../../store/versions';
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
 * The version handlers. Linking and comparing compute in the context's version worker (a worker
 * thread), reading and writing the project in short transactions around it; a context without
 * one (a test that gives only the database) computes on this thread, through the same steps.
 */
export function versionHandlers({ db, versions }: HandlerContext): VersionHandlers {
  const planner: LinkPlanner = versions ? (input) => versions.planLink(input) : async (input) => planLink(input);
  const comparer: ParagraphComparer = versions ? (before, after) => versions.compare(before, after) : async (before, after) => compareParagraphs(before, after);
  return {
    'versions:list': ({ documentId }) => listVersions(db, documentId),
    'versions:candidate': ({ documentId }) => findPreviousVersionCandidate(db, documentId),
    'versions:link': ({ documentId, previousId }) => linkAsNewVersionWith(db, planner, documentId, previousId),
    'versions:keepSeparate': ({ documentId }) => keepSeparate(db, documentId),
    'versions:queue': ({ documentId }) => listVersionChanges(db, documentId),
    'versions:resolve': ({ rowId, action }) => resolveVersionChange(db, rowId, action),
    'versions:reattach': ({ rowId, anchor }) => reattachVersionChange(db, rowId, anchor),
    'versions:compare': ({ fromId, toId }) => compareVersionsWith(db, comparer, fromId, toId),
  };
}

