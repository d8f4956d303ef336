/**
 * Archived copies of sources: files (a PDF, a saved page, a screenshot) stored inside the
 * project with their size and SHA-256. The hash is checked every time a file is read back, so
 * a copy damaged on disk is reported rather than shown. Adding and deleting an attachment are
 * changes to its source (the `attachmentIds` of its record form); a deleted attachment stays
 * in the project, so the delete can be undone from the history.
 */
import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { MAX_ATTACHMENT_BYTES, type Attachment } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { getActor } from './actor';
import { ATTACHMENT_COLUMNS, findAttachment, toAttachment } from './attachment-rows';
import { recordDiff } from './history-log';
import { sourceHistory, sourceRow } from './source-record';
import { invalid, nowIso, requiredText } from './validate';

/** A file to archive with a source. */
export interface AttachmentFile {
  readonly fileName: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

/**
 * Archives `file` with live source `sourceId`. AppError 'not-found' (no such source),
 * 'invalid-argument' (source in the bin, no file name), 'bad-file' (empty), 'too-large'
 * (over MAX_ATTACHMENT_BYTES).
 */
export function addAttachment(db: Database, sourceId: number, file: AttachmentFile): Attachment {
  const fileName = requiredText(file.fileName?.split(/[\\/]/u).pop(), 'The file has no name.');
  const mediaType = requiredText(file.mediaType, `The type of "${fileName}" is unknown.`);
  if (!(file.bytes instanceof Uint8Array)) invalid(`"${fileName}" has no content.`);
  if (file.bytes.byteLength === 0) throw new AppError('bad-file', `"${fileName}" is empty; there is nothing to archive.`);
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    const limit = Math.round(MAX_ATTACHMENT_BYTES / (1024 * 1024));
    throw new AppError('too-large', `"${fileName}" is larger than ${limit} MB; archive a smaller copy.`);
  }
  const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  return db.transaction(() => {
    const source = sourceRow(db, sourceId);
    if (source.deleted_at !== null) invalid(`The source "${source.title}" is in the bin; restore it first.`);
    const before = sourceHistory.snapshot(db, sourceId);
    const id = db
      .prepare<unknown[], number>(
        `INSERT INTO source_attachments (source_id, file_name, media_type, size, sha256, data, added_at, added_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .pluck()
      .get(sourceId, fileName, mediaType, bytes.byteLength, sha256, bytes, nowIso(), getActor(db)) as number;
    recordDiff(db, 'source', sourceId, before, sourceHistory.snapshot(db, sourceId));
    return findAttachment(db, id) as Attachment;
  })();
}

/**
 * An attachment and its bytes. AppError 'not-found', or 'damaged' when the bytes no longer
 * match the SHA-256 (or size) recorded when the file was added.
 */
export function readAttachment(db: Database, id: number): { attachment: Attachment; bytes: Uint8Array } {
  const row = db
    .prepare<[number], Parameters<typeof toAttachment>[0] & { data: Buffer }>(
      `SELECT ${ATTACHMENT_COLUMNS}, data FROM source_attachments WHERE id = ? AND deleted_at IS NULL`,
    )
    .get(id);
  if (row === undefined) throw new AppError('not-found', 'This archived file does not exist (it may have been deleted).');
  const attachment = toAttachment(row);
  const bytes = Buffer.isBuffer(row.data) ? row.data : Buffer.alloc(0);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== attachment.sha256 || bytes.byteLength !== attachment.size) {
    throw new AppError(
      'damaged',
      `The archived copy of "${attachment.fileName}" is damaged: its checksum does not match the one recorded when it was added.`,
    );
  }
  return { attachment, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

/**
 * Deletes an attachment from its source (undoable from the source's history) and returns the
 * source's id. AppError('not-found').
 */
export function deleteAttachment(db: Database, id: number): number {
  return db.transaction(() => {
    const attachment = findAttachment(db, id);
    if (attachment === undefined) {
      throw new AppError('not-found', 'This archived file does not exist (it may have been deleted).');
    }
    const before = sourceHistory.snapshot(db, attachment.sourceId);
    db.prepare('UPDATE source_attachments SET deleted_at = ? WHERE id = ?').run(nowIso(), id);
    recordDiff(db, 'source', attachment.sourceId, before, sourceHistory.snapshot(db, attachment.sourceId));
    return attachment.sourceId;
  })();
}
