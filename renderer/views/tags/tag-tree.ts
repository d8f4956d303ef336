/**
 * The tag vocabulary as a tree, from main's flat list (each tag names its parent). Pure: the
 * view derives what it shows — the nodes in order, which are visible, the colour a tag shows —
 * from the list and the set of expanded tags.
 */
import type { Tag } from '../../../shared/domain';

/** The colour a tag shows when neither it nor any ancestor has one. */
export const NO_COLOUR = '#8c959f';

/** A tag with its children, sorted by name. `depth` is 1 at the top level (as `aria-level`). */
export interface TagNode {
  readonly tag: Tag;
  readonly depth: number;
  readonly children: readonly TagNode[];
}

const byName = (a: Tag, b: Tag) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id - b.id;

/** Builds the tree. A tag whose parent is missing from the list is shown at the top level. */
export function buildTagTree(tags: readonly Tag[]): TagNode[] {
  const ids = new Set(tags.map((t) => t.id));
  const childrenOf = new Map<number | null, Tag[]>();
  for (const tag of tags) {
    const parent = tag.parentId !== null && ids.has(tag.parentId) ? tag.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), tag]);
  }
  const seen = new Set<number>();
  const build = (parent: number | null, depth: number): TagNode[] =>
    [...(childrenOf.get(parent) ?? [])]
      .sort(byName)
      .filter((tag) => !seen.has(tag.id) && seen.add(tag.id))
      .map((tag) => ({ tag, depth, children: build(tag.id, depth + 1) }));
  return build(null, 1);
}

/** The nodes a reader sees, top to bottom: children only under expanded tags. */
export function visibleNodes(roots: readonly TagNode[], expanded: ReadonlySet<number>): TagNode[] {
  const out: TagNode[] = [];
  const walk = (nodes: readonly TagNode[]) => {
    for (const node of nodes) {
      out.push(node);
      if (expanded.has(node.tag.id)) walk(node.children);
    }
  };
  walk(roots);
  return out;
}

/** The colour a tag shows: its own, else the nearest ancestor's, else `NO_COLOUR`. */
export function shownColour(tag: Tag, byId: ReadonlyMap<number, Tag>): string {
  let current: Tag | undefined = tag;
  for (let hops = 0; current && hops < 100; hops++) {
    if (current.color) return current.color;
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return NO_COLOUR;
}

/** The ancestors of a tag, nearest last, so that each is expanded to show it. */
export function ancestorIds(tag: Tag, byId: ReadonlyMap<number, Tag>): number[] {
  const out: number[] = [];
  let parent = tag.parentId === null ? undefined : byId.get(tag.parentId);
  while (parent && out.length < 100 && !out.includes(parent.id)) {
    out.unshift(parent.id);
    parent = parent.parentId === null ? undefined : byId.get(parent.parentId);
  }
  return out;
}

/** The tag's full name, "Casualties › Deaths". */
export function tagPath(tag: Tag): string {
  return (tag.path.length > 0 ? tag.path : [tag.name]).join(' › ');
}
