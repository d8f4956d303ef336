/**
 * Exporting a document: the user picks the file first, then the claims (those matching the
 * filters on screen) are gathered in one read, formatted, printed when PDF, and written
 * atomically — a final report only once the publication gate passes. Each step reports
 * progress on the event channel, and main yields between steps so the window keeps getting
 * answers while a large export runs.
 */
import path from 'node:path';
import { EXPORT_FORMAT_INFO, exportFileName } from '../../../shared/export/formats';
import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/result';
import { gatherBundle } from '../../export/gather-bundle';
import { renderTextExport } from '../../export/render-export';
import { writeExportFile } from '../../export/write-file';
import { getDocument } from '../../store/documents';
import { checkGate, describeOpenProblems } from '../../store/review/gate';
import type { HandlerContext } from '../handler-context';

type ExportHandlers = Pick<Handlers, 'export:save'>;

/** Lets pending I/O (IPC replies, progress events) through before the next step. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The export handlers. */
export function exportHandlers(ctx: HandlerContext): ExportHandlers {
  return {
    'export:save': async ({ documentId, format, options, filter, final, taskId }) => {
      const info = EXPORT_FORMAT_INFO[format];
      const document = getDocument(ctx.db, documentId);
      // A final report passes the publication gate on the very claims it will contain: before
      // the user picks a file, and again in the read that gathers them, as the desk may have
      // changed in between.
      const passGate = () => {
        if (final !== true) return;
        const report = checkGate(ctx.db, { documentId, filter });
        if (!report.ready) throw new AppError('conflict', describeOpenProblems(report));
      };
      passGate();
      const target = await ctx.dialogs.pickExportPath(exportFileName(document.title, format), info);
      if (target === null) return null;

      const steps = format === 'pdf' ? ['Gathering the claims…', 'Writing the report…', 'Printing the PDF…', 'Saving the file…'] : ['Gathering the claims…', `Writing the ${info.label}…`, 'Saving the file…'];
      let step = 0;
      const advance = async () => {
        ctx.notify({ type: 'progress', taskId, done: step, total: steps.length, label: steps[step]! });
        step += 1;
        await yieldToEventLoop();
      };

      await advance();
      const desk = path.basename(ctx.projectPath, path.extname(ctx.projectPath));
      const bundle = ctx.db.transaction(() => {
        passGate();
        return gatherBundle(ctx.db, documentId, options, { desk, generator: ctx.generator, ...(filter ? { filter } : {}) });
      })();
      await advance();
      const text = renderTextExport(bundle, format === 'pdf' ? 'html' : format);
      let data: string | Uint8Array = text;
      if (format === 'pdf') {
        await advance();
        data = await ctx.pdf.print(text);
      }
      await advance();
      writeExportFile(target, data, ctx.projectPath);
      ctx.notify({ type: 'progress', taskId, done: steps.length, total: steps.length, label: 'Saved.' });
      const bytes = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.byteLength;
      return { path: path.resolve(target), format, claims: bundle.claims.length, bytes };
    },
  };
}
