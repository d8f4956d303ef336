/**
 * Gathers everything an export of one document needs, in one read transaction, so the pure
 * formatters in shared/export see a consistent snapshot.
 */
import type { Database } from 'better-sqlite3';
import type { ExportBundle, ExportOptions } from '../../shared/export/bundle';
import type { ClaimFilter, Source } from '../../shared/domain';
import { getDocument, getSource, listProfiles, listSpeakers, listTags, listVerdicts } from '../store';
import { exportSelection } from '../store/export-selection';

/**
 * The export bundle of document `documentId`: its live claims, the verdict scale, the sources
 * the claims cite (confidential ones included — formatters filter by `options`), the speakers
 * of their attribution chains, their tags (with ancestors) and the profiles that created them.
 * `meta.now` (ISO-8601) defaults to the current time. With `meta.filter`, only the live claims
 * of the document that match it are exported (the filters the user has on screen).
 * AppError('not-found') for no such document.
 */
export function gatherBundle(
  db: Database,
  documentId: number,
  options: ExportOptions,
  meta: { desk: string; generator: string; now?: string; filter?: ClaimFilter },
): ExportBundle {
  return db.transaction((): ExportBundle => {
    const document = getDocument(db, documentId);
    // Every format numbers the claims as the claims panel does.
    const claims = exportSelection(db, documentId, meta.filter);

    const sourceIds = new Set(claims.flatMap((c) => c.sources.map((link) => link.source.id)));
    const sources: Source[] = [...sourceIds].sort((a, b) => a - b).map((id) => getSource(db, id));

    const speakerIds = new Set(claims.flatMap((c) => c.attribution.chain.map((hop) => hop.speaker.id)));
    const speakers = listSpeakers(db, { includeDeleted: true }).filter((s) => speakerIds.has(s.id));

    const allTags = listTags(db);
    const tagById = new Map(allTags.map((t) => [t.id, t]));
    const tagIds = new Set<number>();
    for (const id of claims.flatMap((c) => c.tagIds)) {
      // A tag's ancestors come along so its path can be shown or exported as a hierarchy.
      for (let tag = tagById.get(id); tag !== undefined && !tagIds.has(tag.id); ) {
        tagIds.add(tag.id);
        tag = tag.parentId === null ? undefined : tagById.get(tag.parentId);
      }
    }
    const tags = allTags.filter((t) => tagIds.has(t.id));

    const authorIds = new Set(claims.map((c) => c.createdBy));
    const profiles = listProfiles(db).filter((p) => authorIds.has(p.id));

    return {
      desk: meta.desk,
      exportedAt: meta.now ?? new Date().toISOString(),
      generator: meta.generator,
      document,
      claims,
      verdicts: listVerdicts(db),
      sources,
      speakers,
      tags,
      profiles,
      options,
    };
  })();
}
