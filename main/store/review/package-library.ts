/**
 * Finding here what a review package names by identity — articles by the SHA-256 of their
 * plain text, verdicts by key, tags by path, sources and speakers by their fields — and
 * creating the tags, sources and speakers that are missing (each with its history entry, in
 * the merge's transaction). One per merge; it remembers what it found and made.
 *
 * A source is the live one with the same web address, else the same title and type; a
 * speaker the live one with the same external id, else the same name and kind (names
 * compared case-insensitively).
 */
import type { Database } from 'better-sqlite3';
import type { SourceFields, SpeakerFields } from '../../../shared/domain';
import { webUrlOrNull } from '../../../shared/export/web-annotation';
import { insertSource } from '../source-record';
import { insertSpeaker } from '../speaker-record';
import { insertTag } from '../tag-record';
import { listSources } from '../sources';
import { listSpeakers } from '../speakers';
import { listTags } from '../tags';
import { nameKey } from '../validate';
import { sha256 } from './package-export';

/** The project's records as one merge sees them. */
export interface PackageLibrary {
  /** The article whose plain text has this SHA-256 (the one titled `title` when several do), or null. */
  documentId(hash: string, title: string): { id: number; plainText: string } | null;
  /** The live verdict with `key`, or null. */
  verdictId(key: string): number | null;
  tagId(path: readonly string[]): number;
  sourceId(fields: SourceFields): number;
  speakerId(fields: SpeakerFields): number;
}

const pathKey = (path: readonly string[]) => path.map(nameKey).join('\u0000');

/** The library of `db` for one merge. Call inside its transaction. */
export function packageLibrary(db: Database): PackageLibrary {
  let documents: Map<string, { id: number; title: string; plainText: string }[]> | null = null;
  const verdicts = new Map(
    db.prepare<[], { key: string; id: number }>('SELECT key, id FROM verdicts WHERE retired_at IS NULL').all().map((v) => [v.key, v.id]),
  );
  const tags = new Map(listTags(db).map((t) => [pathKey(t.path), t.id]));
  const sourcesByUrl = new Map<string, number>();
  const sourcesByTitle = new Map<string, number>();
  const remember = (id: number, f: Pick<SourceFields, 'url' | 'title' | 'type'>) => {
    const url = webUrlOrNull(f.url);
    if (url !== null && !sourcesByUrl.has(url)) sourcesByUrl.set(url, id);
    const key = `${f.type}\u0000${nameKey(f.title)}`;
    if (!sourcesByTitle.has(key)) sourcesByTitle.set(key, id);
  };
  for (const s of listSources(db)) remember(s.id, s);
  const speakersById = new Map<string, number>();
  const speakersByName = new Map<string, number>();
  const rememberSpeaker = (id: number, f: SpeakerFields) => {
    if (f.externalId !== null && !speakersById.has(f.externalId)) speakersById.set(f.externalId, id);
    const key = `${f.kind}\u0000${nameKey(f.name)}`;
    if (!speakersByName.has(key)) speakersByName.set(key, id);
  };
  for (const s of listSpeakers(db)) rememberSpeaker(s.id, s);

  return {
    documentId(hash, title) {
      if (documents === null) {
        documents = new Map();
        for (const row of db.prepare<[], { id: number; title: string; plain_text: string }>('SELECT id, title, plain_text FROM documents ORDER BY id').iterate()) {
          const key = sha256(row.plain_text);
          documents.set(key, [...(documents.get(key) ?? []), { id: row.id, title: row.title, plainText: row.plain_text }]);
        }
      }
      const found = documents.get(hash) ?? [];
      const doc = found.find((d) => d.title === title) ?? found[0];
      return doc === undefined ? null : { id: doc.id, plainText: doc.plainText };
    },

    verdictId: (key) => verdicts.get(key) ?? null,

    tagId(path) {
      let parentId: number | null = null;
      for (let depth = 1; depth <= path.length; depth++) {
        const key = pathKey(path.slice(0, depth));
        let id = tags.get(key);
        if (id === undefined) {
          id = insertTag(db, { name: path[depth - 1]!, parentId, color: null });
          tags.set(key, id);
        }
        parentId = id;
      }
      return parentId!;
    },

    sourceId(fields) {
      const url = webUrlOrNull(fields.url);
      const known = (url === null ? undefined : sourcesByUrl.get(url)) ?? sourcesByTitle.get(`${fields.type}\u0000${nameKey(fields.title)}`);
      if (known !== undefined) return known;
      const id = insertSource(db, fields);
      remember(id, fields);
      return id;
    },

    speakerId(fields) {
      const known =
        (fields.externalId === null ? undefined : speakersById.get(fields.externalId)) ??
        speakersByName.get(`${fields.kind}\u0000${nameKey(fields.name)}`);
      if (known !== undefined) return known;
      const id = insertSpeaker(db, fields);
      rememberSpeaker(id, fields);
      return id;
    },
  };
}
