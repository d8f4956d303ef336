/**
 * The article's metadata — title, publication, author, URL, date — editable in place. A field
 * is saved when the user pauses (half a second), leaves it, or leaves the document; "Saved"
 * appears only after main has committed every edit, and goes as soon as the user types again.
 * A refused value (an invalid URL) is kept in the field with the reason.
 */
import { useEffect, useRef, useState } from 'react';
import type { DocumentMeta, DocumentSummary } from '../../shared/domain';
import type { Result } from '../../shared/result';

type Field = keyof DocumentMeta;

interface Props {
  readonly document: DocumentSummary;
  readonly onSave: (patch: Partial<DocumentMeta>) => Promise<Result<DocumentSummary>>;
}

const FIELDS: { key: Field; label: string; type?: string; placeholder?: string }[] = [
  { key: 'publication', label: 'Publication' },
  { key: 'author', label: 'Author' },
  { key: 'publishedOn', label: 'Published', type: 'date' },
  { key: 'url', label: 'URL', type: 'url', placeholder: 'https://…' },
];

const SAVE_DELAY_MS = 500;

/** Editable metadata of the open document. */
export function DocumentHeader({ document: doc, onSave }: Props) {
  const [values, setValues] = useState<Record<Field, string>>(() => valuesOf(doc));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  // Edits typed and not yet sent (a timer per field), saves sent and not yet answered, and
  // fields whose last save was refused: "Saved" shows only when all three are empty.
  const timers = useRef(new Map<Field, number>());
  const inFlight = useRef(0);
  const refused = useRef(new Set<Field>());
  const saved = useRef<Record<Field, string>>(valuesOf(doc));
  const latest = useRef(values);
  latest.current = values;
  const send = useRef(onSave);
  send.current = onSave;

  useEffect(() => {
    setValues(valuesOf(doc));
    saved.current = valuesOf(doc);
    setErrors({});
    setStatus('idle');
    // Only a different document resets the fields; our own saves must not clobber typing.
  }, [doc.id]);

  // Leaving the document (the header unmounts) sends what is still waiting for its pause.
  useEffect(
    () => () => {
      for (const [field, timer] of timers.current) {
        window.clearTimeout(timer);
        if (latest.current[field] !== saved.current[field]) void send.current(patchOf(field, latest.current[field]));
      }
      timers.current.clear();
    },
    [],
  );

  /** The indicator once a save has answered. */
  function settle() {
    setStatus(refused.current.size > 0 ? 'error' : inFlight.current > 0 ? 'saving' : timers.current.size > 0 ? 'idle' : 'saved');
  }

  async function save(field: Field, value: string) {
    window.clearTimeout(timers.current.get(field));
    timers.current.delete(field);
    if (saved.current[field] === value) {
      // Typed back to what main has: nothing to send, and nothing refused any more.
      if (refused.current.delete(field)) {
        setErrors((e) => ({ ...e, [field]: undefined }));
        settle();
      }
      return;
    }
    inFlight.current++;
    setStatus('saving');
    const result = await send.current(patchOf(field, value));
    inFlight.current--;
    if (result.ok) {
      saved.current = { ...saved.current, [field]: value };
      refused.current.delete(field);
      setErrors((e) => ({ ...e, [field]: undefined }));
    } else {
      refused.current.add(field);
      setErrors((e) => ({ ...e, [field]: result.error.message }));
    }
    settle();
  }

  function change(field: Field, value: string) {
    setValues((v) => ({ ...v, [field]: value }));
    // An edit not yet in main makes "Saved" untrue until its save answers.
    setStatus((s) => (s === 'saved' ? 'idle' : s));
    window.clearTimeout(timers.current.get(field));
    timers.current.set(field, window.setTimeout(() => void save(field, value), SAVE_DELAY_MS));
  }

  return (
    <header className="doc-header">
      <label className="title-field">
        <span className="visually-hidden">Title</span>
        <input className="doc-title-input" value={values.title} onChange={(e) => change('title', e.target.value)} onBlur={(e) => void save('title', e.target.value)} aria-invalid={errors.title ? true : undefined} aria-describedby={errors.title ? 'err-title' : undefined} />
      </label>
      {errors.title && (
        <p id="err-title" className="field-error" role="alert">
          {errors.title}
        </p>
      )}
      <div className="meta-fields">
        {FIELDS.map((f) => (
          <div key={f.key} className="meta-field">
            <label>
              {f.label}
              <input
                type={f.type ?? 'text'}
                value={values[f.key]}
                placeholder={f.placeholder}
                onChange={(e) => change(f.key, e.target.value)}
                onBlur={(e) => void save(f.key, e.target.value)}
                aria-invalid={errors[f.key] ? true : undefined}
                aria-describedby={errors[f.key] ? `err-${f.key}` : undefined}
              />
            </label>
            {errors[f.key] && (
              <span id={`err-${f.key}`} className="field-error" role="alert">
                {errors[f.key]}
              </span>
            )}
          </div>
        ))}
        <span className="save-status" role="status" aria-live="polite">
          {status === 'saving' ? 'Saving…' : status === 'saved' ? 'Saved' : ''}
        </span>
      </div>
    </header>
  );
}

/** What main is sent for `field`: a blank optional field is cleared (null); the title is sent as typed. */
function patchOf(field: Field, value: string): Partial<DocumentMeta> {
  return { [field]: field === 'title' ? value : value.trim() === '' ? null : value };
}

function valuesOf(d: DocumentSummary): Record<Field, string> {
  return { title: d.title, publication: d.publication ?? '', author: d.author ?? '', url: d.url ?? '', publishedOn: d.publishedOn ?? '' };
}
