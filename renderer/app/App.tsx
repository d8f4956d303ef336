/**
 * The application shell: library, the open article with its highlights, the claims panel, and
 * the dialogs. State that main owns (documents, claims) is only changed here after main has
 * answered; nothing is shown as saved before it is.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Claim, ClaimFields, DocumentMeta, DocumentRecord, DocumentSummary, TextAnchor, Verdict } from '../../shared/domain';
import { articleSchema } from '../../shared/article/schema';
import type { AppCommand } from '../../shared/ipc/channels';
import type { Result } from '../../shared/result';
import { ArticleView, type ArticleHandle } from '../components/ArticleView';
import { ClaimForm } from '../components/ClaimForm';
import { ClaimPicker } from '../components/ClaimPicker';
import { ClaimsPanel } from '../components/ClaimsPanel';
import { DocumentHeader } from '../components/DocumentHeader';
import { EmptyLibrary } from '../components/EmptyLibrary';
import { LibraryPanel } from '../components/LibraryPanel';
import { PasteDialog } from '../components/PasteDialog';
import { Toast } from '../components/Toast';
import { claimLabel, claimNumbers, placeClaims } from '../editor/anchors';
import { applyVerdictStyles } from '../editor/verdict-styles';
import { call, onCommand } from '../services/api';
import { useFileDrop } from './use-file-drop';
import { useToast } from './use-toast';

type FormState = { mode: 'create'; anchor: TextAnchor } | { mode: 'edit'; claimId: number };

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

/** The Claimdesk window. */
export function App() {
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [verdicts, setVerdicts] = useState<Verdict[]>([]);
  const [record, setRecord] = useState<DocumentRecord | null>(null);
  const [claims, setClaims] = useState<Claim[]>([]);
  const [deleted, setDeleted] = useState<Claim[]>([]);
  const [form, setForm] = useState<FormState | null>(null);
  const [activeId, setActiveId] = useState<number | null>(null);
  const [picker, setPicker] = useState<{ ids: number[]; coords: { left: number; top: number } } | null>(null);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const { toast, show: showToast, dismiss: dismissToast } = useToast();
  const articleRef = useRef<ArticleHandle>(null);

  const body = record?.body;
  const doc = useMemo(() => (body === undefined ? null : articleSchema.nodeFromJSON(body)), [body]);
  const verdictMap = useMemo(() => new Map(verdicts.map((v) => [v.id, v])), [verdicts]);
  const placed = useMemo(() => (doc ? placeClaims(doc, claims, verdictMap) : { highlights: [], orphans: [] }), [doc, claims, verdictMap]);
  const orphans = useMemo(() => new Set(placed.orphans), [placed]);
  const numbers = useMemo(() => claimNumbers(claims), [claims]);
  const speakers = useMemo(() => [...new Set(claims.map((c) => c.attribution.speaker).filter((s): s is string => !!s))].sort(), [claims]);

  const refreshLibrary = useCallback(async () => {
    const result = await call('documents:list', {});
    if (result.ok) setDocuments(result.value);
    else setAlert(`Could not read the library: ${result.error.message}`);
    return result.ok ? result.value : null;
  }, []);

  const openDocument = useCallback(async (id: number) => {
    const [docResult, claimsResult] = await Promise.all([call('documents:get', { id }), call('claims:list', { documentId: id, includeDeleted: true })]);
    if (!docResult.ok) return setAlert(`Could not open the document: ${docResult.error.message}`);
    if (!claimsResult.ok) return setAlert(`Could not read the claims: ${claimsResult.error.message}`);
    setRecord(docResult.value);
    setClaims(claimsResult.value.filter((c) => c.deletedAt === null));
    setDeleted(claimsResult.value.filter((c) => c.deletedAt !== null));
    setActiveId(null);
    setForm(null);
    setPicker(null);
    rememberDocument(id);
  }, []);

  // First load: the scale, the library, and the last document the user had open.
  useEffect(() => {
    void (async () => {
      const v = await call('verdicts:list', {});
      if (v.ok) {
        setVerdicts(v.value);
        applyVerdictStyles(v.value);
      } else setAlert(`Could not read the verdict scale: ${v.error.message}`);
      const docs = await refreshLibrary();
      if (docs && docs.length > 0) {
        const last = rememberedDocument();
        await openDocument(docs.some((d) => d.id === last) ? last! : docs[0]!.id);
      }
    })();
  }, [refreshLibrary, openDocument]);

  const afterImport = useCallback(
    async (summary: DocumentSummary) => {
      await refreshLibrary();
      await openDocument(summary.id);
      setAlert(null);
      showToast(`Imported “${summary.title}”.`);
    },
    [refreshLibrary, openDocument, showToast],
  );

  const importFromDialog = useCallback(async () => {
    const result = await call('documents:importDialog', {});
    if (!result.ok) return setAlert(`Could not import: ${result.error.message}`);
    if (result.value) await afterImport(result.value);
  }, [afterImport]);

  const openSample = useCallback(async () => {
    const result = await call('documents:openSample', {});
    if (!result.ok) return setAlert(`Could not open the sample: ${result.error.message}`);
    await afterImport(result.value);
  }, [afterImport]);

  const importFiles = useCallback(
    async (files: File[]) => {
      const refused: string[] = [];
      let last: DocumentSummary | null = null;
      for (const file of files) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const result = await call('documents:importBytes', { bytes, fileName: file.name });
        if (result.ok) last = result.value;
        else refused.push(result.error.message);
      }
      if (last) await afterImport(last);
      if (refused.length > 0) setAlert(`Not imported — ${refused.join(' ')} Your library is unchanged.`);
    },
    [afterImport],
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
    if (!anchor) {
      showToast('Select a passage of the article first, then tag it as a claim.');
      return;
    }
    setPicker(null);
    setForm({ mode: 'create', anchor });
  }, [record, showToast]);

  const jumpTo = useCallback((claimId: number) => {
    setActiveId(claimId);
    if (!articleRef.current?.revealClaim(claimId)) setForm({ mode: 'edit', claimId });
  }, []);

  const openClaim = useCallback((claimId: number) => {
    setPicker(null);
    setActiveId(claimId);
    articleRef.current?.revealClaim(claimId);
    setForm({ mode: 'edit', claimId });
  }, []);

  const restoreClaim = useCallback(
    async (claimId: number) => {
      const result = await call('claims:restore', { id: claimId });
      if (!result.ok) return setAlert(`Could not restore the claim: ${result.error.message}`);
      setDeleted((list) => list.filter((c) => c.id !== claimId));
      setClaims((list) => [...list.filter((c) => c.id !== claimId), result.value]);
      bumpCount(result.value.documentId, 1);
      showToast('Claim restored.');
    },
    [bumpCount, showToast],
  );

  const deleteClaim = useCallback(
    async (claimId: number) => {
      const result = await call('claims:delete', { id: claimId });
      if (!result.ok) return setAlert(`Could not delete the claim: ${result.error.message}`);
      setForm(null);
      setActiveId(null);
      articleRef.current?.clearActive();
      setClaims((list) => list.filter((c) => c.id !== claimId));
      setDeleted((list) => [result.value, ...list]);
      bumpCount(result.value.documentId, -1);
      showToast('Claim deleted.', () => void restoreClaim(claimId));
    },
    [bumpCount, restoreClaim, showToast],
  );

  const submitClaim = useCallback(
    async (fields: ClaimFields): Promise<Result<unknown>> => {
      if (!form || !record) return { ok: false, error: { kind: 'internal', message: 'No document is open.' } };
      if (form.mode === 'create') {
        const result = await call('claims:create', { documentId: record.id, anchor: form.anchor, fields });
        if (result.ok) {
          setClaims((list) => [...list, result.value]);
          bumpCount(record.id, 1);
          setForm(null);
          setActiveId(result.value.id);
          showToast('Claim saved.');
        }
        return result;
      }
      const result = await call('claims:update', { id: form.claimId, fields });
      if (result.ok) {
        setClaims((list) => list.map((c) => (c.id === result.value.id ? result.value : c)));
        setForm(null);
        showToast('Changes saved.');
      }
      return result;
    },
    [form, record, bumpCount, showToast],
  );

  // Menu commands from main act like the matching buttons.
  const commands = useRef<Record<AppCommand, () => void>>({} as Record<AppCommand, () => void>);
  commands.current = {
    'import-file': () => void importFromDialog(),
    'import-paste': () => setPasteOpen(true),
    'open-sample': () => void openSample(),
    'tag-claim': requestTag,
    'library-changed': () => void refreshLibrary(),
  };
  useEffect(() => onCommand((c) => commands.current[c]()), []);

  // Shortcuts that work wherever the focus is (the editor handles Ctrl/Cmd+E itself first).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'e') {
        e.preventDefault();
        requestTag();
      } else if (mod && !e.shiftKey && e.key.toLowerCase() === 'z' && toast?.undo) {
        const t = e.target as HTMLElement | null;
        if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA')) return;
        e.preventDefault();
        toast.undo();
        dismissToast();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [requestTag, toast, dismissToast]);

  const editing = form?.mode === 'edit' ? claims.find((c) => c.id === form.claimId) : undefined;
  const pickerClaims = picker?.ids.map((id) => {
    const c = claims.find((x) => x.id === id);
    return { id, label: c ? `${claimLabel(numbers.get(id) ?? 0, c, verdictMap)} — “${c.anchor.exact.slice(0, 60)}”` : `Claim ${id}` };
  });

  return (
    <div className="app">
      <header className="toolbar">
        <h1 className="brand">Claimdesk</h1>
        <button type="button" onClick={() => void importFromDialog()}>
          Import article…
        </button>
        <button type="button" onClick={() => setPasteOpen(true)}>
          Paste text…
        </button>
        <button type="button" onClick={() => void openSample()}>
          Sample article
        </button>
        <span className="spacer" />
        {record && (
          <button type="button" className="primary" onClick={requestTag} aria-keyshortcuts="Control+E Meta+E" title="Tag the selected passage as a claim (Ctrl+E)">
            Tag claim
          </button>
        )}
      </header>

      {alert && (
        <div className="banner" role="alert">
          <span>{alert}</span>
          <button type="button" className="link-button" onClick={() => setAlert(null)}>
            Dismiss
          </button>
        </div>
      )}

      <div className={record ? 'workspace with-claims' : 'workspace'}>
        {documents && documents.length > 0 && <LibraryPanel documents={documents} currentId={record?.id ?? null} onOpen={(id) => void openDocument(id)} />}
        <main className="document-area" aria-label="Document">
          {documents && documents.length === 0 && <EmptyLibrary onImportFile={() => void importFromDialog()} onPaste={() => setPasteOpen(true)} onOpenSample={() => void openSample()} />}
          {record && doc && (
            <>
              <DocumentHeader key={record.id} document={record} onSave={saveMeta} />
              <ArticleView
                ref={articleRef}
                doc={doc}
                highlights={placed.highlights}
                onActivate={(ids, coords) => (ids.length === 1 ? openClaim(ids[0]!) : setPicker({ ids, coords }))}
                onTagRequest={requestTag}
              />
            </>
          )}
        </main>
        {record && (
          <ClaimsPanel
            claims={claims}
            deleted={deleted}
            orphans={orphans}
            numbers={numbers}
            verdicts={verdicts}
            activeClaimId={activeId}
            onJump={jumpTo}
            onEdit={openClaim}
            onRestore={(id) => void restoreClaim(id)}
          />
        )}
      </div>

      {form && record && (form.mode === 'create' || editing) && (
        <ClaimForm
          key={form.mode === 'create' ? 'new' : `edit-${form.claimId}`}
          mode={form.mode}
          quote={form.mode === 'create' ? form.anchor.exact : editing!.anchor.exact}
          verdicts={verdicts}
          initial={form.mode === 'edit' ? editing! : null}
          speakers={speakers}
          onSubmit={submitClaim}
          onCancel={() => setForm(null)}
          {...(form.mode === 'edit' ? { onDelete: () => void deleteClaim(form.claimId) } : {})}
        />
      )}
      {pasteOpen && <PasteDialog onImport={importPasted} onCancel={() => setPasteOpen(false)} />}
      {picker && pickerClaims && <ClaimPicker claims={pickerClaims} coords={picker.coords} onPick={openClaim} onClose={() => setPicker(null)} />}
      {toast && <Toast key={toast.id} message={toast.message} onDismiss={dismissToast} {...(toast.undo ? { onAction: () => (toast.undo!(), dismissToast()), actionLabel: 'Undo' } : {})} />}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop a .txt article to import it
        </div>
      )}
    </div>
  );
}
