/**
 * Which channels may run while the project is open read-only (a damaged file, opened from a
 * copy). The list is of what is allowed: a channel not named here is refused in that mode, so a
 * channel added without thought errs on the side of not writing. The test beside this file
 * checks that every channel of the contract is in exactly one of the two lists.
 */
import type { Channel } from '../../shared/ipc/channels';
import type { Handlers } from '../../shared/ipc/contract';
import { AppError } from '../../shared/result';

/**
 * Channels allowed while read-only: they read the project (and may write files the user picked,
 * never the project file).
 */
export const READ_ONLY_CHANNELS: readonly Channel[] = [
  'project:info',
  'profiles:list',
  'profiles:current',
  // Who is working is the machine's setting; the project gains only a profile row, and a
  // read-only project is a throwaway copy. Refusing these would keep a new user out of the
  // window (the first-run dialog) and so away from Export and Backups.
  'profiles:create',
  'profiles:switch',
  'documents:list',
  'documents:get',
  'verdicts:list',
  'claims:list',
  'claims:filter',
  'claims:linked',
  'sources:list',
  'sources:get',
  'sources:claims',
  'attachments:open',
  'links:open',
  'speakers:list',
  'tags:list',
  'search:query',
  'history:list',
  'export:save',
  'versions:list',
  'versions:candidate',
  'versions:queue',
  'versions:compare',
  'review:sessions',
  'review:detail',
  'comments:list',
  'review:saveMinutes',
  'gate:check',
  'review:exportPackage',
  'review:merges',
  'review:conflicts',
  'project:status',
  'project:backups',
  'project:saveCopy',
  'project:restoreBackup',
];

/** Channels that change the project: refused while it is read-only. */
export const WRITING_CHANNELS: readonly Channel[] = [
  'documents:importText',
  'documents:importBytes',
  'documents:importDialog',
  'documents:importHtml',
  'documents:importPending',
  'documents:openSample',
  'documents:updateMeta',
  'verdicts:create',
  'verdicts:update',
  'verdicts:reorder',
  'verdicts:delete',
  'claims:create',
  'claims:update',
  'claims:delete',
  'claims:restore',
  'claims:link',
  'claims:unlink',
  'claims:reattach',
  'sources:create',
  'sources:update',
  'sources:delete',
  'sources:restore',
  'sources:merge',
  'attachments:addBytes',
  'attachments:addDialog',
  'attachments:delete',
  'speakers:create',
  'speakers:update',
  'speakers:delete',
  'speakers:restore',
  'speakers:merge',
  'tags:create',
  'tags:update',
  'tags:move',
  'tags:merge',
  'tags:delete',
  'history:undo',
  'annotations:importDialog',
  'annotations:importBytes',
  'versions:link',
  'versions:keepSeparate',
  'versions:resolve',
  'versions:reattach',
  'review:create',
  'review:vote',
  'review:withdraw',
  'review:decide',
  'review:move',
  'review:close',
  'review:reopen',
  'comments:add',
  'comments:delete',
  'gate:override',
  'gate:withdrawOverride',
  'review:importPackageDialog',
  'review:importPackageBytes',
  'review:resolveConflict',
];

const allowed = new Set<Channel>(READ_ONLY_CHANNELS);

/** The error a change gets while the project is read-only. */
export const READ_ONLY_REFUSAL = 'This project is open read-only because its file is damaged: nothing can be changed. Export what you need, or restore a backup.';

/**
 * Wraps the handler table so that, whenever `readOnly()` says so, every channel not in
 * READ_ONLY_CHANNELS throws AppError('forbidden') before its handler runs.
 */
export function refuseWritesWhenReadOnly(handlers: Handlers, readOnly: () => boolean): Handlers {
  const guarded = { ...handlers } as Record<Channel, (args: unknown) => unknown>;
  for (const channel of Object.keys(handlers) as Channel[]) {
    if (allowed.has(channel)) continue;
    const handler = handlers[channel] as (args: unknown) => unknown;
    guarded[channel] = (args) => {
      if (readOnly()) throw new AppError('forbidden', READ_ONLY_REFUSAL);
      return handler(args);
    };
  }
  return guarded as Handlers;
}
