/**
 * The editor benchmark's page, bundled for the browser and loaded into Chromium by
 * `e2e/bench/cases/editor.ts`. It mounts the app's real editor pieces — the article schema, the
 * highlight and active-claim plugins, the links plugin, the verdict colour rules and (from the
 * page's stylesheet) the article CSS — with `editable: true`, or, as the keystroke case's peer, a
 * plain `contenteditable` holding the same paragraphs under the same CSS classes. Everything is
 * timed inside the page with `performance.now()` and reported to the case through
 * `window.claimdeskBench`.
 *
 * "Next frame" means: the `requestAnimationFrame` callback after the change, then a message
 * posted from it, which runs once that frame's style, layout and paint are done.
 */
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import { articleSchema } from '../../../shared/article/schema';
import type { Claim, Verdict } from '../../../shared/domain';
import { activeClaimPlugin } from '../../../renderer/editor/active-claim';
import { claimNumbers, claimsToPlaceFirst, placeClaims } from '../../../renderer/editor/anchors';
import { getHighlightRanges, highlightsPlugin, patchHighlights, setHighlights } from '../../../renderer/editor/highlights';
import { linksPlugin } from '../../../renderer/editor/links';
import { applyVerdictStyles } from '../../../renderer/editor/verdict-styles';
import { storedHighlights, type BenchArticle } from './article';

/** What is mounted: the app's editor with or without highlights, or the plain peer. */
export type BenchMode = 'highlights' | 'plain' | 'contenteditable';

/** Timings of one key press, from the keydown listener (milliseconds). */
export interface KeyTiming {
  /** To the state applied (ProseMirror) or the `input` event (plain contenteditable). */
  readonly applied: number;
  /** To the end of the next frame. */
  readonly frame: number;
}

/** Timings of opening a document (milliseconds from the start of the open). */
export interface OpenTiming {
  /** View created (and highlights set) to the end of the first frame. */
  readonly firstFrame: number;
  /** Distinct claims with a highlight element in the DOM at the end of that frame. */
  readonly claimsInDom: number;
  /** Claims with a highlight in the editor's state at the end of that frame (those placed first, see claimsToPlaceFirst). */
  readonly claimsInStateAtFirstFrame: number;
  /** Claims with a highlight in the editor's state once the rest were placed. */
  readonly claimsInState: number;
  /** From the start of the open until every claim is placed and in the editor's state (the rest placed when the browser is idle, as the app does). */
  readonly allPlaced: number;
  /** Whether a highlight was painted inside the viewport at the end of that frame. */
  readonly paintedOnScreen: boolean;
  /**
   * Where the time went: the stored body parsed, the claims placed on it (anchoring, as the
   * app's placeClaims), the highlights set in the state, the view made (and drawn), the frame.
   */
  readonly phases: { readonly parse: number; readonly place: number; readonly highlights: number; readonly view: number; readonly frame: number };
}

/** The page's interface to the benchmark case. */
export interface BenchPageApi {
  load(article: BenchArticle): void;
  open(mode: BenchMode): Promise<OpenTiming>;
  placeCaretInMiddle(): void;
  armKey(): void;
  keyTiming(): Promise<KeyTiming>;
  transactions(n: number): Promise<number[]>;
  jump(fraction: number): Promise<number>;
  close(): void;
}

declare global {
  interface Window {
    claimdeskBench: BenchPageApi;
  }
}

const afterNextFrame = (): Promise<number> =>
  new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  });

let article: BenchArticle | null = null;
/** The article's highlights as the app stores them: claims with text anchors (see `load`). */
let claims: Claim[] = [];
let verdictMap: ReadonlyMap<number, Verdict> = new Map();
/** The article's plain text, as the store sends it with the body. */
let plainText = '';
let view: EditorView | null = null;
let plain: HTMLElement | null = null;
let keyStart: number | null = null;
let keyApplied: ((at: number) => void) | null = null;
let keyDone: Promise<KeyTiming> | null = null;
let phaseMarks: number[] = [];
/** Places the claims not placed before the first frame (null when all were). */
let placeRest: (() => void) | null = null;

