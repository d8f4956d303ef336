/**
 * The same claim in other articles: a claim can be linked with claims quoting the same
 * statement elsewhere (a toll repeated by several outlets), so the desk checks it once. Links
 * are saved at once (they are not part of the form's Save) and can be undone from the history.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Claim } from '../../../shared/domain';
import { call } from '../../services/api';
import { Combobox, type ComboOption } from '../pickers/Combobox';

interface Props {
  readonly claim: Claim;
}

const excerpt = (text: string) => (text.length > 70 ? `${text.slice(0, 69)}…` : text);

/** The linked claims of one claim, with a picker to link more. */
export function LinkedClaims({ claim }: Props) {
  const [linked, setLinked] = useState<Claim[]>([]);
  const [titles, setTitles] = useState<ReadonlyMap<number, string>>(new Map());
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    const [l, d] = await Promise.all([call('claims:linked', { id: claim.id }), call('documents:list', {})]);
    if (l.ok) setLinked(l.value);
    if (d.ok) setTitles(new Map(d.value.map((doc) => [doc.id, doc.title])));
  }, [claim.id]);

  useEffect(() => {
    void load();
  }, [load]);

  const search = useCallback(
    async (query: string): Promise<ComboOption<Claim>[]> => {
      if (query === '') return [];
      const result = await call('claims:filter', { filter: { text: query } });
      if (!result.ok) return [];
      const taken = new Set([claim.id, ...linked.map((c) => c.id)]);
      return result.value
        .filter((c) => !taken.has(c.id) && c.documentId !== claim.documentId)
        .slice(0, 20)
        .map((c) => ({ key: String(c.id), label: `“${excerpt(c.anchor.exact)}”`, detail: titles.get(c.documentId) ?? '', value: c }));
    },
    [claim.id, claim.documentId, linked, titles],
  );

  async function act(result: Promise<{ ok: boolean; error?: { message: string } }>, done: string) {
    const r = await result;
    setMessage(r.ok ? done : `Not saved: ${r.error?.message ?? 'unknown error'}`);
    await load();
  }

  return (
    <fieldset className="linked-claims">
      <legend>Same claim in other articles</legend>
      {message && <p role="status">{message}</p>}
      {linked.length > 0 && (
        <ul aria-label="Linked claims">
          {linked.map((c) => (
            <li key={c.id}>
              <span>
                “{excerpt(c.anchor.exact)}” <span className="hint">— {titles.get(c.documentId) ?? 'another article'}</span>
              </span>
              <button type="button" className="link-button" onClick={() => void act(call('claims:unlink', { id: c.id }), 'Unlinked.')}>
                Unlink
              </button>
            </li>
          ))}
        </ul>
      )}
      <Combobox<Claim>
        label="Link a claim from another article"
        placeholder="Search claims in other articles…"
        search={search}
        onSelect={(other) => void act(call('claims:link', { id: claim.id, withId: other.id }), 'Linked as the same claim.')}
      />
    </fieldset>
  );
}
