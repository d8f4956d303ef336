/**
 * The tag vocabulary as an ARIA tree (WAI-ARIA APG "tree view", single selection that follows
 * the focus). One tab stop: the selected tag. Up and Down move through the visible tags, Right
 * opens a tag or enters it, Left closes it or goes to its parent, Home and End go to the ends.
 * A click selects; a click on the arrow opens or closes.
 */
import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { Tag } from '../../../shared/domain';
import { ClaimCount, Swatch } from './record-parts';
import { shownColour, visibleNodes, type TagNode } from './tag-tree';

interface Props {
  readonly roots: readonly TagNode[];
  readonly byId: ReadonlyMap<number, Tag>;
  readonly expanded: ReadonlySet<number>;
  readonly selectedId: number | null;
  readonly onSelect: (id: number) => void;
  readonly onExpand: (id: number, open: boolean) => void;
  readonly labelledBy: string;
  /** Each new value moves the focus to the selected tag (or the first one). */
  readonly focusSignal?: number;
}

/** The tree of tags. */
export function TagTree({ roots, byId, expanded, selectedId, onSelect, onExpand, labelledBy, focusSignal = 0 }: Props) {
  const items = useRef(new Map<number, HTMLLIElement>());
  const visible = visibleNodes(roots, expanded);
  const tabStop = visible.some((n) => n.tag.id === selectedId) ? selectedId : (visible[0]?.tag.id ?? null);

  useEffect(() => {
    if (focusSignal > 0 && tabStop !== null) items.current.get(tabStop)?.focus();
    // Only a new signal moves the focus, not a change of selection.
  }, [focusSignal]);

  const go = (id: number | undefined) => {
    if (id === undefined) return;
    onSelect(id);
    items.current.get(id)?.focus();
  };

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const current = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    const index = visible.findIndex((n) => String(n.tag.id) === current?.dataset['tagId']);
    const node = visible[index];
    if (!node) return;
    const open = expanded.has(node.tag.id);
    const handled: Record<string, () => void> = {
      ArrowDown: () => go(visible[index + 1]?.tag.id),
      ArrowUp: () => go(visible[index - 1]?.tag.id),
      Home: () => go(visible[0]?.tag.id),
      End: () => go(visible[visible.length - 1]?.tag.id),
      ArrowRight: () => (node.children.length === 0 ? undefined : open ? go(node.children[0]?.tag.id) : onExpand(node.tag.id, true)),
      ArrowLeft: () => (open && node.children.length > 0 ? onExpand(node.tag.id, false) : go(node.tag.parentId ?? undefined)),
      Enter: () => onSelect(node.tag.id),
      ' ': () => onSelect(node.tag.id),
    };
    const action = handled[event.key];
    if (!action || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    action();
  }

  const renderNode = (node: TagNode) => {
    const { tag } = node;
    const open = expanded.has(tag.id);
    const hasChildren = node.children.length > 0;
    const labelId = `tag-label-${tag.id}`;
    const select = (event: MouseEvent) => {
      event.stopPropagation();
      onSelect(tag.id);
    };
    const toggle = (event: MouseEvent) => {
      event.stopPropagation();
      onExpand(tag.id, !open);
      onSelect(tag.id);
    };
    return (
      <li
        key={tag.id}
        ref={(el) => {
          if (el) items.current.set(tag.id, el);
          else items.current.delete(tag.id);
        }}
        role="treeitem"
        data-tag-id={tag.id}
        aria-level={node.depth}
        aria-expanded={hasChildren ? open : undefined}
        aria-selected={tag.id === selectedId}
        aria-labelledby={labelId}
        tabIndex={tag.id === tabStop ? 0 : -1}
        className="tag-item"
        onClick={select}
      >
        <span className={tag.id === selectedId ? 'tag-row selected' : 'tag-row'}>
          <span className="tag-twisty" aria-hidden="true" onClick={hasChildren ? toggle : undefined}>
            {hasChildren ? (open ? '▾' : '▸') : ''}
          </span>
          <span id={labelId} className="tag-label">
            <Swatch color={shownColour(tag, byId)} />
            <span className="tag-name">{tag.name}</span>{' '}
            <ClaimCount n={tag.claimCount} />
          </span>
        </span>
        {hasChildren && open && <ul role="group">{node.children.map(renderNode)}</ul>}
      </li>
    );
  };

  return (
    <ul role="tree" aria-labelledby={labelledBy} className="tag-tree" onKeyDown={onKeyDown}>
      {roots.map(renderNode)}
    </ul>
  );
}