function mountPoint(): HTMLElement {
  const mount = document.getElementById('mount');
  if (!mount) throw new Error('The bench page has no #mount.');
  return mount;
}

function dispatch(this: EditorView, tr: Transaction): void {
  this.updateState(this.state.apply(tr));
  if (tr.docChanged && keyApplied) keyApplied(performance.now());
}

function highlightOnScreen(): boolean {
  for (const el of mountPoint().querySelectorAll('[data-claim-id]')) {
    const r = el.getBoundingClientRect();
    if (r.bottom > 0 && r.top < innerHeight && r.width > 0) return true;
  }
  return false;
}

function openEditor(withHighlights: boolean): EditorView {
  const doc = articleSchema.nodeFromJSON(article!.doc);
  phaseMarks.push(performance.now());
  // As ArticleWorkspace does: the claims numbered, those near the top placed before the first
  // frame, the rest once the browser is idle (see `open`).
  const numbers = claimNumbers(withHighlights ? claims : []);
  const first = withHighlights ? claimsToPlaceFirst(claims) : [];
  const highlights = withHighlights ? placeClaims(doc, first, verdictMap, { numbers, text: plainText }).highlights : [];
  placeRest =
    withHighlights && first !== claims
      ? () => {
          const shown = new Set(highlights.map((h) => h.claimId));
          const all = placeClaims(doc, claims, verdictMap, { numbers, text: plainText }).highlights;
          view!.dispatch(patchHighlights(view!.state.tr, all.filter((h) => !shown.has(h.claimId)), []));
        }
      : null;
  phaseMarks.push(performance.now());
  const state = EditorState.create({
    doc,
    plugins: [
      linksPlugin(),
      highlightsPlugin({ onActivate: () => {} }),
      activeClaimPlugin(),
      history(),
      keymap({ 'Mod-z': undo, 'Mod-Shift-z': redo }),
      keymap(baseKeymap),
    ],
  });
  // As the app's ArticleView does: the highlights set in the state before the view draws it.
  const withClaims = withHighlights ? state.apply(setHighlights(state.tr, highlights)) : state;
  phaseMarks.push(performance.now());
  const v = new EditorView(mountPoint(), { state: withClaims, dispatchTransaction: dispatch });
  phaseMarks.push(performance.now());
  return v;
}

function openPlain(): HTMLElement {
  const root = document.createElement('div');
  root.className = 'ProseMirror';
  root.contentEditable = 'true';
  root.spellcheck = false;
  for (const text of article!.paragraphs) {
    const p = document.createElement('p');
    p.textContent = text;
    root.append(p);
  }
  mountPoint().append(root);
  return root;
}

