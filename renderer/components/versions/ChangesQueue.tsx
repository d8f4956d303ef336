/**
 * The changes queue of a version: the claims carried over from the previous version whose
 * quoted text changed, moved or was not found, each with a word-level comparison of its quote
 * and of the passage around it. The user confirms the new placement, attaches the claim to the
 * passage selected in the article, or retires it; resolved rows stay listed, and can be reopened.
 */
import { useId, useState } from 'react';
import type { DocumentSummary, VersionChange } from '../../../shared/domain';
import { DiffText } from './DiffText';
import type { DocumentVersions } from './use-document-versions';
import { changeTitle, resolutionLine } from './version-format';

interface Props {
  readonly versions: DocumentVersions;
  /** The version the claims came from, when known. */
  readonly previous: DocumentSummary | null;
}

const EXPLAIN: Record<VersionChange['kind'], string> = {
  changed: 'The quoted words differ in this version; the claim now quotes the new wording.',
  moved: 'The quoted words are unchanged, but what surrounds them or where they stand is not.',
  vanished: 'The quoted words are not in this version. The claim is kept, unplaced.',
};

function Row({ change, versions }: { change: VersionChange; versions: DocumentVersions }) {
  const id = useId();
  const pending = change.resolution === null;
  const placed = change.after !== null && !change.claimInBin;
  return (
    <li className={`version-change ${pending ? 'pending' : 'resolved'}`} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>
        {changeTitle(change)}: “{change.before.exact.length > 80 ? `${change.before.exact.slice(0, 79)}…` : change.before.exact}”
      </h4>
      <p className="hint">{EXPLAIN[change.kind]}</p>
      <dl className="change-diffs">
        <dt>Quote</dt>
        <dd>
          <DiffText parts={change.quoteDiff} />
        </dd>
        <dt>In context</dt>
        <dd>
          <DiffText parts={change.passageDiff} />
        </dd>
      </dl>
      {change.claimInBin && pending && <p className="hint">This claim is in the bin.</p>}
      {!pending && <p className="resolution">{resolutionLine(change)}</p>}
      <div className="change-actions">
        {placed && (
          <button type="button" className="link-button" onClick={() => versions.showClaim(change.claimId)} aria-describedby={`${id}-title`}>
            Show in text
          </button>
        )}
        {pending ? (
          <>
            <button type="button" onClick={() => void versions.resolve(change, 'confirm')} disabled={change.claimInBin} aria-describedby={`${id}-title`}>
              {change.after === null ? 'Keep unplaced' : 'Confirm'}
            </button>
            <button type="button" onClick={() => void versions.reattach(change)} disabled={change.claimInBin} aria-describedby={`${id}-title`}>
              Attach to selection
            </button>
            <button type="button" className="danger" onClick={() => void versions.resolve(change, 'retire')} aria-describedby={`${id}-title`}>
              Retire
            </button>
          </>
        ) : (
          <button type="button" onClick={() => void versions.resolve(change, 'reopen')} aria-describedby={`${id}-title`}>
            Reopen
          </button>
        )}
      </div>
    </li>
  );
}

/** The changes queue. */
export function ChangesQueue({ versions, previous }: Props) {
  const id = useId();
  const [showResolved, setShowResolved] = useState(false);
  const { queue, pending } = versions;
  if (queue.length === 0) return null;
  const resolved = queue.filter((c) => c.resolution !== null);
  return (
    <section className="changes-queue" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Changes ({pending.length})</h3>
      <p className="hint">
        Claims carried over from {previous ? `version ${previous.version}` : 'the previous version'} whose text changed, moved or was not found.{' '}
        {pending.length === 0 ? 'All checked.' : 'Check each one: confirm it, select the right passage and attach it, or retire it.'}
      </p>
      {pending.length > 0 && (
        <ol aria-label="Changes to check">
          {pending.map((c) => (
            <Row key={c.id} change={c} versions={versions} />
          ))}
        </ol>
      )}
      {resolved.length > 0 && (
        <>
          <button type="button" className="link-button" aria-expanded={showResolved} onClick={() => setShowResolved((s) => !s)}>
            Resolved ({resolved.length})
          </button>
          {showResolved && (
            <ol aria-label="Resolved changes">
              {resolved.map((c) => (
                <Row key={c.id} change={c} versions={versions} />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
