/**
 * Filters for the claims of the open document: by text, verdict, status, claim type, tag,
 * source, source reliability, speaker, confidence range and author. They combine; the claims
 * list and the highlights in the text both follow them.
 */
import { useId } from 'react';
import {
  CLAIM_STATUSES,
  CLAIM_STATUS_LABELS,
  CLAIM_TYPES,
  CLAIM_TYPE_LABELS,
  RELIABILITIES,
  RELIABILITY_LABELS,
  type Claim,
  type ClaimFilter,
  type ClaimStatus,
  type ClaimType,
  type Profile,
  type Reliability,
  type Tag,
  type Verdict,
} from '../../shared/domain';

/** The filter without its document (the panel always filters the open one). */
export type FilterState = Omit<ClaimFilter, 'documentId' | 'deleted'>;

/** Whether any filter is set. */
export function isFiltering(f: FilterState): boolean {
  return Object.values(f).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== ''));
}

interface Props {
  readonly filter: FilterState;
  readonly onChange: (filter: FilterState) => void;
  readonly verdicts: readonly Verdict[];
  readonly tags: readonly Tag[];
  readonly profiles: readonly Profile[];
  /** The document's claims, to offer the sources and speakers they cite. */
  readonly claims: readonly Claim[];
}

function toggle<T>(list: readonly T[] | undefined, value: T): T[] {
  const current = list ?? [];
  return current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
}

function one<T>(value: string, parse: (s: string) => T): T[] | undefined {
  return value === '' ? undefined : [parse(value)];
}

/** The filters form. */
export function ClaimFilters({ filter, onChange, verdicts, tags, profiles, claims }: Props) {
  const id = useId();
  const set = (patch: Partial<FilterState>) => onChange({ ...filter, ...patch });
  const sources = new Map(claims.flatMap((c) => c.sources.map((s) => [s.source.id, s.source.title] as const)));
  const speakers = new Map(claims.flatMap((c) => c.attribution.chain.map((h) => [h.speaker.id, h.speaker.name] as const)));
  const number = (s: string) => (s === '' ? undefined : Math.max(0, Math.min(100, Math.round(Number(s)))));

  return (
    <form className="claim-filters" aria-label="Filter claims" onSubmit={(e) => e.preventDefault()}>
      <label>
        Search claims
        <input type="search" value={filter.text ?? ''} onChange={(e) => set({ text: e.target.value || undefined })} placeholder="Words in quotes, notes, rationales" />
      </label>
      <fieldset>
        <legend>Verdict</legend>
        {verdicts.map((v) => (
          <label key={v.id} className="check">
            <input type="checkbox" checked={filter.verdictIds?.includes(v.id) ?? false} onChange={() => set({ verdictIds: toggle(filter.verdictIds, v.id) })} />
            {v.label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Status</legend>
        {CLAIM_STATUSES.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" checked={filter.statuses?.includes(s) ?? false} onChange={() => set({ statuses: toggle<ClaimStatus>(filter.statuses, s) })} />
            {CLAIM_STATUS_LABELS[s]}
          </label>
        ))}
      </fieldset>
      <div className="filter-grid">
        <label>
          Claim type
          <select value={filter.claimTypes?.[0] ?? ''} onChange={(e) => set({ claimTypes: one(e.target.value, (s) => s as ClaimType) })}>
            <option value="">Any</option>
            {CLAIM_TYPES.map((t) => (
              <option key={t} value={t}>
                {CLAIM_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag
          <select value={filter.tagIds?.[0] ?? ''} onChange={(e) => set({ tagIds: one(e.target.value, Number) })}>
            <option value="">Any</option>
            {tags.map((t) => (
              <option key={t.id} value={t.id}>
                {t.path.join(' › ')}
              </option>
            ))}
          </select>
        </label>
        <label>
          Source
          <select value={filter.sourceIds?.[0] ?? ''} onChange={(e) => set({ sourceIds: one(e.target.value, Number) })}>
            <option value="">Any</option>
            {[...sources].map(([sid, title]) => (
              <option key={sid} value={sid}>
                {title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Source reliability
          <select value={filter.sourceReliabilities?.[0] ?? ''} onChange={(e) => set({ sourceReliabilities: one(e.target.value, (s) => s as Reliability) })}>
            <option value="">Any</option>
            {RELIABILITIES.map((r) => (
              <option key={r} value={r}>
                {RELIABILITY_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Speaker
          <select value={filter.speakerIds?.[0] ?? ''} onChange={(e) => set({ speakerIds: one(e.target.value, Number) })}>
            <option value="">Any</option>
            {[...speakers].map(([sid, name]) => (
              <option key={sid} value={sid}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Author
          <select value={filter.authorIds?.[0] ?? ''} onChange={(e) => set({ authorIds: one(e.target.value, Number) })}>
            <option value="">Anyone</option>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-min`}>
          Confidence from
          <input id={`${id}-min`} type="number" min={0} max={100} value={filter.confidenceMin ?? ''} onChange={(e) => set({ confidenceMin: number(e.target.value) })} />
        </label>
        <label htmlFor={`${id}-max`}>
          to
          <input id={`${id}-max`} type="number" min={0} max={100} value={filter.confidenceMax ?? ''} onChange={(e) => set({ confidenceMax: number(e.target.value) })} />
        </label>
      </div>
      {isFiltering(filter) && (
        <button type="button" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </form>
  );
}
