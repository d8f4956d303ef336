/**
 * Review packages in the Review view's column: export what you did in this copy as a package
 * for the desk, merge a colleague's package into this project, and the merges made so far —
 * each with its open conflicts (resolved side by side in a dialog) and an undo of the whole
 * merge.
 */
import { useCallback, useEffect, useState, type DragEvent } from 'react';
import type { MergeReport, MergeSummary } from '../../../shared/domain';
import { call } from '../../services/api';
import '../../styles/packages.css';
import { ConflictsDialog } from './ConflictsDialog';
import { describeCounts, MergeReportDialog } from './MergeReportDialog';

interface Props {
  /** Tells the shell that project data changed (claims, votes, comments arrived or went). */
  readonly onDataChanged: () => void;
}

/** The review packages panel. */
export function PackagePanel({ onDataChanged }: Props) {
  const [merges, setMerges] = useState<MergeSummary[] | null>(null);
  const [report, setReport] = useState<MergeReport | null>(null);
  const [conflictsOf, setConflictsOf] = useState<MergeSummary | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await call('review:merges', {});
    if (!result.ok) return setStatus(`Could not read the merges: ${result.error.message}`);
    setMerges(result.value);
  }, []);
  useEffect(() => void load(), [load]);

  const changed = useCallback(() => {
    void load();
    onDataChanged();
  }, [load, onDataChanged]);

  const exportPackage = async () => {
    setBusy(true);
    setStatus('');
    const result = await call('review:exportPackage', {});
    setBusy(false);
    if (!result.ok) return setStatus(`The package was not saved: ${result.error.message}`);
    if (result.value === null) return;
    setStatus(`Saved ${result.value.path} (${describeCounts(result.value.counts)}).`);
  };

  const mergePackage = async () => {
    setBusy(true);
    setStatus('');
    const result = await call('review:importPackageDialog', {});
    setBusy(false);
    if (!result.ok) return setStatus(`The package was not merged: ${result.error.message}`);
    if (result.value === null) return;
    setReport(result.value);
    changed();
  };

  const mergeDropped = async (file: File) => {
    setStatus('');
    const result = await call('review:importPackageBytes', { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name });
    if (!result.ok) return setStatus(`The package was not merged: ${result.error.message}`);
    setReport(result.value);
    changed();
  };

  // A package dropped on the panel is merged; drag events stop here so the window-wide "drop an
  // article" handler never sees them.
  const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');
  const dragProps = {
    onDragOver: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      e.dataTransfer.dropEffect = 'copy';
    },
    onDrop: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      const [file, ...more] = [...e.dataTransfer.files];
      if (more.length > 0) return setStatus('Drop one review package at a time.');
      if (file !== undefined) void mergeDropped(file);
    },
  };

  const undo = async (merge: MergeSummary) => {
    if (merge.historyEntryId === null) return;
    const result = await call('history:undo', { entryId: merge.historyEntryId });
    if (!result.ok) return setStatus(`The merge was not undone: ${result.error.message}`);
    setStatus(`Undid the merge of ${merge.madeBy}’s package: what it brought is in the bin, its edits reverted.`);
    changed();
  };

  return (
    <section className="package-panel" aria-labelledby="package-panel-title" {...dragProps}>
      <h3 id="package-panel-title">Review packages</h3>
      <p className="hint">Working on a copy? Export what you did as a package for the desk. At the desk, merge a colleague’s package into this project (or drop it here).</p>
      <div className="package-buttons">
        <button type="button" onClick={() => void exportPackage()} disabled={busy}>
          Export my review package…
        </button>
        <button type="button" onClick={() => void mergePackage()} disabled={busy}>
          Merge a review package…
        </button>
      </div>
      <p role="status" className="hint package-status">
        {status}
      </p>
      {merges !== null && merges.length > 0 && (
        <>
          <h3>Merged packages</h3>
          <ul className="package-merges" aria-label="Merged packages">
            {merges.map((m) => (
              <li key={m.id} className="package-merge" aria-label={`Package from ${m.madeBy}`}>
                <span className="package-merge-title">From {m.madeBy}</span>
                <span className="lib-item-meta">
                  Merged {new Date(m.mergedAt).toLocaleString()} · {describeCounts(m.merged)}
                  {m.notMerged.length > 0 ? ` · ${m.notMerged.length} not merged` : ''}
                </span>
                {m.conflictCount > 0 && (
                  <span className={m.openConflicts > 0 ? 'package-open' : 'lib-item-meta'}>
                    {m.openConflicts > 0
                      ? `${m.openConflicts} of ${m.conflictCount} ${m.conflictCount === 1 ? 'conflict' : 'conflicts'} to resolve`
                      : m.conflictCount === 1
                        ? 'Its conflict is resolved'
                        : `${m.conflictCount} conflicts, all resolved`}
                  </span>
                )}
                <div className="package-buttons">
                  {m.conflictCount > 0 && (
                    <button type="button" onClick={() => setConflictsOf(m)}>
                      Conflicts…
                    </button>
                  )}
                  {m.notMerged.length > 0 && (
                    <button
                      type="button"
                      onClick={() =>
                        setReport({
                          mergeId: m.id,
                          historyEntryId: m.historyEntryId,
                          alreadyMerged: false,
                          packageUid: m.packageUid,
                          fileName: m.fileName,
                          madeBy: { uid: '', name: m.madeBy, initials: '', color: '#6e7781' },
                          madeAt: m.madeAt,
                          merged: m.merged,
                          alreadyHere: m.alreadyHere,
                          conflicts: m.conflictCount,
                          notMerged: m.notMerged,
                        })
                      }
                    >
                      Report…
                    </button>
                  )}
                  {m.historyEntryId !== null && (
                    <button type="button" onClick={() => void undo(m)}>
                      Undo this merge
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {report !== null && <MergeReportDialog report={report} onClose={() => setReport(null)} />}
      {conflictsOf !== null && <ConflictsDialog merge={conflictsOf} onChanged={changed} onClose={() => setConflictsOf(null)} />}
    </section>
  );
}
