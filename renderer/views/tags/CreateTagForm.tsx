/** The form that adds a tag to the vocabulary: its name, where it goes, its colour. */
import { useState, type FormEvent } from 'react';
import type { Tag } from '../../../shared/domain';
import type { Result } from '../../../shared/result';
import { ErrorNote } from './record-parts';
import { TagColourField, TagSelect } from './tag-fields';
import { shownColour } from './tag-tree';

/** What a new tag is made of (the `fields` of `tags:create`). */
export interface NewTag {
  readonly name: string;
  readonly parentId: number | null;
  readonly color: string | null;
}

interface Props {
  readonly tags: readonly Tag[];
  readonly byId: ReadonlyMap<number, Tag>;
  readonly busy: boolean;
  readonly error: string | null;
  readonly onCreate: (tag: NewTag) => Promise<Result<Tag>>;
}

/** "New tag": clears its name after main has created the tag, keeps everything on a refusal. */
export function CreateTagForm({ tags, byId, busy, error, onCreate }: Props) {
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState<number | null>(null);
  const [color, setColor] = useState<string | null>('#6f42c1');
  const parent = parentId === null ? undefined : byId.get(parentId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await onCreate({ name, parentId, color });
    if (result.ok) setName('');
  }

  return (
    <form className="vocab-form" aria-labelledby="new-tag-title" onSubmit={submit}>
      <h3 id="new-tag-title">New tag</h3>
      <div className="vocab-fields">
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required />
        </label>
        <TagSelect label="Parent" tags={tags} value={parentId} onChange={setParentId} emptyLabel="None (top level)" />
        <TagColourField value={color} onChange={setColor} inherited={parent ? shownColour(parent, byId) : null} />
        <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
          Add tag
        </button>
      </div>
      <ErrorNote message={error} prefix="Not added:" />
    </form>
  );
}
