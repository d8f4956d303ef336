/**
 * Builds a DecorationSet for a document with many top-level blocks in O(n log n).
 *
 * `DecorationSet.create` hands each top-level block the decorations inside it by scanning the
 * whole list once per block: for an imported article (a flat list of ~2,600 paragraphs) with
 * 20,000 claims that is 52 million steps, one to two seconds on opening. Here each decoration
 * is placed in its block by binary search, each block's set is built by `DecorationSet.create`
 * on that block alone, and the top level is assembled the way `DecorationSet.create` assembles
 * it: decorations that span blocks stay at the top, sorted by position; each block with
 * decorations is a `[start, end, set]` triple. The result is an ordinary DecorationSet (mapped,
 * searched and drawn by ProseMirror as usual); the unit test checks it against
 * `DecorationSet.create`, so a change to that layout in prosemirror-view fails there.
 */
import type { Node } from 'prosemirror-model';
import { DecorationSet, type Decoration } from 'prosemirror-view';

/** Something to decorate, in document positions. */
interface Ranged {
  readonly from: number;
  readonly to: number;
}

// The class's own constructor: the public API builds sets only through `create`.
const assemble = DecorationSet as unknown as new (local: Decoration[], children: (number | DecorationSet)[]) => DecorationSet;

const byPos = (a: Decoration, b: Decoration) => a.from - b.from || a.to - b.to;

/**
 * The DecorationSet of `items` on `doc`, each made by `decorate(item, from, to)` with `from`
 * and `to` relative to where the set it goes into starts. Same result as
 * `DecorationSet.create(doc, items.map((i) => decorate(i, i.from, i.to)))`.
 */
export function createDecorationTree<T extends Ranged>(doc: Node, items: readonly T[], decorate: (item: T, from: number, to: number) => Decoration): DecorationSet {
  const starts: number[] = [];
  doc.forEach((_child, offset) => void starts.push(offset));
  const inBlock = new Map<number, T[]>();
  const top: Decoration[] = [];
  for (const item of items) {
    // The last block starting before the item; the item belongs to it when strictly inside.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (starts[mid]! < item.from) low = mid;
      else high = mid - 1;
    }
    const child = doc.child(low);
    const start = starts[low]!;
    if (starts.length > 0 && start < item.from && item.to < start + child.nodeSize && !child.isLeaf) {
      const list = inBlock.get(low);
      if (list) list.push(item);
      else inBlock.set(low, [item]);
    } else {
      top.push(decorate(item, item.from, item.to));
    }
  }
  const children: (number | DecorationSet)[] = [];
  for (const index of [...inBlock.keys()].sort((a, b) => a - b)) {
    const child = doc.child(index);
    const start = starts[index]!;
    const set = DecorationSet.create(
      child,
      inBlock.get(index)!.map((item) => decorate(item, item.from - start - 1, item.to - start - 1)),
    );
    if (set !== DecorationSet.empty) children.push(start, start + child.nodeSize, set);
  }
  const local = top.filter((d) => d.from < d.to).sort(byPos);
  return local.length > 0 || children.length > 0 ? new assemble(local, children) : DecorationSet.empty;
}
