/**
 * The claim form: what kind of claim it is, its sources, who said it and how, the desk's
 * verdict with confidence and rationale, its status, tags and a note. Used to tag a new claim
 * and to edit one. Nothing is shown as saved until main has committed it; a refusal from main
 * (a bad URL, say) is shown in the form and the input is kept.
 */
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  CLAIM_STATUSES,
  CLAIM_STATUS_LABELS,
  CLAIM_TYPES,
  CLAIM_TYPE_LABELS,
  type Claim,
  type ClaimInput,
  type ClaimType,
  type Tag,
  type Verdict,
} from '../../../shared/domain';
import type { AppErrorValue, Result } from '../../../shared/result';
import { Modal } from '../Modal';
import { VerdictChoice } from '../VerdictChoice';
import { SelectField } from '../SelectField';
import { AttributionField } from './AttributionField';
import { draftFromClaim, emptyDraft, inputFromDraft, type ClaimDraft } from './claim-draft';
import { ClaimHistory } from './ClaimHistory';
import { LinkedClaims } from './LinkedClaims';
import { SourcesField } from './SourcesField';
import { TagsField } from './TagsField';

interface Props {
  readonly quote: string;
  readonly verdicts: readonly Verdict[];
  readonly tags: readonly Tag[];
  /** The claim being edited, or null for a new claim. */
  readonly claim: Claim | null;
  readonly onSubmit: (input: ClaimInput) => Promise<Result<unknown>>;
  readonly onCancel: () => void;
  readonly onDelete?: () => void;
  /** Called after a change was undone from the claim's history (the claim must be reloaded). */
  readonly onHistoryUndo?: () => void;
}

/** The claim form in a modal dialog. */
export function ClaimForm({ quote, verdicts, tags, claim, onSubmit, onCancel, onDelete, onHistoryUndo }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<ClaimDraft>(() => (claim ? draftFromClaim(claim) : emptyDraft(verdicts)));
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<ClaimDraft>) => setDraft((d) => ({ ...d, ...patch }));

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (saving) return;
    setSaving(true);
    const result = await onSubmit(inputFromDraft(draft));
    setSaving(false);
    if (!result.ok) setError(result.error);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <Modal title={claim ? 'Edit claim' : 'Tag claim'} titleId={`${id}-title`} onClose={onCancel} className="claim-form-dialog">
      <form className="claim-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <blockquote className="claim-form-quote" aria-label="Quoted text">
          {quote}
        </blockquote>

        <div className="claim-form-columns">
          <div className="claim-form-column">
            <VerdictChoice
              className="verdict-field"
              legend="Verdict"
              verdicts={verdicts}
              verdictId={draft.verdictId}
              confidence={draft.confidence}
              onVerdict={(verdictId) => set({ verdictId })}
              onConfidence={(confidence) => set({ confidence })}
              autofocusChecked
            >
              <label>
                Rationale
                <textarea value={draft.rationale} onChange={(e) => set({ rationale: e.target.value })} rows={3} placeholder="Why the desk reached this verdict" />
              </label>
            </VerdictChoice>

            <div className="form-row">
              <label>
                Claim type
                <select value={draft.claimType ?? ''} onChange={(e) => set({ claimType: e.target.value === '' ? null : (e.target.value as ClaimType) })}>
                  <option value="">Not set</option>
                  {CLAIM_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {CLAIM_TYPE_LABELS[t]}
                    </option>
                  ))}
                </select>
              </label>
              <SelectField label="Status" value={draft.status} options={CLAIM_STATUSES} labels={CLAIM_STATUS_LABELS} onChange={(status) => set({ status })} />
            </div>

            <TagsField tags={tags} tagIds={draft.tagIds} newTags={draft.newTags} onChange={(tagIds, newTags) => set({ tagIds, newTags })} />
          </div>

          <div className="claim-form-column">
            <SourcesField sources={draft.sources} onChange={(sources) => set({ sources })} />
            <AttributionField kind={draft.attributionKind} chain={draft.chain} onKindChange={(attributionKind) => set({ attributionKind })} onChainChange={(chain) => set({ chain })} />
            <label className="note-field">
              Note
              <textarea value={draft.note} onChange={(e) => set({ note: e.target.value })} rows={3} />
            </label>
          </div>
        </div>

        {claim && <LinkedClaims claim={claim} />}
        {claim && <ClaimHistory claimId={claim.id} verdicts={verdicts} tags={tags} onUndone={onHistoryUndo} />}

        {error && (
          <p className="form-error" role="alert">
            Not saved: {error.message}
          </p>
        )}

        <div className="form-actions">
          {onDelete && (
            <button type="button" className="danger" onClick={onDelete}>
              Delete claim
            </button>
          )}
          <span className="spacer" />
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving} title="Save (Ctrl+Enter)">
            {claim ? 'Save changes' : 'Save claim'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
