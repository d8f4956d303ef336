/**
 * The IPC contract: for each channel, its argument validator and its result type.
 *
 * Main validates every argument with these schemas before a handler runs (see
 * `main/ipc/dispatcher.ts`); its handler table is checked against `Handlers` at compile time.
 * The preload and the test harness build `window.api` from `CHANNELS` (see `client.ts`).
 */
import { z } from 'zod';
import {
  MAX_ARTICLE_CHARS,
  MAX_ATTACHMENT_BYTES,
  MAX_IMPORT_BYTES,
  VERSION_ACTIONS,
  GATE_PROBLEMS,
  MAX_OVERRIDE_REASON,
  type AnnotationImportReport,
  type Attachment,
  type Claim,
  type DocumentRecord,
  type DocumentSummary,
  type GateReport,
  type HistoryEntry,
  type Profile,
  type PublicationOverride,
  type ReviewComment,
  type ReviewItem,
  type ReviewSession,
  type ReviewSessionDetail,
  type ReviewVote,
  type SearchResults,
  type Source,
  type Speaker,
  type Tag,
  type Verdict,
  type VersionChange,
  type VersionComparison,
  type VersionLinkReport,
} from '../domain';
import { CONFLICT_RESOLUTIONS, MAX_PACKAGE_BYTES, type MergeConflict, type MergeReport, type MergeSummary, type PackageExportResult } from '../domain';
import { EXPORT_FORMATS, type ExportFormat } from '../export/formats';
import type { Channel } from './channels';
import { TASK_ID_PATTERN } from './task-progress';
import { BACKUP_NAME_PATTERN, type BackupList, type ProjectFileStatus, type RestoreResult } from './project-file';
import { bytesUpTo, fileName, id, none } from './schemas/common';
import {
  claimFilterSchema,
  claimInputSchema,
  decisionInputSchema,
  newReviewSessionSchema,
  voteInputSchema,
  documentMetaPatchSchema,
  historyQuerySchema,
  profileFieldsSchema,
  sourceFieldsSchema,
  sourceListSchema,
  speakerFieldsSchema,
  tagFieldsSchema,
  textAnchorSchema,
  verdictFieldsSchema,
} from './schemas/record';

const byId = z.object({ id }).strict();
/** A WHATWG encoding label such as "windows-1252"; main checks it names an encoding. */
const encodingLabel = z.string().regex(/^[A-Za-z0-9._:-]{1,40}$/, 'an encoding name');
const merge = z.object({ keepId: id, mergeId: id }).strict().refine((m) => m.keepId !== m.mergeId, { message: 'choose two different records to merge' });
const moveClaimsTo = z.union([id, z.null()]);

