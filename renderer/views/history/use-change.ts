/**
 * Making a change from a view, with Undo through the history. Every change main makes is
 * recorded as a history entry; undoing one applies its `before` values again (`history:undo`).
 *
 * A view calls main, and only when main has committed the change tells the shell
 * (`onDataChanged`), reloads itself, and shows a message whose Undo undoes exactly the entry
 * that recorded this change, even if other changes follow. A refusal from main is kept as
 * `error` for the view to show; nothing is shown as done before main has answered.
 */
import { useCallback, useRef, useState } from 'react';
import type { HistoryAction, HistoryEntity, HistoryEntry } from '../../../shared/domain';
import type { Result } from '../../../shared/result';
import { call } from '../../services/api';
import type { ViewProps } from '../view-props';

/** Which record a change touched, and what kind of change it was. */
export interface ChangeTarget {
  readonly entity: HistoryEntity;
  /** The record(s) the change may be recorded on (a merge: the kept and the merged record). */
  readonly entityIds: readonly number[];
  /** The actions that would record this change; an entry of another action is not it. */
  readonly actions: readonly HistoryAction[];
}

/**
 * The newest entry recording a change of `target` that is not undone yet, or null when main
 * recorded none (then nothing is offered for undo rather than the wrong thing).
 */
export async function findChange(target: ChangeTarget): Promise<HistoryEntry | null> {
  const lists = await Promise.all(target.entityIds.map((entityId) => call('history:list', { entity: target.entity, entityId, limit: 1 })));
  const newest = lists
    .flatMap((r) => (r.ok ? r.value : []))
    .sort((a, b) => b.id - a.id)[0];
  if (!newest || newest.undoneBy !== null || !target.actions.includes(newest.action)) return null;
  return newest;
}

/** Undoes one history entry; resolves with the entry that records the undo. */
export function undoEntry(entryId: number): Promise<Result<HistoryEntry>> {
  return call('history:undo', { entryId });
}

/** What a committed change was: the message to show, and where its history entry is (for Undo). */
export interface DoneChange {
  readonly message: string;
  readonly target?: ChangeTarget;
}

/** The change runner of a view. */
export interface ChangeRunner {
  /** The last refusal from main, in words; null after a success or `clearError`. */
  readonly error: string | null;
  /** True while a change is on its way to main. */
  readonly busy: boolean;
  readonly clearError: () => void;
  /** Runs `action`; on success describes it with `done` and announces it. Resolves with main's Result. */
  readonly run: <T>(action: () => Promise<Result<T>>, done: (value: T) => DoneChange) => Promise<Result<T>>;
}

/** Returns a change runner that reloads the view with `reload` after each change and each undo. */
export function useChange(props: Pick<ViewProps, 'notify' | 'onDataChanged'>, reload: () => Promise<void>): ChangeRunner {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The shell may pass new function identities on each render; the runner stays stable.
  const latest = useRef({ props, reload });
  latest.current = { props, reload };

  const undo = useCallback(async (entryId: number, message: string) => {
    const { props: p, reload: r } = latest.current;
    const result = await undoEntry(entryId);
    if (!result.ok) return p.notify(`Could not undo: ${result.error.message}`);
    p.onDataChanged();
    await r();
    p.notify(`Undone: ${message}`);
  }, []);

  const run = useCallback(
    async <T>(action: () => Promise<Result<T>>, done: (value: T) => DoneChange): Promise<Result<T>> => {
      setBusy(true);
      setError(null);
      const result = await action();
      if (!result.ok) {
        setBusy(false);
        setError(result.error.message);
        return result;
      }
      const change = done(result.value);
      const { props: p, reload: r } = latest.current;
      p.onDataChanged();
      const [, entry] = await Promise.all([r(), change.target ? findChange(change.target) : Promise.resolve(null)]);
      setBusy(false);
      p.notify(change.message, entry ? () => void undo(entry.id, change.message) : undefined);
      return result;
    },
    [undo],
  );

  const clearError = useCallback(() => setError(null), []);
  return { error, busy, clearError, run };
}
