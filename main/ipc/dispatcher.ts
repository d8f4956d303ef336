/**
 * The one door into main. Every IPC call — from Electron's `ipcMain` or from the test harness —
 * goes through `dispatch`, which checks the sender, validates the arguments against the
 * contract, calls the plain handler and turns the outcome into a `Result`.
 */
import { AppError, type AppErrorValue, type Result } from '../../shared/result';
import { CHANNELS, isChannel, type Channel } from '../../shared/ipc/channels';
import { argSchemas, type Handlers } from '../../shared/ipc/contract';

/** What main knows about who is calling. */
export interface CallerInfo {
  /** URL of the frame that sent the call, or null when Electron could not tell. */
  readonly frameUrl: string | null;
  /** Whether the sending frame is the window's top frame (subframes are never trusted). */
  readonly isMainFrame: boolean;
}

export interface DispatcherOptions {
  /** Decides whether a caller may use the API at all. */
  readonly isTrustedCaller: (caller: CallerInfo) => boolean;
  /** Receives unexpected errors (bugs); defaults to console.error. */
  readonly onInternalError?: (channel: Channel, error: unknown) => void;
}

export interface Dispatcher {
  readonly channels: readonly Channel[];
  dispatch(channel: unknown, args: unknown, caller: CallerInfo): Promise<Result<unknown>>;
}

function failure(error: AppErrorValue): Result<never> {
  return { ok: false, error };
}

/** Names shown to users for the fields of the contract, by the last key of an issue's path. */
const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  publication: 'Publication',
  author: 'Author',
  url: 'URL',
  publishedOn: 'Publication date',
  speaker: 'Who said it',
  kind: 'How it was said',
  verdictId: 'Verdict',
  confidence: 'Confidence',
  note: 'Note',
  sources: 'Sources',
  text: 'Text',
  exact: 'Quoted text',
  issued: 'Date issued',
  accessed: 'Date accessed',
  publisher: 'Publisher',
  authors: 'Authors',
  language: 'Language',
  notes: 'Notes',
  reliabilityReason: 'Reason for the reliability rating',
  name: 'Name',
  role: 'Role',
  affiliation: 'Affiliation',
  externalId: 'External identifier',
  initials: 'Initials',
  color: 'Colour',
  label: 'Label',
  rationale: 'Rationale',
  pinpoint: 'Pinpoint',
};

/** Formats the first validation issue as a sentence a user can act on, naming the field in words. */
function describeIssue(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return 'Invalid input.';
  const key = [...first.path].reverse().find((p): p is string => typeof p === 'string');
  const label = key === undefined ? undefined : FIELD_LABELS[key];
  return label ? `${label}: ${first.message}` : first.message;
}

/** Creates the dispatcher over a complete handler table. */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions): Dispatcher {
  const report = options.onInternalError ?? ((channel, error) => console.error(`[ipc] ${channel} failed`, error));
  return {
    channels: CHANNELS,
    async dispatch(channel, args, caller) {
      if (!isChannel(channel)) return failure({ kind: 'forbidden', message: 'Unknown request.' });
      if (!options.isTrustedCaller(caller)) return failure({ kind: 'forbidden', message: 'Request from an untrusted page.' });
      const parsed = argSchemas[channel].safeParse(args ?? {});
      if (!parsed.success) return failure({ kind: 'invalid-argument', message: describeIssue(parsed.error.issues) });
      try {
        const handler = handlers[channel] as (a: unknown) => unknown;
        const value = await handler(parsed.data);
        return { ok: true, value };
      } catch (error) {
        if (error instanceof AppError) return failure(error.toValue());
        report(channel, error);
        return failure({ kind: 'internal', message: 'Something went wrong inside Claimdesk; your saved work is unchanged.' });
      }
    },
  };
}
