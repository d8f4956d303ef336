/**
 * A labelled select whose label sits beside it rather than around it, so its accessible name
 * is the label alone ("Type"), not the label followed by the chosen option.
 */
import { useId } from 'react';

interface Props<V extends string> {
  readonly label: string;
  readonly value: V;
  readonly options: readonly V[];
  readonly labels: Readonly<Record<V, string>>;
  readonly onChange: (value: V) => void;
  readonly className?: string;
}

/** A select with its label. */
export function SelectField<V extends string>({ label, value, options, labels, onChange, className }: Props<V>) {
  const id = useId();
  return (
    <div className={`select-field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {labels[o]}
          </option>
        ))}
      </select>
    </div>
  );
}
