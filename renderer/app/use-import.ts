/**
 * Importing article files from the renderer's side: a batch picked in main's dialog (main
 * reads them and reports progress), or files dropped on the window (read here, sent one by one
 * with progress shown). Either way the outcome is one report — imported, refused with why, or
 * waiting for the user to confirm an encoding — and the window stays usable meanwhile.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentSummary } from '../../shared/domain';
import type { BatchImportReport, EncodingQuestion } from '../../shared/ipc/contract';
import type { AppErrorValue, Result } from '../../shared/result';
import { call } from '../services/api';

export interface ImportProgress {
  readonly taskId: string;
  readonly done: number;
  readonly total: number;
  readonly label: string;
}

/** A question about an encoding, with how to answer it. */
export interface PendingEncoding extends EncodingQuestion {
  /** Imports the file with the chosen encoding. */
  readonly answer: (encoding: string) => Promise<Result<DocumentSummary | EncodingQuestion>>;
}

export interface ImportReportState {
  readonly imported: BatchImportReport['imported'];
  readonly refused: BatchImportReport['refused'];
  readonly pending: readonly PendingEncoding[];
}

let counter = 0;
const newTaskId = () => `import-${Date.now().toString(36)}-${++counter}`;

/** Runs batch imports; `onImported` gets the documents that were added (to refresh and open). */
export function useImport(onImported: (documents: readonly DocumentSummary[]) => Promise<void>, onError: (error: AppErrorValue) => void) {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<ImportReportState | null>(null);
  const onImportedRef = useRef(onImported);
  onImportedRef.current = onImported;

  useEffect(
    () =>
      window.api.onProgress((p) => {
        setProgress((current) => (current && current.taskId === p.taskId ? { ...current, done: p.done, total: p.total, label: p.label } : current));
      }),
    [],
  );

  const finish = useCallback(async (state: ImportReportState) => {
    setProgress(null);
    await onImportedRef.current(state.imported.map((i) => i.document));
    // One clean file needs no report: it simply opens.
    const clean = state.imported.length === 1 && state.refused.length === 0 && state.pending.length === 0 && state.imported[0]!.warnings.length === 0;
    if (!clean && (state.imported.length > 0 || state.refused.length > 0 || state.pending.length > 0)) setReport(state);
  }, []);

  const fromDialog = useCallback(async () => {
    const taskId = newTaskId();
    setProgress({ taskId, done: 0, total: 1, label: 'Choosing files…' });
    const result = await call('documents:importDialog', { taskId });
    if (!result.ok) {
      setProgress(null);
      return onError(result.error);
    }
    if (result.value === null) return setProgress(null);
    const { imported, refused, needsEncoding } = result.value;
    await finish({
      imported,
      refused,
      pending: needsEncoding.map((q) => ({ ...q, answer: (encoding: string) => answerPending(q, encoding) })),
    });
  }, [finish, onError]);

  const fromFiles = useCallback(
    async (files: readonly File[]) => {
      const taskId = newTaskId();
      const imported: BatchImportReport['imported'][number][] = [];
      const refused: BatchImportReport['refused'][number][] = [];
      const pending: PendingEncoding[] = [];
      for (const [i, file] of files.entries()) {
        setProgress({ taskId, done: i, total: files.length, label: `Importing ${file.name} (${i + 1} of ${files.length})…` });
        const bytes = new Uint8Array(await file.arrayBuffer());
        const result = await call('documents:importBytes', { bytes, fileName: file.name });
        if (!result.ok) refused.push({ fileName: file.name, message: result.error.message });
        else if (result.value.status === 'imported') imported.push({ fileName: file.name, document: result.value.document, warnings: result.value.warnings });
        else pending.push({ ...result.value, answer: (encoding: string) => answerBytes(bytes, file.name, encoding) });
      }
      await finish({ imported, refused, pending });
    },
    [finish],
  );

  /** After an encoding was confirmed: the file leaves the pending list, and joins the imported ones. */
  const resolvePending = useCallback(async (question: PendingEncoding, document: DocumentSummary) => {
    setReport((r) => (r ? { ...r, pending: r.pending.filter((p) => p !== question), imported: [...r.imported, { fileName: question.fileName, document, warnings: [] }] } : r));
    await onImportedRef.current([document]);
  }, []);

  return { progress, report, fromDialog, fromFiles, resolvePending, closeReport: () => setReport(null) };
}

async function answerPending(question: EncodingQuestion, encoding: string): Promise<Result<DocumentSummary | EncodingQuestion>> {
  const result = await call('documents:importPending', { token: question.token!, encoding });
  if (!result.ok) return result;
  return { ok: true, value: result.value.status === 'imported' ? result.value.document : result.value };
}

async function answerBytes(bytes: Uint8Array<ArrayBuffer>, fileName: string, encoding: string): Promise<Result<DocumentSummary | EncodingQuestion>> {
  const result = await call('documents:importBytes', { bytes, fileName, encoding });
  if (!result.ok) return result;
  return { ok: true, value: result.value.status === 'imported' ? result.value.document : result.value };
}
