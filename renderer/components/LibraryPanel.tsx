/** The list of documents in the project (the latest version of each series; older ones are reached from the document's version line). */
import type { DocumentSummary } from '../../shared/domain';

interface Props {
  readonly documents: readonly DocumentSummary[];
  readonly currentId: number | null;
  readonly onOpen: (id: number) => void;
}

/** The library sidebar. */
export function LibraryPanel({ documents, currentId, onOpen }: Props) {
  return (
    <nav className="library" aria-labelledby="library-title">
      <h2 id="library-title">Library</h2>
      <ul>
        {documents.map((d) => (
          <li key={d.id}>
            <button type="button" className={d.id === currentId ? 'doc-link current' : 'doc-link'} aria-current={d.id === currentId ? 'page' : undefined} onClick={() => onOpen(d.id)}>
              <span className="doc-title">{d.title}</span>
              <span className="doc-meta">
                {[d.publishedOn, d.publication].filter(Boolean).join(' · ')}
                {d.publishedOn || d.publication ? ' · ' : ''}
                {d.claimCount === 1 ? '1 claim' : `${d.claimCount} claims`}
                {d.versionCount > 1 ? ` · ${d.versionCount} versions` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
