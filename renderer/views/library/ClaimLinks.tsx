/**
 * The claims that use a record (cite a source, are attributed to a speaker), as buttons that
 * open each claim in its document.
 */
import { useEffect, useId, useState } from 'react';
import type { Claim } from '../../../shared/domain';
import type { Result } from '../../../shared/result';
import type { ViewProps } from '../view-props';

interface Props {
  readonly heading: string;
  /** Loads the claims; called again when `version` changes. */
  readonly load: () => Promise<Result<Claim[]>>;
  readonly version: string;
  /** Extra words after the quote, e.g. the source's role in the claim. */
  readonly describe?: (claim: Claim) => string | null;
  readonly empty: string;
  readonly onOpenClaim: ViewProps['onOpenClaim'];
}

const QUOTE_CHARS = 120;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_CHARS ? `${flat.slice(0, QUOTE_CHARS - 1)}…` : flat;
}

/** A section listing claims as buttons. */
export function ClaimLinks({ heading, load, version, describe, empty, onOpenClaim }: Props) {
  const id = useId();
  const [claims, setClaims] = useState<Claim[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void load().then((result) => {
      if (!current) return;
      if (result.ok) {
        setClaims(result.value);
        setError(null);
      } else setError(`Could not read the claims: ${result.error.message}`);
    });
    return () => {
      current = false;
    };
    // `version` stands for everything that changes the answer.
  }, [version]);

  return (
    <section className="lib-section" aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {claims !== null && claims.length === 0 && <p className="hint">{empty}</p>}
      {claims !== null && claims.length > 0 && (
        <ul className="lib-claims">
          {claims.map((claim) => {
            const more = describe?.(claim);
            return (
              <li key={claim.id}>
                <button type="button" className="lib-claim" onClick={() => onOpenClaim({ id: claim.id, documentId: claim.documentId })}>
                  <span className="claim-quote">“{excerpt(claim.anchor.exact)}”</span>
                  {more && <span className="lib-item-meta">{more}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
