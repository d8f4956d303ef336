/**
 * The claim form: source(s), attribution, verdict and confidence, and a note. Used to tag a
 * new claim and to edit one. Nothing is shown as saved until main has committed it; a refusal
 * from main (a bad URL, say) is shown in the form and the input is kept.
 */
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ATTRIBUTION_KINDS, ATTRIBUTION_LABELS, type AttributionKind, type ClaimFields, type SourceRef, type Verdict } from '../../shared/domain';
import type { AppErrorValue, Result } from '../../shared/result';
import { Modal } from './Modal';

interface SourceDraft {
  readonly key: number;
  title: string;
  url: string;
  note: string;
}

interface Props {
  readonly mode: 'create' | 'edit';
  readonly quote: string;
  readonly verdicts: readonly Verdict[];
  readonly initial: ClaimFields | null;
  readonly speakers: readonly string[];
  readonly onSubmit: (fields: ClaimFields) => Promise<Result<unknown>>;
  readonly onCancel: () => void;
  readonly onDelete?: () => void;
}

let nextKey = 1;
const draftOf = (s: SourceRef | null): SourceDraft => ({ key: nextKey++, title: s?.title ?? '', url: s?.url ?? '', note: s?.note ?? '' });
const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The default verdict for a new claim: "Unproven" on the default scale, else the first. */
function defaultVerdict(verdicts: readonly Verdict[]): number {
  return (verdicts.find((v) => v.key === 'unproven') ?? verdicts[0])?.id ?? 0;
}

/** The claim form in a modal dialog. */
export function ClaimForm({ mode, quote, verdicts, initial, speakers, onSubmit, onCancel, onDelete }: Props) {
  const id = useId();
  const [sources, setSources] = useState<SourceDraft[]>(() => (initial?.sources.length ? initial.sources.map(draftOf) : [draftOf(null)]));
  const [speaker, setSpeaker] = useState(initial?.attribution.speaker ?? '');
  const [kind, setKind] = useState<AttributionKind>(initial?.attribution.kind ?? 'according-to');
  const [verdictId, setVerdictId] = useState<number>(initial?.verdictId ?? defaultVerdict(verdicts));
  const [confidence, setConfidence] = useState<number>(initial?.confidence ?? 50);
  const [note, setNote] = useState(initial?.note ?? '');
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [saving, setSaving] = useState(false);

  const updateSource = (key: number, patch: Partial<SourceDraft>) =>
    setSources((list) => list.map((s) => (s.key === key ? { ...s, ...patch } : s)));

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (saving) return;
    const fields: ClaimFields = {
      sources: sources
        .map((s) => ({ title: orNull(s.title), url: orNull(s.url), note: orNull(s.note) }))
        .filter((s) => s.title !== null || s.url !== null || s.note !== null),
      attribution: { speaker: orNull(speaker), kind },
      verdictId,
      confidence,
      note: orNull(note),
    };
    setSaving(true);
    const result = await onSubmit(fields);
    setSaving(false);
    if (!result.ok) setError(result.error);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  }

  const title = mode === 'create' ? 'Tag claim' : 'Edit claim';
  return (
    <Modal title={title} titleId={`${id}-title`} onClose={onCancel} className="claim-form-dialog">
      <form className="claim-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <blockquote className="claim-form-quote" aria-label="Quoted text">
          {quote}
        </blockquote>

        <fieldset>
          <legend>Sources</legend>
          {sources.map((s, i) => (
            <div className="source-row" key={s.key} role="group" aria-label={`Source ${i + 1}`}>
              <label>
                Title
                <input value={s.title} onChange={(e) => updateSource(s.key, { title: e.target.value })} data-autofocus={i === 0 ? '' : undefined} />
              </label>
              <label>
                URL
                <input type="url" inputMode="url" value={s.url} placeholder="https://…" onChange={(e) => updateSource(s.key, { url: e.target.value })} />
              </label>
              <label>
                Notes
                <input value={s.note} onChange={(e) => updateSource(s.key, { note: e.target.value })} />
              </label>
              <button type="button" className="link-button" onClick={() => setSources((l) => l.filter((x) => x.key !== s.key))} aria-label={`Remove source ${i + 1}`}>
                Remove
              </button>
            </div>
          ))}
          <button type="button" onClick={() => setSources((l) => [...l, draftOf(null)])}>
            Add source
          </button>
        </fieldset>

        <fieldset>
          <legend>Attribution</legend>
          <label>
            Who said it
            <input value={speaker} onChange={(e) => setSpeaker(e.target.value)} list={`${id}-speakers`} placeholder="e.g. Interior Minister Ilse Marrov" />
          </label>
          <datalist id={`${id}-speakers`}>
            {speakers.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <label>
            How
            <select value={kind} onChange={(e) => setKind(e.target.value as AttributionKind)}>
              {ATTRIBUTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {ATTRIBUTION_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
        </fieldset>

        <fieldset className="verdict-field">
          <legend>Verdict</legend>
          <div className="verdict-options">
            {verdicts.map((v) => (
              <label key={v.id} className="verdict-option">
                <input type="radio" name={`${id}-verdict`} value={v.id} checked={verdictId === v.id} onChange={() => setVerdictId(v.id)} />
                <span className={`swatch cd-swatch-${v.id}`} aria-hidden="true" />
                {v.label}
              </label>
            ))}
          </div>
          <div className="confidence">
            <label htmlFor={`${id}-confidence`}>Confidence</label>
            <input
              id={`${id}-confidence`}
              type="range"
              min={0}
              max={100}
              step={5}
              value={confidence}
              onChange={(e) => setConfidence(Number(e.target.value))}
              aria-valuetext={`${confidence} percent`}
            />
            <output htmlFor={`${id}-confidence`}>{confidence}%</output>
          </div>
        </fieldset>

        <label className="note-field">
          Note
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
        </label>

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
            {mode === 'create' ? 'Save claim' : 'Save changes'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
