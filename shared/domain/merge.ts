/**
 * Review packages and their merges. A reviewer working in a copy of the project exports a
 * review package — what they did there: votes, comments, claims they created, edits of claim
 * fields — and the desk merges it into the master project.
 *
 * Everything in a package is found again by identity, never by row id: sessions, votes,
 * comments and claims by their random uid, people by profile uid, verdicts by key, articles by
 * the SHA-256 of their plain text, tags by path, sources and speakers by their identifying
 * fields. An edit carries the value the field had before the reviewer first changed it (the
 * base) and its value in their copy (theirs); merged against the value here (ours), it is
 * applied when ours is still the base, left alone when ours already equals theirs, and kept as
 * a conflict, side by side, otherwise — never overwritten.
 */
import type { AttributionKind, HopRole, SpeakerFields } from './speaker';
import type { ClaimStatus, ClaimType, SourceRole, TextAnchor } from './claim';
import type { Reliability, SourceFields } from './source';
import type { ConflictResolution } from './review';

/** The `format` field of every review package. */
export const PACKAGE_FORMAT = 'claimdesk-review-package';
/** The package version this build writes and the newest it reads. */
export const PACKAGE_VERSION = 1;
/** The extension of a review package file (no dot). */
export const PACKAGE_EXTENSION = 'claimdesk-review';
/** The largest package file merged. */
export const MAX_PACKAGE_BYTES = 50 * 1024 * 1024;