/** Argument validators, one per channel. */
export const argSchemas = {
  'project:info': none,
  'profiles:list': none,
  'profiles:current': none,
  'profiles:create': z.object({ fields: profileFieldsSchema }).strict(),
  'profiles:switch': byId,
  'documents:list': none,
  'documents:get': byId,
  'documents:importText': z.object({ text: z.string().max(MAX_ARTICLE_CHARS, 'the pasted text is too long'), fileName }).strict(),
  'documents:importBytes': z.object({ bytes: bytesUpTo(MAX_IMPORT_BYTES), fileName, encoding: encodingLabel.optional() }).strict(),
  'documents:importDialog': z.object({ taskId: z.string().regex(TASK_ID_PATTERN, 'a task id of letters, digits and dashes') }).strict(),
  'documents:importHtml': z.object({ html: z.string().max(MAX_IMPORT_BYTES, 'the pasted text is too long'), title: z.union([z.string().max(300), z.null()]) }).strict(),
  'documents:importPending': z.object({ token: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a file token'), encoding: encodingLabel }).strict(),
  'documents:openSample': none,
  'documents:updateMeta': z.object({ id, meta: documentMetaPatchSchema }).strict(),
  'verdicts:list': none,
  'verdicts:create': z.object({ fields: verdictFieldsSchema }).strict(),
  'verdicts:update': z.object({ id, fields: verdictFieldsSchema }).strict(),
  'verdicts:reorder': z.object({ ids: z.array(id).min(1).max(100).readonly() }).strict(),
  'verdicts:delete': z.object({ id, moveClaimsTo }).strict(),
  'claims:list': z.object({ documentId: id, includeDeleted: z.boolean().optional() }).strict(),
  'claims:filter': z.object({ filter: claimFilterSchema }).strict(),
  'claims:create': z.object({ documentId: id, anchor: textAnchorSchema, input: claimInputSchema }).strict(),
  'claims:update': z.object({ id, input: claimInputSchema }).strict(),
  'claims:delete': byId,
  'claims:restore': byId,
  'claims:link': z.object({ id, withId: id }).strict(),
  'claims:unlink': byId,
  'claims:linked': byId,
  'claims:reattach': z.object({ id, anchor: textAnchorSchema }).strict(),
  'sources:list': sourceListSchema,
  'sources:get': byId,
  'sources:create': z.object({ fields: sourceFieldsSchema }).strict(),
  'sources:update': z.object({ id, fields: sourceFieldsSchema }).strict(),
  'sources:delete': byId,
  'sources:restore': byId,
  'sources:merge': merge,
  'sources:claims': byId,
  'attachments:addBytes': z.object({ sourceId: id, bytes: bytesUpTo(MAX_ATTACHMENT_BYTES), fileName: z.string().trim().min(1).max(255) }).strict(),
  'attachments:addDialog': z.object({ sourceId: id }).strict(),
  'attachments:open': byId,
  'links:open': z.object({ url: z.string().max(4096) }).strict(),
  'attachments:delete': byId,
  'speakers:list': z.object({ query: z.string().max(200).optional(), includeDeleted: z.boolean().optional() }).strict(),
  'speakers:create': z.object({ fields: speakerFieldsSchema }).strict(),
  'speakers:update': z.object({ id, fields: speakerFieldsSchema }).strict(),
  'speakers:delete': byId,
  'speakers:restore': byId,
  'speakers:merge': merge,
  'tags:list': none,
  'tags:create': z.object({ fields: tagFieldsSchema }).strict(),
  'tags:update': z.object({ id, name: tagFieldsSchema.shape.name, color: tagFieldsSchema.shape.color }).strict(),
  'tags:move': z.object({ id, parentId: z.union([id, z.null()]) }).strict(),
  'tags:merge': merge,
  'tags:delete': z.object({ id, moveClaimsTo }).strict(),
  'search:query': z.object({ text: z.string().max(500), limit: z.number().int().min(1).max(500).optional() }).strict(),
  'history:list': historyQuerySchema,
  'history:undo': z.object({ entryId: id }).strict(),
  'export:save': z
    .object({
      documentId: id,
      format: z.enum(EXPORT_FORMATS),
      options: z.object({ includeNotes: z.boolean(), includeConfidential: z.boolean() }).strict(),
      filter: claimFilterSchema.optional(),
      /** A final report: main refuses it while the publication gate finds problems not overridden. */
      final: z.boolean().optional(),
      taskId: z.string().regex(TASK_ID_PATTERN, 'a task id of letters, digits and dashes'),
    })
    .strict(),
  'annotations:importDialog': z.object({ documentId: id }).strict(),
  'annotations:importBytes': z.object({ documentId: id, bytes: bytesUpTo(MAX_IMPORT_BYTES), fileName: z.string().trim().min(1).max(255) }).strict(),
  'versions:list': z.object({ documentId: id }).strict(),
  'versions:candidate': z.object({ documentId: id }).strict(),
  'versions:link': z.object({ documentId: id, previousId: id }).strict().refine((l) => l.documentId !== l.previousId, { message: 'a document cannot be a new version of itself' }),
  'versions:keepSeparate': z.object({ documentId: id }).strict(),
  'versions:queue': z.object({ documentId: id }).strict(),
  'versions:resolve': z.object({ rowId: id, action: z.enum(VERSION_ACTIONS) }).strict(),
  'versions:reattach': z.object({ rowId: id, anchor: textAnchorSchema }).strict(),
  'versions:compare': z.object({ fromId: id, toId: id }).strict(),
  // Review sessions, votes, sign-off, discussion.
  'review:sessions': none,
  'review:create': z.object({ input: newReviewSessionSchema }).strict(),
  'review:detail': byId,
  'review:vote': z.object({ sessionId: id, claimId: id, vote: voteInputSchema }).strict(),
  'review:withdraw': z.object({ sessionId: id, claimId: id }).strict(),
  'review:decide': z.object({ sessionId: id, claimId: id, decision: decisionInputSchema }).strict(),
  'review:move': z.object({ sessionId: id, claimId: id, delta: z.union([z.literal(-1), z.literal(1)]) }).strict(),
  'review:close': byId,
  'review:reopen': byId,
  'comments:list': z.object({ claimId: id }).strict(),
  'comments:add': z.object({ claimId: id, body: z.string().max(10_000, 'a comment is at most 10,000 characters'), sessionId: z.union([id, z.null()]) }).strict(),
  'comments:delete': byId,
  // Session minutes.
  'review:saveMinutes': z.object({ sessionId: id, format: z.enum(['markdown', 'pdf']) }).strict(),
  // The publication gate.
  'gate:check': z.object({ documentId: id, filter: claimFilterSchema.optional() }).strict(),
  'gate:override': z
    .object({ claimId: id, problem: z.enum(GATE_PROBLEMS), reason: z.string().max(MAX_OVERRIDE_REASON * 2, `a reason is at most ${MAX_OVERRIDE_REASON} characters`) })
    .strict(),
  'gate:withdrawOverride': byId,
  // Review packages and merges.
  'review:exportPackage': none,
  'review:importPackageDialog': none,
  'review:importPackageBytes': z.object({ bytes: bytesUpTo(MAX_PACKAGE_BYTES), fileName: z.string().trim().min(1).max(255) }).strict(),
  'review:merges': none,
  'review:conflicts': z.object({ mergeId: id.optional() }).strict(),
  'review:resolveConflict': z.object({ id, resolution: z.enum(CONFLICT_RESOLUTIONS) }).strict(),
  // The project file: copies, backups, recovery.
  'project:status': none,
  'project:backups': none,
  'project:saveCopy': none,
  'project:restoreBackup': z.object({ name: z.string().regex(BACKUP_NAME_PATTERN, 'the name of a backup') }).strict(),
} satisfies Record<Channel, z.ZodType>;

/** Information about the open project file. */
export interface ProjectInfo {
  readonly path: string;
  readonly name: string;
}

/** A file whose text is not UTF-8: the user confirms its encoding, seeing a preview. */
export interface EncodingQuestion {
  readonly fileName: string;
  /** The most likely encoding, and others worth offering (WHATWG labels). */
  readonly guess: string;
  readonly candidates: readonly string[];
  /** The start of the text decoded with the guess. */
  readonly preview: string;
  /** The first bytes of the file, so a preview can be shown for any candidate. */
  readonly sample: Uint8Array;
  /** For files main holds (picked in its dialog): what to pass to `documents:importPending`. */
  readonly token: string | null;
}

/** The outcome of importing one file. */
export type ImportOutcome =
  | { readonly status: 'imported'; readonly document: DocumentSummary; readonly warnings: readonly string[] }
  | ({ readonly status: 'needs-encoding' } & EncodingQuestion);

/** What a batch import did, file by file. */
export interface BatchImportReport {
  readonly imported: readonly { readonly fileName: string; readonly document: DocumentSummary; readonly warnings: readonly string[] }[];
  readonly refused: readonly { readonly fileName: string; readonly message: string }[];
  readonly needsEncoding: readonly EncodingQuestion[];
}

/** A finished export. */
export interface ExportResult {
  /** Where the file was written. */
  readonly path: string;
  readonly format: ExportFormat;
  /** How many claims it holds. */
  readonly claims: number;
  /** Its size in bytes. */
  readonly bytes: number;
}

/** Result types, one per channel. */
export interface Results {
  'project:info': ProjectInfo;
  'profiles:list': Profile[];
  /** null until the user has chosen who they are (first run). */
  'profiles:current': Profile | null;
  'profiles:create': Profile;
  'profiles:switch': Profile;
  'documents:list': DocumentSummary[];
  'documents:get': DocumentRecord;
  'documents:importText': DocumentSummary;
  'documents:importBytes': ImportOutcome;
  /** null when the user cancelled the dialog. */
  'documents:importDialog': BatchImportReport | null;
  'documents:importHtml': DocumentSummary;
  'documents:importPending': ImportOutcome;
  'documents:openSample': DocumentSummary;
  'documents:updateMeta': DocumentSummary;
  'verdicts:list': Verdict[];
  'verdicts:create': Verdict;
  'verdicts:update': Verdict;
  'verdicts:reorder': Verdict[];
  'verdicts:delete': Verdict[];
  'claims:list': Claim[];
  'claims:filter': Claim[];
  'claims:create': Claim;
  'claims:update': Claim;
  'claims:delete': Claim;
  'claims:restore': Claim;
  'claims:link': Claim;
  'claims:unlink': Claim;
  /** The other claims linked with it as the same claim. */
  'claims:linked': Claim[];
  /** The claim, attached to the new passage. */
  'claims:reattach': Claim;
  'sources:list': Source[];
  'sources:get': Source;
  'sources:create': Source;
  'sources:update': Source;
  'sources:delete': Source;
  'sources:restore': Source;
  'sources:merge': Source;
  'sources:claims': Claim[];
  'attachments:addBytes': Attachment;
  /** null when the user cancelled the dialog. */
  'attachments:addDialog': Attachment | null;
  /** The attachment that was opened (its checksum verified first). */
  'attachments:open': Attachment;
  /** The address handed to the user's browser or mail program. */
  'links:open': string;
  'attachments:delete': Source;
  'speakers:list': Speaker[];
  'speakers:create': Speaker;
  'speakers:update': Speaker;
  'speakers:delete': Speaker;
  'speakers:restore': Speaker;
  'speakers:merge': Speaker;
  'tags:list': Tag[];
  'tags:create': Tag;
  'tags:update': Tag;
  'tags:move': Tag;
  'tags:merge': Tag;
  'tags:delete': Tag[];
  'search:query': SearchResults;
  'history:list': HistoryEntry[];
  /** The entry recording the undo. */
  'history:undo': HistoryEntry;
  /** null when the user cancelled the save dialog. */
  'export:save': ExportResult | null;
  /** null when the user cancelled the dialog. */
  'annotations:importDialog': AnnotationImportReport | null;
  'annotations:importBytes': AnnotationImportReport;
  /** Every version of the document's series, oldest first. */
  'versions:list': DocumentSummary[];
  /** An earlier document this one looks like a new version of (same address), or null. */
  'versions:candidate': DocumentSummary | null;
  'versions:link': VersionLinkReport;
  /** The document, no longer offered as a new version of an earlier one. */
  'versions:keepSeparate': DocumentSummary;
  /** The changes queue of a version, resolved rows included. */
  'versions:queue': VersionChange[];
  /** The row, resolved (or reopened). */
  'versions:resolve': VersionChange;
  /** The row, its claim attached to the selected passage. */
  'versions:reattach': VersionChange;
  'versions:compare': VersionComparison;
  // Review sessions, votes, sign-off, discussion.
  'review:sessions': ReviewSession[];
  'review:create': ReviewSession;
  'review:detail': ReviewSessionDetail;
  'review:vote': ReviewVote;
  'review:withdraw': null;
  'review:decide': ReviewItem;
  'review:close': ReviewSession;
  /** The session, its queue reordered. */
  'review:move': ReviewSessionDetail;
  'review:reopen': ReviewSession;
  /** The claim's thread, oldest first. */
  'comments:list': ReviewComment[];
  'comments:add': ReviewComment;
  'comments:delete': null;
  // Session minutes.
  /** Where the minutes were saved and their size; null when the user cancelled the save dialog. */
  'review:saveMinutes': { readonly path: string; readonly bytes: number } | null;
  // The publication gate.
  /** The claims of the export with problems, each with its override, and whether a final report may go out. */
  'gate:check': GateReport;
  'gate:override': PublicationOverride;
  'gate:withdrawOverride': null;
  // Review packages and merges.
  /** null when the user cancelled the save dialog. */
  'review:exportPackage': PackageExportResult | null;
  /** null when the user cancelled the dialog. */
  'review:importPackageDialog': MergeReport | null;
  'review:importPackageBytes': MergeReport;
  /** The standing merges, newest first. */
  'review:merges': MergeSummary[];
  /** The conflicts of standing merges (of one, if asked), resolved ones included. */
  'review:conflicts': MergeConflict[];
  'review:resolveConflict': MergeConflict;
  // The project file: copies, backups, recovery.
  /** Read-only (damaged file), network share and backup warnings, for the window's banners. */
  'project:status': ProjectFileStatus;
  'project:backups': BackupList;
  /** Where the checked copy was saved and its size; null when the user cancelled the save dialog. */
  'project:saveCopy': { readonly path: string; readonly bytes: number } | null;
  /** The backup is in place; the replaced file is kept beside it under a new name. */
  'project:restoreBackup': RestoreResult;
}

/** What the renderer passes (before validation and defaults). */
export type ArgsIn<C extends Channel> = z.input<(typeof argSchemas)[C]>;
/** What a handler receives (after validation). */
export type ArgsOut<C extends Channel> = z.output<(typeof argSchemas)[C]>;

/** The table of main-side handlers; `main/ipc/handlers.ts` must satisfy it. */
export type Handlers = {
  [C in Channel]: (args: ArgsOut<C>) => Results[C] | Promise<Results[C]>;
};
