/**
 * The source library: search (full text, in main), sort, the list, and the selected source in
 * a detail pane where every field is edited, copies are archived, citing claims are opened, and
 * the source is merged into another or deleted (with Undo). Deleted sources can be shown and
 * restored.
 */
import { useId, useMemo, useState } from 'react';
import { SOURCE_SORTS, type Source, type SourceSort } from '../../../shared/domain';
import { call } from '../../services/api';
import type { ViewProps } from '../view-props';
import { DeletedRecords } from '../library/DeletedRecords';
import { LibraryToolbar } from '../library/LibraryToolbar';
import { SelectField } from '../../components/SelectField';
import { useRecordLibrary, type LibraryOps } from '../library/use-record-library';
import { SourceDetail } from './SourceDetail';
import { SourceList } from './SourceList';
import '../../styles/library-views.css';

const SORT_LABELS: Record<SourceSort, string> = {
  title: 'Title',
  recent: 'Recently changed',
  'most-cited': 'Most cited',
  reliability: 'Reliability',
};

/** The Sources view. */
export function SourcesView({ onOpenClaim, onDataChanged, notify }: ViewProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SourceSort>('title');

  const ops = useMemo<LibraryOps<Source>>(
    () => ({
      noun: 'source',
      nameOf: (s) => s.title,
      list: (includeDeleted) => call('sources:list', { ...(query.trim() ? { query: query.trim() } : {}), sort, includeDeleted }),
      remove: (sourceId) => call('sources:delete', { id: sourceId }),
      restore: (sourceId) => call('sources:restore', { id: sourceId }),
      merge: (keepId, mergeId) => call('sources:merge', { keepId, mergeId }),
    }),
    [query, sort],
  );
  const library = useRecordLibrary(ops, { notify, onDataChanged });
  const { selection } = library;

  return (
    <section className="view lib-view" aria-labelledby={`${id}-title`}>
      <div className="lib-column">
        <h2 id={`${id}-title`}>Sources</h2>
        <LibraryToolbar
          searchLabel="Search sources"
          query={query}
          onQuery={setQuery}
          showDeletedLabel="Show deleted sources"
          showDeleted={library.showDeleted}
          onShowDeleted={library.setShowDeleted}
          newLabel="New source"
          onNew={library.startNew}
        >
          <SelectField label="Sort by" value={sort} options={SOURCE_SORTS} labels={SORT_LABELS} onChange={setSort} />
        </LibraryToolbar>
        {library.loadError && (
          <p className="form-error" role="alert">
            {library.loadError}
          </p>
        )}
        {library.items && <SourceList sources={library.items} selectedId={selection?.record?.id ?? null} onSelect={library.select} searching={query.trim() !== ''} />}
        {library.showDeleted && <DeletedRecords heading="Deleted sources" items={library.deleted} nameOf={(s) => s.title} onRestore={(s) => void library.restore(s.id)} />}
      </div>
      <div className="lib-detail" aria-label="Source details" role="region" ref={library.paneRef} tabIndex={-1}>
        {selection ? (
          <SourceDetail
            key={selection.key}
            source={selection.record}
            onSaved={library.saved}
            onAttachmentsChanged={library.replace}
            onMerge={library.merge}
            onDelete={library.remove}
            onOpenClaim={onOpenClaim}
          />
        ) : (
          <p className="hint lib-placeholder">Choose a source from the list to see and edit it, or create a new one.</p>
        )}
      </div>
    </section>
  );
}
