/**
 * The article's metadata — title, publication, author, URL, date — editable in place. A field
 * is saved when the user pauses (half a second) or leaves it; "Saved" appears only after main
 * has committed. A refused value (an invalid URL) is kept in the field with the reason.
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
  const timers = useRef(new Map<Field, number>());
  const saved = useRef<Record<Field, string>>(valuesOf(doc));

  useEffect(() => {
    setValues(valuesOf(doc));
    saved.current = valuesOf(doc);
    setErrors({});
    setStatus('idle');
    // Only a different document resets the fields; our own saves must not clobber typing.
  }, [doc.id]);

  useEffect(() => () => timers.current.forEach((t) => window.clearTimeout(t)), []);

  async function save(field: Field, value: string) {
    window.clearTimeout(timers.current.get(field));
    timers.current.delete(field);
    if (saved.current[field] === value) return;
    setStatus('saving');
    const result = await onSave({ [field]: field === 'title' ? value : value.trim() === '' ? null : value });
    if (result.ok) {
      saved.current = { ...saved.current, [field]: value };
      setErrors((e) => ({ ...e, [field]: undefined }));
      setStatus('saved');
    } else {
      setErrors((e) => ({ ...e, [field]: result.error.message }));
      setStatus('error');
    }
  }

  function change(field: Field, value: string) {
    setValues((v) => ({ ...v, [field]: value }));
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

function valuesOf(d: DocumentSummary): Record<Field, string> {
  return { title: d.title, publication: d.publication ?? '', author: d.author ?? '', url: d.url ?? '', publishedOn: d.publishedOn ?? '' };
}
