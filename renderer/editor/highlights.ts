/**
 * Claim highlights as ProseMirror decorations.
 *
 * Every claim's highlight is kept in the plugin state. While the document is the one the claims
 * were set on — always, in the app's read-only article — that is a plain list sorted by
 * position: setting 20,000 claims on opening then costs a sort, not 20,000 decorations. The
 * first transaction that changes the document turns the list into a DecorationSet, which from
 * then on is only *mapped* through each transaction (`DecorationSet.map`), never rebuilt.
 * Claims change only through `setHighlights` and `patchHighlights`, which put a meta on a
 * transaction; `getHighlightRanges`, `getHighlightRange` and `claimsAt` read every claim. Each
 * highlight carries its claim id, so clicks can be resolved to the claims under the pointer —
 * several when highlights overlap.
 *
 * Only the claims in a *window* of the text around what is on screen are drawn: a span per claim
 * costs the browser on every key press, on opening and in memory, in proportion to their number
 * (20,000 spans made a key press ~4 × slower than in plain text). The drawn subset is kept in the
 * state beside the whole set and mapped with it; the plugin's view moves the window when a scroll
 * brings text near its edge (`setHighlightWindow`). Opening draws a first window of a few screens
 * and widens it once the browser is idle. Articles shorter than the window are drawn whole.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { createDecorationTree } from './decoration-tree';

/** One claim's highlight, in ProseMirror positions. */
export interface Highlight {
  readonly claimId: number;
  readonly from: number;
  readonly to: number;
  readonly verdictId: number;
  /** Shown as the highlight's tooltip, e.g. "Claim 3 · False · 80%". */
  readonly label: string;
}

/** A range of document positions. */
interface Span {
  readonly from: number;
  readonly to: number;
}

type Action =
  | { readonly type: 'set'; readonly highlights: readonly Highlight[] }
  | { readonly type: 'patch'; readonly upsert: readonly Highlight[]; readonly remove: readonly number[] }
  | { readonly type: 'window'; readonly window: Span };

interface HighlightSpec {
  readonly claimId: number;
  /** The highlight the decoration was made from (its positions are the decoration's, mapped). */
  readonly highlight: Highlight;
}

/**
 * Every claim's highlight: a list sorted by position (then end, then claim) while the document
 * is the one they were set on, or the DecorationSet they became when it first changed.
 */
type AllHighlights = { readonly list: readonly Highlight[] } | { readonly set: DecorationSet };

class HighlightState {
  constructor(
    /** Every claim's highlight. */
    readonly all: AllHighlights,
    /** The positions whose claims are drawn. */
    readonly window: Span,
    /** The highlights that touch `window`: what the view draws. */
    readonly drawn: DecorationSet,
  ) {}
}

/** Positions of text drawn beyond each edge of the visible text (~40 paragraphs of news copy). */
const MARGIN = 20_000;
/** What opening draws, before the view knows what is on screen: a few screens from the top. */
const INITIAL_WINDOW: Span = { from: 0, to: MARGIN / 4 };

const key = new PluginKey<HighlightState>('claim-highlights');

function decorationFor(h: Highlight, from: number, to: number): Decoration {
  return Decoration.inline(
    from,
    to,
    // nodeName gives each claim its own element, so overlapping claims nest instead of merging
    // their classes and titles into one span.
    { nodeName: 'span', class: `cd-hl cd-verdict-${h.verdictId}`, title: h.label, 'data-claim-id': String(h.claimId) },
    { claimId: h.claimId, highlight: h, inclusiveStart: false, inclusiveEnd: false },
  );
}

// The whole set is never drawn, so its decorations share one empty attribute object: building
// 20,000 of them then allocates a third as much. Drawn decorations get their attributes here.
const NO_ATTRS = {};
const claimOnly = (h: Highlight, from: number, to: number) =>
  Decoration.inline(from, to, NO_ATTRS, { claimId: h.claimId, highlight: h, inclusiveStart: false, inclusiveEnd: false });
