/**
 * The versions of the open document, kept in step with main: its series, an earlier document
 * it looks like a new version of, its changes queue, and which two versions are being
 * compared. Actions change state here only after main has answered.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Claim, DocumentRecord, DocumentSummary, TextAnchor, VersionAction, VersionChange } from '../../../shared/domain';
import { call } from '../../services/api';

/** What the versions of a document need from the workspace. */
export interface VersionsHost {
  /** The open document. */
  readonly record: DocumentRecord | null;
  /** Its claims, live and in the bin: when they change, the queue is read again. */
  readonly claims: readonly Claim[];
  readonly deleted: readonly Claim[];
  /** The passage selected in the article, as an anchor, or null. */
  readonly selectionAnchor: () => TextAnchor | null;
  readonly openDocument: (id: number) => Promise<void>;
  readonly refreshLibrary: () => Promise<unknown>;
  /** Reads the open document's claims again. */
  readonly reloadClaims: () => Promise<unknown>;
  /** Shows a claim in the article. */
  readonly showClaim: (claimId: number) => void;
  readonly notify: (message: string, undo?: () => void) => void;
  readonly onAlert: (message: string | null) => void;
}

/** State and actions for the versions of the open document. */
export function useDocumentVersions(host: VersionsHost) {
  const { record, claims, deleted, selectionAnchor, openDocument, refreshLibrary, reloadClaims, showClaim, notify, onAlert } = host;
  const [series, setSeries] = useState<DocumentSummary[]>([]);
  const [candidate, setCandidate] = useState<DocumentSummary | null>(null);
  const [queue, setQueue] = useState<VersionChange[]>([]);
  const [comparing, setComparing] = useState<{ fromId: number; toId: number } | null>(null);
  const [linking, setLinking] = useState(false);
  const documentId = record?.id ?? null;
  const version = record?.version ?? 1;
  const versionCount = record?.versionCount ?? 1;
  const hasClaims = claims.length > 0;
  const url = record?.url ?? null;

  useEffect(() => {
    setComparing(null);
    setLinking(false);
    setCandidate(null);
    setQueue([]);
  }, [documentId]);

  useEffect(() => {
    if (documentId === null) return setSeries([]);
    if (versionCount === 1) return setSeries(record ? [record] : []);
    let current = true;
    void call('versions:list', { documentId }).then((result) => {
      if (current && result.ok) setSeries(result.value);
    });
    return () => {
      current = false;
    };
    // The record object changes with every metadata save; its id and version count are what matter.
  }, [documentId, versionCount]);

  useEffect(() => {
    if (documentId === null || versionCount > 1 || hasClaims || url === null) return setCandidate(null);
    let current = true;
    void call('versions:candidate', { documentId }).then((result) => {
      if (current) setCandidate(result.ok ? result.value : null);
    });
    return () => {
      current = false;
    };
    // Typing the address of an earlier document into the header is a reason to ask again.
  }, [documentId, versionCount, hasClaims, url]);

  const loadQueue = useCallback(async () => {
    if (documentId === null || version === 1) return setQueue([]);
    const result = await call('versions:queue', { documentId });
    if (result.ok) setQueue(result.value);
    else onAlert(`Could not read the changes of this version: ${result.error.message}`);
  }, [documentId, version, onAlert]);

  // Any change to the claims (an undo in the history, a claim restored) may resolve or reopen a row.
  useEffect(() => {
    void loadQueue();
  }, [loadQueue, claims, deleted]);

  const link = useCallback(
    async (previousId: number) => {
      if (documentId === null) return;
      const result = await call('versions:link', { documentId, previousId });
      if (!result.ok) return onAlert(`Not linked as a new version: ${result.error.message}`);
      const r = result.value;
      setLinking(false);
      setCandidate(null);
      await refreshLibrary();
      await openDocument(documentId);
      const toCheck = r.changed + r.moved + r.vanished;
      notify(
        `Linked as version ${r.version}: ${r.carried === 1 ? '1 claim' : `${r.carried} claims`} carried over, ` +
          `${r.unchanged} unchanged, ${toCheck === 0 ? 'none' : toCheck} to check.`,
      );
    },
    [documentId, refreshLibrary, openDocument, notify, onAlert],
  );

  const keepSeparate = useCallback(async () => {
    if (documentId === null) return;
    const result = await call('versions:keepSeparate', { documentId });
    if (!result.ok) return onAlert(`Could not keep this document separate: ${result.error.message}`);
    setCandidate(null);
  }, [documentId, onAlert]);

  const resolve = useCallback(
    async (change: VersionChange, action: VersionAction) => {
      const result = await call('versions:resolve', { rowId: change.id, action });
      if (!result.ok) return onAlert(`Could not ${action} this change: ${result.error.message}`);
      await reloadClaims();
      if (action === 'retire') notify('Claim retired: it is in the bin of this version.', () => void resolve(result.value, 'reopen'));
      else if (action === 'confirm') notify('Change confirmed.');
      else notify('Change back in the queue.');
    },
    [reloadClaims, notify, onAlert],
  );

  const reattach = useCallback(
    async (change: VersionChange) => {
      const anchor = selectionAnchor();
      if (!anchor) return notify('Select the passage this claim refers to in the article, then press “Attach to selection”.');
      const result = await call('versions:reattach', { rowId: change.id, anchor });
      if (!result.ok) return onAlert(`Could not attach the claim: ${result.error.message}`);
      await reloadClaims();
      notify('Claim attached to the selected passage.');
    },
    [selectionAnchor, reloadClaims, notify, onAlert],
  );

  const previous = series.find((d) => d.version === version - 1) ?? null;
  return {
    series,
    candidate: hasClaims ? null : candidate,
    queue,
    pending: queue.filter((c) => c.resolution === null),
    previous,
    comparing,
    linking,
    compare: (fromId: number, toId: number) => setComparing({ fromId, toId }),
    closeCompare: () => setComparing(null),
    openLinkDialog: () => setLinking(true),
    closeLinkDialog: () => setLinking(false),
    link,
    keepSeparate,
    resolve,
    reattach,
    showClaim,
    openDocument,
  };
}

/** The state and actions `useDocumentVersions` gives. */
export type DocumentVersions = ReturnType<typeof useDocumentVersions>;
