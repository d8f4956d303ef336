/** The current person, and a quick switch to another one on this computer. */
import { useEffect, useId, useRef, useState } from 'react';
import type { Profile } from '../../shared/domain';

interface Props {
  readonly current: Profile;
  readonly profiles: readonly Profile[];
  readonly onSwitch: (id: number) => void;
  readonly onAdd: () => void;
}

/** A menu button showing who is working. */
export function ProfileMenu({ current, profiles, onSwitch, onAdd }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    ref.current?.querySelector<HTMLButtonElement>('[role=menuitem]')?.focus();
    const away = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as globalThis.Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const choose = (fn: () => void) => {
    setOpen(false);
    fn();
  };

  return (
    <div className="profile-menu" ref={ref}>
      <button
        type="button"
        className="profile-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        aria-label={`${current.name} (switch person)`}
        onClick={() => setOpen((o) => !o)}
        title={`Working as ${current.name}`}
      >
        <span className="avatar" aria-hidden="true">
          {current.initials}
        </span>
      </button>
      {open && (
        <div
          id={`${id}-menu`}
          role="menu"
          className="menu"
          aria-label="Switch person"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role=menuitem]') ?? [])];
              const i = items.indexOf(document.activeElement as HTMLButtonElement);
              items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
            }
          }}
        >
          {profiles
            .filter((p) => p.id !== current.id)
            .map((p) => (
              <button key={p.id} type="button" role="menuitem" onClick={() => choose(() => onSwitch(p.id))}>
                Switch to {p.name}
              </button>
            ))}
          <button type="button" role="menuitem" onClick={() => choose(onAdd)}>
            Add a person…
          </button>
        </div>
      )}
    </div>
  );
}
