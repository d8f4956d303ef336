/** Review sessions: making and reading them, votes, the lead's sign-off, discussion threads. */
import type { Handlers } from '../../../shared/ipc/contract';
import { addComment, deleteComment, listComments } from '../../store/review/comments';
import { decideClaim } from '../../store/review/decisions';
import { closeSession, createSession, getSessionDetail, listSessions, moveClaim, reopenSession } from '../../store/review/sessions';
import { castVote, withdrawVote } from '../../store/review/votes';
import type { HandlerContext } from '../handler-context';

type ReviewHandlers = Pick<
  Handlers,
  | 'review:sessions'
  | 'review:create'
  | 'review:detail'
  | 'review:vote'
  | 'review:withdraw'
  | 'review:decide'
  | 'review:move'
  | 'review:close'
  | 'review:reopen'
  | 'comments:list'
  | 'comments:add'
  | 'comments:delete'
>;

/** The review handlers. */
export function reviewHandlers({ db }: HandlerContext): ReviewHandlers {
  return {
    'review:sessions': () => listSessions(db),
    'review:create': ({ input }) => createSession(db, input),
    'review:detail': ({ id }) => getSessionDetail(db, id),
    'review:vote': ({ sessionId, claimId, vote }) => castVote(db, sessionId, claimId, vote),
    'review:withdraw': ({ sessionId, claimId }) => {
      withdrawVote(db, sessionId, claimId);
      return null;
    },
    'review:decide': ({ sessionId, claimId, decision }) => decideClaim(db, sessionId, claimId, decision),
    'review:move': ({ sessionId, claimId, delta }) => moveClaim(db, sessionId, claimId, delta),
    'review:close': ({ id }) => closeSession(db, id),
    'review:reopen': ({ id }) => reopenSession(db, id),
    'comments:list': ({ claimId }) => listComments(db, claimId),
    'comments:add': ({ claimId, body, sessionId }) => addComment(db, claimId, body, sessionId),
    'comments:delete': ({ id }) => {
      deleteComment(db, id);
      return null;
    },
  };
}
