import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../shared/article/schema';
import type { DecorationSet } from 'prosemirror-view';
import { claimsAt, getHighlightRange, getHighlightRanges, getHighlightWindow, highlightsPlugin, patchHighlights, setHighlightWindow, setHighlights, type Highlight } from './highlights';

const doc = articleSchema.node('doc', null, [
  articleSchema.node('paragraph', null, [articleSchema.text('At least 38 people have been killed since Tuesday.')]),
  articleSchema.node('paragraph', null, [articleSchema.text('The opposition put the toll at 61.')]),
]);

function stateWith(highlights: Highlight[]): EditorState {
  const state = EditorState.create({ doc, plugins: [highlightsPlugin({ onActivate: () => {} })] });
  return state.apply(setHighlights(state.tr, highlights));
}

const h = (claimId: number, from: number, to: number, verdictId = 1): Highlight => ({ claimId, from, to, verdictId, label: `Claim ${claimId}` });

describe('claim highlights plugin', () => {
  it('holds one decoration per claim and finds overlapping claims innermost first', () => {
    const state = stateWith([h(1, 1, 35), h(2, 10, 20)]);
    expect(getHighlightRanges(state)).toEqual(new Map([[1, { from: 1, to: 35 }], [2, { from: 10, to: 20 }]]));
    expect(claimsAt(state, 15)).toEqual([2, 1]);
    expect(claimsAt(state, 30)).toEqual([1]);
    expect(claimsAt(state, 50)).toEqual([]);
  });

  it('maps highlights through edits instead of rebuilding them', () => {
    const state = stateWith([h(1, 10, 20), h(2, 55, 60)]);
    const before = state.doc.textBetween(10, 20);
    const next = state.apply(state.tr.insertText('Officials said: ', 1));
    const range = getHighlightRange(next, 1)!;
    expect(range).toEqual({ from: 26, to: 36 });
    expect(next.doc.textBetween(range.from, range.to)).toBe(before);
    expect(getHighlightRange(next, 2)).toEqual({ from: 71, to: 76 });
  });

  it('drops a highlight whose text was deleted, without touching the others', () => {
    const state = stateWith([h(1, 10, 20), h(2, 55, 60)]);
    const next = state.apply(state.tr.delete(5, 25));
    expect(getHighlightRange(next, 1)).toBeNull();
    expect(getHighlightRange(next, 2)).toEqual({ from: 35, to: 40 });
  });

  it('patches several claims in one transaction: replace, add and remove', () => {
    const state = stateWith([h(1, 1, 5), h(2, 10, 20), h(3, 30, 35)]);
    const next = state.apply(patchHighlights(state.tr, [h(2, 12, 22, 4), h(4, 40, 45)], [3]));
    expect(getHighlightRanges(next)).toEqual(
      new Map([
        [1, { from: 1, to: 5 }],
        [2, { from: 12, to: 22 }],
        [4, { from: 40, to: 45 }],
      ]),
    );
  });

  it('ignores empty ranges rather than creating invisible highlights', () => {
    const state = stateWith([h(1, 8, 8)]);
    expect(getHighlightRanges(state).size).toBe(0);
  });

  it('draws only the claims that touch the window, and keeps every claim in the state', () => {
    const state = stateWith([h(1, 1, 5), h(2, 10, 20), h(3, 55, 60)]);
    const narrowed = state.apply(setHighlightWindow(state.tr, { from: 8, to: 12 }));
    expect(drawnIds(narrowed)).toEqual([2]);
    expect(getHighlightRanges(narrowed).size).toBe(3);
    expect(claimsAt(narrowed, 57)).toEqual([3]);
    const patched = narrowed.apply(patchHighlights(narrowed.tr, [h(4, 9, 11)], [2]));
    expect(drawnIds(patched)).toEqual([4]);
  });

  it('maps the window and the drawn highlights through edits', () => {
    const state = stateWith([h(1, 10, 20), h(2, 55, 60)]);
    const narrowed = state.apply(setHighlightWindow(state.tr, { from: 5, to: 25 }));
    const next = narrowed.apply(narrowed.tr.insertText('Officials said: ', 1));
    expect(getHighlightWindow(next)).toEqual({ from: 21, to: 41 });
    expect(drawnIds(next)).toEqual([1]);
    expect(drawn(next).map((d) => [d.from, d.to])).toEqual([[26, 36]]);
  });
});

describe('claim highlights before and after the first edit', () => {
  // Until the document changes the claims are a sorted list; the first change turns them into a
  // mapped DecorationSet. Every question must get the same answer from both.
  const claims = [h(3, 30, 35), h(1, 1, 35), h(2, 10, 20), h(4, 55, 60), h(5, 10, 20)];

  it('answers the same from the list and, after an edit outside every claim, from the set', () => {
    const state = stateWith(claims);
    const edited = state.apply(state.tr.insertText('Update: ', 85));
    for (const s of [state, edited]) {
      expect(getHighlightRanges(s)).toEqual(new Map(claims.map((c) => [c.claimId, { from: c.from, to: c.to }])));
      expect(claimsAt(s, 15)).toEqual([2, 5, 1]);
      expect(claimsAt(s, 32)).toEqual([3, 1]);
      expect(claimsAt(s, 57)).toEqual([4]);
      expect(getHighlightRange(s, 4)).toEqual({ from: 55, to: 60 });
      expect(drawnIds(s)).toEqual([1, 2, 3, 4, 5]);
    }
  });

  it('patches the list and the set alike', () => {
    const state = stateWith(claims);
    const edited = state.apply(state.tr.insertText('Update: ', 85));
    const patch = (s: EditorState) => s.apply(patchHighlights(s.tr, [h(2, 40, 45), h(6, 2, 4)], [3, 9]));
    for (const s of [patch(state), patch(edited)]) {
      expect([...getHighlightRanges(s)].sort((a, b) => a[0] - b[0])).toEqual([
        [1, { from: 1, to: 35 }],
        [2, { from: 40, to: 45 }],
        [4, { from: 55, to: 60 }],
        [5, { from: 10, to: 20 }],
        [6, { from: 2, to: 4 }],
      ]);
      expect(claimsAt(s, 3)).toEqual([6, 1]);
      expect(drawnIds(s)).toEqual([1, 2, 4, 5, 6]);
    }
  });

  it('maps claims set before an edit through it, and through the edits after', () => {
    const state = stateWith(claims);
    const once = state.apply(state.tr.insertText('Officials said: ', 1));
    const twice = once.apply(once.tr.delete(1, 5));
    expect(getHighlightRange(once, 4)).toEqual({ from: 71, to: 76 });
    expect(getHighlightRange(twice, 4)).toEqual({ from: 67, to: 72 });
    expect(twice.doc.textBetween(67, 72)).toBe(state.doc.textBetween(55, 60));
  });
});

/** The decorations the view is given to draw. */
function drawn(state: EditorState) {
  const plugin = state.plugins[0]!;
  return (plugin.props.decorations!.call(plugin, state) as DecorationSet).find();
}

function drawnIds(state: EditorState): number[] {
  return drawn(state)
    .map((d) => (d.spec as { claimId: number }).claimId)
    .sort((a, b) => a - b);
}
