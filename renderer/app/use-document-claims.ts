/**
 * The claims of the open document, live and deleted, kept in step with main: every change is
 * applied here only after main has committed it.
 */
import { useCallback, useState } from 'react';
import type { Claim, ClaimInput, TextAnchor } from '../../shared/domain';
import type { Result } from '../../shared/result';
import { call } from '../services/api';

/** State and actions for the claims of one document. */
export function useDocumentClaims() {
  const [claims, setClaims] = useState<Claim[]>([]);
  const [deleted, setDeleted] = useState<Claim[]>([]);

  const load = useCallback(async (documentId: number): Promise<Result<Claim[]>> => {
    const result = await call('claims:list', { documentId, includeDeleted: true });
    if (result.ok) {
      setClaims(result.value.filter((c) => c.deletedAt === null));
      setDeleted(result.value.filter((c) => c.deletedAt !== null));
    }
    return result;
  }, []);

  const replace = useCallback((claim: Claim) => {
    const live = claim.deletedAt === null;
    setClaims((list) => (live ? [...list.filter((c) => c.id !== claim.id), claim] : list.filter((c) => c.id !== claim.id)));
    setDeleted((list) => (live ? list.filter((c) => c.id !== claim.id) : [claim, ...list.filter((c) => c.id !== claim.id)]));
  }, []);

  const apply = useCallback(
    async (result: Promise<Result<Claim>>): Promise<Result<Claim>> => {
      const r = await result;
      if (r.ok) replace(r.value);
      return r;
    },
    [replace],
  );

  return {
    claims,
    deleted,
    load,
    create: (documentId: number, anchor: TextAnchor, input: ClaimInput) => apply(call('claims:create', { documentId, anchor, input })),
    update: (id: number, input: ClaimInput) => apply(call('claims:update', { id, input })),
    remove: (id: number) => apply(call('claims:delete', { id })),
    restore: (id: number) => apply(call('claims:restore', { id })),
    clear: useCallback(() => {
      setClaims([]);
      setDeleted([]);
    }, []),
  };
}
