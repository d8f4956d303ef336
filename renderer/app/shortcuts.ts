/**
 * The keyboard shortcuts, in one table: the help overlay lists it and `use-shortcuts` acts on
 * it, so the two cannot disagree.
 */

export interface Shortcut {
  /** Keys as shown to the user. */
  readonly keys: string;
  readonly action: string;
}

/** Every shortcut, in the order the help overlay shows them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Ctrl/Cmd+E', action: 'Tag the selected passage as a claim' },
  { keys: 'Ctrl/Cmd+Shift+E', action: 'Export the article with its claims' },
  { keys: 'J or Alt+↓', action: 'Next claim' },
  { keys: 'K or Alt+↑', action: 'Previous claim' },
  { keys: 'E', action: 'Open the marked claim' },
  { keys: '1 … 9', action: 'Set the marked claim’s verdict (in scale order)' },
  { keys: 'Ctrl/Cmd+F or /', action: 'Search the project' },
  { keys: 'Ctrl/Cmd+click a link', action: 'Open it in your browser (https: and mailto: links)' },
  { keys: 'Ctrl/Cmd+Z', action: 'Undo the last delete (while its message shows)' },
  { keys: 'Ctrl/Cmd+Enter', action: 'Save the claim form' },
  { keys: 'J / K or ↓ / ↑ (Review)', action: 'Next / previous claim of the session’s queue' },
  { keys: '1 … 9 (Review)', action: 'Choose that verdict for your vote; Enter casts it' },
  { keys: 'Esc', action: 'Close a dialog or menu' },
  { keys: '?', action: 'Show these shortcuts' },
];

/** What a key press asks for, or null. `typing` is true when the focus is in a text field. */
export type ShortcutAction =
  | { readonly type: 'tag' }
  | { readonly type: 'export' }
  | { readonly type: 'undo' }
  | { readonly type: 'search' }
  | { readonly type: 'help' }
  | { readonly type: 'step'; readonly direction: 1 | -1 }
  | { readonly type: 'edit' }
  | { readonly type: 'verdict'; readonly n: number };

interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

/** Maps a key press to an action. Plain-letter shortcuts never fire while the user is typing. */
export function shortcutFor(e: KeyLike, typing: boolean): ShortcutAction | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (mod && e.shiftKey && !e.altKey && key === 'e') return { type: 'export' };
  if (mod && !e.altKey && !e.shiftKey) {
    if (key === 'e') return { type: 'tag' };
    if (key === 'f') return { type: 'search' };
    if (key === 'z' && !typing) return { type: 'undo' };
    return null;
  }
  if (e.altKey && !mod && !e.shiftKey) {
    if (key === 'ArrowDown') return { type: 'step', direction: 1 };
    if (key === 'ArrowUp') return { type: 'step', direction: -1 };
    return null;
  }
  if (typing || mod || e.altKey) return null;
  if (key === '?') return { type: 'help' };
  if (key === '/') return { type: 'search' };
  if (e.shiftKey) return null;
  if (key === 'j') return { type: 'step', direction: 1 };
  if (key === 'k') return { type: 'step', direction: -1 };
  if (key === 'e') return { type: 'edit' };
  if (/^[1-9]$/.test(key)) return { type: 'verdict', n: Number(key) };
  return null;
}
