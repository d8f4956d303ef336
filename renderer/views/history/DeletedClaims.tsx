/**
 * The bin: claims that were deleted, with their quote and document. A deleted claim is kept
 * until restored; once restored here it can be opened in its document at once.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Claim } from '../../../shared/domain';
import { call } from '../../services/api';
import { countText, ErrorNote } from '../tags/record-parts';
import type { ViewProps } from '../view-props';
import { When } from './HistoryEntryItem';

interface Props extends Pick<ViewProps, 'onOpenClaim' | 'notify'> {
  /** Changes whenever something in the project changed (the bin reloads). */
  readonly version: number;
  /** Called after a restore, so the history and the shell reload. */
  readonly onChanged: () => void;
}

function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The "Deleted claims" section. */
export function DeletedClaims({ version, onChanged, onOpenClaim, notify }: Props) {
  const [bin, setBin] = useState<Claim[] | null>(null);
  const [titles, setTitles] = useState<ReadonlyMap<number, string>>(new Map());
  const [restored, setRestored] = useState<Claim[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [failed, setFailed] = useState<{ id: number; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const [claims, documents] = await Promise.all([call('claims:filter', { filter: { deleted: true } }), call('documents:list', {})]);
    if (!claims.ok) return setLoadError(`Could not read the deleted claims: ${claims.error.message}`);
    setLoadError(null);
    setBin(claims.value);
    if (documents.ok) setTitles(new Map(documents.value.map((d) => [d.id, d.title])));
  }, []);
  useEffect(() => void load(), [load, version]);

  async function restore(claim: Claim) {
    setBusy(true);
    setFailed(null);
    const result = await call('claims:restore', { id: claim.id });
    setBusy(false);
    if (!result.ok) return setFailed({ id: claim.id, message: result.error.message });
    setRestored((list) => [result.value, ...list.filter((c) => c.id !== claim.id)]);
    notify('Claim restored.');
    onChanged();
  }

  const restoredIds = new Set(restored.map((c) => c.id));
  const shown = [...restored, ...(bin ?? []).filter((c) => !restoredIds.has(c.id))];
  const waiting = (bin ?? []).filter((c) => !restoredIds.has(c.id)).length;
  return (
    <section className="history-bin" aria-labelledby="bin-title">
      <h3 id="bin-title">Deleted claims</h3>
      <ErrorNote message={loadError} />
      {bin && <p className="hint">{waiting === 0 ? 'No deleted claims.' : `${countText(waiting, 'deleted claim')}, kept until restored.`}</p>}
      {shown.length > 0 && (
        <ul className="bin-list" aria-labelledby="bin-title">
          {shown.map((claim) => {
            const isRestored = restoredIds.has(claim.id);
            const quoteId = `bin-quote-${claim.id}`;
            return (
              <li key={claim.id} className="bin-item">
                <div className="bin-text">
                  <span id={quoteId} className="claim-quote">
                    “{excerpt(claim.anchor.exact)}”
                  </span>
                  <span className="hint">
                    in {titles.get(claim.documentId) ?? `document ${claim.documentId}`}
                    {isRestored ? ' · Restored' : claim.deletedAt ? <> · deleted <When at={claim.deletedAt} /></> : null}
                  </span>
                </div>
                {isRestored ? (
                  // Its own key: a new button, which takes the focus from the Restore button it replaces.
                  <button key="open" type="button" autoFocus aria-describedby={quoteId} onClick={() => onOpenClaim({ id: claim.id, documentId: claim.documentId })}>
                    Open claim
                  </button>
                ) : (
                  <button key="restore" type="button" aria-describedby={quoteId} disabled={busy} onClick={() => void restore(claim)}>
                    Restore
                  </button>
                )}
                <ErrorNote message={failed?.id === claim.id ? failed.message : null} prefix="Not restored:" />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
