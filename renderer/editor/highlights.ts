/**
 * Claim highlights as ProseMirror decorations.
 *
 * The plugin state is a DecorationSet built once when a document's claims are loaded and then
 * only *mapped* through each transaction (`DecorationSet.map`), never rebuilt, so documents with
 * thousands of claims stay fast. Claims change only through `setHighlights` and `patchHighlights`,
 * which put a meta on a transaction; `getHighlights`
 * reads the state. Each decoration carries its claim id in its spec, so clicks can be resolved
 * to the claims under the pointer — several when highlights overlap.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';

/** One claim's highlight, in ProseMirror positions. */
export interface Highlight {
  readonly claimId: number;
  readonly from: number;
  readonly to: number;
  readonly verdictId: number;
  /** Shown as the highlight's tooltip, e.g. "Claim 3 · False · 80%". */
  readonly label: string;
}

type Action =
  | { readonly type: 'set'; readonly highlights: readonly Highlight[] }
  | { readonly type: 'patch'; readonly upsert: readonly Highlight[]; readonly remove: readonly number[] };

interface HighlightSpec {
  readonly claimId: number;
}

class HighlightState {
  constructor(readonly decorations: DecorationSet) {}
}

const key = new PluginKey<HighlightState>('claim-highlights');

function decorationFor(h: Highlight): Decoration {
  return Decoration.inline(
    h.from,
    h.to,
    // nodeName gives each claim its own element, so overlapping claims nest instead of merging
    // their classes and titles into one span.
    { nodeName: 'span', class: `cd-hl cd-verdict-${h.verdictId}`, title: h.label, 'data-claim-id': String(h.claimId) },
    { claimId: h.claimId, inclusiveStart: false, inclusiveEnd: false },
  );
}

function apply(tr: Transaction, prev: HighlightState, state: EditorState): HighlightState {
  const action = tr.getMeta(key) as Action | undefined;
  const mapped = tr.docChanged ? prev.decorations.map(tr.mapping, tr.doc) : prev.decorations;
  if (!action) return mapped === prev.decorations ? prev : new HighlightState(mapped);
  if (action.type === 'set') {
    return new HighlightState(DecorationSet.create(state.doc, action.highlights.filter((h) => h.to > h.from).map(decorationFor)));
  }
  // One pass finds every decoration to replace, so a patch of many claims stays O(n log n).
  const replaced = new Set([...action.remove, ...action.upsert.map((h) => h.claimId)]);
  const stale = mapped.find(undefined, undefined, (spec) => replaced.has((spec as HighlightSpec).claimId));
  const added = action.upsert.filter((h) => h.to > h.from).map(decorationFor);
  return new HighlightState(mapped.remove(stale).add(state.doc, added));
}

export interface HighlightOptions {
  /** Called when the user clicks on one or more highlights (innermost first). */
  readonly onActivate: (claimIds: number[], coords: { left: number; top: number }) => void;
}

/** Creates the highlights plugin. */
export function highlightsPlugin(options: HighlightOptions): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key,
    state: {
      init: () => new HighlightState(DecorationSet.empty),
      apply: (tr, prev, _old, state) => apply(tr, prev, state),
    },
    props: {
      decorations: (state) => key.getState(state)?.decorations,
      handleClick(view: EditorView, pos: number, event: MouseEvent) {
        // A click that ends a drag-selection is a selection, not an activation.
        if (!view.state.selection.empty) return false;
        const ids = claimsAt(view.state, pos);
        if (ids.length === 0) return false;
        options.onActivate(ids, { left: event.clientX, top: event.clientY });
        return false;
      },
    },
  });
}

/** Replaces every highlight (on opening a document). */
export function setHighlights(tr: Transaction, highlights: readonly Highlight[]): Transaction {
  return tr.setMeta(key, { type: 'set', highlights } satisfies Action);
}

/** Adds or replaces the highlights of some claims and removes those of others, in one step. */
export function patchHighlights(tr: Transaction, upsert: readonly Highlight[], remove: readonly number[]): Transaction {
  return tr.setMeta(key, { type: 'patch', upsert, remove } satisfies Action);
}

/** The current highlights' ranges, by claim id. */
export function getHighlightRanges(state: EditorState): Map<number, { from: number; to: number }> {
  const ranges = new Map<number, { from: number; to: number }>();
  for (const d of key.getState(state)?.decorations.find() ?? []) {
    ranges.set((d.spec as HighlightSpec).claimId, { from: d.from, to: d.to });
  }
  return ranges;
}

/** The range of one claim's highlight, or null when it has none. */
export function getHighlightRange(state: EditorState, claimId: number): { from: number; to: number } | null {
  const found = key.getState(state)?.decorations.find(undefined, undefined, (spec) => (spec as HighlightSpec).claimId === claimId);
  const d = found?.[0];
  return d ? { from: d.from, to: d.to } : null;
}

/** The claims whose highlight covers `pos`, the shortest (innermost) first. */
export function claimsAt(state: EditorState, pos: number): number[] {
  const found = key.getState(state)?.decorations.find(pos, pos) ?? [];
  return found
    .filter((d) => d.from <= pos && pos <= d.to)
    .sort((a, b) => a.to - a.from - (b.to - b.from))
    .map((d) => (d.spec as HighlightSpec).claimId);
}