/** The claim fields whose edits a package carries and a merge applies. */
export const MERGE_FIELDS = ['verdict', 'confidence', 'rationale', 'note', 'status', 'claimType'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** Labels shown to users for each merged field (and for a vote met by another vote). */
export const MERGE_FIELD_LABELS: Record<MergeField | 'vote', string> = {
  verdict: 'Verdict',
  confidence: 'Confidence',
  rationale: 'Rationale',
  note: 'Note',
  status: 'Status',
  claimType: 'Claim type',
  vote: 'Vote',
};

/** A person as a package names them: their profile uid travels from desk to desk. */
export interface PackagePerson {
  readonly uid: string;
  readonly name: string;
  readonly initials: string;
  readonly color: string;
}

/** A review session named by the package's votes or comments. */
export interface PackageSession {
  readonly uid: string;
  readonly title: string;
  readonly blind: boolean;
  readonly lead: PackagePerson;
  readonly createdAt: string;
  readonly closedAt: string | null;
  /** The session's queue, in order. */
  readonly claimUids: readonly string[];
}

/** A vote the package's author cast. */
export interface PackageVote {
  readonly uid: string;
  readonly sessionUid: string;
  readonly claimUid: string;
  readonly verdictKey: string;
  readonly confidence: number;
  readonly comment: string | null;
  readonly castAt: string;
  /**
   * The vote as first cast (from the history), when known: a vote changed in the copy keeps
   * its uid, so the merge compares the vote here with this to tell "behind" from "changed".
   */
  readonly base: { readonly verdictKey: string; readonly confidence: number; readonly comment: string | null } | null;
}

/** A comment the package's author wrote. */
export interface PackageComment {
  readonly uid: string;
  readonly claimUid: string;
  readonly sessionUid: string | null;
  readonly body: string;
  readonly createdAt: string;
}

/** A claim the package's author created, with everything it links to named by identity. */
export interface PackageClaim {
  readonly uid: string;
  /** The article: SHA-256 (hex) of its plain text, and its title (for messages). */
  readonly document: { readonly sha256: string; readonly title: string };
  readonly anchor: TextAnchor;
  readonly verdictKey: string;
  readonly confidence: number;
  readonly rationale: string | null;
  readonly note: string | null;
  readonly status: ClaimStatus;
  readonly claimType: ClaimType | null;
  readonly attribution: {
    readonly kind: AttributionKind;
    readonly chain: readonly { readonly speaker: SpeakerFields; readonly role: HopRole; readonly reliability: Reliability }[];
  };
  readonly sources: readonly { readonly source: SourceFields; readonly role: SourceRole; readonly pinpoint: string | null }[];
  /** Tag paths from the root, e.g. [["Casualties", "Deaths"]]. */
  readonly tags: readonly (readonly string[])[];
}

/** A value of a merged field as a package writes it: a verdict by key, the others as stored. */
export type FieldValue = string | number | null;

/** An edit of a claim field the package's author made. */
export interface PackageEdit {
  readonly claimUid: string;
  readonly field: MergeField;
  /** The value before their first change of the field. */
  readonly base: FieldValue;
  /** The value in their copy when the package was made. */
  readonly theirs: FieldValue;
  /**
   * Their changes of the field, oldest first: the history entry (id and time) and the value
   * before it. Entries the project has too were made before the copy was taken; the base is
   * the value before their first change the project does not have.
   */
  readonly changes: readonly { readonly historyId: number; readonly at: string; readonly before: FieldValue }[];
}

/**
 * An edit the package reports but a merge does not apply (a claim's sources, attribution,
 * tags, anchor or links): described in words so the desk can redo it by hand.
 */
export interface PackageNote {
  readonly claimUid: string;
  readonly field: string;
  readonly description: string;
}

/** A review package, as written to a `.claimdesk-review` file (JSON). */
export interface ReviewPackage {
  readonly format: typeof PACKAGE_FORMAT;
  readonly version: number;
  readonly uid: string;
  readonly madeAt: string;
  readonly madeBy: PackagePerson;
  readonly generator: string;
  readonly sessions: readonly PackageSession[];
  readonly votes: readonly PackageVote[];
  readonly comments: readonly PackageComment[];
  readonly newClaims: readonly PackageClaim[];
  readonly edits: readonly PackageEdit[];
  readonly notCarried: readonly PackageNote[];
}

/** How much of each kind a package holds, or a merge brought in. */
export interface PackageCounts {
  readonly sessions: number;
  readonly votes: number;
  readonly comments: number;
  readonly claims: number;
  readonly edits: number;
}

/** What exporting a package wrote. */
export interface PackageExportResult {
  readonly path: string;
  readonly counts: PackageCounts;
}

/** Something of a package that could not be merged, and why. */
export interface NotMerged {
  /** What it is, in words ("Vote on “14 people were killed”"). */
  readonly what: string;
  readonly reason: string;
}

/** What a merge did. */
export interface MergeReport {
  /** The merge recorded, or null when the package changed nothing. */
  readonly mergeId: number | null;
  /** The history entry that undoes the merge, or null. */
  readonly historyEntryId: number | null;
  /** True when this very package is already merged (and its merge not undone): nothing was done. */
  readonly alreadyMerged: boolean;
  readonly packageUid: string;
  readonly fileName: string | null;
  readonly madeBy: PackagePerson;
  readonly madeAt: string;
  /** What was added or applied. */
  readonly merged: PackageCounts;
  /** Items already here (same uid, or the same value), left alone. */
  readonly alreadyHere: number;
  /** Edits (and votes) that met a different change here: kept side by side for the desk. */
  readonly conflicts: number;
  readonly notMerged: readonly NotMerged[];
}

/** A conflict as the desk sees it, values in words. */
export interface MergeConflict {
  readonly id: number;
  readonly mergeId: number;
  readonly claimId: number;
  /** The claim's quote, and its article. */
  readonly claimExact: string;
  readonly documentTitle: string;
  readonly field: MergeField | 'vote';
  /** The value before either side changed it, when known. */
  readonly base: string | null;
  readonly ours: string;
  readonly theirs: string;
  readonly resolution: ConflictResolution | null;
  readonly resolvedAt: string | null;
}

/** A merge as listed. */
export interface MergeSummary {
  readonly id: number;
  readonly packageUid: string;
  readonly fileName: string | null;
  readonly madeBy: string;
  readonly madeAt: string;
  readonly mergedAt: string;
  readonly merged: PackageCounts;
  readonly alreadyHere: number;
  readonly notMerged: readonly NotMerged[];
  readonly conflictCount: number;
  readonly openConflicts: number;
  /** The history entry to undo to undo the whole merge; null once undone. */
  readonly historyEntryId: number | null;
}
