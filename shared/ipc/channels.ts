/**
 * The names of the IPC channels and of the events main sends to the renderer. This module has
 * no dependencies, so the sandboxed preload can import it without pulling in the validators.
 */

/** Every invokable channel. The preload forwards nothing else. */
export const CHANNELS = [
  'project:info',
  'profiles:list',
  'profiles:current',
  'profiles:create',
  'profiles:switch',
  'documents:list',
  'documents:get',
  'documents:importText',
  'documents:importBytes',
  'documents:importDialog',
  'documents:importHtml',
  'documents:importPending',
  'documents:openSample',
  'documents:updateMeta',
  'verdicts:list',
  'verdicts:create',
  'verdicts:update',
  'verdicts:reorder',
  'verdicts:delete',
  'claims:list',
  'claims:filter',
  'claims:create',
  'claims:update',
  'claims:delete',
  'claims:restore',
  'claims:link',
  'claims:unlink',
  'claims:linked',
  'claims:reattach',
  'sources:list',
  'sources:get',
  'sources:create',
  'sources:update',
  'sources:delete',
  'sources:restore',
  'sources:merge',
  'sources:claims',
  'attachments:addBytes',
  'attachments:addDialog',
  'attachments:open',
  'links:open',
  'attachments:delete',
  'speakers:list',
  'speakers:create',
  'speakers:update',
  'speakers:delete',
  'speakers:restore',
  'speakers:merge',
  'tags:list',
  'tags:create',
  'tags:update',
  'tags:move',
  'tags:merge',
  'tags:delete',
  'search:query',
  'history:list',
  'history:undo',
  'export:save',
  'annotations:importDialog',
  'annotations:importBytes',
  'versions:list',
  'versions:candidate',
  'versions:link',
  'versions:keepSeparate',
  'versions:queue',
  'versions:resolve',
  'versions:reattach',
  'versions:compare',
  // Review sessions, votes, sign-off, discussion.
  'review:sessions',
  'review:create',
  'review:detail',
  'review:vote',
  'review:withdraw',
  'review:decide',
  'review:move',
  'review:close',
  'review:reopen',
  'comments:list',
  'comments:add',
  'comments:delete',
  // Session minutes.
  'review:saveMinutes',
  // The publication gate.
  'gate:check',
  'gate:override',
  'gate:withdrawOverride',
  // Review packages and merges.
  'review:exportPackage',
  'review:importPackageDialog',
  'review:importPackageBytes',
  'review:merges',
  'review:conflicts',
  'review:resolveConflict',
  // The project file: copies, backups, recovery.
  'project:status',
  'project:backups',
  'project:saveCopy',
  'project:restoreBackup',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Whether a string names a channel of the contract. */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNELS as readonly string[]).includes(name);
}

/** The single event channel main uses to talk to the renderer. */
export const EVENT_CHANNEL = 'app:event';

/** Commands main sends from its menus; the renderer acts on them as if a button was pressed. */
export const APP_COMMANDS = [
  'import-file',
  'import-paste',
  'open-sample',
  'tag-claim',
  'library-changed',
  'show-sources',
  'show-history',
  'show-shortcuts',
  'focus-search',
  'export',
  'import-annotations',
  // The project file: copies, backups, recovery.
  'save-copy',
  'show-backups',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

/** Whether a value is one of the app commands. */
export function isAppCommand(name: unknown): name is AppCommand {
  return typeof name === 'string' && (APP_COMMANDS as readonly string[]).includes(name);
}