const api: BenchPageApi = {
  load(a) {
    article = a;
    const verdicts: Verdict[] = a.verdictIds.map((id, i) => ({
      id,
      key: `v${id}`,
      label: `Verdict ${id}`,
      color: ['#b42318', '#c4320a', '#b54708', '#027a48', '#175cd3'][i % 5]!,
      position: i + 1,
      claimCount: 0,
    }));
    applyVerdictStyles(verdicts);
    verdictMap = new Map(verdicts.map((v) => [v.id, v]));
    // The highlights as stored claims (quote, context and offsets in the plain text, in the
    // store's order); opening places them again, as the app does.
    const stored = storedHighlights(a);
    plainText = stored.text;
    claims = stored.highlights.map(
      (h): Claim => ({
        id: h.claimId,
        uid: `bench-${h.claimId}`,
        documentId: 1,
        anchor: h.anchor,
        sources: [],
        attribution: { kind: 'according-to', chain: [] },
        claimType: null,
        verdictId: h.verdictId,
        confidence: 50,
        rationale: null,
        status: 'open',
        note: null,
        tagIds: [],
        groupId: null,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        deletedAt: null,
        createdBy: null,
        importedFrom: null,
      }),
    );
  },

  async open(mode) {
    api.close();
    const start = performance.now();
    phaseMarks = [];
    if (mode === 'contenteditable') plain = openPlain();
    else view = openEditor(mode === 'highlights');
    const end = await afterNextFrame();
    const [parsed = start, placed = parsed, set = placed, made = set] = phaseMarks;
    const phases = { parse: parsed - start, place: placed - parsed, highlights: set - placed, view: made - set, frame: end - made };
    const ids = new Set(Array.from(mountPoint().querySelectorAll('[data-claim-id]'), (el) => el.getAttribute('data-claim-id')));
    const claimsInStateAtFirstFrame = view ? getHighlightRanges(view.state).size : 0;
    const paintedOnScreen = highlightOnScreen();
    let allPlaced = end - start;
    const rest = placeRest;
    if (rest) {
      await new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 500 }));
      rest();
      allPlaced = performance.now() - start;
    }
    const claimsInState = view ? getHighlightRanges(view.state).size : 0;
    return { firstFrame: end - start, claimsInDom: ids.size, claimsInStateAtFirstFrame, claimsInState, allPlaced, paintedOnScreen, phases };
  },

  async jump(fraction) {
    if (!view) throw new Error('The editor is not open.');
    const { node } = view.domAtPos(Math.floor(view.state.doc.content.size * fraction));
    const element = node instanceof Element ? node : node.parentElement!;
    const start = performance.now();
    element.scrollIntoView({ block: 'center' });
    for (let frame = 0; frame < 120; frame += 1) {
      const end = await afterNextFrame();
      if (highlightOnScreen()) return end - start;
    }
    throw new Error('No highlight was painted on screen within 120 frames of the jump.');
  },

  placeCaretInMiddle() {
    if (view) {
      const middle = Math.floor(view.state.doc.content.size / 2);
      const $pos = view.state.doc.resolve(middle);
      const at = $pos.parent.isTextblock ? middle : middle + 1;
      view.focus();
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at)).scrollIntoView());
      return;
    }
    if (!plain) throw new Error('Nothing is open.');
    const p = plain.children[Math.floor(plain.children.length / 2)]!;
    const text = p.firstChild!;
    const range = document.createRange();
    range.setStart(text, Math.floor((text.textContent ?? '').length / 2));
    range.collapse(true);
    plain.focus();
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    p.scrollIntoView({ block: 'center' });
  },

  armKey() {
    keyStart = null;
    keyDone = new Promise<KeyTiming>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('The key press changed nothing within 5 s.')), 5000);
      keyApplied = (at) => {
        keyApplied = null;
        if (keyStart === null) return reject(new Error('No keydown was seen before the change.'));
        const begin = keyStart;
        void afterNextFrame().then((frame) => {
          clearTimeout(timer);
          resolve({ applied: at - begin, frame: frame - begin });
        });
      };
    });
  },

  keyTiming() {
    if (!keyDone) throw new Error('armKey() was not called.');
    return keyDone;
  },

  async transactions(n) {
    if (!view) throw new Error('The editor is not open.');
    const out: number[] = [];
    for (let i = 0; i < n; i += 1) {
      const at = view.state.selection.from;
      const start = performance.now();
      view.dispatch(view.state.tr.insertText('a', at));
      out.push(performance.now() - start);
      await afterNextFrame();
    }
    return out;
  },

  close() {
    placeRest = null;
    view?.destroy();
    view = null;
    plain?.remove();
    plain = null;
    mountPoint().replaceChildren();
  },
};

// The first listener of all, in the capture phase: the clock starts before anyone handles the key.
window.addEventListener('keydown', () => void (keyStart = performance.now()), { capture: true });
// The plain peer has no state: its change is applied when the browser fires `input`.
document.addEventListener('input', () => {
  if (plain && keyApplied) keyApplied(performance.now());
});

window.claimdeskBench = api;
