/**
 * What versions add around the article: the changes queue of this version, the comparison
 * with another version (shown instead of the article while open), and the dialog that marks
 * the document as a new version of another.
 */
import type { ReactNode } from 'react';
import type { DocumentRecord, DocumentSummary } from '../../../shared/domain';
import { ChangesQueue } from './ChangesQueue';
import { LinkVersionDialog } from './LinkVersionDialog';
import type { DocumentVersions } from './use-document-versions';
import { VersionCompare } from './VersionCompare';
import '../../styles/versions.css';

interface Props {
  readonly document: DocumentRecord;
  /** The library as listed: the latest version of each series. */
  readonly library: readonly DocumentSummary[];
  readonly versions: DocumentVersions;
  /** The article. */
  readonly children: ReactNode;
}

/** The changes queue, the comparison or the article, and the link dialog. */
export function VersionPanels({ document: doc, library, versions, children }: Props) {
  const { comparing } = versions;
  return (
    <>
      {!comparing && <ChangesQueue versions={versions} previous={versions.previous} />}
      {comparing ? <VersionCompare series={versions.series} fromId={comparing.fromId} toId={comparing.toId} onChange={versions.compare} onClose={versions.closeCompare} /> : children}
      {versions.linking && <LinkVersionDialog document={doc} documents={library} suggested={versions.candidate} onLink={versions.link} onClose={versions.closeLinkDialog} />}
    </>
  );
}
