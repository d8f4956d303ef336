/**
 * Runs exports in the background of the workspace: the dialog starts one and may be closed
 * while it runs; progress arrives from main as events, and the outcome as a message. The
 * window stays usable throughout — nothing here waits on main synchronously.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClaimFilter } from '../../shared/domain';
import type { ExportOptions } from '../../shared/export/bundle';
import { EXPORT_FORMAT_INFO, type ExportFormat } from '../../shared/export/formats';
import type { ExportResult } from '../../shared/ipc/contract';
import type { AppErrorValue } from '../../shared/result';
import { call } from '../services/api';

export interface ExportRequest {
  readonly documentId: number;
  readonly format: ExportFormat;
  readonly options: ExportOptions;
  /** The filters on screen, or undefined for every claim of the document. */
  readonly filter?: ClaimFilter;
  /** A final report: main exports it only if the publication gate passes. */
  readonly final?: boolean;
}

export interface RunningExport {
  readonly taskId: string;
  readonly format: ExportFormat;
  readonly done: number;
  readonly total: number;
  readonly label: string;
}

export type ExportOutcome = { readonly ok: true; readonly value: ExportResult | null } | { readonly ok: false; readonly error: AppErrorValue };

let counter = 0;

/** The running export (at most one) and a function to start one. */
export function useExport(notify: (message: string) => void) {
  const [running, setRunning] = useState<RunningExport | null>(null);
  const runningRef = useRef<RunningExport | null>(null);
  runningRef.current = running;

  useEffect(
    () =>
      window.api.onProgress((p) => {
        setRunning((r) => (r && r.taskId === p.taskId ? { ...r, done: p.done, total: p.total, label: p.label } : r));
      }),
    [],
  );

  const start = useCallback(
    async (request: ExportRequest): Promise<ExportOutcome> => {
      if (runningRef.current) return { ok: false, error: { kind: 'conflict', message: 'An export is already running. Wait for it to finish.' } };
      const taskId = `export-${Date.now().toString(36)}-${++counter}`;
      const info = EXPORT_FORMAT_INFO[request.format];
      const begun: RunningExport = { taskId, format: request.format, done: 0, total: 1, label: 'Choosing where to save…' };
      runningRef.current = begun;
      setRunning(begun);
      const result = await call('export:save', { ...request, ...(request.filter ? { filter: request.filter } : {}), taskId });
      runningRef.current = null;
      setRunning(null);
      if (result.ok && result.value) {
        const { claims, path } = result.value;
        notify(`Exported ${claims === 1 ? '1 claim' : `${claims} claims`} as ${info.label} to ${path}.`);
      }
      return result;
    },
    [notify],
  );

  return { running, start };
}
