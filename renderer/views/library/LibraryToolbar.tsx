/**
 * The bar above a library list: search, extra controls (a sort), "Show deleted" and a button
 * to create a record.
 */
import type { ReactNode } from 'react';

interface Props {
  /** "Search sources". */
  readonly searchLabel: string;
  readonly query: string;
  readonly onQuery: (query: string) => void;
  /** "Show deleted sources". */
  readonly showDeletedLabel: string;
  readonly showDeleted: boolean;
  readonly onShowDeleted: (show: boolean) => void;
  /** "New source". */
  readonly newLabel: string;
  readonly onNew: () => void;
  readonly children?: ReactNode;
}

/** Search, options and "New …" for a library view. */
export function LibraryToolbar({ searchLabel, query, onQuery, showDeletedLabel, showDeleted, onShowDeleted, newLabel, onNew, children }: Props) {
  return (
    <div className="lib-toolbar">
      <button type="button" className="primary" onClick={onNew}>
        {newLabel}
      </button>
      <label className="lib-search">
        {searchLabel}
        <input type="search" value={query} onChange={(e) => onQuery(e.target.value)} />
      </label>
      {children}
      <label className="lib-checkbox">
        <input type="checkbox" checked={showDeleted} onChange={(e) => onShowDeleted(e.target.checked)} />
        {showDeletedLabel}
      </label>
    </div>
  );
}
