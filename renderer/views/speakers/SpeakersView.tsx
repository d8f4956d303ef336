/**
 * The speakers of the project — people, organisations, government bodies, media outlets,
 * anonymous sources — as a library: search, the list, and the selected speaker in a detail
 * pane where it is edited, merged into another speaker or deleted (with Undo). Deleted
 * speakers can be shown and restored. Built from the same pieces as the sources view.
 */
import { useId, useMemo, useState } from 'react';
import { SPEAKER_KIND_LABELS, type Speaker } from '../../../shared/domain';
import { call } from '../../services/api';
import { ClaimLinks } from '../library/ClaimLinks';
import { DeletedRecords } from '../library/DeletedRecords';
import { LibraryToolbar } from '../library/LibraryToolbar';
import { claimsCount, RecordList } from '../library/RecordList';
import { RecordActions } from '../library/RecordActions';
import { useRecordLibrary, type LibraryOps } from '../library/use-record-library';
import type { ViewProps } from '../view-props';
import { SpeakerEditor } from './SpeakerEditor';
import '../../styles/library-views.css';

const nameOf = (s: Speaker) => s.name;

/** Kind, role and affiliation, as one line. */
function describeSpeaker(s: Speaker): string {
  return [SPEAKER_KIND_LABELS[s.kind], s.role, s.affiliation].filter(Boolean).join(' · ');
}

const loadAll = () => call('speakers:list', {});

/** The Speakers view. */
export function SpeakersView({ onOpenClaim, onDataChanged, notify }: ViewProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const ops = useMemo<LibraryOps<Speaker>>(
    () => ({
      noun: 'speaker',
      nameOf,
      list: (includeDeleted) => call('speakers:list', { ...(query.trim() ? { query: query.trim() } : {}), includeDeleted }),
      remove: (speakerId) => call('speakers:delete', { id: speakerId }),
      restore: (speakerId) => call('speakers:restore', { id: speakerId }),
      merge: (keepId, mergeId) => call('speakers:merge', { keepId, mergeId }),
    }),
    [query],
  );
  const library = useRecordLibrary(ops, { notify, onDataChanged });
  const speaker = library.selection?.record ?? null;

  return (
    <section className="view lib-view" aria-labelledby={`${id}-title`}>
      <div className="lib-column">
        <h2 id={`${id}-title`}>Speakers</h2>
        <LibraryToolbar
          searchLabel="Search speakers"
          query={query}
          onQuery={setQuery}
          showDeletedLabel="Show deleted speakers"
          showDeleted={library.showDeleted}
          onShowDeleted={library.setShowDeleted}
          newLabel="New speaker"
          onNew={library.startNew}
        />
        {library.loadError && (
          <p className="form-error" role="alert">
            {library.loadError}
          </p>
        )}
        {library.items && (
          <RecordList
            label="Speakers"
            items={library.items}
            selectedId={speaker?.id ?? null}
            onSelect={library.select}
            empty={query.trim() ? 'No speaker matches the search.' : 'No speakers yet. Create one, or name one in a claim’s attribution.'}
            renderItem={(s) => (
              <>
                <span className="lib-item-title">{s.name}</span>
                <span className="lib-item-meta">{describeSpeaker(s)}</span>
                <span className="lib-item-meta">{s.externalId ? `${s.externalId} · ` : ''}used in {claimsCount(s.claimCount)}</span>
              </>
            )}
          />
        )}
        {library.showDeleted && <DeletedRecords heading="Deleted speakers" items={library.deleted} nameOf={nameOf} onRestore={(s) => void library.restore(s.id)} />}
      </div>
      <div className="lib-detail" aria-label="Speaker details" role="region" ref={library.paneRef} tabIndex={-1}>
        {library.selection ? (
          <div className="lib-detail-body" key={library.selection.key}>
            <SpeakerEditor speaker={speaker} onSaved={library.saved} />
            {speaker && (
              <>
                <RecordActions
                  record={speaker}
                  noun="speaker"
                  nameOf={nameOf}
                  describe={describeSpeaker}
                  loadAll={loadAll}
                  onMerge={library.merge}
                  onDelete={library.remove}
                  conflictExplanation={(s) =>
                    `“${s.name}” is still named in the attribution of ${claimsCount(s.claimCount)}, so it cannot be deleted. Merge it into another speaker, or change those claims first.`
                  }
                  mergeExplanation={(s) => (
                    <p>
                      Choose the speaker to keep. Every attribution that names “{s.name}” will name it instead, with the same role and reliability. Nothing is lost.
                    </p>
                  )}
                />
                <ClaimLinks
                  heading={`Used in ${claimsCount(speaker.claimCount)}`}
                  load={() => call('claims:filter', { filter: { speakerIds: [speaker.id] } })}
                  version={`${speaker.id}:${speaker.updatedAt}:${speaker.claimCount}`}
                  empty="No claim is attributed to this speaker yet."
                  onOpenClaim={onOpenClaim}
                />
              </>
            )}
          </div>
        ) : (
          <p className="hint lib-placeholder">Choose a speaker from the list to see and edit it, or create a new one.</p>
        )}
      </div>
    </section>
  );
}
