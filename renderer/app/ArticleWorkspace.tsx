/**
 * The article workspace: the library, the open article with its highlights, the claims panel
 * with its filters, and the claim form. State that main owns (documents, claims) changes here
 * only after main has answered; nothing is shown as saved before it is.
 */
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import type { AnnotationImportReport, ClaimInput, DocumentMeta, DocumentRecord, DocumentSummary, Profile, Tag, TextAnchor, Verdict } from '../../shared/domain';
import { articleSchema } from '../../shared/article/schema';
import type { Result } from '../../shared/result';
import { AnnotationImportReportDialog } from '../components/AnnotationImportReport';
import { ArticleView, type ArticleHandle } from '../components/ArticleView';
import { ClaimFilters, isFiltering, type FilterState } from '../components/ClaimFilters';
import { ClaimForm } from '../components/claim-form/ClaimForm';
import { draftFromClaim, inputFromDraft } from '../components/claim-form/claim-draft';
import { ClaimPicker } from '../components/ClaimPicker';
import { ClaimsPanel } from '../components/ClaimsPanel';
import { DocumentHeader } from '../components/DocumentHeader';
import { EmptyLibrary } from '../components/EmptyLibrary';
import { ExportDialog } from '../components/ExportDialog';
import { ImportReportDialog } from '../components/ImportReportDialog';
import { LibraryPanel } from '../components/LibraryPanel';
import { PasteDialog } from '../components/PasteDialog';
import { StartReviewDialog } from '../views/review/StartReviewDialog';
import { useDocumentVersions } from '../components/versions/use-document-versions';
import { latestVersions, libraryEntryOf } from '../components/versions/version-format';
import { VersionLine } from '../components/versions/VersionLine';
import { VersionPanels } from '../components/versions/VersionPanels';
import { claimLabel, claimNumbers, claimsToPlaceFirst, placeClaims } from '../editor/anchors';
import { call } from '../services/api';
import { useDocumentClaims } from './use-document-claims';
import { useExport } from './use-export';
import { useImport } from './use-import';
import '../styles/exchange.css';
import { useFileDrop } from './use-file-drop';

type FormState = { mode: 'create'; anchor: TextAnchor } | { mode: 'edit'; claimId: number };

/** What the shell can ask of the workspace (menu commands, other views). */
export interface WorkspaceHandle {
  importFromDialog(): void;
  openPaste(): void;
  openSample(): void;
  requestTag(): void;
  /** Opens the export dialog for the open document. */
  openExport(): void;
  /** Asks for a W3C Web Annotation file and imports its annotations into the open document. */
  importAnnotations(): void;
  /** Opens a document and, when given, one of its claims. */
  openClaim(documentId: number, claimId: number | null): Promise<void>;
  /** Moves to the next or previous claim in reading order and marks it. */
  stepClaim(direction: 1 | -1): void;
  /** Opens the form of the marked claim. */
  editActiveClaim(): void;
  /** Sets the verdict of the marked claim to the n-th verdict of the scale (1-based). */
  setActiveVerdict(n: number): void;
  /** Reloads what depends on shared data (after verdicts or tags changed elsewhere). */
  reload(): void;
}

interface Props {
  readonly verdicts: readonly Verdict[];
  readonly tags: readonly Tag[];
  readonly profiles: readonly Profile[];
  readonly onAlert: (message: string | null) => void;
  readonly notify: (message: string, undo?: () => void) => void;
  /** Called when claims or tags may have changed (new free tags), so the shell reloads tags. */
  readonly onClaimsChanged: () => void;
  /** Called with whether a document is open (the shell offers "Tag claim" only then). */
  readonly onDocumentOpen: (open: boolean) => void;
  /** Called with a review session just started from the claims on screen; the shell shows it. */
  readonly onReviewStarted: (sessionId: number) => void;
  readonly ref?: Ref<WorkspaceHandle>;
}

const LAST_DOC_KEY = 'claimdesk:last-document';

function rememberDocument(id: number) {
  try {
    window.localStorage.setItem(LAST_DOC_KEY, String(id));
  } catch {
    // Storage may be unavailable; reopening the newest document is a fine fallback.
  }
}

