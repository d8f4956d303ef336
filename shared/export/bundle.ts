/**
 * Everything an export of one document needs, gathered by main in one read and handed to the
 * pure formatters in this folder (HTML and Markdown reports, W3C Web Annotation, schema.org
 * ClaimReview, CSL-JSON, CSV). Formatters never touch the database or the file system.
 */
import type { Claim, DocumentRecord, Profile, Source, Speaker, Tag, Verdict } from '../domain';

/** What the user chose to include. Confidential material and internal notes are out unless asked for. */
export interface ExportOptions {
  /** Claim notes (internal working notes). */
  readonly includeNotes: boolean;
  /**
   * Sources marked confidential. Left out, they vanish from every claim and the bibliography;
   * the claims themselves stay (a verdict is the desk's own, whatever it rests on).
   */
  readonly includeConfidential: boolean;
}

/** The default: nothing internal, nothing confidential. */
export const PUBLIC_EXPORT: ExportOptions = { includeNotes: false, includeConfidential: false };

/** One document with its claims and every record they refer to. */
export interface ExportBundle {
  /** The desk's name, used as the author of reviews (schema.org) and the creator of annotations. */
  readonly desk: string;
  /** ISO-8601 time of the export. */
  readonly exportedAt: string;
  /** The application that produced the export, e.g. "Claimdesk 0.1.0". */
  readonly generator: string;
  readonly document: DocumentRecord;
  /** Live claims of the document, in reading order (shared/domain/reading-order.ts). */
  readonly claims: readonly Claim[];
  /** The project's verdict scale, in order (best first as the user arranged it). */
  readonly verdicts: readonly Verdict[];
  /** Every source the claims cite (confidential ones included; formatters filter by options). */
  readonly sources: readonly Source[];
  readonly speakers: readonly Speaker[];
  readonly tags: readonly Tag[];
  /** Profiles that created or changed the claims. */
  readonly profiles: readonly Profile[];
  readonly options: ExportOptions;
}
