/**
 * The panel beside the text: the verdict legend, the claims in reading order (a click jumps to
 * the highlight), claims whose text could not be found (orphans), and recently deleted claims
 * that can be restored.
 *
 * A long list (an article with thousands of claims) is drawn a window at a time: only the
 * entries in view and a few around them are in the page, placed where the whole list would put
 * them, so the panel scrolls as through every entry and opening the document does not wait for
 * thousands of them. The active claim's entry is scrolled into view, so a highlight clicked far
 * down the article shows its entry.
 */
import { useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode, type Ref, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ATTRIBUTION_LABELS, type Claim, type Verdict } from '../../shared/domain';
import type { ClaimNumbers } from '../editor/anchors';

/** Lists with more entries than this are drawn a window at a time. */
export const WINDOWED_ABOVE = 200;

interface Props {
  /** The claims to list, in reading order (by number). */
  readonly claims: readonly Claim[];
  readonly deleted: readonly Claim[];
  readonly orphans: ReadonlySet<number>;
  readonly numbers: ClaimNumbers;
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

/** What an entry of a drawn window needs besides its claim: its place in the whole list. */
interface Placement {
  readonly index: number;
  readonly setSize: number;
  readonly style: CSSProperties;
  readonly measure: Ref<HTMLLIElement>;
}

/** The claims panel. */
export function ClaimsPanel({ claims, deleted, orphans, numbers, verdicts, activeClaimId, onJump, onEdit, onRestore, onAttach, filters, filtering, total }: Props) {
  const [showDeleted, setShowDeleted] = useState(false);
  const [showFilters, setShowFilters] = useState(false);
  const panelRef = useRef<HTMLElement>(null);
  const verdictById = useMemo(() => new Map(verdicts.map((v) => [v.id, v])), [verdicts]);
  const [placed, lost] = useMemo(() => [claims.filter((c) => !orphans.has(c.id)), claims.filter((c) => orphans.has(c.id))], [claims, orphans]);

  const item = (c: Claim, lostClaim: boolean, at?: Placement) => {
    const v = verdictById.get(c.verdictId);
    const n = numbers.get(c.id) ?? 0;
    return (
      <li
        key={c.id}
        className={c.id === activeClaimId ? 'claim-item active' : 'claim-item'}
        data-claim-entry={c.id}
        {...(at && { ref: at.measure, style: at.style, 'data-index': at.index, 'aria-setsize': at.setSize, 'aria-posinset': at.index + 1 })}
      >
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

  const list = (entries: readonly Claim[], lostClaims: boolean, label?: string) =>
    entries.length > WINDOWED_ABOVE ? (
      <WindowedList entries={entries} label={label} scroller={panelRef} activeClaimId={activeClaimId} render={(c, at) => item(c, lostClaims, at)} />
    ) : (
      <EntireList entries={entries} label={label} scroller={panelRef} activeClaimId={activeClaimId} render={(c) => item(c, lostClaims)} />
    );

  return (
    <aside className="claims-panel" aria-labelledby="claims-title" ref={panelRef}>
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
        {list(placed, false, 'Claims in reading order')}
      </section>
      {lost.length > 0 && (
        <section className="orphans" aria-labelledby="orphans-title">
          <h2 id="orphans-title">Not found in the text ({lost.length})</h2>
          <p className="hint">The quoted text of these claims could not be found in this version of the article. They are kept: select the passage they refer to and press “Attach to selection”.</p>
          {list(lost, true)}
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

interface ListProps {
  readonly entries: readonly Claim[];
  readonly label: string | undefined;
  readonly activeClaimId: number | null;
  /** The panel, which scrolls the list. */
  readonly scroller: RefObject<HTMLElement | null>;
}

/** A short list, every entry in the page; the active one scrolled into view within the panel. */
function EntireList({ entries, label, activeClaimId, scroller, render }: ListProps & { readonly render: (claim: Claim) => ReactNode }) {
  const listRef = useRef<HTMLOListElement>(null);
  useLayoutEffect(() => {
    const panel = scroller.current;
    const entry = activeClaimId === null ? null : listRef.current?.querySelector(`[data-claim-entry="${activeClaimId}"]`);
    if (!panel || !entry) return;
    // The panel alone scrolls (scrollIntoView would move every scrollable ancestor too).
    const box = panel.getBoundingClientRect();
    const at = entry.getBoundingClientRect();
    if (at.top < box.top) panel.scrollTop -= box.top - at.top;
    else if (at.bottom > box.bottom) panel.scrollTop += Math.min(at.bottom - box.bottom, at.top - box.top);
  }, [activeClaimId, scroller]);
  return (
    <ol aria-label={label} ref={listRef}>
      {entries.map(render)}
    </ol>
  );
}

/** A long list, drawn a window at a time within the panel that scrolls it (`scroller`). */
function WindowedList({
  entries,
  label,
  activeClaimId,
  scroller,
  render,
}: ListProps & { readonly render: (claim: Claim, at: Placement) => ReactNode }) {
  const listRef = useRef<HTMLOListElement>(null);
  // Where the list starts within the panel's scrolled content (the legend and headings above it).
  const [offset, setOffset] = useState(0);
  const gap = useMemo(() => 0.4 * parseFloat(getComputedStyle(document.documentElement).fontSize || '16'), []);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 76,
    overscan: 6,
    gap,
    scrollMargin: offset,
    getItemKey: (index) => entries[index]!.id,
  });
  useLayoutEffect(() => {
    const list = listRef.current;
    const panel = scroller.current;
    if (!list || !panel) return;
    const at = list.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop;
    if (Math.abs(at - offset) > 0.5) setOffset(at);
  });
  const activeIndex = useMemo(() => entries.findIndex((c) => c.id === activeClaimId), [entries, activeClaimId]);
  useLayoutEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);
  return (
    <ol aria-label={label} ref={listRef} className="windowed" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((row) =>
        render(entries[row.index]!, {
          index: row.index,
          setSize: entries.length,
          measure: virtualizer.measureElement,
          style: { transform: `translateY(${row.start - offset}px)` },
        }),
      )}
    </ol>
  );
}