function rememberedDocument(): number | null {
  try {
    const n = Number(window.localStorage.getItem(LAST_DOC_KEY));
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

/** The article workspace. */
export function ArticleWorkspace({ verdicts, tags, profiles, onAlert, notify, onClaimsChanged, onDocumentOpen, onReviewStarted, ref }: Props) {
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [record, setRecord] = useState<DocumentRecord | null>(null);
  const [form, setForm] = useState<FormState | null>(null);
  const [activeId, setActiveId] = useState<number | null>(null);
  const [picker, setPicker] = useState<{ ids: number[]; coords: { left: number; top: number } } | null>(null);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  // Set when the user left the export dialog's final-report checklist to fix a claim: the
  // dialog opens on the checklist again.
  const [exportFinal, setExportFinal] = useState(false);
  const [reviewOpen, setReviewOpen] = useState(false);
  const exporter = useExport(notify);
  const [importReport, setImportReport] = useState<AnnotationImportReport | null>(null);
  const [filter, setFilter] = useState<FilterState>({});
  const [matching, setMatching] = useState<ReadonlySet<number> | null>(null);
  const claimsState = useDocumentClaims();
  const documentOpen = record !== null;
  useEffect(() => onDocumentOpen(documentOpen), [documentOpen, onDocumentOpen]);
  const { claims, deleted } = claimsState;
  const articleRef = useRef<ArticleHandle>(null);

  const body = record?.body;
  const doc = useMemo(() => (body === undefined ? null : articleSchema.nodeFromJSON(body)), [body]);
  const verdictMap = useMemo(() => new Map(verdicts.map((v) => [v.id, v])), [verdicts]);
  const filtering = isFiltering(filter);
  const shown = useMemo(() => (matching === null ? claims : claims.filter((c) => matching.has(c.id))), [claims, matching]);
  const numbers = useMemo(() => claimNumbers(claims), [claims]);
  // A document with thousands of claims shows first the highlights its first screens need; the
  // rest are placed once the browser is idle (see claimsToPlaceFirst).
  const [allPlacedOn, setAllPlacedOn] = useState<typeof doc>(null);
  const placing = useMemo(() => (doc !== null && allPlacedOn !== doc ? claimsToPlaceFirst(shown) : shown), [doc, allPlacedOn, shown]);
  useEffect(() => {
    if (doc === null || placing === shown) return;
    const idle = window.requestIdleCallback(() => setAllPlacedOn(doc), { timeout: 500 });
    return () => window.cancelIdleCallback(idle);
  }, [doc, placing, shown]);
  const text = record?.plainText;
  const placed = useMemo(() => (doc ? placeClaims(doc, placing, verdictMap, { numbers, text }) : { highlights: [], orphans: [] }), [doc, placing, verdictMap, numbers, text]);
  const orphans = useMemo(() => new Set(placed.orphans), [placed]);

  // Filters run in main (they may involve sources, speakers, tags); the result is a set of ids.
  useEffect(() => {
    if (!record || !filtering) {
      setMatching(null);
      return;
    }
    let current = true;
    const timer = window.setTimeout(async () => {
      const result = await call('claims:filter', { filter: { ...filter, documentId: record.id } });
      if (!current) return;
      if (result.ok) setMatching(new Set(result.value.map((c) => c.id)));
      else onAlert(`Could not filter the claims: ${result.error.message}`);
    }, 150);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [filter, filtering, record, claims, onAlert]);

  const refreshLibrary = useCallback(async () => {
    const result = await call('documents:list', {});
    if (result.ok) setDocuments(result.value);
    else onAlert(`Could not read the library: ${result.error.message}`);
    return result.ok ? result.value : null;
  }, [onAlert]);

  const openDocument = useCallback(
    async (id: number) => {
      const [docResult, claimsResult] = await Promise.all([call('documents:get', { id }), claimsState.load(id)]);
      if (!docResult.ok) return onAlert(`Could not open the document: ${docResult.error.message}`);
      if (!claimsResult.ok) return onAlert(`Could not read the claims: ${claimsResult.error.message}`);
      setRecord(docResult.value);
      setActiveId(null);
      setForm(null);
      setPicker(null);
      setFilter({});
      rememberDocument(id);
      // Its claims may use tags the shell has not seen yet (made on another desk or by a merge).
      onClaimsChanged();
    },
    [claimsState, onAlert, onClaimsChanged],
  );

  useEffect(() => {
    void (async () => {
      const docs = await refreshLibrary();
      if (docs && docs.length > 0) {
        const last = rememberedDocument();
        await openDocument(docs.some((d) => d.id === last) ? last! : docs[0]!.id);
      }
    })();
    // Only on mount: later changes come through the actions below.
  }, []);

  const afterImport = useCallback(
    async (summary: DocumentSummary) => {
      await refreshLibrary();
      await openDocument(summary.id);
      onAlert(null);
      notify(`Imported “${summary.title}”.`);
    },
    [refreshLibrary, openDocument, onAlert, notify],
  );

  const openImported = useCallback(
    async (added: readonly DocumentSummary[]) => {
      if (added.length === 0) return;
      await refreshLibrary();
      await openDocument(added[added.length - 1]!.id);
      onAlert(null);
      notify(added.length === 1 ? `Imported “${added[0]!.title}”.` : `Imported ${added.length} articles.`);
    },
    [refreshLibrary, openDocument, onAlert, notify],
  );
  const importer = useImport(openImported, (error) => onAlert(`Could not import: ${error.message}`));
  const importFromDialog = importer.fromDialog;

  const openSample = useCallback(async () => {
    const result = await call('documents:openSample', {});
    if (!result.ok) return onAlert(`Could not open the sample: ${result.error.message}`);
    await afterImport(result.value);
  }, [afterImport, onAlert]);

  const afterAnnotations = useCallback(
    async (report: AnnotationImportReport) => {
      onAlert(null);
      await claimsState.load(report.documentId);
      await refreshLibrary();
      onClaimsChanged();
      setImportReport(report);
    },
    [claimsState, refreshLibrary, onAlert, onClaimsChanged],
  );

  const importAnnotationsFromDialog = useCallback(async () => {
    if (!record) return notify('Open the article the annotations belong to first.');
    const result = await call('annotations:importDialog', { documentId: record.id });
    if (!result.ok) return onAlert(`Annotations not imported: ${result.error.message} The article and its claims are unchanged.`);
    if (result.value) await afterAnnotations(result.value);
  }, [record, notify, onAlert, afterAnnotations]);

  const importFiles = useCallback(
    async (dropped: File[]) => {
      const annotationFiles = dropped.filter((f) => /\.(jsonld|json)$/i.test(f.name));
      const files = dropped.filter((f) => !annotationFiles.includes(f));
      for (const file of annotationFiles) {
        if (!record) {
          onAlert(`“${file.name}” holds annotations: open the article they belong to, then drop it again.`);
          continue;
        }
        const bytes = new Uint8Array(await file.arrayBuffer());
        const result = await call('annotations:importBytes', { documentId: record.id, bytes, fileName: file.name });
        if (result.ok) await afterAnnotations(result.value);
        else onAlert(`Annotations not imported: ${result.error.message} The article and its claims are unchanged.`);
      }
      if (files.length > 0) await importer.fromFiles(files);
    },
    [importer, afterAnnotations, record, onAlert],
  );
  const dragging = useFileDrop((files) => void importFiles(files));

  const importPasted = useCallback(
    async (text: string, title: string): Promise<Result<unknown>> => {
      const result = await call('documents:importText', { text, fileName: title.trim() ? `${title.trim()}.txt` : null });
      if (result.ok) {
        setPasteOpen(false);
        await afterImport(result.value);
      }
      return result;
    },
    [afterImport],
  );

  const importPastedHtml = useCallback(
    async (html: string, title: string): Promise<Result<unknown>> => {
      const result = await call('documents:importHtml', { html, title: title.trim() === '' ? null : title.trim() });
      if (result.ok) {
        setPasteOpen(false);
        await afterImport(result.value);
      }
      return result;
    },
    [afterImport],
  );

  const saveMeta = useCallback(
    async (patch: Partial<DocumentMeta>) => {
      const result = await call('documents:updateMeta', { id: record!.id, meta: patch });
      if (result.ok) {
        setRecord((r) => (r && r.id === result.value.id ? { ...r, ...result.value } : r));
        setDocuments((list) => list?.map((d) => (d.id === result.value.id ? result.value : d)) ?? null);
      }
      return result;
    },
    [record],
  );

  const bumpCount = useCallback((documentId: number, delta: number) => {
    setDocuments((list) => list?.map((d) => (d.id === documentId ? { ...d, claimCount: d.claimCount + delta } : d)) ?? null);
  }, []);

  const requestTag = useCallback(() => {
    if (!record) return;
    const anchor = articleRef.current?.selectionAnchor() ?? null;
    if (!anchor) return notify('Select a passage of the article first, then tag it as a claim.');
    setPicker(null);
    setForm({ mode: 'create', anchor });
  }, [record, notify]);

  const attachOrphan = useCallback(
    async (claimId: number) => {
      const anchor = articleRef.current?.selectionAnchor() ?? null;
      if (!anchor) return notify('Select the passage this claim refers to in the article, then press “Attach to selection”.');
      const result = await call('claims:reattach', { id: claimId, anchor });
      if (!result.ok) return onAlert(`Could not attach the claim: ${result.error.message}`);
      await claimsState.load(result.value.documentId);
      setActiveId(claimId);
      notify('Claim attached to the selected passage.');
    },
    [claimsState, notify, onAlert],
  );

  const jumpTo = useCallback((claimId: number) => {
    setActiveId(claimId);
    if (!articleRef.current?.revealClaim(claimId)) setForm({ mode: 'edit', claimId });
  }, []);

  const versions = useDocumentVersions({
    record,
    claims,
    deleted,
    selectionAnchor: useCallback(() => articleRef.current?.selectionAnchor() ?? null, []),
    openDocument,
    refreshLibrary,
    reloadClaims: useCallback(() => (record ? claimsState.load(record.id) : Promise.resolve()), [record, claimsState]),
    showClaim: jumpTo,
    notify,
    onAlert,
  });
  const library = useMemo(() => latestVersions(documents ?? []), [documents]);

  const openClaimForm = useCallback((claimId: number) => {
    setPicker(null);
    setActiveId(claimId);
    articleRef.current?.revealClaim(claimId);
    setForm({ mode: 'edit', claimId });
  }, []);

  const restoreClaim = useCallback(
    async (claimId: number) => {
      const result = await claimsState.restore(claimId);
      if (!result.ok) return onAlert(`Could not restore the claim: ${result.error.message}`);
      bumpCount(result.value.documentId, 1);
      notify('Claim restored.');
    },
    [claimsState, bumpCount, notify, onAlert],
  );

  const deleteClaim = useCallback(
    async (claimId: number) => {
      const result = await claimsState.remove(claimId);
      if (!result.ok) return onAlert(`Could not delete the claim: ${result.error.message}`);
      setForm(null);
      setActiveId(null);
      articleRef.current?.clearActive();
      bumpCount(result.value.documentId, -1);
      notify('Claim deleted.', () => void restoreClaim(claimId));
    },
    [claimsState, bumpCount, restoreClaim, notify, onAlert],
  );

  const submitClaim = useCallback(
    async (input: ClaimInput): Promise<Result<unknown>> => {
      if (!form || !record) return { ok: false, error: { kind: 'internal', message: 'No document is open.' } };
      const result = form.mode === 'create' ? await claimsState.create(record.id, form.anchor, input) : await claimsState.update(form.claimId, input);
      if (result.ok) {
        if (form.mode === 'create') bumpCount(record.id, 1);
        setForm(null);
        setActiveId(result.value.id);
        notify(form.mode === 'create' ? 'Claim saved.' : 'Changes saved.');
        onClaimsChanged();
      }
      return result;
    },
    [form, record, claimsState, bumpCount, notify, onClaimsChanged],
  );

  // The shown claims by number, sorted once for the panel and for keyboard navigation (the placed ones).
  const inOrder = useMemo(() => [...shown].sort((a, b) => (numbers.get(a.id) ?? 0) - (numbers.get(b.id) ?? 0)), [shown, numbers]);
  const ordered = useMemo(() => inOrder.filter((c) => !orphans.has(c.id)), [inOrder, orphans]);

  useImperativeHandle(
    ref,
    () => ({
      importFromDialog: () => void importFromDialog(),
      openPaste: () => setPasteOpen(true),
      openSample: () => void openSample(),
      requestTag,
      openExport: () => {
        if (record) setExportOpen(true);
      },
      importAnnotations: () => void importAnnotationsFromDialog(),
      async openClaim(documentId, claimId) {
        if (record?.id !== documentId) await openDocument(documentId);
        if (claimId !== null) window.setTimeout(() => openClaimForm(claimId), 0);
      },
      stepClaim(direction) {
        if (ordered.length === 0) return;
        const i = ordered.findIndex((c) => c.id === activeId);
        const next = ordered[i < 0 ? (direction === 1 ? 0 : ordered.length - 1) : (i + direction + ordered.length) % ordered.length]!;
        jumpTo(next.id);
      },
      editActiveClaim() {
        if (activeId !== null) openClaimForm(activeId);
      },
      setActiveVerdict(n) {
        const claim = claims.find((c) => c.id === activeId);
        const verdict = verdicts[n - 1];
        if (!claim || !verdict) return;
        void claimsState.update(claim.id, { ...inputFromDraft(draftFromClaim(claim)), verdictId: verdict.id }).then((r) => {
          if (r.ok) notify(`Verdict set to ${verdict.label}.`);
          else onAlert(`Could not set the verdict: ${r.error.message}`);
        });
      },
      reload() {
        if (record) void claimsState.load(record.id);
        void refreshLibrary();
      },
    }),
    [importFromDialog, importAnnotationsFromDialog, openSample, requestTag, record, openDocument, openClaimForm, ordered, activeId, jumpTo, claims, verdicts, claimsState, notify, onAlert, refreshLibrary],
  );

  const editing = form?.mode === 'edit' ? (claims.find((c) => c.id === form.claimId) ?? deleted.find((c) => c.id === form.claimId)) : undefined;
  const pickerClaims = picker?.ids.map((id) => {
    const c = claims.find((x) => x.id === id);
    return { id, label: c ? `${claimLabel(numbers.get(id) ?? 0, c, verdictMap)} — “${c.anchor.exact.slice(0, 60)}”` : `Claim ${id}` };
  });

  return (
    <>
      <div className={record ? 'workspace with-claims' : 'workspace'}>
        {documents && documents.length > 0 && <LibraryPanel documents={library} currentId={libraryEntryOf(documents, record?.id ?? null)} onOpen={(id) => void openDocument(id)} />}
        <main className="document-area" aria-label="Document">
          {importer.progress && (
            <p className="import-status" role="status">
              {importer.progress.label} <progress max={importer.progress.total} value={importer.progress.done} aria-label="Import progress" />
            </p>
          )}
          {documents && documents.length === 0 && <EmptyLibrary onImportFile={() => void importFromDialog()} onPaste={() => setPasteOpen(true)} onOpenSample={() => void openSample()} />}
          {record && doc && (
            <>
              <DocumentHeader key={record.id} document={record} onSave={saveMeta} />
              <VersionLine document={record} versions={versions} />
              <div className="document-actions" role="toolbar" aria-label="Document actions">
                <button type="button" onClick={() => setExportOpen(true)} aria-keyshortcuts="Control+Shift+E">
                  Export…
                </button>
                <button type="button" onClick={() => void importAnnotationsFromDialog()}>
                  Import annotations…
                </button>
                <button type="button" onClick={() => setReviewOpen(true)} disabled={shown.length === 0} title="Start a review session on the claims shown">
                  Review claims…
                </button>
                {exporter.running && !exportOpen && (
                  <span className="export-status" role="status">
                    {exporter.running.label} <progress max={exporter.running.total} value={exporter.running.done} aria-label="Export progress" />
                  </span>
                )}
              </div>
              <VersionPanels document={record} library={library} versions={versions}>
                <ArticleView
                  ref={articleRef}
                  doc={doc}
                  highlights={placed.highlights}
                  onActivate={(ids, coords) => (ids.length === 1 ? openClaimForm(ids[0]!) : setPicker({ ids, coords }))}
                  onTagRequest={requestTag}
                onOpenLink={(url) =>
                  void call('links:open', { url }).then((r) => notify(r.ok ? `Opened ${r.value} outside Claimdesk.` : r.error.message))
                }
                />
              </VersionPanels>
            </>
          )}
        </main>
        {record && (
          <ClaimsPanel
            claims={inOrder}
            total={claims.length}
            filtering={filtering}
            filters={<ClaimFilters filter={filter} onChange={setFilter} verdicts={verdicts} tags={tags} profiles={profiles} claims={claims} />}
            deleted={deleted}
            orphans={orphans}
            numbers={numbers}
            verdicts={verdicts}
            activeClaimId={activeId}
            onJump={jumpTo}
            onEdit={openClaimForm}
            onRestore={(id) => void restoreClaim(id)}
            onAttach={(id) => void attachOrphan(id)}
          />
        )}
      </div>

      {form && record && (form.mode === 'create' || editing) && (
        <ClaimForm
          key={form.mode === 'create' ? 'new' : `edit-${form.claimId}-${editing!.updatedAt}`}
          quote={form.mode === 'create' ? form.anchor.exact : editing!.anchor.exact}
          verdicts={verdicts}
          tags={tags}
          claim={form.mode === 'edit' ? editing! : null}
          onSubmit={submitClaim}
          onCancel={() => setForm(null)}
          onHistoryUndo={() => {
            void claimsState.load(record.id);
            onClaimsChanged();
          }}
          {...(form.mode === 'edit' && editing!.deletedAt === null ? { onDelete: () => void deleteClaim(form.claimId) } : {})}
        />
      )}
      {exportOpen && record && (
        <ExportDialog
          documentId={record.id}
          total={claims.length}
          filtered={filtering && matching !== null ? { filter: { ...filter, documentId: record.id }, count: shown.length } : null}
          running={exporter.running}
          onExport={exporter.start}
          startFinal={exportFinal}
          onClose={() => {
            setExportOpen(false);
            setExportFinal(false);
          }}
          onGoToClaim={(claimId) => {
            setExportOpen(false);
            setExportFinal(true);
            openClaimForm(claimId);
          }}
        />
      )}
      {importer.report && (
        <ImportReportDialog
          report={importer.report}
          onOpen={(id) => {
            importer.closeReport();
            void openDocument(id);
          }}
          onResolved={importer.resolvePending}
          onClose={importer.closeReport}
        />
      )}
      {reviewOpen && record && (
        <StartReviewDialog
          documentTitle={record.title}
          claimIds={shown.map((c) => c.id)}
          filter={filtering ? filter : null}
          onStarted={(sessionId) => {
            setReviewOpen(false);
            onReviewStarted(sessionId);
          }}
          onClose={() => setReviewOpen(false)}
        />
      )}
      {importReport && <AnnotationImportReportDialog report={importReport} onClose={() => setImportReport(null)} />}
      {pasteOpen && <PasteDialog onImport={importPasted} onImportHtml={importPastedHtml} onCancel={() => setPasteOpen(false)} />}
      {picker && pickerClaims && <ClaimPicker claims={pickerClaims} coords={picker.coords} onPick={openClaimForm} onClose={() => setPicker(null)} />}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          {record
            ? 'Drop articles (web pages, Word, PDF, Markdown, text) to import them, or a W3C annotation file (.jsonld, .json) to add its claims here'
            : 'Drop articles (web pages, Word, PDF, Markdown, text) to import them'}
        </div>
      )}
    </>
  );
}
