/**
 * Who said it, and how: the attribution kind, and the chain of hops from the original speaker
 * to the article — said by the interior ministry → reported by state TV → quoted by a wire
 * agency — each hop a speaker from the project (or a new one) with its own reliability.
 */
import { useCallback } from 'react';
import {
  ATTRIBUTION_KINDS,
  ATTRIBUTION_LABELS,
  HOP_ROLES,
  HOP_ROLE_LABELS,
  RELIABILITIES,
  RELIABILITY_LABELS,
  SPEAKER_KINDS,
  SPEAKER_KIND_LABELS,
  type AttributionKind,
} from '../../../shared/domain';
import { call } from '../../services/api';
import { Combobox, type ComboOption } from '../pickers/Combobox';
import { SelectField } from '../SelectField';
import { chainSummary, nextKey, type HopDraft, type SpeakerChoice } from './claim-draft';

type SpeakerRef = Extract<SpeakerChoice, { kind: 'existing' }>['speaker'];

interface Props {
  readonly kind: AttributionKind;
  readonly chain: readonly HopDraft[];
  readonly onKindChange: (kind: AttributionKind) => void;
  readonly onChainChange: (chain: readonly HopDraft[]) => void;
}

async function searchSpeakers(query: string): Promise<ComboOption<SpeakerRef>[]> {
  const result = await call('speakers:list', { query });
  if (!result.ok) return [];
  return result.value.slice(0, 20).map((s) => ({
    key: String(s.id),
    label: s.name,
    detail: [s.role, s.affiliation, SPEAKER_KIND_LABELS[s.kind]].filter(Boolean).join(' · '),
    value: { id: s.id, name: s.name, kind: s.kind },
  }));
}

const nameOf = (h: HopDraft) => (h.choice.kind === 'existing' ? h.choice.speaker.name : h.choice.name);

/** The attribution fieldset of the claim form. */
export function AttributionField({ kind, chain, onKindChange, onChainChange }: Props) {
  const search = useCallback(searchSpeakers, []);
  const update = (key: number, patch: Partial<HopDraft>) => onChainChange(chain.map((h) => (h.key === key ? { ...h, ...patch } : h)));
  const add = (choice: SpeakerChoice) =>
    onChainChange([...chain, { key: nextKey(), choice, role: chain.length === 0 ? 'said' : 'reported', reliability: 'unknown' }]);
  const summary = chainSummary(chain.map(nameOf));

  return (
    <fieldset>
      <legend>Attribution</legend>
      <SelectField label="How it is attributed" value={kind} options={ATTRIBUTION_KINDS} labels={ATTRIBUTION_LABELS} onChange={onKindChange} />
      {summary && (
        <p className="chain-summary" aria-label="Attribution chain">
          {summary}
        </p>
      )}
      <ol className="chain">
        {chain.map((hop, i) => (
          <li key={hop.key} className="hop-row" aria-label={`Hop ${i + 1}: ${nameOf(hop)}`}>
            <SelectField label={i === 0 ? 'Originally' : 'Then'} value={hop.role} options={HOP_ROLES} labels={HOP_ROLE_LABELS} onChange={(role) => update(hop.key, { role })} />
            {hop.choice.kind === 'existing' ? (
              <p className="speaker-name">{hop.choice.speaker.name}</p>
            ) : (
              <div className="new-speaker">
                <label>
                  Name
                  <input value={hop.choice.name} onChange={(e) => hop.choice.kind === 'new' && update(hop.key, { choice: { ...hop.choice, name: e.target.value } })} />
                </label>
                <SelectField
                  label="Kind"
                  value={hop.choice.speakerKind}
                  options={SPEAKER_KINDS}
                  labels={SPEAKER_KIND_LABELS}
                  onChange={(speakerKind) => hop.choice.kind === 'new' && update(hop.key, { choice: { ...hop.choice, speakerKind } })}
                />
              </div>
            )}
            <SelectField label="Reliability" value={hop.reliability} options={RELIABILITIES} labels={RELIABILITY_LABELS} onChange={(reliability) => update(hop.key, { reliability })} />
            <button type="button" className="link-button" onClick={() => onChainChange(chain.filter((h) => h.key !== hop.key))} aria-label={`Remove hop ${i + 1}`}>
              Remove
            </button>
          </li>
        ))}
      </ol>
      <Combobox<SpeakerRef>
        label={chain.length === 0 ? 'Who said it' : 'Passed on by'}
        placeholder={chain.length === 0 ? 'e.g. Interior Minister Ilse Marrov' : 'e.g. State television'}
        search={search}
        onSelect={(speaker) => add({ kind: 'existing', speaker })}
        onCreate={(name) => add({ kind: 'new', name, speakerKind: 'person' })}
        createLabel={(name) => `New speaker “${name}”`}
      />
    </fieldset>
  );
}