const redecorate = (d: Decoration, from: number, to: number) => decorationFor((d.spec as HighlightSpec).highlight, from, to);

const byPosition = (a: Highlight, b: Highlight) => a.from - b.from || a.to - b.to || a.claimId - b.claimId;

/** The highlights worth keeping (empty ranges draw nothing), sorted; claims placed in reading order usually already are. */
function sortedList(highlights: readonly Highlight[]): readonly Highlight[] {
  const list = highlights.filter((h) => h.to > h.from);
  for (let i = 1; i < list.length; i += 1) if (byPosition(list[i - 1]!, list[i]!) > 0) return list.sort(byPosition);
  return list;
}

/** The DecorationSet of every claim, made from the list on `doc` when the document first changes. */
function asSet(all: AllHighlights, doc: PMNode): DecorationSet {
  return 'set' in all ? all.set : createDecorationTree(doc, all.list, claimOnly);
}

function withWindow(all: AllHighlights, window: Span, state: EditorState): HighlightState {
  if ('set' in all) return new HighlightState(all, window, createDecorationTree(state.doc, all.set.find(window.from, window.to), redecorate));
  // The list is sorted by start and claims are short, so a scan from the first start past the
  // window's beginning less the longest claim would do; a filter over 20,000 is already < 1 ms.
  const touching = all.list.filter((h) => h.from <= window.to && h.to >= window.from);
  return new HighlightState(all, window, createDecorationTree(state.doc, touching, decorationFor));
}

function apply(tr: Transaction, prev: HighlightState, oldState: EditorState, state: EditorState): HighlightState {
  const action = tr.getMeta(key) as Action | undefined;
  const window = tr.docChanged ? { from: tr.mapping.map(prev.window.from, -1), to: tr.mapping.map(prev.window.to, 1) } : prev.window;
  // From the first change of the document on, every claim is a decoration mapped with it.
  const all: AllHighlights = tr.docChanged ? { set: asSet(prev.all, oldState.doc).map(tr.mapping, tr.doc) } : prev.all;
  if (!action) return tr.docChanged ? new HighlightState(all, window, prev.drawn.map(tr.mapping, tr.doc)) : prev;
  if (action.type === 'window') return withWindow(all, action.window, state);
  if (action.type === 'set') return withWindow({ list: sortedList(action.highlights) }, window, state);
  const replaced = new Set([...action.remove, ...action.upsert.map((h) => h.claimId)]);
  if ('list' in all) return withWindow({ list: sortedList([...all.list.filter((h) => !replaced.has(h.claimId)), ...action.upsert]) }, window, state);
  // One pass finds every decoration to replace, so a patch of many claims stays O(n log n).
  const stale = all.set.find(undefined, undefined, (spec) => replaced.has((spec as HighlightSpec).claimId));
  const added = action.upsert.filter((h) => h.to > h.from).map((h) => claimOnly(h, h.from, h.to));
  return withWindow({ set: all.set.remove(stale).add(state.doc, added) }, window, state);
}

/** The positions of the text on screen, or null when the view is not on screen. */
function visibleSpan(view: EditorView): Span | null {
  const rect = view.dom.getBoundingClientRect();
  const top = Math.max(rect.top, 0);
  const bottom = Math.min(rect.bottom, view.dom.ownerDocument.defaultView?.innerHeight ?? rect.bottom);
  if (bottom <= top) return null;
  const left = rect.left + Math.min(40, rect.width / 2);
  const first = view.posAtCoords({ left, top: top + 1 });
  const last = view.posAtCoords({ left, top: bottom - 1 });
  return first && last ? { from: Math.min(first.pos, last.pos), to: Math.max(first.pos, last.pos) } : null;
}

/**
 * Moves the drawn window when the text on screen comes within half a margin of its edge: before
 * the next frame after a scroll or resize, and once after opening when the browser is idle (so
 * the first frame draws only the first window and shows the article sooner).
 */
