/**
 * The claim's sources: each a source from the library (found by typing) or a new one typed
 * here, with its role for this claim (origin, supporting, contradicting, context) and an
 * optional pinpoint (page, timestamp, quote).
 */
import { useCallback } from 'react';
import {
  RELIABILITIES,
  RELIABILITY_LABELS,
  SOURCE_ROLES,
  SOURCE_ROLE_LABELS,
  SOURCE_TYPES,
  SOURCE_TYPE_LABELS,
  type SourceSummary,
} from '../../../shared/domain';
import { call } from '../../services/api';
import { Combobox, type ComboOption } from '../pickers/Combobox';
import { SelectField } from '../SelectField';
import { nextKey, type SourceChoice, type SourceDraft } from './claim-draft';

interface Props {
  readonly sources: readonly SourceDraft[];
  readonly onChange: (sources: readonly SourceDraft[]) => void;
}

async function searchSources(query: string): Promise<ComboOption<SourceSummary>[]> {
  const result = await call('sources:list', { query, sort: query ? undefined : 'recent' });
  if (!result.ok) return [];
  return result.value.slice(0, 20).map((s) => ({
    key: String(s.id),
    label: s.title,
    detail: [s.publisher, SOURCE_TYPE_LABELS[s.type], RELIABILITY_LABELS[s.reliability]].filter(Boolean).join(' · '),
    value: { id: s.id, type: s.type, title: s.title, publisher: s.publisher, url: s.url, reliability: s.reliability },
  }));
}

/** The sources fieldset of the claim form. */
export function SourcesField({ sources, onChange }: Props) {
  const search = useCallback(searchSources, []);
  const update = (key: number, patch: Partial<SourceDraft>) => onChange(sources.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const updateNew = (row: SourceDraft, patch: Partial<Extract<SourceChoice, { kind: 'new' }>>) => {
    if (row.choice.kind === 'new') update(row.key, { choice: { ...row.choice, ...patch } });
  };
  const add = (choice: SourceChoice) => onChange([...sources, { key: nextKey(), choice, role: sources.length === 0 ? 'origin' : 'supporting', pinpoint: '' }]);

  return (
    <fieldset>
      <legend>Sources</legend>
      {sources.map((row, i) => (
        <div className="source-row" key={row.key} role="group" aria-label={`Source ${i + 1}`}>
          {row.choice.kind === 'existing' ? (
            <p className="source-name">
              <strong>{row.choice.source.title}</strong>
              <span className="hint"> {[row.choice.source.publisher, RELIABILITY_LABELS[row.choice.source.reliability]].filter(Boolean).join(' · ')}</span>
            </p>
          ) : (
            <div className="new-source">
              <label>
                Title
                <input value={row.choice.title} onChange={(e) => updateNew(row, { title: e.target.value })} />
              </label>
              <label>
                URL
                <input type="url" inputMode="url" placeholder="https://…" value={row.choice.url} onChange={(e) => updateNew(row, { url: e.target.value })} />
              </label>
              <SelectField label="Type" value={row.choice.type} options={SOURCE_TYPES} labels={SOURCE_TYPE_LABELS} onChange={(type) => updateNew(row, { type })} />
              <SelectField label="Reliability" value={row.choice.reliability} options={RELIABILITIES} labels={RELIABILITY_LABELS} onChange={(reliability) => updateNew(row, { reliability })} />
            </div>
          )}
          <SelectField label="Role" value={row.role} options={SOURCE_ROLES} labels={SOURCE_ROLE_LABELS} onChange={(role) => update(row.key, { role })} />
          <label>
            Pinpoint
            <input value={row.pinpoint} placeholder="page, time, quote" onChange={(e) => update(row.key, { pinpoint: e.target.value })} />
          </label>
          <button type="button" className="link-button" onClick={() => onChange(sources.filter((s) => s.key !== row.key))} aria-label={`Remove source ${i + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <Combobox<SourceSummary>
        label="Add a source from the library, or type a new one"
        placeholder="Search sources or type a new title…"
        search={search}
        onSelect={(source) => add({ kind: 'existing', source })}
        onCreate={(title) => add({ kind: 'new', title, type: 'web-page', url: '', reliability: 'unknown' })}
        createLabel={(title) => `New source “${title}”`}
      />
    </fieldset>
  );
}
