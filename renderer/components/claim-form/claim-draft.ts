/**
 * The claim form's working copy, and its conversion to and from the contract's shapes. Pure:
 * the form component holds a `ClaimDraft` in state; `draftFromClaim` fills it for editing and
 * `inputFromDraft` turns it into the `ClaimInput` main validates.
 *
 * A source or speaker in the draft is either one from the library (by id) or a new one typed
 * in the form; new ones are created by main in the same transaction as the claim.
 */
import type {
  AttributionKind,
  Claim,
  ClaimInput,
  ClaimStatus,
  ClaimType,
  HopRole,
  Reliability,
  SourceRole,
  SourceSummary,
  SourceType,
  SpeakerKind,
  Verdict,
} from '../../../shared/domain';

let keys = 0;
/** A key for a new row, unique within this window. */
export const nextKey = () => ++keys;

export type SourceChoice =
  | { readonly kind: 'existing'; readonly source: SourceSummary }
  | { readonly kind: 'new'; readonly title: string; readonly type: SourceType; readonly url: string; readonly reliability: Reliability };

export interface SourceDraft {
  readonly key: number;
  readonly choice: SourceChoice;
  readonly role: SourceRole;
  readonly pinpoint: string;
}

export type SpeakerChoice =
  | { readonly kind: 'existing'; readonly speaker: { readonly id: number; readonly name: string; readonly kind: SpeakerKind } }
  | { readonly kind: 'new'; readonly name: string; readonly speakerKind: SpeakerKind };

export interface HopDraft {
  readonly key: number;
  readonly choice: SpeakerChoice;
  readonly role: HopRole;
  readonly reliability: Reliability;
}

export interface ClaimDraft {
  readonly sources: readonly SourceDraft[];
  readonly attributionKind: AttributionKind;
  readonly chain: readonly HopDraft[];
  readonly claimType: ClaimType | null;
  readonly verdictId: number;
  readonly confidence: number;
  readonly rationale: string;
  readonly status: ClaimStatus;
  readonly note: string;
  readonly tagIds: readonly number[];
  readonly newTags: readonly string[];
}

/** The default verdict for a new claim: "Unproven" on the default scale, else the first. */
export function defaultVerdictId(verdicts: readonly Verdict[]): number {
  return (verdicts.find((v) => v.key === 'unproven') ?? verdicts[0])?.id ?? 0;
}

/** An empty draft for a new claim. */
export function emptyDraft(verdicts: readonly Verdict[]): ClaimDraft {
  return {
    sources: [],
    attributionKind: 'according-to',
    chain: [],
    claimType: null,
    verdictId: defaultVerdictId(verdicts),
    confidence: 50,
    rationale: '',
    status: 'open',
    note: '',
    tagIds: [],
    newTags: [],
  };
}

/** A draft holding a stored claim, for editing. */
export function draftFromClaim(claim: Claim): ClaimDraft {
  return {
    sources: claim.sources.map((link) => ({ key: nextKey(), choice: { kind: 'existing', source: link.source }, role: link.role, pinpoint: link.pinpoint ?? '' })),
    attributionKind: claim.attribution.kind,
    chain: claim.attribution.chain.map((hop) => ({ key: nextKey(), choice: { kind: 'existing', speaker: hop.speaker }, role: hop.role, reliability: hop.reliability })),
    claimType: claim.claimType,
    verdictId: claim.verdictId,
    confidence: claim.confidence,
    rationale: claim.rationale ?? '',
    status: claim.status,
    note: claim.note ?? '',
    tagIds: [...claim.tagIds],
    newTags: [],
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** Today's date as YYYY-MM-DD (the default "accessed" date of a source typed in the form). */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The contract's input for a draft. */
export function inputFromDraft(draft: ClaimDraft): ClaimInput {
  return {
    sources: draft.sources.map((s) => ({
      source:
        s.choice.kind === 'existing'
          ? { sourceId: s.choice.source.id }
          : {
              newSource: {
                type: s.choice.type,
                title: s.choice.title.trim(),
                publisher: null,
                authors: [],
                issued: null,
                accessed: s.choice.url.trim() === '' ? null : today(),
                url: orNull(s.choice.url),
                language: null,
                notes: null,
                reliability: s.choice.reliability,
                reliabilityReason: null,
                confidential: false,
              },
            },
      role: s.role,
      pinpoint: orNull(s.pinpoint),
    })),
    attribution: {
      kind: draft.attributionKind,
      chain: draft.chain.map((h) => ({
        speaker:
          h.choice.kind === 'existing'
            ? { speakerId: h.choice.speaker.id }
            : { newSpeaker: { kind: h.choice.speakerKind, name: h.choice.name.trim(), role: null, affiliation: null, externalId: null } },
        role: h.role,
        reliability: h.reliability,
      })),
    },
    claimType: draft.claimType,
    verdictId: draft.verdictId,
    confidence: draft.confidence,
    rationale: orNull(draft.rationale),
    status: draft.status,
    note: orNull(draft.note),
    tagIds: [...draft.tagIds],
    newTags: [...draft.newTags],
  };
}

/** A one-line summary of an attribution chain: "Interior ministry → State TV → Wire agency". */
export function chainSummary(names: readonly string[]): string {
  return names.filter((n) => n.trim() !== '').join(' → ');
}
