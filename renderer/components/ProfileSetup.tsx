/**
 * "Who are you?" — asked on first run, and when adding a colleague on this machine. Every
 * change in the project is recorded under the profile chosen here.
 */
import { useId, useState, type FormEvent } from 'react';
import type { ProfileFields } from '../../shared/domain';
import type { AppErrorValue, Result } from '../../shared/result';
import { Modal } from './Modal';

interface Props {
  readonly firstRun: boolean;
  readonly onCreate: (fields: ProfileFields) => Promise<Result<unknown>>;
  readonly onCancel?: () => void;
}

const COLOURS = ['#0a58ca', '#1a7f37', '#8250df', '#bc4c00', '#cf222e', '#116329'];

/** Initials from a name: the first letters of the first and last words. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return '';
  const first = words[0]!.match(/\p{L}/u)![0];
  const last = words.length > 1 ? words[words.length - 1]!.match(/\p{L}/u)![0] : '';
  return (first + last).toUpperCase();
}

/** The profile form. */
export function ProfileSetup({ firstRun, onCreate, onCancel }: Props) {
  const id = useId();
  const [name, setName] = useState('');
  const [initials, setInitials] = useState('');
  const [initialsEdited, setInitialsEdited] = useState(false);
  const [color, setColor] = useState(COLOURS[0]!);
  const [error, setError] = useState<AppErrorValue | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await onCreate({ name, initials: initialsEdited ? initials : initialsOf(name), color });
    if (!result.ok) setError(result.error);
  }

  return (
    <Modal title={firstRun ? 'Welcome to Claimdesk — who are you?' : 'Add a person on this computer'} titleId={`${id}-title`} onClose={onCancel ?? (() => {})}>
      <form className="profile-form" onSubmit={submit}>
        <p className="hint">Every change you make is recorded under this name, so the desk keeps an honest record of who decided what.</p>
        <label>
          Your name
          <input value={name} onChange={(e) => setName(e.target.value)} data-autofocus autoComplete="name" />
        </label>
        <label>
          Initials
          <input
            value={initialsEdited ? initials : initialsOf(name)}
            maxLength={3}
            onChange={(e) => {
              setInitialsEdited(true);
              setInitials(e.target.value);
            }}
          />
        </label>
        <label>
          Colour
          <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error.message}
          </p>
        )}
        <div className="form-actions">
          <span className="spacer" />
          {onCancel && (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" className="primary">
            {firstRun ? 'Start' : 'Add and switch'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
