import { describe, expect, it } from 'vitest';
import type { Tag } from '../../../shared/domain';
import { ancestorIds, buildTagTree, NO_COLOUR, shownColour, tagPath, visibleNodes } from './tag-tree';

const tag = (id: number, name: string, parentId: number | null, color: string | null = null, path: string[] = [name]): Tag => ({
  id,
  name,
  parentId,
  color,
  path,
  claimCount: 0,
});

const tags = [
  tag(1, 'Economy', null, '#1a7f37'),
  tag(2, 'Casualties', null, '#b42318'),
  tag(3, 'Deaths', 2, null, ['Casualties', 'Deaths']),
  tag(4, 'Arrests', 2, '#0a58ca', ['Casualties', 'Arrests']),
  tag(5, 'Children', 3, null, ['Casualties', 'Deaths', 'Children']),
];
const byId = new Map(tags.map((t) => [t.id, t]));

describe('the tag tree', () => {
  it('sorts siblings by name and gives each node its depth', () => {
    const roots = buildTagTree(tags);
    expect(roots.map((n) => n.tag.name)).toEqual(['Casualties', 'Economy']);
    expect(roots[0]!.children.map((n) => [n.tag.name, n.depth])).toEqual([
      ['Arrests', 2],
      ['Deaths', 2],
    ]);
    expect(roots[0]!.children[1]!.children[0]!.depth).toBe(3);
  });

  it('shows only the children of expanded tags', () => {
    const roots = buildTagTree(tags);
    expect(visibleNodes(roots, new Set()).map((n) => n.tag.id)).toEqual([2, 1]);
    expect(visibleNodes(roots, new Set([2])).map((n) => n.tag.id)).toEqual([2, 4, 3, 1]);
    expect(visibleNodes(roots, new Set([2, 3])).map((n) => n.tag.id)).toEqual([2, 4, 3, 5, 1]);
    // An expanded tag under a collapsed one stays hidden.
    expect(visibleNodes(roots, new Set([3])).map((n) => n.tag.id)).toEqual([2, 1]);
  });

  it('puts a tag whose parent is missing at the top level, and survives a cycle in the data', () => {
    expect(buildTagTree([tag(7, 'Lost', 99)]).map((n) => n.depth)).toEqual([1]);
    const cyclic = [tag(1, 'A', 2), tag(2, 'B', 1)];
    expect(buildTagTree(cyclic)).toEqual([]);
  });

  it('inherits the nearest ancestor’s colour', () => {
    expect(shownColour(byId.get(5)!, byId)).toBe('#b42318');
    expect(shownColour(byId.get(4)!, byId)).toBe('#0a58ca');
    expect(shownColour(tag(8, 'Plain', null), byId)).toBe(NO_COLOUR);
  });

  it('lists ancestors from the top and writes the full path', () => {
    expect(ancestorIds(byId.get(5)!, byId)).toEqual([2, 3]);
    expect(ancestorIds(byId.get(1)!, byId)).toEqual([]);
    expect(tagPath(byId.get(5)!)).toBe('Casualties › Deaths › Children');
  });
});
