/** Claims, the verdict scale, tags, search and the history of changes. */
import type { Handlers } from '../../../shared/ipc/contract';
import { createClaim, deleteClaim, filterClaims, linkClaims, linkedClaims, listClaims, reattachClaim, restoreClaim, unlinkClaim, updateClaim } from '../../store/claims';
import { listHistory, undoChange } from '../../store/history';
import { searchWithBound } from '../../store/search';
import { createTag, deleteTag, listTags, mergeTags, moveTag, updateTag } from '../../store/tags';
import { createVerdict, deleteVerdict, listVerdicts, reorderVerdicts, updateVerdict } from '../../store/verdicts';
import type { HandlerContext } from '../handler-context';

type ClaimHandlers = Pick<
  Handlers,
  | 'verdicts:list'
  | 'verdicts:create'
  | 'verdicts:update'
  | 'verdicts:reorder'
  | 'verdicts:delete'
  | 'claims:list'
  | 'claims:filter'
  | 'claims:create'
  | 'claims:update'
  | 'claims:delete'
  | 'claims:restore'
  | 'claims:link'
  | 'claims:unlink'
  | 'claims:linked'
  | 'claims:reattach'
  | 'tags:list'
  | 'tags:create'
  | 'tags:update'
  | 'tags:move'
  | 'tags:merge'
  | 'tags:delete'
  | 'search:query'
  | 'history:list'
  | 'history:undo'
>;

/** The claim handlers. */
export function claimHandlers({ db }: HandlerContext): ClaimHandlers {
  return {
    'verdicts:list': () => listVerdicts(db),
    'verdicts:create': ({ fields }) => createVerdict(db, fields),
    'verdicts:update': ({ id, fields }) => updateVerdict(db, id, fields),
    'verdicts:reorder': ({ ids }) => {
      reorderVerdicts(db, ids);
      return listVerdicts(db);
    },
    'verdicts:delete': ({ id, moveClaimsTo }) => {
      deleteVerdict(db, id, moveClaimsTo);
      return listVerdicts(db);
    },
    'claims:list': ({ documentId, includeDeleted }) => listClaims(db, documentId, { includeDeleted: includeDeleted ?? false }),
    'claims:filter': ({ filter }) => filterClaims(db, filter),
    'claims:create': ({ documentId, anchor, input }) => createClaim(db, { documentId, anchor, input }),
    'claims:update': ({ id, input }) => updateClaim(db, id, input),
    'claims:delete': ({ id }) => deleteClaim(db, id),
    'claims:restore': ({ id }) => restoreClaim(db, id),
    'claims:link': ({ id, withId }) => linkClaims(db, id, withId),
    'claims:unlink': ({ id }) => unlinkClaim(db, id),
    'claims:linked': ({ id }) => linkedClaims(db, id),
    'claims:reattach': ({ id, anchor }) => reattachClaim(db, id, anchor),
    'tags:list': () => listTags(db),
    'tags:create': ({ fields }) => createTag(db, fields),
    'tags:update': ({ id, name, color }) => updateTag(db, id, { name, color }),
    'tags:move': ({ id, parentId }) => moveTag(db, id, parentId),
    'tags:merge': ({ keepId, mergeId }) => mergeTags(db, keepId, mergeId),
    'tags:delete': ({ id, moveClaimsTo }) => {
      deleteTag(db, id, moveClaimsTo);
      return listTags(db);
    },
    'search:query': ({ text, limit }) => searchWithBound(db, text, limit),
    'history:list': (query) => listHistory(db, query),
    'history:undo': ({ entryId }) => undoChange(db, entryId),
  };
}
