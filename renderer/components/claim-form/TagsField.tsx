/** The claim's tags: chosen from the project's vocabulary, or new free tags typed here. */
import { useCallback } from 'react';
import type { Tag } from '../../../shared/domain';
import { Combobox, type ComboOption } from '../pickers/Combobox';

interface Props {
  readonly tags: readonly Tag[];
  readonly tagIds: readonly number[];
  readonly newTags: readonly string[];
  readonly onChange: (tagIds: readonly number[], newTags: readonly string[]) => void;
}

/** The full name of a tag, e.g. "Casualties › Deaths". */
export function tagPath(tag: Tag): string {
  return tag.path.join(' › ');
}

/** The tags fieldset of the claim form. */
export function TagsField({ tags, tagIds, newTags, onChange }: Props) {
  const byId = new Map(tags.map((t) => [t.id, t]));
  const search = useCallback(
    async (query: string): Promise<ComboOption<Tag>[]> => {
      const q = query.toLowerCase();
      return tags
        .filter((t) => !tagIds.includes(t.id) && tagPath(t).toLowerCase().includes(q))
        .slice(0, 30)
        .map((t) => ({ key: String(t.id), label: tagPath(t), value: t }));
    },
    [tags, tagIds],
  );

  return (
    <fieldset>
      <legend>Tags</legend>
      <ul className="chips" aria-label="Tags of this claim">
        {tagIds.map((id) => {
          const tag = byId.get(id);
          const name = tag ? tagPath(tag) : `Tag ${id}`;
          return (
            <li key={id} className="chip">
              {name}
              <button type="button" className="link-button" aria-label={`Remove tag ${name}`} onClick={() => onChange(tagIds.filter((t) => t !== id), newTags)}>
                ×
              </button>
            </li>
          );
        })}
        {newTags.map((name) => (
          <li key={`new-${name}`} className="chip new">
            {name} <span className="hint">(new)</span>
            <button type="button" className="link-button" aria-label={`Remove tag ${name}`} onClick={() => onChange(tagIds, newTags.filter((t) => t !== name))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <Combobox<Tag>
        label="Add a tag"
        placeholder="Search tags or type a new one…"
        search={search}
        onSelect={(tag) => onChange([...tagIds, tag.id], newTags)}
        onCreate={(name) => {
          if (!newTags.some((t) => t.toLowerCase() === name.toLowerCase())) onChange(tagIds, [...newTags, name]);
        }}
        createLabel={(name) => `New tag “${name}”`}
      />
    </fieldset>
  );
}
