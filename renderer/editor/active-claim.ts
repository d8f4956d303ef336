/**
 * Marks the claim the user is looking at (chosen in the list or by a click) with an outline
 * decoration. Its range is mapped through transactions like the highlights themselves.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

class ActiveClaimState {
  constructor(
    readonly claimId: number | null,
    readonly decorations: DecorationSet,
  ) {}
}

const key = new PluginKey<ActiveClaimState>('active-claim');
const none = new ActiveClaimState(null, DecorationSet.empty);

/** Creates the active-claim plugin. */
export function activeClaimPlugin(): Plugin<ActiveClaimState> {
  return new Plugin<ActiveClaimState>({
    key,
    state: {
      init: () => none,
      apply(tr, prev, _old, state) {
        const meta = tr.getMeta(key) as { claimId: number; from: number; to: number } | null | undefined;
        if (meta === null) return none;
        if (meta) {
          const deco = Decoration.inline(meta.from, meta.to, { nodeName: 'span', class: 'cd-hl-active' }, { claimId: meta.claimId });
          return new ActiveClaimState(meta.claimId, DecorationSet.create(state.doc, [deco]));
        }
        return tr.docChanged ? new ActiveClaimState(prev.claimId, prev.decorations.map(tr.mapping, tr.doc)) : prev;
      },
    },
    props: { decorations: (state) => key.getState(state)?.decorations },
  });
}

/** Marks a claim's range as active, or clears the mark with null. */
export function setActiveClaim(tr: Transaction, active: { claimId: number; from: number; to: number } | null): Transaction {
  return tr.setMeta(key, active);
}

/** The active claim's id, or null. */
export function getActiveClaimId(state: EditorState): number | null {
  return key.getState(state)?.claimId ?? null;
}
