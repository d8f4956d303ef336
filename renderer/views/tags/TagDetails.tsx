/**
 * The selected tag and what can be done to it: rename and recolour, move (under another tag or
 * to the top level), merge into another tag, delete. Main refuses what would break the tree (a
 * tag moved under its own descendant); its message is shown here.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { Tag } from '../../../shared/domain';
import { countText, ErrorNote } from './record-parts';
import { TagColourField, TagSelect } from './tag-fields';
import { shownColour, tagPath } from './tag-tree';

interface Props {
  readonly tag: Tag;
  readonly tags: readonly Tag[];
  readonly byId: ReadonlyMap<number, Tag>;
  readonly busy: boolean;
  readonly error: string | null;
  readonly onUpdate: (name: string, color: string | null) => void;
  readonly onMove: (parentId: number | null) => void;
  readonly onMerge: (keepId: number) => void;
  readonly onDelete: () => void;
}

/** The details panel; give it `key={tag.id}` so that its drafts start again for another tag. */
export function TagDetails({ tag, tags, byId, busy, error, onUpdate, onMove, onMerge, onDelete }: Props) {
  const [name, setName] = useState(tag.name);
  const [color, setColor] = useState<string | null>(tag.color);
  const [parentId, setParentId] = useState<number | null>(tag.parentId);
  const [keepId, setKeepId] = useState<number | null>(null);
  // After a change (or its undo) the drafts show the tag as main has it; the focus stays put.
  useEffect(() => {
    setName(tag.name);
    setColor(tag.color);
    setParentId(tag.parentId);
  }, [tag.name, tag.color, tag.parentId]);
  const parent = tag.parentId === null ? undefined : byId.get(tag.parentId);
  const children = tags.filter((t) => t.parentId === tag.id).length;
  const self = new Set([tag.id]);
  const edited = name.trim() !== tag.name || color !== tag.color;

  const save = (event: FormEvent) => {
    event.preventDefault();
    onUpdate(name, color);
  };
  const move = (event: FormEvent) => {
    event.preventDefault();
    onMove(parentId);
  };
  const merge = (event: FormEvent) => {
    event.preventDefault();
    if (keepId !== null) onMerge(keepId);
  };

  return (
    <section className="vocab-details" aria-labelledby="tag-details-title">
      <h3 id="tag-details-title">{tagPath(tag)}</h3>
      <p className="hint">
        {countText(tag.claimCount, 'claim')} · {countText(children, 'child tag')}
      </p>
      <ErrorNote message={error} prefix="Not changed:" />

      <form className="vocab-form" aria-label="Name and colour" onSubmit={save}>
        <div className="vocab-fields">
          <label>
            Name
            <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required />
          </label>
          <TagColourField value={color} onChange={setColor} inherited={parent ? shownColour(parent, byId) : null} />
          <button type="submit" disabled={busy || !edited || name.trim() === ''}>
            Save name and colour
          </button>
        </div>
      </form>

      <form className="vocab-form" aria-label="Move" onSubmit={move}>
        <div className="vocab-fields">
          <TagSelect label="Move under" tags={tags} value={parentId} onChange={setParentId} emptyLabel="Top level" exclude={self} />
          <button type="submit" disabled={busy || parentId === tag.parentId}>
            Move
          </button>
        </div>
      </form>

      <form className="vocab-form" aria-label="Merge" onSubmit={merge}>
        <div className="vocab-fields">
          <TagSelect label="Merge into" tags={tags} value={keepId} onChange={setKeepId} emptyLabel="Choose a tag…" exclude={self} />
          <button type="submit" disabled={busy || keepId === null}>
            Merge
          </button>
        </div>
        <p className="hint">Its claims take the chosen tag, and “{tag.name}” is removed from the vocabulary.</p>
      </form>

      <div className="form-actions">
        <button type="button" className="danger" onClick={onDelete} disabled={busy}>
          Delete tag…
        </button>
      </div>
    </section>
  );
}
