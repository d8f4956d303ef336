/** When a click lands on overlapping highlights, lets the user choose which claim to open. */
import { useEffect, useRef } from 'react';

interface Props {
  readonly claims: readonly { id: number; label: string }[];
  readonly coords: { left: number; top: number };
  readonly onPick: (claimId: number) => void;
  readonly onClose: () => void;
}

/** A small menu of the claims under the pointer. */
export function ClaimPicker({ claims, coords, onPick, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
    const away = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as globalThis.Node)) onClose();
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [onClose]);

  return (
    <div
      ref={ref}
      className="claim-picker"
      role="menu"
      aria-label="Claims at this place"
      style={{ left: coords.left, top: coords.top + 12 }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const items = [...(ref.current?.querySelectorAll('button') ?? [])];
          const i = items.indexOf(document.activeElement as HTMLButtonElement);
          items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
        }
      }}
    >
      <p className="picker-title">{claims.length} claims overlap here</p>
      {claims.map((c) => (
        <button key={c.id} type="button" role="menuitem" onClick={() => onPick(c.id)}>
          {c.label}
        </button>
      ))}
    </div>
  );
}
