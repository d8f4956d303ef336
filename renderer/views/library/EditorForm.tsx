/**
 * The form frame of a detail pane: a heading, the fields, a Save button and what main said.
 * "Saved" appears only after main has answered ok and goes away as soon as a field changes; a
 * refusal is shown in the form (role=alert) and the fields keep what the user typed.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Result } from '../../../shared/result';

interface Props {
  readonly heading: string;
  /** Label of the submit button ("Save source", "Create source"). */
  readonly saveLabel: string;
  /** Sends the fields to main; the caller shows the answer elsewhere too (the list). */
  readonly onSave: () => Promise<Result<unknown>>;
  readonly children: ReactNode;
}

type Status = { readonly kind: 'idle' | 'saving' | 'saved' } | { readonly kind: 'error'; readonly message: string };

/** A record's edit form with an explicit Save. */
export function EditorForm({ heading, saveLabel, onSave, children }: Props) {
  const id = useId();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (status.kind === 'saving') return;
    setStatus({ kind: 'saving' });
    const result = await onSave();
    setStatus(result.ok ? { kind: 'saved' } : { kind: 'error', message: result.error.message });
  }

  // Any edit makes "Saved" untrue; an error stays until the next save answers.
  const edited = () => setStatus((s) => (s.kind === 'saved' ? { kind: 'idle' } : s));

  return (
    <form className="lib-form" onSubmit={submit} onChange={edited} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{heading}</h3>
      {children}
      {status.kind === 'error' && (
        <p className="form-error" role="alert">
          Not saved: {status.message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={status.kind === 'saving'}>
          {saveLabel}
        </button>
        <span className="save-status" role="status">
          {status.kind === 'saving' ? 'Saving…' : status.kind === 'saved' ? 'Saved' : ''}
        </span>
      </div>
    </form>
  );
}
