/**
 * The application shell: who is working, the navigation between the article workspace and the
 * project's records (sources, speakers, tags, verdict scale, review sessions, history), project search, the
 * keyboard shortcuts, and the messages at the edges of the window.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Profile, ProfileFields, Tag, Verdict } from '../../shared/domain';
import type { AppCommand } from '../../shared/ipc/channels';
import type { Result } from '../../shared/result';
import { BackupsDialog, saveProjectCopy } from '../components/BackupsDialog';
import { ProfileMenu } from '../components/ProfileMenu';
import { ProjectFileBanner } from '../components/ProjectFileBanner';
import { ProfileSetup } from '../components/ProfileSetup';
import { SearchBox, type SearchBoxHandle } from '../components/SearchBox';
import { ShortcutsHelp } from '../components/ShortcutsHelp';
import { Toast } from '../components/Toast';
import { applyVerdictStyles } from '../editor/verdict-styles';
import { call, onCommand } from '../services/api';
import { HistoryView } from '../views/history/HistoryView';
import { ReviewView } from '../views/review/ReviewView';
import { SourcesView } from '../views/sources/SourcesView';
import { SpeakersView } from '../views/speakers/SpeakersView';
import { TagsView } from '../views/tags/TagsView';
import { VerdictScaleView } from '../views/verdicts/VerdictScaleView';
import type { ViewProps } from '../views/view-props';
import { ArticleWorkspace, type WorkspaceHandle } from './ArticleWorkspace';
import { useShortcuts } from './use-shortcuts';
import { useToast } from './use-toast';

const VIEWS = [
  { key: 'articles', label: 'Articles' },
  { key: 'sources', label: 'Sources' },
  { key: 'speakers', label: 'Speakers' },
  { key: 'tags', label: 'Tags' },
  { key: 'verdicts', label: 'Verdict scale' },
  { key: 'review', label: 'Review' },
  { key: 'history', label: 'History' },
] as const;
type ViewKey = (typeof VIEWS)[number]['key'];

/** The Claimdesk window. */
export function App() {
  const [view, setView] = useState<ViewKey>('articles');
  const [profile, setProfile] = useState<Profile | null | undefined>(undefined);
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [addingProfile, setAddingProfile] = useState(false);
  const [verdicts, setVerdicts] = useState<Verdict[]>([]);
  const [tags, setTags] = useState<Tag[]>([]);
  const [alert, setAlert] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [documentOpen, setDocumentOpen] = useState(false);
  const [startedSession, setStartedSession] = useState<number | null>(null);
  const [backupsOpen, setBackupsOpen] = useState(false);
  const { toast, show: notify, dismiss: dismissToast } = useToast();
  const workspace = useRef<WorkspaceHandle>(null);
  const search = useRef<SearchBoxHandle>(null);

  const loadShared = useCallback(async () => {
    const [v, t, p] = await Promise.all([call('verdicts:list', {}), call('tags:list', {}), call('profiles:list', {})]);
    if (v.ok) {
      setVerdicts(v.value);
      applyVerdictStyles(v.value);
    } else setAlert(`Could not read the verdict scale: ${v.error.message}`);
    if (t.ok) setTags(t.value);
    if (p.ok) setProfiles(p.value);
  }, []);

  useEffect(() => {
    void (async () => {
      const current = await call('profiles:current', {});
      setProfile(current.ok ? current.value : null);
      await loadShared();
    })();
  }, [loadShared]);

  const reloadTags = useCallback(async () => {
    const t = await call('tags:list', {});
    if (t.ok) setTags(t.value);
  }, []);

  const dataChanged = useCallback(() => {
    void loadShared();
    workspace.current?.reload();
  }, [loadShared]);

  const createProfile = useCallback(
    async (fields: ProfileFields): Promise<Result<unknown>> => {
      const result = await call('profiles:create', { fields });
      if (result.ok) {
        setProfile(result.value);
        setAddingProfile(false);
        await loadShared();
      }
      return result;
    },
    [loadShared],
  );

  const switchProfile = useCallback(async (id: number) => {
    const result = await call('profiles:switch', { id });
    if (result.ok) setProfile(result.value);
    else setAlert(`Could not switch: ${result.error.message}`);
  }, []);

  const showArticles = useCallback((then?: (w: WorkspaceHandle) => void) => {
    setView('articles');
    // The workspace stays mounted; act on it once React has shown it.
    if (then) window.setTimeout(() => workspace.current && then(workspace.current), 0);
  }, []);

  const openClaim = useCallback<ViewProps['onOpenClaim']>(
    (claim) => showArticles((w) => void w.openClaim(claim.documentId, claim.id)),
    [showArticles],
  );

  const viewProps: ViewProps = { onOpenClaim: openClaim, onDataChanged: dataChanged, notify };

  // Menu commands from main act like the matching buttons.
  const commands = useRef<Record<AppCommand, () => void>>({} as Record<AppCommand, () => void>);
  commands.current = {
    'import-file': () => showArticles((w) => w.importFromDialog()),
    'import-paste': () => showArticles((w) => w.openPaste()),
    'open-sample': () => showArticles((w) => w.openSample()),
    'tag-claim': () => showArticles((w) => w.requestTag()),
    'library-changed': () => workspace.current?.reload(),
    'show-sources': () => setView('sources'),
    'show-history': () => setView('history'),
    'show-shortcuts': () => setHelpOpen(true),
    'focus-search': () => search.current?.focus(),
    export: () => showArticles((w) => w.openExport()),
    'import-annotations': () => showArticles((w) => w.importAnnotations()),
    // The project file: copies, backups, recovery.
    'save-copy': () => void saveProjectCopy(notify),
    'show-backups': () => setBackupsOpen(true),
  };
  useEffect(() => onCommand((c) => commands.current[c]()), []);

  useShortcuts({
    enabled: profile !== undefined && profile !== null && !helpOpen,
    onTag: () => showArticles((w) => w.requestTag()),
    onExport: () => showArticles((w) => w.openExport()),
    onUndo: toast?.undo
      ? () => {
          toast.undo!();
          dismissToast();
        }
      : null,
    onSearch: () => search.current?.focus(),
    onHelp: () => setHelpOpen(true),
    onStep: view === 'articles' ? (d) => workspace.current?.stepClaim(d) : null,
    onEdit: view === 'articles' ? () => workspace.current?.editActiveClaim() : null,
    onVerdict: view === 'articles' ? (n) => workspace.current?.setActiveVerdict(n) : null,
  });

  if (profile === undefined) return <div className="app" aria-busy="true" />;

  return (
    <div className="app">
      <header className="toolbar">
        <h1 className="brand">Claimdesk</h1>
        <nav aria-label="Views" className="views-nav">
          {VIEWS.map((v) => (
            <button key={v.key} type="button" aria-current={view === v.key ? 'page' : undefined} onClick={() => setView(v.key)}>
              {v.label}
            </button>
          ))}
        </nav>
        <span className="spacer" />
        <SearchBox ref={search} onOpenClaim={openClaim} onOpenDocument={(documentId) => showArticles((w) => void w.openClaim(documentId, null))} onOpenSource={() => setView('sources')} />
        {view === 'articles' && (
          <>
            <button type="button" onClick={() => workspace.current?.importFromDialog()}>
              Import article…
            </button>
            <button type="button" onClick={() => workspace.current?.openPaste()}>
              Paste text…
            </button>
            <button type="button" onClick={() => workspace.current?.openSample()}>
              Sample article
            </button>
            {documentOpen && (
              <button type="button" className="primary" onClick={() => workspace.current?.requestTag()} aria-keyshortcuts="Control+E Meta+E" title="Tag the selected passage as a claim (Ctrl+E)">
                Tag claim
              </button>
            )}
          </>
        )}
        <button type="button" className="help-button" onClick={() => setHelpOpen(true)} aria-label="Keyboard shortcuts" aria-keyshortcuts="Shift+?" title="Keyboard shortcuts (?)">
          ?
        </button>
        {profile && <ProfileMenu current={profile} profiles={profiles} onSwitch={(id) => void switchProfile(id)} onAdd={() => setAddingProfile(true)} />}
      </header>

      <ProjectFileBanner onShowBackups={() => setBackupsOpen(true)} />
      {alert && (
        <div className="banner" role="alert">
          <span>{alert}</span>
          <button type="button" className="link-button" onClick={() => setAlert(null)}>
            Dismiss
          </button>
        </div>
      )}

      <div className="view-area" hidden={view !== 'articles'}>
        <ArticleWorkspace
          ref={workspace}
          verdicts={verdicts}
          tags={tags}
          profiles={profiles}
          onAlert={setAlert}
          notify={notify}
          onClaimsChanged={() => void reloadTags()}
          onDocumentOpen={setDocumentOpen}
          onReviewStarted={(id) => {
            setStartedSession(id);
            setView('review');
          }}
        />
      </div>
      {view !== 'articles' && (
        <main className="view-area" aria-label={VIEWS.find((v) => v.key === view)!.label}>
          {view === 'sources' && <SourcesView {...viewProps} />}
          {view === 'speakers' && <SpeakersView {...viewProps} />}
          {view === 'tags' && <TagsView {...viewProps} />}
          {view === 'verdicts' && <VerdictScaleView {...viewProps} />}
          {view === 'review' && <ReviewView {...viewProps} verdicts={verdicts} profile={profile} initialSessionId={startedSession} />}
          {view === 'history' && <HistoryView {...viewProps} />}
        </main>
      )}

      {profile === null && <ProfileSetup firstRun onCreate={createProfile} />}
      {addingProfile && <ProfileSetup firstRun={false} onCreate={createProfile} onCancel={() => setAddingProfile(false)} />}
      {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
      {backupsOpen && <BackupsDialog onClose={() => setBackupsOpen(false)} notify={notify} />}
      {toast && <Toast key={toast.id} message={toast.message} onDismiss={dismissToast} {...(toast.undo ? { onAction: () => (toast.undo!(), dismissToast()), actionLabel: 'Undo' } : {})} />}
    </div>
  );
}
