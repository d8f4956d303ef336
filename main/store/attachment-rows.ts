/**
 * Attachment rows and their mapping; the bytes are never selected here (see attachments.ts).
 */
import type { Database } from 'better-sqlite3';
import type { Attachment } from '../../shared/domain';

interface AttachmentRow {
  id: number;
  source_id: number;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  added_at: string;
}

/** Columns of an attachment without its bytes. */
export const ATTACHMENT_COLUMNS = 'id, source_id, file_name, media_type, size, sha256, added_at';

/** Maps a row selected with ATTACHMENT_COLUMNS. */
export function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    sourceId: row.source_id,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
    addedAt: row.added_at,
  };
}

/** The live attachments of the given sources, in one query: source id → attachments in order added. */
export function attachmentsOf(db: Database, sourceIds: readonly number[]): Map<number, Attachment[]> {
  const rows = db
    .prepare<[string], AttachmentRow>(
      `SELECT ${ATTACHMENT_COLUMNS} FROM source_attachments
       WHERE source_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL ORDER BY id`,
    )
    .all(JSON.stringify(sourceIds));
  const bySource = new Map<number, Attachment[]>();
  for (const row of rows) {
    const list = bySource.get(row.source_id) ?? [];
    list.push(toAttachment(row));
    bySource.set(row.source_id, list);
  }
  return bySource;
}

/** One live attachment row, or undefined. */
export function findAttachment(db: Database, id: number): Attachment | undefined {
  const row = db
    .prepare<[number], AttachmentRow>(`SELECT ${ATTACHMENT_COLUMNS} FROM source_attachments WHERE id = ? AND deleted_at IS NULL`)
    .get(id);
  return row === undefined ? undefined : toAttachment(row);
}
