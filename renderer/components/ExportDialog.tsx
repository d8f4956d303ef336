/**
 * The export dialog: which format, which claims (all of the document, or those matching the
 * filters on screen), and whether internal notes and confidential sources go out — both off
 * unless the user asks. A final report first passes the publication gate: its checklist lists
 * the claims to fix or override, and Export stays off until none is left. While the export
 * runs the dialog shows its progress; the user can close it and keep working, and hears of the
 * outcome in a message.
 */
import { useId, useState, type FormEvent } from 'react';
import type { ClaimFilter } from '../../shared/domain';
import { EXPORT_FORMATS, EXPORT_FORMAT_INFO, type ExportFormat } from '../../shared/export/formats';
import type { AppErrorValue } from '../../shared/result';
import type { ExportOutcome, ExportRequest, RunningExport } from '../app/use-export';
import { GateChecklist, useGateReport } from './GateChecklist';
import { Modal } from './Modal';
import '../styles/exchange.css';

interface Props {
  readonly documentId: number;
  /** Live claims of the document. */
  readonly total: number;
  /** The filters on screen with how many claims they match, or null when none are on. */
  readonly filtered: { readonly filter: ClaimFilter; readonly count: number } | null;
  readonly running: RunningExport | null;
  readonly onExport: (request: ExportRequest) => Promise<ExportOutcome>;
  readonly onClose: () => void;
  /** Opens with "Final report" ticked (back from fixing a claim the checklist named). */
  readonly startFinal?: boolean;
  /** Closes the dialog and shows a claim in the article (to fix what the gate found). */
  readonly onGoToClaim: (claimId: number) => void;
}

const claimsText = (n: number) => (n === 1 ? '1 claim' : `${n} claims`);

/** The export dialog. */
export function ExportDialog({ documentId, total, filtered, running, onExport, onClose, startFinal = false, onGoToClaim }: Props) {
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>('html');
  const [scope, setScope] = useState<'filtered' | 'all'>(filtered ? 'filtered' : 'all');
  const [includeNotes, setIncludeNotes] = useState(false);
  const [includeConfidential, setIncludeConfidential] = useState(false);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [final, setFinal] = useState(startFinal);
  const reportLike = format === 'html' || format === 'pdf' || format === 'markdown';
  const useFilter = filtered !== null && scope === 'filtered';
  const gate = useGateReport(documentId, useFilter ? filtered.filter : undefined, final);
  const blocked = final && gate.report?.ready !== true;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (blocked) return;
    const outcome = await onExport({ documentId, format, options: { includeNotes, includeConfidential }, ...(useFilter ? { filter: filtered.filter } : {}), ...(final ? { final } : {}) });
    if (!outcome.ok) {
      setError(outcome.error);
      if (final) void gate.reload();
    }
    else if (outcome.value) onClose();
  }

  return (
    <Modal title="Export" titleId={`${id}-title`} onClose={onClose} className="export-dialog">
      <form onSubmit={submit}>
        <fieldset disabled={running !== null}>
          <legend>Format</legend>
          <div className="format-choices">
            {EXPORT_FORMATS.map((f, i) => (
              <label key={f} className="format-choice">
                <input type="radio" name={`${id}-format`} value={f} checked={format === f} onChange={() => setFormat(f)} {...(i === 0 ? { 'data-autofocus': true } : {})} aria-describedby={`${id}-${f}-desc`} />
                <span className="format-label">{EXPORT_FORMAT_INFO[f].label}</span>
                <span id={`${id}-${f}-desc`} className="hint">
                  {EXPORT_FORMAT_INFO[f].description}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset disabled={running !== null}>
          <legend>Claims</legend>
          {filtered ? (
            <>
              <label>
                <input type="radio" name={`${id}-scope`} checked={scope === 'filtered'} onChange={() => setScope('filtered')} /> The {claimsText(filtered.count)} matching the filters
              </label>
              <label>
                <input type="radio" name={`${id}-scope`} checked={scope === 'all'} onChange={() => setScope('all')} /> All {claimsText(total)} of the article
              </label>
            </>
          ) : (
            <p className="hint">All {claimsText(total)} of the article. Turn filters on to export fewer.</p>
          )}
        </fieldset>
        <fieldset disabled={running !== null}>
          <legend>Internal material</legend>
          <label>
            <input type="checkbox" checked={includeNotes} onChange={(e) => setIncludeNotes(e.target.checked)} /> Include internal notes
          </label>
          <label>
            <input type="checkbox" checked={includeConfidential} onChange={(e) => setIncludeConfidential(e.target.checked)} /> Include confidential sources
          </label>
          <p className="hint">
            {includeNotes || includeConfidential
              ? 'This file will contain internal material. Do not publish it.'
              : reportLike
                ? 'Safe to publish: notes and confidential sources are left out; claims that rest on them keep their verdict.'
                : 'Notes and confidential sources are left out.'}
          </p>
        </fieldset>
        <fieldset disabled={running !== null}>
          <legend>Publication check</legend>
          <label>
            <input type="checkbox" checked={final} onChange={(e) => setFinal(e.target.checked)} /> Final report — check before publishing
          </label>
          {final ? (
            <GateChecklist report={gate.report} error={gate.error} onChanged={() => void gate.reload()} onGoToClaim={onGoToClaim} />
          ) : (
            <p className="hint">Tick this for the version you publish: claims without a source, a settled verdict or a second reviewer are listed first.</p>
          )}
        </fieldset>
        {running && (
          <div className="export-progress">
            <label htmlFor={`${id}-progress`}>{running.label}</label>
            <progress id={`${id}-progress`} max={running.total} value={running.done} />
          </div>
        )}
        {error && (
          <p className="form-error" role="alert">
            Not exported: {error.message}
          </p>
        )}
        {blocked && (
          <p id={`${id}-blocked`} className="gate-blocked" role="status">
            {gate.report === null
              ? 'Export waits for the check of the claims.'
              : `Export is off: ${gate.report.open === 1 ? '1 problem is' : `${gate.report.open} problems are`} neither fixed nor overridden with a reason.`}
          </p>
        )}
        <div className="form-actions">
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            {running ? 'Keep working' : 'Cancel'}
          </button>
          <button type="submit" className="primary" disabled={running !== null || blocked} {...(blocked ? { 'aria-describedby': `${id}-blocked` } : {})}>
            {running ? 'Exporting…' : 'Export…'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
