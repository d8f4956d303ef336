/**
 * The one bridge between React and ProseMirror: mounts the EditorView for a document, feeds it
 * highlight changes as plugin metas (diffed, so an edit to one claim touches one decoration),
 * and reports selection and clicks back. Nothing else touches the view.
 */
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { keymap } from 'prosemirror-keymap';
import { activeClaimPlugin, setActiveClaim } from '../editor/active-claim';
import { anchorForSelection } from '../editor/anchors';
import { getHighlightRange, highlightsPlugin, patchHighlights, setHighlights, type Highlight } from '../editor/highlights';
import { linksPlugin } from '../editor/links';
import { readOnlyPlugin } from '../editor/read-only';
import type { TextAnchor } from '../../shared/domain';

/** What the parent can ask of the article view. */
export interface ArticleHandle {
  /** The current selection as a new anchor, or null when nothing is selected. */
  selectionAnchor(): TextAnchor | null;
  /** Scrolls to a claim's highlight and marks it active; false when it has no highlight. */
  revealClaim(claimId: number, focus?: boolean): boolean;
  /** Clears the active mark. */
  clearActive(): void;
  focus(): void;
}

interface Props {
  readonly doc: Node;
  readonly highlights: readonly Highlight[];
  readonly onActivate: (claimIds: number[], coords: { left: number; top: number }) => void;
  readonly onTagRequest: () => void;
  /** Ctrl/Cmd+click on a link of the article. */
  readonly onOpenLink?: (href: string) => void;
  readonly ref?: Ref<ArticleHandle>;
}

function sameHighlight(a: Highlight, b: Highlight): boolean {
  return a.from === b.from && a.to === b.to && a.verdictId === b.verdictId && a.label === b.label;
}

/** Renders an article with its claim highlights. */
export function ArticleView({ doc, highlights, onActivate, onTagRequest, onOpenLink, ref }: Props) {
  const mountRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const shownRef = useRef<Map<number, Highlight>>(new Map());
  const callbacks = useRef({ onActivate, onTagRequest, onOpenLink });
  callbacks.current = { onActivate, onTagRequest, onOpenLink };
  const highlightsRef = useRef(highlights);
  highlightsRef.current = highlights;

  // A new document gets a new view, its highlights set in the state before the view first draws
  // it (setting them on a drawn view would draw the article twice).
  useEffect(() => {
    const mount = mountRef.current;
    if (!mount) return;
    const state = EditorState.create({
      doc,
      plugins: [
        readOnlyPlugin(),
        linksPlugin((href) => callbacks.current.onOpenLink?.(href)),
        highlightsPlugin({ onActivate: (ids, coords) => callbacks.current.onActivate(ids, coords) }),
        activeClaimPlugin(),
        keymap({
          'Mod-e': () => {
            callbacks.current.onTagRequest();
            return true;
          },
        }),
      ],
    });
    const initial = highlightsRef.current;
    const view = new EditorView(mount, { state: initial.length > 0 ? state.apply(setHighlights(state.tr, initial)) : state });
    viewRef.current = view;
    shownRef.current = new Map(initial.map((h) => [h.claimId, h]));
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, [doc]);

  // Highlights that arrive later: the first set replaces everything; later changes go in one patch.
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const shown = shownRef.current;
    const next = new Map(highlights.map((h) => [h.claimId, h]));
    if (shown.size === 0) {
      view.dispatch(setHighlights(view.state.tr, highlights));
    } else {
      const upsert = highlights.filter((h) => !shown.has(h.claimId) || !sameHighlight(shown.get(h.claimId)!, h));
      const remove = [...shown.keys()].filter((id) => !next.has(id));
      if (upsert.length > 0 || remove.length > 0) view.dispatch(patchHighlights(view.state.tr, upsert, remove));
    }
    shownRef.current = next;
  }, [highlights, doc]);

  useImperativeHandle(
    ref,
    () => ({
      selectionAnchor() {
        const view = viewRef.current;
        if (!view || view.state.selection.empty) return null;
        const { from, to } = view.state.selection;
        return anchorForSelection(view.state.doc, from, to);
      },
      revealClaim(claimId, focus = false) {
        const view = viewRef.current;
        if (!view) return false;
        const range = getHighlightRange(view.state, claimId);
        if (!range) return false;
        const tr = setActiveClaim(view.state.tr, { claimId, ...range });
        view.dispatch(tr.setSelection(TextSelection.create(view.state.doc, range.from)));
        if (focus) view.focus();
        // ProseMirror scrolls to the selection only while it has focus; the claims list has it.
        const { node } = view.domAtPos(range.from);
        const element = node instanceof HTMLElement ? node : node.parentElement;
        element?.scrollIntoView({ block: 'center' });
        return true;
      },
      clearActive() {
        const view = viewRef.current;
        if (view) view.dispatch(setActiveClaim(view.state.tr, null));
      },
      focus() {
        viewRef.current?.focus();
      },
    }),
    [],
  );

  return <div className="article" ref={mountRef} />;
}
