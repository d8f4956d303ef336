/**
 * The state both library views (sources, speakers) share: the list as main answers it for the
 * current search, the deleted records when the user asks for them, the selection shown in the
 * detail pane, and delete / restore / merge with their messages and Undo.
 *
 * The list is always main's answer: nothing is added or removed here before main has
 * committed. A later answer to an earlier search is dropped, so fast typing cannot show stale
 * results.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../shared/result';
import type { ViewProps } from '../view-props';

/** What every record of a library view has. */
export interface LibraryRecord {
  readonly id: number;
  readonly deletedAt: string | null;
  readonly claimCount: number;
}

/** How a view reaches main for its kind of record. `list` closes over the search and sort. */
export interface LibraryOps<T extends LibraryRecord> {
  /** What one record is called in messages: "source", "speaker". */
  readonly noun: string;
  readonly nameOf: (record: T) => string;
  readonly list: (includeDeleted: boolean) => Promise<Result<T[]>>;
  readonly remove: (id: number) => Promise<Result<T>>;
  readonly restore: (id: number) => Promise<Result<T>>;
  readonly merge: (keepId: number, mergeId: number) => Promise<Result<T>>;
}

/**
 * What the detail pane shows. `record` is null for a new, unsaved record. `key` changes only
 * when the user picks another record (or starts a new one), not when a save replaces the
 * record, so the editor keeps its "Saved" state across its own save.
 */
export interface Selection<T> {
  readonly key: number;
  readonly record: T | null;
}

let nextKey = 1;

/** The shared state and actions of a library view. */
export function useRecordLibrary<T extends LibraryRecord>(ops: LibraryOps<T>, { notify, onDataChanged }: Pick<ViewProps, 'notify' | 'onDataChanged'>) {
  const [items, setItems] = useState<T[] | null>(null);
  const [deleted, setDeleted] = useState<T[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [showDeleted, setShowDeleted] = useState(false);
  const [selection, setSelection] = useState<Selection<T> | null>(null);
  const latest = useRef(0);
  /** The detail pane; it takes the focus when the record in it is replaced or goes away. */
  const paneRef = useRef<HTMLDivElement>(null);
  const focusPane = () => window.requestAnimationFrame(() => paneRef.current?.focus());
  const opsRef = useRef(ops);
  opsRef.current = ops;

  const reload = useCallback(async () => {
    const request = ++latest.current;
    const result = await ops.list(showDeleted);
    if (request !== latest.current) return;
    if (!result.ok) {
      setLoadError(`Could not read the ${ops.noun}s: ${result.error.message}`);
      return;
    }
    setLoadError(null);
    setItems(result.value.filter((r) => r.deletedAt === null));
    setDeleted(result.value.filter((r) => r.deletedAt !== null));
    // Keep the detail pane in step with main (a claim count, a merge elsewhere).
    setSelection((s) => {
      const fresh = s?.record ? result.value.find((r) => r.id === s.record!.id) : undefined;
      return s && fresh ? { key: s.key, record: fresh } : s;
    });
  }, [ops, showDeleted]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const select = useCallback((record: T) => setSelection({ key: nextKey++, record }), []);
  const startNew = useCallback(() => setSelection({ key: nextKey++, record: null }), []);

  /** Shows the record as main now stores it, in the same detail pane, and refreshes the list. */
  const replace = useCallback(
    (record: T) => {
      setSelection((s) => ({ key: s?.key ?? nextKey++, record }));
      void reload();
    },
    [reload],
  );

  /** After a save (create or update): what claims show of the record may have changed. */
  const saved = useCallback(
    (record: T) => {
      replace(record);
      onDataChanged();
    },
    [replace, onDataChanged],
  );

  const restore = useCallback(
    async (id: number): Promise<Result<T>> => {
      const { restore: restoreRecord, noun, nameOf } = opsRef.current;
      const result = await restoreRecord(id);
      if (result.ok) {
        onDataChanged();
        await reload();
        setSelection({ key: nextKey++, record: result.value });
        focusPane();
        notify(`Restored ${noun} “${nameOf(result.value)}”.`);
      } else {
        notify(`Could not restore the ${noun}: ${result.error.message}`);
      }
      return result;
    },
    [notify, onDataChanged, reload],
  );

  /** Deletes a record; on success offers Undo. A refusal is returned for the detail pane to show. */
  const remove = useCallback(
    async (record: T): Promise<Result<T>> => {
      const { remove: removeRecord, noun, nameOf } = opsRef.current;
      const result = await removeRecord(record.id);
      if (result.ok) {
        setSelection((s) => (s?.record?.id === record.id ? null : s));
        focusPane();
        onDataChanged();
        await reload();
        notify(`Deleted ${noun} “${nameOf(record)}”.`, () => void restore(record.id));
      }
      return result;
    },
    [notify, onDataChanged, reload, restore],
  );

  /** Merges `merged` into the record `keepId`; the kept record is selected afterwards. */
  const merge = useCallback(
    async (keepId: number, merged: T): Promise<Result<T>> => {
      const { merge: mergeRecords, nameOf } = opsRef.current;
      const result = await mergeRecords(keepId, merged.id);
      if (result.ok) {
        onDataChanged();
        await reload();
        setSelection({ key: nextKey++, record: result.value });
        focusPane();
        notify(`Merged “${nameOf(merged)}” into “${nameOf(result.value)}”.`);
      }
      return result;
    },
    [notify, onDataChanged, reload],
  );

  return { paneRef, items, deleted, loadError, showDeleted, setShowDeleted, selection, select, startNew, replace, saved, reload, remove, restore, merge };
}
