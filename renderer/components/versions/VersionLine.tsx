/**
 * The version line under the document's title: which version this is and when it was
 * imported, a switcher to the other versions of the series, "Compare with version n", and —
 * for a document on its own — marking it as a new version of another document. When an
 * earlier document has the same address, a banner offers to link the two.
 */
import { useId } from 'react';
import type { DocumentRecord } from '../../../shared/domain';
import type { DocumentVersions } from './use-document-versions';
import { formatDay, versionLine } from './version-format';
import '../../styles/versions.css';

interface Props {
  readonly document: DocumentRecord;
  readonly versions: DocumentVersions;
}

/** The version line and the "looks like a new version" banner. */
export function VersionLine({ document: doc, versions }: Props) {
  const id = useId();
  const { series, candidate } = versions;
  const other = series.find((d) => d.version === doc.version - 1) ?? series.find((d) => d.version === doc.version + 1) ?? null;
  return (
    <div className="version-line">
      <div className="version-info">
        {doc.versionCount > 1 ? (
          <label className="version-switcher">
            <span className="visually-hidden">Version</span>
            <select value={doc.id} onChange={(e) => void versions.openDocument(Number(e.target.value))}>
              {series.map((d) => (
                <option key={d.id} value={d.id}>
                  {versionLine(d)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="version-text">{versionLine(doc)}</span>
        )}
        {other && (
          <button type="button" className="link-button" onClick={() => (other.version < doc.version ? versions.compare(other.id, doc.id) : versions.compare(doc.id, other.id))}>
            Compare with version {other.version}
          </button>
        )}
        {doc.versionCount === 1 && (
          <button type="button" className="link-button" onClick={versions.openLinkDialog}>
            Mark as new version of…
          </button>
        )}
      </div>
      {candidate && (
        <div className="version-candidate" role="region" aria-labelledby={`${id}-candidate`}>
          <p id={`${id}-candidate`}>
            This looks like a new version of “{candidate.title}” (same address, imported {formatDay(candidate.createdAt)}).
          </p>
          <button type="button" className="primary" onClick={() => void versions.link(candidate.id)}>
            Link as new version
          </button>
          <button type="button" onClick={() => void versions.keepSeparate()}>
            Keep separate
          </button>
        </div>
      )}
    </div>
  );
}
