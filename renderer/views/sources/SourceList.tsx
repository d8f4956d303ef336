/**
 * The sources of the library as a list: title, type, publisher, the reliability rating as a
 * labelled badge (its colour only repeats the words), and how many claims cite each.
 */
import { RELIABILITY_LABELS, SOURCE_TYPE_LABELS, type Reliability, type Source } from '../../../shared/domain';
import { claimsCount, RecordList } from '../library/RecordList';

interface Props {
  readonly sources: readonly Source[];
  readonly selectedId: number | null;
  readonly onSelect: (source: Source) => void;
  readonly searching: boolean;
}

/** A reliability rating as a badge with its words. */
export function ReliabilityBadge({ reliability }: { readonly reliability: Reliability }) {
  return (
    <span className={`lib-badge lib-reliability-${reliability}`}>
      <span className="visually-hidden">Reliability: </span>
      {RELIABILITY_LABELS[reliability]}
    </span>
  );
}

/** Type and publisher, as one line. */
export function describeSource(source: Pick<Source, 'type' | 'publisher'>): string {
  return [SOURCE_TYPE_LABELS[source.type], source.publisher].filter(Boolean).join(' · ');
}

/** The list of sources. */
export function SourceList({ sources, selectedId, onSelect, searching }: Props) {
  return (
    <RecordList
      label="Sources"
      items={sources}
      selectedId={selectedId}
      onSelect={onSelect}
      empty={searching ? 'No source matches the search.' : 'The library has no sources yet. Create one, or cite one in a claim.'}
      renderItem={(s) => (
        <>
          <span className="lib-item-title">{s.title}</span>
          <span className="lib-item-meta">{describeSource(s)}</span>
          <span className="lib-item-meta">
            <ReliabilityBadge reliability={s.reliability} /> · cited by {claimsCount(s.claimCount)}
          </span>
        </>
      )}
    />
  );
}