function followViewport(view: EditorView): { destroy(): void } {
  const win = view.dom.ownerDocument.defaultView;
  let frame = 0;
  let idle = 0;
  const check = () => {
    frame = 0;
    idle = 0;
    const visible = visibleSpan(view);
    const current = key.getState(view.state)?.window;
    if (!visible || !current) return;
    const size = view.state.doc.content.size;
    const inside = (visible.from - current.from >= MARGIN / 2 || current.from <= 0) && (current.to - visible.to >= MARGIN / 2 || current.to >= size);
    if (!inside) view.dispatch(setHighlightWindow(view.state.tr, { from: Math.max(0, visible.from - MARGIN), to: Math.min(size, visible.to + MARGIN) }));
  };
  // Scroll events do not bubble; a capturing listener on the window hears every scrolling ancestor.
  const schedule = () => {
    if (frame === 0 && win) frame = win.requestAnimationFrame(check);
  };
  win?.addEventListener('scroll', schedule, { capture: true, passive: true });
  win?.addEventListener('resize', schedule, { passive: true });
  if (win?.requestIdleCallback) idle = win.requestIdleCallback(check, { timeout: 1000 });
  else schedule();
  return {
    destroy() {
      win?.removeEventListener('scroll', schedule, { capture: true });
      win?.removeEventListener('resize', schedule);
      if (frame !== 0) win?.cancelAnimationFrame(frame);
      if (idle !== 0) win?.cancelIdleCallback(idle);
    },
  };
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
      init: () => new HighlightState({ list: [] }, INITIAL_WINDOW, DecorationSet.empty),
      apply: (tr, prev, oldState, state) => apply(tr, prev, oldState, state),
    },
    view: followViewport,
    props: {
      decorations: (state) => key.getState(state)?.drawn,
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

/** Draws the highlights of the claims that touch `window` (the rest stay in the state only). */
export function setHighlightWindow(tr: Transaction, window: Span): Transaction {
  return tr.setMeta(key, { type: 'window', window } satisfies Action);
}

/** The positions whose claims are drawn. */
export function getHighlightWindow(state: EditorState): Span | null {
  return key.getState(state)?.window ?? null;
}

/** Every claim's highlight as [claim id, from, to], in no particular order. */
function everyRange(state: EditorState): { claimId: number; from: number; to: number }[] {
  const all = key.getState(state)?.all;
  if (!all) return [];
  if ('list' in all) return all.list.map((h) => ({ claimId: h.claimId, from: h.from, to: h.to }));
  return all.set.find().map((d) => ({ claimId: (d.spec as HighlightSpec).claimId, from: d.from, to: d.to }));
}

/** The current highlights' ranges, by claim id. */
export function getHighlightRanges(state: EditorState): Map<number, { from: number; to: number }> {
  return new Map(everyRange(state).map((r) => [r.claimId, { from: r.from, to: r.to }]));
}

/** The range of one claim's highlight, or null when it has none. */
export function getHighlightRange(state: EditorState, claimId: number): { from: number; to: number } | null {
  const all = key.getState(state)?.all;
  if (!all) return null;
  if ('list' in all) {
    const h = all.list.find((x) => x.claimId === claimId);
    return h ? { from: h.from, to: h.to } : null;
  }
  const d = all.set.find(undefined, undefined, (spec) => (spec as HighlightSpec).claimId === claimId)[0];
  return d ? { from: d.from, to: d.to } : null;
}

/** The claims whose highlight covers `pos`, the shortest (innermost) first. */
export function claimsAt(state: EditorState, pos: number): number[] {
  const all = key.getState(state)?.all;
  if (!all) return [];
  const covering = 'list' in all ? all.list.filter((h) => h.from <= pos && pos <= h.to) : all.set.find(pos, pos).filter((d) => d.from <= pos && pos <= d.to);
  return covering
    .map((r) => ({ claimId: 'claimId' in r ? r.claimId : (r.spec as HighlightSpec).claimId, length: r.to - r.from }))
    .sort((a, b) => a.length - b.length)
    .map((r) => r.claimId);
}
