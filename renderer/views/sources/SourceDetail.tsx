/**
 * The detail pane of the sources view: the form, and for a saved source its archived copies,
 * the claims that cite it, and Merge / Delete.
 */
import { SOURCE_ROLE_LABELS, type Claim, type Source } from '../../../shared/domain';
import type { Result } from '../../../shared/result';
import { call } from '../../services/api';
import type { ViewProps } from '../view-props';
import { AttachmentsPanel } from './AttachmentsPanel';
import { ClaimLinks } from '../library/ClaimLinks';
import { claimsCount } from '../library/RecordList';
import { RecordActions } from '../library/RecordActions';
import { describeSource } from './SourceList';
import { SourceEditor } from './SourceEditor';

interface Props {
  readonly source: Source | null;
  readonly onSaved: (source: Source) => void;
  /** A change to the source's archived copies (nothing claims show). */
  readonly onAttachmentsChanged: (source: Source) => void;
  readonly onMerge: (keepId: number, merged: Source) => Promise<Result<Source>>;
  readonly onDelete: (source: Source) => Promise<Result<Source>>;
  readonly onOpenClaim: ViewProps['onOpenClaim'];
}

const titleOf = (s: Source) => s.title;
const loadLibrary = () => call('sources:list', { sort: 'title' });

/** The role (and pinpoint) with which a claim cites the source. */
function citation(claim: Claim, sourceId: number): string | null {
  const link = claim.sources.find((l) => l.source.id === sourceId);
  if (!link) return null;
  return [SOURCE_ROLE_LABELS[link.role], link.pinpoint].filter(Boolean).join(' · ');
}

/** Everything about one source. */
export function SourceDetail({ source, onSaved, onAttachmentsChanged, onMerge, onDelete, onOpenClaim }: Props) {
  return (
    <div className="lib-detail-body">
      <SourceEditor source={source} onSaved={onSaved} />
      {source === null ? (
        <p className="hint">Create the source to archive copies of it.</p>
      ) : (
        <>
          <RecordActions
            record={source}
            noun="source"
            nameOf={titleOf}
            describe={describeSource}
            loadAll={loadLibrary}
            onMerge={onMerge}
            onDelete={onDelete}
            conflictExplanation={(s) =>
              `“${s.title}” is still cited by ${claimsCount(s.claimCount)}, so it cannot be deleted. Merge it into another source, or remove it from those claims first.`
            }
            mergeExplanation={(s) => (
              <p>
                Choose the source to keep. Every claim that cites “{s.title}” will cite it instead, with the same role and pinpoint, and the archived copies
                of “{s.title}” move to it. Nothing is lost: “{s.title}” goes to the deleted sources, marked as merged.
              </p>
            )}
          />
          <AttachmentsPanel source={source} onChanged={onAttachmentsChanged} />
          <ClaimLinks
            heading={`Cited by ${claimsCount(source.claimCount)}`}
            load={() => call('sources:claims', { id: source.id })}
            version={`${source.id}:${source.updatedAt}:${source.claimCount}`}
            describe={(claim) => citation(claim, source.id)}
            empty="No claim cites this source yet."
            onOpenClaim={onOpenClaim}
          />
        </>
      )}
    </div>
  );
}
