/**
 * The speaker form: kind, name, role or title, affiliation and an optional external identifier
 * the user types (a Wikidata id such as Q42). Saved with an explicit Save; a new speaker is
 * created by the same form.
 */
import { useState } from 'react';
import { SPEAKER_KINDS, SPEAKER_KIND_LABELS, type Speaker, type SpeakerFields, type SpeakerKind } from '../../../shared/domain';
import type { Result } from '../../../shared/result';
import { call } from '../../services/api';
import { EditorForm } from '../library/EditorForm';
import { SelectField } from '../../components/SelectField';

interface Props {
  /** The speaker to edit, or null for a new one. */
  readonly speaker: Speaker | null;
  readonly onSaved: (speaker: Speaker) => void;
}

type TextField = 'name' | 'role' | 'affiliation' | 'externalId';
type SpeakerDraft = { readonly kind: SpeakerKind } & Record<TextField, string>;

const EMPTY: SpeakerDraft = { kind: 'person', name: '', role: '', affiliation: '', externalId: '' };

function draftOf(s: SpeakerFields): SpeakerDraft {
  return { kind: s.kind, name: s.name, role: s.role ?? '', affiliation: s.affiliation ?? '', externalId: s.externalId ?? '' };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

function fieldsOf(d: SpeakerDraft): SpeakerFields {
  return { kind: d.kind, name: d.name.trim(), role: orNull(d.role), affiliation: orNull(d.affiliation), externalId: orNull(d.externalId) };
}

/** Edits or creates a speaker. */
export function SpeakerEditor({ speaker, onSaved }: Props) {
  const [draft, setDraft] = useState<SpeakerDraft>(() => (speaker ? draftOf(speaker) : EMPTY));
  const text = (key: TextField) => ({ value: draft[key], onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value })) });

  async function save(): Promise<Result<Speaker>> {
    const fields = fieldsOf(draft);
    const result = speaker ? await call('speakers:update', { id: speaker.id, fields }) : await call('speakers:create', { fields });
    if (result.ok) {
      setDraft(draftOf(result.value));
      onSaved(result.value);
    }
    return result;
  }

  return (
    <EditorForm heading={speaker ? 'Edit speaker' : 'New speaker'} saveLabel={speaker ? 'Save speaker' : 'Create speaker'} onSave={save}>
      <div className="lib-fields">
        <label className="lib-wide">
          Name
          <input {...text('name')} required aria-required="true" />
        </label>
        <SelectField label="Kind" value={draft.kind} options={SPEAKER_KINDS} labels={SPEAKER_KIND_LABELS} onChange={(kind) => setDraft((d) => ({ ...d, kind }))} />
        <label>
          Role or title
          <input {...text('role')} placeholder="e.g. Interior Minister" />
        </label>
        <label>
          Affiliation
          <input {...text('affiliation')} />
        </label>
        <label>
          External identifier
          <input {...text('externalId')} placeholder="e.g. Wikidata Q42" spellCheck={false} />
        </label>
      </div>
    </EditorForm>
  );
}
