/**
 * The Tags view: the project's hierarchical tag vocabulary as a tree, each tag with its colour
 * and its number of claims; a form for a new tag; and, for the selected tag, rename, recolour,
 * move, merge and delete. Every change is main's to make: the view shows it once main has
 * answered, and offers Undo through the history entry that recorded it.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { HistoryAction, Tag } from '../../../shared/domain';
import { call } from '../../services/api';
import { useChange, type ChangeTarget } from '../history/use-change';
import type { ViewProps } from '../view-props';
import { CreateTagForm, type NewTag } from './CreateTagForm';
import { DeleteTagDialog } from './DeleteTagDialog';
import { ErrorNote } from './record-parts';
import { TagDetails } from './TagDetails';
import { ancestorIds, buildTagTree, tagPath } from './tag-tree';
import { TagTree } from './TagTree';

type Scope = 'create' | 'details' | 'delete';

const onTags = (ids: readonly number[], ...actions: HistoryAction[]): ChangeTarget => ({ entity: 'tag', entityIds: ids, actions });

/** The Tags view. */
export function TagsView(props: ViewProps) {
  const [tags, setTags] = useState<Tag[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<number> | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [scope, setScope] = useState<Scope>('details');
  // Bumped after a change that removes the focused control (merge, delete): the tree takes the focus.
  const [focusTree, setFocusTree] = useState(0);

  const reload = useCallback(async () => {
    const result = await call('tags:list', {});
    if (!result.ok) return setLoadError(`Could not read the tags: ${result.error.message}`);
    setLoadError(null);
    setTags(result.value);
    // The first time, every branch is open: a vocabulary is read whole before it is edited.
    setExpanded((open) => open ?? new Set(result.value.map((t) => t.parentId).filter((id): id is number => id !== null)));
  }, []);
  useEffect(() => void reload(), [reload]);

  const change = useChange(props, reload);
  const list = useMemo(() => tags ?? [], [tags]);
  const byId = useMemo(() => new Map(list.map((t) => [t.id, t])), [list]);
  const roots = useMemo(() => buildTagTree(list), [list]);
  const selected = selectedId === null ? undefined : byId.get(selectedId);

  const reveal = (tagId: number, parentId: number | null) => {
    const parent = parentId === null ? undefined : byId.get(parentId);
    const opened = parent ? [...ancestorIds(parent, byId), parent.id] : [];
    setExpanded((open) => new Set([...(open ?? []), ...opened]));
    setSelectedId(tagId);
  };
  const select = (id: number) => {
    if (id !== selectedId) change.clearError();
    setSelectedId(id);
  };
  const expand = (id: number, open: boolean) =>
    setExpanded((set) => {
      const next = new Set(set);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });

  const create = (fields: NewTag) => {
    setScope('create');
    return change.run(
      () => call('tags:create', { fields }),
      (tag) => {
        reveal(tag.id, tag.parentId);
        return { message: `Added the tag “${tagPath(tag)}”.`, target: onTags([tag.id], 'create') };
      },
    );
  };

  const details = (tag: Tag) => {
    const update = (name: string, color: string | null) =>
      void change.run(
        () => call('tags:update', { id: tag.id, name, color }),
        (saved) => ({ message: `Saved the tag “${saved.name}”.`, target: onTags([tag.id], 'update') }),
      );
    const move = (parentId: number | null) =>
      void change.run(
        () => call('tags:move', { id: tag.id, parentId }),
        (moved) => {
          reveal(moved.id, moved.parentId);
          const where = parentId === null ? 'to the top level' : `under “${tagPath(byId.get(parentId) ?? moved)}”`;
          return { message: `Moved “${moved.name}” ${where}.`, target: onTags([tag.id], 'update') };
        },
      );
    const merge = async (keepId: number) => {
      const result = await change.run(
        () => call('tags:merge', { keepId, mergeId: tag.id }),
        (kept) => {
          setSelectedId(kept.id);
          return { message: `Merged “${tag.name}” into “${kept.name}”.`, target: onTags([tag.id, kept.id], 'merge') };
        },
      );
      if (result.ok) setFocusTree((n) => n + 1);
    };
    const remove = () => {
      change.clearError();
      setDeleting(true);
    };
    return { update, move, merge, remove };
  };

  const deleteSelected = async (tag: Tag, moveClaimsTo: number | null) => {
    setScope('delete');
    const result = await change.run(
      () => call('tags:delete', { id: tag.id, moveClaimsTo }),
      () => {
        setDeleting(false);
        setSelectedId(tag.parentId);
        return { message: `Deleted the tag “${tag.name}”.`, target: onTags([tag.id], 'delete') };
      },
    );
    if (result.ok) setFocusTree((n) => n + 1);
  };

  const actions = selected ? details(selected) : null;
  return (
    <section className="view vocab-view" aria-labelledby="view-title">
      <h2 id="view-title">Tags</h2>
      <p className="hint">The project’s tag vocabulary. Choose a tag to rename, recolour, move, merge or delete it; every change can be undone.</p>
      <ErrorNote message={loadError} />
      <CreateTagForm tags={list} byId={byId} busy={change.busy} error={scope === 'create' ? change.error : null} onCreate={create} />
      <div className="tags-layout">
        <div className="tags-tree-pane">
          <h3 id="tag-tree-title">Vocabulary</h3>
          {tags && tags.length === 0 && <p className="hint">No tags yet. Add one above, or type a new tag in the claim form.</p>}
          {tags && tags.length > 0 && (
            <TagTree roots={roots} byId={byId} expanded={expanded ?? new Set()} selectedId={selectedId} onSelect={select} onExpand={expand} labelledBy="tag-tree-title" focusSignal={focusTree} />
          )}
        </div>
        {selected && actions ? (
          <TagDetails
            key={selected.id}
            tag={selected}
            tags={list}
            byId={byId}
            busy={change.busy}
            error={scope === 'details' ? change.error : null}
            onUpdate={(name, color) => (setScope('details'), actions.update(name, color))}
            onMove={(parentId) => (setScope('details'), actions.move(parentId))}
            onMerge={(keepId) => (setScope('details'), void actions.merge(keepId))}
            onDelete={actions.remove}
          />
        ) : (
          tags && tags.length > 0 && <p className="hint vocab-details">Choose a tag in the vocabulary to change it.</p>
        )}
      </div>
      {deleting && selected && (
        <DeleteTagDialog
          tag={selected}
          tags={list}
          byId={byId}
          busy={change.busy}
          error={scope === 'delete' ? change.error : null}
          onDelete={(to) => void deleteSelected(selected, to)}
          onCancel={() => setDeleting(false)}
        />
      )}
    </section>
  );
}
