/**
 * The Verdict scale view: the project's verdicts in order, each with a preview of its
 * highlights and its number of claims. Users rename, recolour, reorder and add verdicts; a claim
 * keeps its verdict through all of that, and a verdict in use is only deleted once its claims
 * have somewhere to go. After each change the shell reloads the scale, so highlight colours
 * follow at once.
 */
import { useCallback, useEffect, useState } from 'react';
import type { HistoryAction, Verdict } from '../../../shared/domain';
import { call } from '../../services/api';
import { useChange, type ChangeTarget } from '../history/use-change';
import { ErrorNote } from '../tags/record-parts';
import type { ViewProps } from '../view-props';
import { AddVerdictForm } from './AddVerdictForm';
import { DeleteVerdictDialog } from './DeleteVerdictDialog';
import { VerdictRow } from './VerdictRow';

/** Where the last change was made, so that a refusal is shown there. */
type Scope = { readonly kind: 'row'; readonly id: number } | { readonly kind: 'add' } | { readonly kind: 'delete' };

const onVerdict = (id: number, ...actions: HistoryAction[]): ChangeTarget => ({ entity: 'verdict', entityIds: [id], actions });
const byPosition = (list: readonly Verdict[]) => [...list].sort((a, b) => a.position - b.position || a.id - b.id);

/** The Verdict scale view. */
export function VerdictScaleView(props: ViewProps) {
  const [verdicts, setVerdicts] = useState<Verdict[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [scope, setScope] = useState<Scope>({ kind: 'add' });
  const [deletingId, setDeletingId] = useState<number | null>(null);
  const [moved, setMoved] = useState<{ id: number; direction: -1 | 1; signal: number } | null>(null);

  const reload = useCallback(async () => {
    const result = await call('verdicts:list', {});
    if (!result.ok) return setLoadError(`Could not read the verdict scale: ${result.error.message}`);
    setLoadError(null);
    setVerdicts(byPosition(result.value));
  }, []);
  useEffect(() => void reload(), [reload]);
  const change = useChange(props, reload);
  const list = verdicts ?? [];
  const deleting = list.find((v) => v.id === deletingId);

  const save = (verdict: Verdict, label: string, color: string) => {
    setScope({ kind: 'row', id: verdict.id });
    void change.run(
      () => call('verdicts:update', { id: verdict.id, fields: { label, color } }),
      (saved) => ({
        message: saved.label === verdict.label ? `Saved the verdict “${saved.label}”.` : `Renamed the verdict “${verdict.label}” to “${saved.label}”.`,
        target: onVerdict(verdict.id, 'update'),
      }),
    );
  };

  const move = async (verdict: Verdict, direction: -1 | 1) => {
    const ids = list.map((v) => v.id);
    const from = ids.indexOf(verdict.id);
    const to = from + direction;
    if (from < 0 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    setScope({ kind: 'row', id: verdict.id });
    const result = await change.run(
      () => call('verdicts:reorder', { ids }),
      () => ({ message: `Moved “${verdict.label}” ${direction < 0 ? 'up' : 'down'} to position ${to + 1}.` }),
    );
    if (result.ok) setMoved((m) => ({ id: verdict.id, direction, signal: (m?.signal ?? 0) + 1 }));
  };

  const add = (label: string, color: string) => {
    setScope({ kind: 'add' });
    return change.run(
      () => call('verdicts:create', { fields: { label, color } }),
      (added) => ({ message: `Added the verdict “${added.label}”.`, target: onVerdict(added.id, 'create') }),
    );
  };

  const remove = (verdict: Verdict, moveClaimsTo: number | null) => {
    setScope({ kind: 'delete' });
    const target = list.find((v) => v.id === moveClaimsTo);
    void change.run(
      () => call('verdicts:delete', { id: verdict.id, moveClaimsTo }),
      () => {
        setDeletingId(null);
        const where = target && verdict.claimCount > 0 ? ` Its claims now carry “${target.label}”.` : '';
        return { message: `Deleted the verdict “${verdict.label}”.${where}`, target: onVerdict(verdict.id, 'delete') };
      },
    );
  };

  const errorFor = (s: Scope['kind'], id?: number) => (scope.kind === s && (id === undefined || (scope.kind === 'row' && scope.id === id)) ? change.error : null);

  return (
    <section className="view vocab-view" aria-labelledby="view-title">
      <h2 id="view-title">Verdict scale</h2>
      <p className="hint">The verdicts of this project, in order. Claims keep their verdict when you rename, recolour or reorder it.</p>
      <ErrorNote message={loadError} />
      <ol className="verdict-scale" aria-label="Verdicts">
        {list.map((v, i) => (
          <VerdictRow
            key={v.id}
            verdict={v}
            isFirst={i === 0}
            isLast={i === list.length - 1}
            busy={change.busy}
            error={errorFor('row', v.id)}
            focusMove={moved?.id === v.id ? moved : null}
            onSave={(label, color) => save(v, label, color)}
            onMove={(direction) => void move(v, direction)}
            onDelete={() => (change.clearError(), setDeletingId(v.id))}
          />
        ))}
      </ol>
      <AddVerdictForm busy={change.busy} error={errorFor('add')} onAdd={add} />
      {deleting && (
        <DeleteVerdictDialog
          verdict={deleting}
          verdicts={list}
          busy={change.busy}
          error={errorFor('delete')}
          onDelete={(to) => remove(deleting, to)}
          onCancel={() => setDeletingId(null)}
        />
      )}
    </section>
  );
}
