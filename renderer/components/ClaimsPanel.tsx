/**
 * The panel beside the text: the verdict legend, the claims in reading order (a click jumps to
 * the highlight), claims whose text could not be found (orphans), and recently deleted claims
 * that can be restored.
 */
import { useState, type ReactNode } from 'react';
import { ATTRIBUTION_LABELS, type Claim, type Verdict } from '../../shared/domain';

interface Props {
  readonly claims: readonly Claim[];
  readonly deleted: readonly Claim[];
  readonly orphans: ReadonlySet<number>;
  readonly numbers: ReadonlyMap<number, number>;
  readonly verdicts: readonly Verdict[];
  readonly activeClaimId: number | null;
  readonly onJump: (claimId: number) => void;
  readonly onEdit: (claimId: number) => void;
  readonly onRestore: (claimId: number) => void;
  /** Re-attaches a claim that was not found to the passage selected in the article. */
  readonly onAttach: (claimId: number) => void;
  /** The filters form, shown when the user opens it. */
  readonly filters: ReactNode;
  readonly filtering: boolean;
  /** How many live claims the document has, filtered or not. */
  readonly total: number;
}

function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function Legend({ verdicts, claims }: { verdicts: readonly Verdict[]; claims: readonly Claim[] }) {
  const counts = new Map<number, number>();
  for (const c of claims) counts.set(c.verdictId, (counts.get(c.verdictId) ?? 0) + 1);
  return (
    <section aria-labelledby="legend-title" className="legend">
      <h2 id="legend-title">Legend</h2>
      <ul>
        {verdicts.map((v) => (
          <li key={v.id}>
            <span className={`swatch cd-swatch-${v.id}`} aria-hidden="true" />
            {v.label}
            <span className="count" aria-label={(counts.get(v.id) ?? 0) === 1 ? '1 claim' : `${counts.get(v.id) ?? 0} claims`}>
              {counts.get(v.id) ?? 0}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The claims panel. */
export function ClaimsPanel({ claims, deleted, orphans, numbers, verdicts, activeClaimId, onJump, onEdit, onRestore, onAttach, filters, filtering, total }: Props) {
  const [showDeleted, setShowDeleted] = useState(false);
  const [showFilters, setShowFilters] = useState(false);
  const verdictById = new Map(verdicts.map((v) => [v.id, v]));
  const ordered = [...claims].sort((a, b) => (numbers.get(a.id) ?? 0) - (numbers.get(b.id) ?? 0));
  const placed = ordered.filter((c) => !orphans.has(c.id));
  const lost = ordered.filter((c) => orphans.has(c.id));

  const item = (c: Claim, lostClaim = false) => {
    const v = verdictById.get(c.verdictId);
    const n = numbers.get(c.id) ?? 0;
    return (
      <li key={c.id} className={c.id === activeClaimId ? 'claim-item active' : 'claim-item'}>
        <button type="button" className="claim-jump" onClick={() => onJump(c.id)} aria-current={c.id === activeClaimId ? 'true' : undefined}>
          <span className="claim-number">{n}</span>
          <span className="claim-body">
            <span className="claim-quote">“{excerpt(c.anchor.exact)}”</span>
            <span className="claim-meta">
              <span className={`verdict-chip cd-swatch-${c.verdictId}`}>{v?.label ?? 'Unknown verdict'}</span>
              <span>{c.confidence}%</span>
              {c.attribution.chain.length > 0 && (
                <span>
                  {ATTRIBUTION_LABELS[c.attribution.kind]}: {c.attribution.chain.map((h) => h.speaker.name).join(' → ')}
                </span>
              )}
              {c.sources.length > 0 && <span>{c.sources.length === 1 ? '1 source' : `${c.sources.length} sources`}</span>}
            </span>
          </span>
        </button>
        <button type="button" className="link-button" onClick={() => onEdit(c.id)} aria-label={`Edit claim ${n}`}>
          Edit
        </button>
        {lostClaim && (
          <button type="button" className="link-button attach-button" onClick={() => onAttach(c.id)} aria-label={`Attach claim ${n} to the selected text`}>
            Attach to selection
          </button>
        )}
      </li>
    );
  };

  return (
    <aside className="claims-panel" aria-labelledby="claims-title">
      <Legend verdicts={verdicts} claims={claims} />
      <section className="claims-list">
        <h2 id="claims-title">
          Claims <span className="count">{filtering ? `${claims.length} of ${total}` : claims.length}</span>
        </h2>
        <button type="button" className="link-button" aria-expanded={showFilters} onClick={() => setShowFilters((f) => !f)}>
          {filtering ? 'Filters (on)' : 'Filters'}
        </button>
        {showFilters && filters}
        {total === 0 && <p className="hint">Select a passage in the article and press “Tag claim” (Ctrl+E).</p>}
        {total > 0 && claims.length === 0 && <p className="hint">No claim matches the filters.</p>}
        <ol aria-label="Claims in reading order">{placed.map((c) => item(c))}</ol>
      </section>
      {lost.length > 0 && (
        <section className="orphans" aria-labelledby="orphans-title">
          <h2 id="orphans-title">Not found in the text ({lost.length})</h2>
          <p className="hint">The quoted text of these claims could not be found in this version of the article. They are kept: select the passage they refer to and press “Attach to selection”.</p>
          <ol>{lost.map((c) => item(c, true))}</ol>
        </section>
      )}
      {deleted.length > 0 && (
        <section className="deleted" aria-labelledby="deleted-title">
          <h2 id="deleted-title">
            <button type="button" className="link-button" aria-expanded={showDeleted} onClick={() => setShowDeleted((s) => !s)}>
              Deleted claims ({deleted.length})
            </button>
          </h2>
          {showDeleted && (
            <ul>
              {deleted.map((c) => (
                <li key={c.id} className="deleted-item">
                  <span className="claim-quote">“{excerpt(c.anchor.exact, 90)}”</span>
                  <button type="button" onClick={() => onRestore(c.id)}>
                    Restore
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </aside>
  );
}
