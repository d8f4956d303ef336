/**
 * The publication gate's checklist, shown in the export dialog when the user asks for a final
 * report: every claim that would go out without a source, without a settled verdict or without
 * a second reviewer. Each problem is fixed in the claim (Go to claim) or overridden with a
 * written reason, which main records in the claim's history. Main checks again on export; this
 * list only helps the user get there.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { GATE_PROBLEM_LABELS, MAX_OVERRIDE_REASON, type ClaimFilter, type GateClaim, type GateFinding, type GateReport } from '../../shared/domain';
import type { AppErrorValue } from '../../shared/result';
import { call } from '../services/api';
import '../styles/gate.css';

/** The gate's report on the claims an export would contain, reloaded when they change. */
export function useGateReport(documentId: number, filter: ClaimFilter | undefined, enabled: boolean) {
  const [report, setReport] = useState<GateReport | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  // The filter object is rebuilt on every render of the workspace; its content is what counts.
  const filterKey = filter === undefined ? '' : JSON.stringify(filter);

  const load = useCallback(async () => {
    const result = await call('gate:check', { documentId, ...(filterKey === '' ? {} : { filter: JSON.parse(filterKey) as ClaimFilter }) });
    if (result.ok) {
      setReport(result.value);
      setError(null);
    } else setError(result.error);
  }, [documentId, filterKey]);

  useEffect(() => {
    setReport(null);
    if (enabled) void load();
  }, [enabled, load]);

  return { report, error, reload: load };
}

interface Props {
  readonly report: GateReport | null;
  readonly error: AppErrorValue | null;
  /** Called after an override is recorded or withdrawn, to check again. */
  readonly onChanged: () => void;
  /** Closes the dialog and shows the claim in the article. */
  readonly onGoToClaim: (claimId: number) => void;
}

const problemsText = (n: number) => (n === 1 ? '1 problem' : `${n} problems`);

/** The checklist of a final report. */
export function GateChecklist({ report, error, onChanged, onGoToClaim }: Props) {
  if (error) {
    return (
      <p className="form-error" role="alert">
        Could not check the claims: {error.message}
      </p>
    );
  }
  if (report === null) return <p className="hint">Checking the claims…</p>;
  if (report.checked === 0) return <p className="gate-summary">There are no claims to check.</p>;
  if (report.claims.length === 0) {
    return (
      <p className="gate-summary">
        {report.checked === 1 ? 'The claim has' : `All ${report.checked} claims have`} a source, a settled verdict and a second reviewer.
      </p>
    );
  }
  return (
    <>
      <p className="gate-summary">
        {report.open === 0
          ? 'Every problem below has a written reason to publish anyway.'
          : `${problemsText(report.open)} still need a fix or a written reason. Fix a claim in the article (Go to claim), or override the problem with a reason that is recorded in the claim’s history.`}
      </p>
      <ul className="gate-claims" aria-label="Claims to check before publishing">
        {report.claims.map((claim) => (
          <GateClaimItem key={claim.claimId} claim={claim} onChanged={onChanged} onGoToClaim={onGoToClaim} />
        ))}
      </ul>
    </>
  );
}

const clip = (text: string) => (text.length > 90 ? `${text.slice(0, 89)}…` : text);

function GateClaimItem({ claim, onChanged, onGoToClaim }: { claim: GateClaim } & Pick<Props, 'onChanged' | 'onGoToClaim'>) {
  const headingId = useId();
  const title = `Claim ${claim.number}`;
  return (
    <li className="gate-claim">
      <div className="gate-claim-head">
        <h3 id={headingId}>
          {title} <q>{clip(claim.quote)}</q>
        </h3>
        <button type="button" onClick={() => onGoToClaim(claim.claimId)} aria-describedby={headingId}>
          Go to claim
        </button>
      </div>
      <ul className="gate-findings">
        {claim.findings.map((finding) => (
          <GateFindingItem key={finding.problem} claim={claim} finding={finding} onChanged={onChanged} />
        ))}
      </ul>
    </li>
  );
}

function GateFindingItem({ claim, finding, onChanged }: { claim: GateClaim; finding: GateFinding } & Pick<Props, 'onChanged'>) {
  const id = useId();
  const [writing, setWriting] = useState(false);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = GATE_PROBLEM_LABELS[finding.problem];
  const override = finding.override;
  // After recording, withdrawing or cancelling, the focus goes to the button that takes its
  // place — once the checklist, checked again, shows the override recorded or gone.
  const actionRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef<'overridden' | 'open' | null>(null);
  useEffect(() => {
    const want = refocus.current;
    if (want === null || writing || (want === 'overridden') !== (override !== null)) return;
    refocus.current = null;
    actionRef.current?.focus();
  }, [override, writing]);

  async function record() {
    if (reason.trim() === '') {
      setMessage('Write why this claim may be published anyway.');
      return;
    }
    setBusy(true);
    const result = await call('gate:override', { claimId: claim.claimId, problem: finding.problem, reason });
    setBusy(false);
    if (!result.ok) return setMessage(result.error.message);
    setWriting(false);
    setReason('');
    setMessage(null);
    refocus.current = 'overridden';
    onChanged();
  }

  async function withdraw() {
    if (override === null) return;
    setBusy(true);
    const result = await call('gate:withdrawOverride', { id: override.id });
    setBusy(false);
    if (!result.ok) return setMessage(result.error.message);
    setMessage(null);
    refocus.current = 'open';
    onChanged();
  }

  return (
    <li className={override ? 'gate-finding overridden' : 'gate-finding'}>
      <span id={`${id}-problem`} className="gate-problem">
        {label}
        <span className="visually-hidden"> — claim {claim.number}</span>
      </span>
      {override ? (
        <>
          <span className="gate-override">
            Overridden by {override.by?.name ?? 'someone'} on <time dateTime={override.at}>{new Date(override.at).toLocaleString()}</time>: <q>{override.reason}</q>
          </span>
          <button ref={actionRef} type="button" onClick={() => void withdraw()} disabled={busy} aria-describedby={`${id}-problem`}>
            Withdraw
          </button>
        </>
      ) : writing ? (
        <div className="gate-override-form" role="group" aria-labelledby={`${id}-problem`}>
          <label htmlFor={`${id}-reason`}>Why publish it anyway? (recorded in the claim’s history)</label>
          <textarea
            id={`${id}-reason`}
            rows={2}
            value={reason}
            maxLength={MAX_OVERRIDE_REASON}
            aria-required="true"
            aria-invalid={message !== null}
            {...(message !== null ? { 'aria-errormessage': `${id}-error` } : {})}
            onChange={(e) => setReason(e.target.value)}
            autoFocus
          />
          {message && (
            <p id={`${id}-error`} className="form-error" role="alert">
              {message}
            </p>
          )}
          <div className="gate-override-actions">
            <button type="button" className="primary" onClick={() => void record()} disabled={busy}>
              Record override
            </button>
            <button
              type="button"
              onClick={() => {
                setWriting(false);
                setMessage(null);
                refocus.current = 'open';
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button ref={actionRef} type="button" onClick={() => setWriting(true)} aria-describedby={`${id}-problem`}>
          Override…
        </button>
      )}
      {!writing && message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
    </li>
  );
}
