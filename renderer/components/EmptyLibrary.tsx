/** What a new user sees: an invitation to import an article or open the sample. */
interface Props {
  readonly onImportFile: () => void;
  readonly onPaste: () => void;
  readonly onOpenSample: () => void;
}

/** The empty-library welcome. */
export function EmptyLibrary({ onImportFile, onPaste, onOpenSample }: Props) {
  return (
    <section className="empty-library" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Your library is empty</h2>
      <p>Import a news article to start checking its claims. Claimdesk works offline; everything stays in one file on this computer.</p>
      <div className="empty-actions">
        <button type="button" className="primary" onClick={onImportFile}>
          Import a .txt article…
        </button>
        <button type="button" onClick={onPaste}>
          Paste article text…
        </button>
        <button type="button" onClick={onOpenSample}>
          Open the sample article
        </button>
      </div>
      <p className="hint">You can also drop a .txt file anywhere on this window.</p>
    </section>
  );
}
