/** The form that adds a verdict at the end of the scale. */
import { useState, type FormEvent } from 'react';
import type { Verdict } from '../../../shared/domain';
import type { Result } from '../../../shared/result';
import { ErrorNote } from '../tags/record-parts';

interface Props {
  readonly busy: boolean;
  readonly error: string | null;
  readonly onAdd: (label: string, color: string) => Promise<Result<Verdict>>;
}

/** "Add a verdict": clears its label after main has added the verdict, keeps it on a refusal. */
export function AddVerdictForm({ busy, error, onAdd }: Props) {
  const [label, setLabel] = useState('');
  const [color, setColor] = useState('#6f42c1');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await onAdd(label, color);
    if (result.ok) setLabel('');
  }

  return (
    <form className="vocab-form" aria-labelledby="add-verdict-title" onSubmit={submit}>
      <h3 id="add-verdict-title">Add a verdict</h3>
      <div className="vocab-fields">
        <label>
          Label
          <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={60} required />
        </label>
        <label>
          Colour
          <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={busy || label.trim() === ''}>
          Add verdict
        </button>
      </div>
      <ErrorNote message={error} prefix="Not added:" />
    </form>
  );
}
