/**
 * Saving the minutes of a review session: checked first (so a refused request asks for no
 * file), then the user picks where, then the minutes are gathered at that moment, rendered —
 * printed to PDF by the browser engine when asked — and written atomically.
 */
import path from 'node:path';
import type { Handlers } from '../../../shared/ipc/contract';
import { minutesFileName, minutesHtml, minutesMarkdown, type MinutesFormat } from '../../../shared/review/minutes';
import { writeExportFile } from '../../export/write-file';
import { gatherMinutes, requireMinutesAccess } from '../../store/review/minutes';
import type { HandlerContext, SaveKind } from '../handler-context';

type MinutesHandlers = Pick<Handlers, 'review:saveMinutes'>;

/** What the save dialog says about each format. */
const SAVE_KINDS: Readonly<Record<MinutesFormat, SaveKind>> = {
  markdown: { label: 'session minutes (Markdown)', extension: 'md' },
  pdf: { label: 'session minutes (PDF)', extension: 'pdf' },
};

/** The session minutes handlers. */
export function minutesHandlers(ctx: HandlerContext): MinutesHandlers {
  return {
    'review:saveMinutes': async ({ sessionId, format }) => {
      const session = requireMinutesAccess(ctx.db, sessionId);
      const target = await ctx.dialogs.pickSavePath(minutesFileName(session.title, format), SAVE_KINDS[format]);
      if (target === null) return null;
      const minutes = gatherMinutes(ctx.db, session.id, { generator: ctx.generator });
      const data = format === 'pdf' ? await ctx.pdf.print(minutesHtml(minutes)) : minutesMarkdown(minutes);
      writeExportFile(target, data, ctx.projectPath);
      const bytes = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.byteLength;
      return { path: path.resolve(target), bytes };
    },
  };
}
