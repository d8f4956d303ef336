/**
 * `claimdesk export`: a document in one of the export formats, written to standard output or
 * atomically to --out. The bytes are the app's: the same bundle (gatherBundle) and the same
 * renderer (renderTextExport); PDF is the HTML report printed by a browser found on the
 * computer, where the app uses Electron's.
 */
import path from 'node:path';
import type { ExportOptions } from '../../shared/export/bundle';
import { gatherBundle } from '../export/gather-bundle';
import { renderTextExport } from '../export/render-export';
import type { ExportArgs } from './arguments';
import { selectionFilter } from './claim-selection';
import { RuntimeError, UsageError } from './cli-errors';
import type { CliIo } from './cli-io';
import { chromiumPdfPrinter, findChromium } from './chromium-pdf';
import { requireDocument } from './project-document';
import { withProject } from './read-project';
import { GENERATOR } from './version';
import { checkOutputTarget, refuseProjectAsOutput, writeFileAtomic } from './write-output';

/** Exports document `args.doc` of `args.project` as `args.format`. */
export async function exportCommand(args: ExportArgs, io: CliIo): Promise<void> {
  if (args.out !== null) {
    refuseProjectAsOutput(args.out, args.project);
    checkOutputTarget(args.out);
  }
  if (args.out === null && args.format === 'pdf' && io.stdout.isTTY === true) {
    throw new UsageError('A PDF is not text: write it to a file with --out FILE, or redirect the output (> report.pdf).', 'export');
  }
  const now = exportTime(io.env);
  const printer = args.format === 'pdf' ? chromiumPdfPrinter(findChromium({ env: io.env })) : null;
  const options: ExportOptions = { includeNotes: args.includeNotes, includeConfidential: args.includeConfidential };

  const bundle = withProject(args.project, (db) =>
    db.transaction(() => {
      requireDocument(db, args.doc, args.project);
      const filter = selectionFilter(db, args);
      // The app names the desk after the project file; so does the command line, unless told.
      const desk = args.desk ?? nonBlank(io.env.CLAIMDESK_DESK) ?? path.basename(args.project, path.extname(args.project));
      return gatherBundle(db, args.doc, options, {
        desk,
        generator: GENERATOR,
        ...(now === undefined ? {} : { now }),
        ...(filter === undefined ? {} : { filter }),
      });
    })(),
  );

  const text = renderTextExport(bundle, args.format === 'pdf' ? 'html' : args.format);
  const data = printer === null ? text : await printer.print(text);
  if (args.out === null) io.stdout.write(data);
  else writeFileAtomic(args.out, data, args.project);
}

/**
 * The export time: now, unless SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds
 * convention) fixes it, so that a pipeline re-running an unchanged export gets the same bytes.
 */
export function exportTime(env: CliIo['env']): string | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return undefined;
  const seconds = /^\d{1,12}$/.test(epoch.trim()) ? Number(epoch.trim()) : NaN;
  if (!Number.isSafeInteger(seconds)) {
    throw new RuntimeError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 (it is "${epoch}").`);
  }
  return new Date(seconds * 1000).toISOString();
}

function nonBlank(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value.trim();
}
