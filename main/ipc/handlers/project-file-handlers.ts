/** The project file itself: its state for the window's banners, "Save a copy as…", backups and restoring one. */
import path from 'node:path';
import type { Handlers } from '../../../shared/ipc/contract';
import type { ProjectFileStatus } from '../../../shared/ipc/project-file';
import { AppError } from '../../../shared/result';
import { writeProjectCopy } from '../../store/backup';
import type { HandlerContext } from '../handler-context';
import type { ProjectFileHost } from '../project-file-host';

type ProjectFileHandlers = Pick<Handlers, 'project:status' | 'project:backups' | 'project:saveCopy' | 'project:restoreBackup'>;

/** A project opened without a session (some tests): writable, nothing to warn about. */
const PLAIN_STATUS: ProjectFileStatus = { readOnly: null, readOnlyMessage: null, networkWarning: null, backupWarning: null };

function host(ctx: HandlerContext): ProjectFileHost {
  if (!ctx.projectFile) throw new AppError('not-found', 'This project has no backups folder.');
  return ctx.projectFile;
}

/** The project-file handlers. */
export function projectFileHandlers(ctx: HandlerContext): ProjectFileHandlers {
  return {
    'project:status': () => ctx.projectFile?.status ?? PLAIN_STATUS,
    'project:backups': () => {
      const h = host(ctx);
      return { folder: h.backupsDir, backups: h.listBackups().map((b) => ({ name: b.name, time: b.time.toISOString(), bytes: b.bytes, beforeUpdate: b.beforeUpdate })) };
    },
    'project:saveCopy': async () => {
      if (ctx.projectFile?.status.readOnly === 'unreadable') {
        throw new AppError('damaged', 'Nothing could be read from this project file, so there is nothing to copy. Restore a backup instead.');
      }
      const name = path.basename(ctx.projectPath, path.extname(ctx.projectPath));
      const target = await ctx.dialogs.pickSavePath(`${name} copy.claimdesk`, { label: 'Claimdesk project', extension: 'claimdesk' });
      if (target === null) return null;
      const { bytes } = writeProjectCopy(ctx.db, target, [ctx.projectPath]);
      return { path: target, bytes };
    },
    'project:restoreBackup': ({ name }) => host(ctx).restoreBackup(name),
  };
}
