/**
 * The handler table: one plain function per channel of the contract, closed over the open
 * project. No Electron here: dialogs, settings and the file opener come in through the
 * context, so the same handlers serve the app and the test harness.
 */
import type { Handlers } from '../../shared/ipc/contract';
import type { HandlerContext } from './handler-context';
import { annotationHandlers } from './handlers/annotation-handlers';
import { claimHandlers } from './handlers/claim-handlers';
import { documentHandlers } from './handlers/document-handlers';
import { exportHandlers } from './handlers/export-handlers';
import { gateHandlers } from './handlers/gate-handlers';
import { minutesHandlers } from './handlers/minutes-handlers';
import { packageHandlers } from './handlers/package-handlers';
import { profileHandlers } from './handlers/profile-handlers';
import { projectFileHandlers } from './handlers/project-file-handlers';
import { refuseWritesWhenReadOnly } from './read-only';
import { gateWrites } from './write-gate';
import { reviewHandlers } from './handlers/review-handlers';
import { sourceHandlers } from './handlers/source-handlers';
import { versionHandlers } from './handlers/version-handlers';

export type { Dialogs, FileOpener, HandlerContext } from './handler-context';

/** Creates the handlers for one open project. */
export function createHandlers(ctx: HandlerContext): Handlers {
  // A damaged project is open read-only: every channel that writes is refused (read-only.ts).
  // Changes wait while a version is linked through the version worker's connection (write-gate.ts).
  const handlers = refuseWritesWhenReadOnly({
    ...profileHandlers(ctx),
    ...documentHandlers(ctx),
    ...claimHandlers(ctx),
    ...sourceHandlers(ctx),
    ...exportHandlers(ctx),
    ...annotationHandlers(ctx),
    ...versionHandlers(ctx),
    ...reviewHandlers(ctx),
    // Session minutes.
    ...minutesHandlers(ctx),
    // The publication gate.
    ...gateHandlers(ctx),
    // Review packages and merges.
    ...packageHandlers(ctx),
    // The project file: copies, backups, recovery.
    ...projectFileHandlers(ctx),
  } satisfies Handlers, () => (ctx.projectFile?.status.readOnly ?? null) !== null);
  return gateWrites(handlers);
}
