/**
 * The computing part of linking a new version (see `main/store/versions.ts` linkAsNewVersion):
 * where each claim of the previous version lands on the new text, and what that means for the
 * user. Pure, strings and anchors in, a plan out, so that it can run in a worker thread while
 * the store only reads before and writes after.
 */
import { anchorAll, describeRange, type AnchorMethod, type AnchorResult } from '../anchoring';
import type { TextAnchor, VersionChangeKind } from '../domain';
import { AppError } from '../result';
import { alignParagraphs, paragraphLocator, prefixInParagraph, suffixInParagraph } from './text-diff';

/** What the plan is computed from: the two texts and the previous version's live claims, in the store's order. */
export interface LinkInput {
  readonly oldText: string;
  readonly text: string;
  readonly claims: readonly { readonly id: number; readonly anchor: TextAnchor }[];
}

/** Where one claim goes on the new version. */
export interface CarriedClaim {
  /** The claim of the previous version. */
  readonly previousId: number;
  /** Its anchor on the new text (for an unplaced claim, the old quote at offsets that fit). */
  readonly anchor: TextAnchor;
  readonly unplaced: boolean;
  readonly kind: VersionChangeKind | 'unchanged';
  readonly method: AnchorMethod | null;
}

/** The plan: one entry per claim of the input, in its order. */
export interface LinkPlan {
  readonly carried: readonly CarriedClaim[];
}

/**
 * Re-anchors every claim on the new text and classifies what happened to it (see
 * changeClassifier). AppError 'invalid-argument' when the new text is shorter than a quote
 * that is not found in it.
 */
export function planLink({ oldText, text, claims }: LinkInput): LinkPlan {
  const kindOf = changeClassifier(oldText, text);
  // All at once, so that each claim is looked for where the one before it went (see anchorAll).
  const placed = new Map<number, AnchorResult>();
  for (const { id, ...result } of anchorAll(text, claims).anchored) placed.set(id, result);
  return {
    carried: claims.map((old) => {
      const found = placed.get(old.id) ?? null;
      return {
        previousId: old.id,
        anchor: found === null ? unplacedAnchor(text, old.anchor) : describeRange(text, found.start, found.end),
        unplaced: found === null,
        kind: kindOf(old.anchor, found),
        method: found?.method ?? null,
      };
    }),
  };
}

/**
 * What a claim's re-anchoring from `oldText` to `text` means for the user. Found word for word,
 * it is untouched when the words around it in its paragraph are the same (context beyond a
 * paragraph break is not the claim's business) and its paragraph kept its place among the
 * others (text added above it only shifts offsets); otherwise it 'moved'.
 */
function changeClassifier(oldText: string, text: string) {
  // Old paragraph index → the new paragraph it became (unchanged or edited in place).
  const kept = new Map<number, number>();
  for (const pair of alignParagraphs(oldText, text)) if (pair.before !== null && pair.after !== null) kept.set(pair.before, pair.after);
  const oldParagraph = paragraphLocator(oldText);
  const newParagraph = paragraphLocator(text);
  return (old: TextAnchor, found: AnchorResult | null): VersionChangeKind | 'unchanged' => {
    if (found === null) return 'vanished';
    if (found.method === 'fuzzy') return 'changed';
    const prefix = text.slice(Math.max(0, found.start - old.prefix.length), found.start);
    const suffix = text.slice(found.end, found.end + old.suffix.length);
    const sameContext = prefixInParagraph(prefix) === prefixInParagraph(old.prefix) && suffixInParagraph(suffix) === suffixInParagraph(old.suffix);
    const samePlace = kept.get(oldParagraph(old.start)) === newParagraph(found.start);
    return sameContext && samePlace ? 'unchanged' : 'moved';
  };
}

/**
 * The anchor of a claim whose quote is not in `text`: the old quote and context, at the old
 * offsets moved inside the text (an unplaced anchor only needs offsets that fit). AppError
 * 'invalid-argument' when the whole new text is shorter than the quote.
 */
function unplacedAnchor(text: string, old: TextAnchor): TextAnchor {
  const length = old.exact.length;
  if (length > text.length) {
    throw new AppError('invalid-argument', `The new version is shorter than the quote “${old.exact.slice(0, 60)}” of the previous one; it cannot be a version of it.`);
  }
  const start = Math.min(old.start, text.length - length);
  return { ...old, start, end: start + length };
}
