/**
 * Form fields of the tag vocabulary: choosing a tag from a list of full paths, and a tag's
 * colour — its own, or none so that it shows its parent's.
 */
import { useId } from 'react';
import type { Tag } from '../../../shared/domain';
import { NO_COLOUR, tagPath } from './tag-tree';

interface TagSelectProps {
  readonly label: string;
  readonly tags: readonly Tag[];
  readonly value: number | null;
  readonly onChange: (id: number | null) => void;
  /** The text of the first option, which stands for "no tag" (the top level, or nothing chosen yet). */
  readonly emptyLabel: string;
  /** Tags that are not offered. */
  readonly exclude?: ReadonlySet<number>;
  readonly disabled?: boolean;
}

/** A labelled `<select>` of tags by full path, sorted as they read. */
export function TagSelect({ label, tags, value, onChange, emptyLabel, exclude, disabled }: TagSelectProps) {
  const options = tags
    .filter((t) => !exclude?.has(t.id))
    .map((t) => ({ id: t.id, text: tagPath(t) }))
    .sort((a, b) => a.text.localeCompare(b.text, undefined, { sensitivity: 'base' }));
  return (
    <label>
      {label}
      <select value={value === null ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))} disabled={disabled}>
        <option value="">{emptyLabel}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.text}
          </option>
        ))}
      </select>
    </label>
  );
}

interface ColourProps {
  /** `#rrggbb`, or null for "show the parent's colour". */
  readonly value: string | null;
  readonly onChange: (color: string | null) => void;
  /** What the tag shows without a colour of its own. */
  readonly inherited: string | null;
}

/** A tag's colour: a checkbox "Own colour" and a colour picker, in a group named "Colour". */
export function TagColourField({ value, onChange, inherited }: ColourProps) {
  const id = useId();
  const shown = value ?? inherited ?? NO_COLOUR;
  return (
    <fieldset className="tag-colour">
      <legend>Colour</legend>
      <label className="inline-check">
        <input type="checkbox" checked={value !== null} onChange={(e) => onChange(e.target.checked ? shown : null)} />
        Own colour
      </label>
      <input
        type="color"
        aria-label="Tag colour"
        aria-describedby={value === null ? `${id}-hint` : undefined}
        value={shown}
        disabled={value === null}
        onChange={(e) => onChange(e.target.value)}
      />
      {value === null && (
        <span id={`${id}-hint`} className="hint">
          {inherited ? 'Shows its parent’s colour.' : 'Shown in grey.'}
        </span>
      )}
    </fieldset>
  );
}
