/**
 * Deleting a tag asks where its claims go — to another tag, or nowhere (the tag is only taken
 * off them) — and says that its child tags move up one level.
 */
import { useId, useState, type FormEvent } from 'react';
import type { Tag } from '../../../shared/domain';
import { Modal } from '../../components/Modal';
import { countText, ErrorNote } from './record-parts';
import { TagSelect } from './tag-fields';
import { tagPath } from './tag-tree';

interface Props {
  readonly tag: Tag;
  readonly tags: readonly Tag[];
  readonly byId: ReadonlyMap<number, Tag>;
  readonly busy: boolean;
  readonly error: string | null;
  /** `moveClaimsTo`: the tag its claims get instead, or null to take the tag off them. */
  readonly onDelete: (moveClaimsTo: number | null) => void;
  readonly onCancel: () => void;
}

/** The "Delete tag" dialog. */
export function DeleteTagDialog({ tag, tags, byId, busy, error, onDelete, onCancel }: Props) {
  const id = useId();
  const [where, setWhere] = useState<'move' | 'remove'>('move');
  const [targetId, setTargetId] = useState<number | null>(null);
  const children = tags.filter((t) => t.parentId === tag.id);
  const parent = tag.parentId === null ? undefined : byId.get(tag.parentId);
  const needsTarget = tag.claimCount > 0 && where === 'move';

  function submit(event: FormEvent) {
    event.preventDefault();
    if (needsTarget && targetId === null) return;
    onDelete(tag.claimCount > 0 && where === 'move' ? targetId : null);
  }

  return (
    <Modal title={`Delete tag “${tag.name}”`} titleId={`${id}-title`} onClose={onCancel}>
      <form className="vocab-dialog" onSubmit={submit}>
        {tag.claimCount > 0 ? (
          <fieldset>
            <legend>Where do its {countText(tag.claimCount, 'claim')} go?</legend>
            <label className="inline-check">
              <input type="radio" name={`${id}-where`} checked={where === 'move'} onChange={() => setWhere('move')} data-autofocus />
              Move them to another tag
            </label>
            <TagSelect
              label="Tag for its claims"
              tags={tags}
              value={targetId}
              onChange={(v) => (setTargetId(v), setWhere('move'))}
              emptyLabel="Choose a tag…"
              exclude={new Set([tag.id])}
            />
            <label className="inline-check">
              <input type="radio" name={`${id}-where`} checked={where === 'remove'} onChange={() => setWhere('remove')} />
              Remove the tag from its claims
            </label>
          </fieldset>
        ) : (
          <p>No claim carries this tag.</p>
        )}
        <p>
          {children.length === 0
            ? 'It has no child tags.'
            : `Its ${countText(children.length, 'child tag')} (${children.map((c) => c.name).join(', ')}) move up to ${parent ? `“${tagPath(parent)}”` : 'the top level'}.`}
        </p>
        <ErrorNote message={error} prefix="Not deleted:" />
        <div className="form-actions">
          <span className="spacer" />
          <button type="button" onClick={onCancel} {...(tag.claimCount > 0 ? {} : { 'data-autofocus': true })}>
            Cancel
          </button>
          <button type="submit" className="danger" disabled={busy || (needsTarget && targetId === null)}>
            Delete tag
          </button>
        </div>
      </form>
    </Modal>
  );
}
