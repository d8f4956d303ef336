/** `claimdesk claims`: the claims of a document in reading order, numbered as in its report. */
import type { Database } from 'better-sqlite3';
import type { Claim, Tag, Verdict } from '../../shared/domain';
import { filterClaims, listTags, listVerdicts } from '../store';
import type { ClaimsArgs } from './arguments';
import { numberClaims, selectionFilter, tagPath } from './claim-selection';
import type { CliIo } from './cli-io';
import { requireDocument } from './project-document';
import { withProject } from './read-project';
import { formatTable } from './text-table';

/** A claim as `--json` prints it. Notes and sources are left out: they may be internal or confidential. */
export interface ClaimListing {
  readonly number: number;
  readonly id: number;
  readonly quote: string;
  /** Offsets in the document's plain text (UTF-16 code units). */
  readonly start: number;
  readonly end: number;
  readonly verdict: { readonly key: string; readonly label: string } | null;
  readonly confidence: number;
  readonly status: Claim['status'];
  readonly claimType: Claim['claimType'];
  readonly attribution: Claim['attribution']['kind'];
  /** The attribution chain, original speaker first. */
  readonly speakers: readonly { readonly name: string; readonly role: string }[];
  /** Tag paths, e.g. "Casualties › Deaths". */
  readonly tags: readonly string[];
  readonly rationale: string | null;
}

/** Prints the claims of document `args.doc` as a table, or as JSON with `args.json`. */
export function claimsCommand(args: ClaimsArgs, io: CliIo): void {
  const { listing, filtered } = withProject(args.project, (db) =>
    db.transaction(() => {
      requireDocument(db, args.doc, args.project);
      const filter = selectionFilter(db, args);
      const claims = filterClaims(db, { ...filter, documentId: args.doc, deleted: false });
      return { listing: claimListing(db, claims), filtered: filter !== undefined };
    })(),
  );
  io.stdout.write(args.json ? `${JSON.stringify(listing, null, 2)}\n` : claimsTable(listing, filtered));
}

function claimListing(db: Database, claims: readonly Claim[]): ClaimListing[] {
  const verdicts = new Map<number, Verdict>(listVerdicts(db).map((v) => [v.id, v]));
  const tags = new Map<number, Tag>(listTags(db).map((t) => [t.id, t]));
  return numberClaims(claims).map(({ number, claim }) => {
    const verdict = verdicts.get(claim.verdictId);
    return {
      number,
      id: claim.id,
      quote: claim.anchor.exact,
      start: claim.anchor.start,
      end: claim.anchor.end,
      verdict: verdict === undefined ? null : { key: verdict.key, label: verdict.label },
      confidence: claim.confidence,
      status: claim.status,
      claimType: claim.claimType,
      attribution: claim.attribution.kind,
      speakers: claim.attribution.chain.map((hop) => ({ name: hop.speaker.name, role: hop.role })),
      tags: claim.tagIds.flatMap((id) => {
        const tag = tags.get(id);
        return tag === undefined ? [] : [tagPath(tag)];
      }),
      rationale: claim.rationale,
    };
  });
}

function claimsTable(claims: readonly ClaimListing[], filtered: boolean): string {
  if (claims.length === 0) return filtered ? 'No claims of this document match.\n' : 'No claims in this document.\n';
  return formatTable(
    [
      { heading: '#', right: true },
      { heading: 'VERDICT', max: 24 },
      { heading: 'CONF', right: true },
      { heading: 'SPEAKER', max: 28 },
      { heading: 'TAGS', max: 32 },
      { heading: 'QUOTE', max: 90 },
    ],
    claims.map((c) => [
      String(c.number),
      c.verdict?.label ?? '—',
      `${c.confidence}%`,
      c.speakers[0]?.name ?? '—',
      c.tags.join(', ') || '—',
      c.quote,
    ]),
  );
}
