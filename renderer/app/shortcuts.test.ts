import { describe, expect, it } from 'vitest';
import { shortcutFor } from './shortcuts';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('maps the documented keys to their actions', () => {
    expect(shortcutFor(press('e', { ctrlKey: true }), false)).toEqual({ type: 'tag' });
    expect(shortcutFor(press('E', { ctrlKey: true, shiftKey: true }), false)).toEqual({ type: 'export' });
    expect(shortcutFor(press('E', { metaKey: true, shiftKey: true }), true)).toEqual({ type: 'export' });
    expect(shortcutFor(press('E', { metaKey: true }), false)).toEqual({ type: 'tag' });
    expect(shortcutFor(press('j'), false)).toEqual({ type: 'step', direction: 1 });
    expect(shortcutFor(press('ArrowUp', { altKey: true }), false)).toEqual({ type: 'step', direction: -1 });
    expect(shortcutFor(press('3'), false)).toEqual({ type: 'verdict', n: 3 });
    expect(shortcutFor(press('/'), false)).toEqual({ type: 'search' });
    expect(shortcutFor(press('?', { shiftKey: true }), false)).toEqual({ type: 'help' });
    expect(shortcutFor(press('e'), false)).toEqual({ type: 'edit' });
  });

  it('never takes plain letters, digits or undo from someone typing', () => {
    for (const key of ['j', 'k', 'e', '3', '/', '?']) expect(shortcutFor(press(key), true), key).toBeNull();
    expect(shortcutFor(press('z', { ctrlKey: true }), true)).toBeNull();
    // Tagging and search still work from a text field.
    expect(shortcutFor(press('e', { ctrlKey: true }), true)).toEqual({ type: 'tag' });
    expect(shortcutFor(press('f', { ctrlKey: true }), true)).toEqual({ type: 'search' });
  });

  it('ignores keys it does not know, and digits with modifiers', () => {
    expect(shortcutFor(press('x'), false)).toBeNull();
    expect(shortcutFor(press('0'), false)).toBeNull();
    expect(shortcutFor(press('3', { ctrlKey: true }), false)).toBeNull();
    expect(shortcutFor(press('J', { shiftKey: true }), false)).toBeNull();
  });
});
