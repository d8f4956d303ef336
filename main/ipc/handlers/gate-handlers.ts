/** The publication gate: checking the claims of an export, overriding a problem with a reason, withdrawing an override. */
import type { Handlers } from '../../../shared/ipc/contract';
import { checkGate, overrideGate, withdrawOverride } from '../../store/review/gate';
import type { HandlerContext } from '../handler-context';

type GateHandlers = Pick<Handlers, 'gate:check' | 'gate:override' | 'gate:withdrawOverride'>;

/** The gate handlers. */
export function gateHandlers({ db }: HandlerContext): GateHandlers {
  return {
    'gate:check': ({ documentId, filter }) => checkGate(db, { documentId, filter }),
    'gate:override': ({ claimId, problem, reason }) => overrideGate(db, claimId, problem, reason),
    'gate:withdrawOverride': ({ id }) => {
      withdrawOverride(db, id);
      return null;
    },
  };
}
