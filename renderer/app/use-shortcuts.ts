/** Listens for the keyboard shortcuts (see `shortcuts.ts`) and calls the matching handler. */
import { useEffect, useRef } from 'react';
import { shortcutFor } from './shortcuts';

interface Handlers {
  readonly enabled: boolean;
  readonly onTag: () => void;
  readonly onExport: () => void;
  /** null while there is nothing to undo. */
  readonly onUndo: (() => void) | null;
  readonly onSearch: () => void;
  readonly onHelp: () => void;
  /** null where stepping through claims makes no sense (another view is shown). */
  readonly onStep: ((direction: 1 | -1) => void) | null;
  readonly onEdit: (() => void) | null;
  readonly onVerdict: ((n: number) => void) | null;
}

/** Whether the focus is somewhere the user types (the read-only article is not). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return target.closest('[aria-readonly="true"]') === null;
  return target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** Installs the window-wide shortcuts. */
export function useShortcuts(handlers: Handlers): void {
  const current = useRef(handlers);
  current.current = handlers;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const h = current.current;
      if (!h.enabled || e.defaultPrevented || e.isComposing) return;
      // A dialog owns the keyboard while it is open (its own keys: Esc, Ctrl+Enter).
      if (document.querySelector('dialog[open]')) return;
      const action = shortcutFor(e, isTyping(e.target));
      if (!action) return;
      const run = (fn: (() => void) | null | undefined) => {
        if (!fn) return;
        e.preventDefault();
        fn();
      };
      switch (action.type) {
        case 'tag':
          return run(h.onTag);
        case 'export':
          return run(h.onExport);
        case 'undo':
          return run(h.onUndo);
        case 'search':
          return run(h.onSearch);
        case 'help':
          return run(h.onHelp);
        case 'step':
          return run(h.onStep && (() => h.onStep!(action.direction)));
        case 'edit':
          return run(h.onEdit);
        case 'verdict':
          return run(h.onVerdict && (() => h.onVerdict!(action.n)));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
