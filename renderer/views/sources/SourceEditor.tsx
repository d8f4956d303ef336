/**
 * The source form: every field of a source, saved with an explicit Save. A new source is
 * created by the same form; after main has created it the form edits it. Dates are typed as
 * precisely as the source gives them (YYYY, YYYY-MM or YYYY-MM-DD), so they are text fields.
 */
import { useId, useState } from 'react';
import { RELIABILITIES, RELIABILITY_LABELS, SOURCE_TYPES, SOURCE_TYPE_LABELS, type Source } from '../../../shared/domain';
import type { Result } from '../../../shared/result';
import { call } from '../../services/api';
import { EditorForm } from '../library/EditorForm';
import { SelectField } from '../../components/SelectField';
import { draftOfSource, EMPTY_SOURCE_DRAFT, fieldsOfDraft, type SourceDraft } from './source-draft';

interface Props {
  /** The source to edit, or null for a new one. */
  readonly source: Source | null;
  readonly onSaved: (source: Source) => void;
}

const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD';

/** Edits or creates a source. */
export function SourceEditor({ source, onSaved }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<SourceDraft>(() => (source ? draftOfSource(source) : EMPTY_SOURCE_DRAFT));
  const set = <K extends keyof SourceDraft>(key: K, value: SourceDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: 'title' | 'publisher' | 'issued' | 'accessed' | 'url' | 'language') => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
  });

  async function save(): Promise<Result<Source>> {
    const fields = fieldsOfDraft(draft);
    const result = source ? await call('sources:update', { id: source.id, fields }) : await call('sources:create', { fields });
    if (result.ok) {
      setDraft(draftOfSource(result.value));
      onSaved(result.value);
    }
    return result;
  }

  return (
    <EditorForm heading={source ? 'Edit source' : 'New source'} saveLabel={source ? 'Save source' : 'Create source'} onSave={save}>
      <div className="lib-fields">
        <label className="lib-wide">
          Title
          <input {...text('title')} required aria-required="true" />
        </label>
        <SelectField label="Type" value={draft.type} options={SOURCE_TYPES} labels={SOURCE_TYPE_LABELS} onChange={(v) => set('type', v)} />
        <label>
          Publisher or outlet
          <input {...text('publisher')} />
        </label>
        <label className="lib-wide">
          Authors (one per line)
          <textarea value={draft.authors} onChange={(e) => set('authors', e.target.value)} rows={2} />
        </label>
        <label>
          Issued
          <input {...text('issued')} placeholder={DATE_HINT} aria-describedby={`${id}-date-hint`} inputMode="numeric" />
        </label>
        <label>
          Accessed
          <input {...text('accessed')} placeholder={DATE_HINT} aria-describedby={`${id}-date-hint`} inputMode="numeric" />
        </label>
        <p id={`${id}-date-hint`} className="hint lib-wide">
          Dates as precise as the source gives them: {DATE_HINT}.
        </p>
        <label className="lib-wide">
          URL
          <input {...text('url')} type="url" inputMode="url" placeholder="https://…" />
        </label>
        <label>
          Language
          <input {...text('language')} placeholder="e.g. en, ru, kk" />
        </label>
        <label className="lib-checkbox">
          <input type="checkbox" checked={draft.confidential} onChange={(e) => set('confidential', e.target.checked)} />
          Confidential (left out of exports)
        </label>
        <SelectField label="Reliability" value={draft.reliability} options={RELIABILITIES} labels={RELIABILITY_LABELS} onChange={(v) => set('reliability', v)} />
        <label>
          Reason for the rating
          <input value={draft.reliabilityReason} onChange={(e) => set('reliabilityReason', e.target.value)} />
        </label>
        <label className="lib-wide">
          Notes
          <textarea value={draft.notes} onChange={(e) => set('notes', e.target.value)} rows={3} />
        </label>
      </div>
    </EditorForm>
  );
}
