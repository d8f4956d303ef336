/**
 * Matching what imported annotations name — tags, sources, verdict labels — to the project's
 * own records, creating the tags and sources it lacks (each with its history entry, as the
 * current actor). Verdicts are never created: a label not on the project's scale is reported.
 * One per import, inside its transaction; it remembers what it found and made, so a thousand
 * annotations citing one page make one source.
 */
import type { Database } from 'better-sqlite3';
import type { Verdict } from '../../shared/domain';
import { webUrlOrNull } from '../../shared/export/web-annotation';
import { TAG_PATH_SEPARATOR, type AnnotationSource } from '../../shared/import/annotation-file';
import { createSource, createTag, listSources, listTags, listVerdicts } from '../store';
import { nameKey } from '../store/validate';

/** The claim form's default verdict, which a claim gets when the file gives none it can use. */
const DEFAULT_VERDICT_KEY = 'unproven';
const MAX_SOURCE_TITLE = 500;

/** The project's records as an import sees them. */
export interface ImportLibrary {
  /** The verdict labelled `label` (case-insensitively), or null when the scale has none. */
  verdictByLabel(label: string): Verdict | null;
  /** The verdict a claim gets without one: "Unproven" on the default scale, else the first. */
  readonly defaultVerdict: Verdict;
  /** The id of the tag at `path`, created (with its missing parents) if there is none. */
  tagId(path: readonly string[]): number;
  /** The id of the source at this address (or with this title when there is no address), created if there is none. */
  sourceId(source: AnnotationSource): number;
  /** Paths of the tags created, and titles of the sources created, in order. */
  readonly createdTags: readonly string[];
  readonly createdSources: readonly string[];
}

const pathKey = (path: readonly string[]) => path.map(nameKey).join('\u0000');

/** The library of `db` for one import. Call inside the import's transaction. */
export function importLibrary(db: Database): ImportLibrary {
  const verdicts = listVerdicts(db);
  const defaultVerdict = verdicts.find((v) => v.key === DEFAULT_VERDICT_KEY) ?? verdicts[0];
  // The scale cannot be empty: deleting a verdict needs another to move its claims to.
  if (defaultVerdict === undefined) throw new Error('The verdict scale is empty.');
  const verdictsByLabel = new Map(verdicts.map((v) => [nameKey(v.label.trim()), v]));

  const tags = listTags(db);
  const tagsByPath = new Map(tags.map((t) => [pathKey(t.path), t.id]));
  // A single name that is not a top-level tag may still name one nested tag, unambiguously.
  const tagsByName = new Map<string, number[]>();
  for (const tag of tags) tagsByName.set(nameKey(tag.name), [...(tagsByName.get(nameKey(tag.name)) ?? []), tag.id]);

  const sources = listSources(db);
  const sourcesByUrl = new Map<string, number>();
  const sourcesByTitle = new Map<string, number>();
  for (const source of sources) {
    const url = webUrlOrNull(source.url);
    if (url !== null && !sourcesByUrl.has(url)) sourcesByUrl.set(url, source.id);
    if (!sourcesByTitle.has(nameKey(source.title))) sourcesByTitle.set(nameKey(source.title), source.id);
  }

  const createdTags: string[] = [];
  const createdSources: string[] = [];
  return {
    defaultVerdict,
    createdTags,
    createdSources,
    verdictByLabel: (label) => verdictsByLabel.get(nameKey(label.trim())) ?? null,

    tagId(path) {
      const known = tagsByPath.get(pathKey(path));
      if (known !== undefined) return known;
      const named = path.length === 1 ? tagsByName.get(nameKey(path[0] as string)) : undefined;
      if (named?.length === 1) return named[0] as number;
      let parentId: number | null = null;
      for (let depth = 1; depth <= path.length; depth++) {
        const key = pathKey(path.slice(0, depth));
        let id = tagsByPath.get(key);
        if (id === undefined) {
          id = createTag(db, { name: path[depth - 1] as string, parentId, color: null }).id;
          tagsByPath.set(key, id);
          createdTags.push(path.slice(0, depth).join(TAG_PATH_SEPARATOR));
        }
        parentId = id;
      }
      return parentId as number;
    },

    sourceId({ url, title }) {
      const known = url !== null ? sourcesByUrl.get(url) : sourcesByTitle.get(nameKey(title ?? ''));
      if (known !== undefined) return known;
      const name = url ?? title ?? '';
      const created = createSource(db, {
        type: 'web-page',
        title: name.length > MAX_SOURCE_TITLE ? `${name.slice(0, MAX_SOURCE_TITLE - 1)}…` : name,
        publisher: null,
        authors: [],
        issued: null,
        accessed: null,
        url,
        language: null,
        notes: null,
        reliability: 'unknown',
        reliabilityReason: null,
        confidential: false,
      });
      if (url !== null) sourcesByUrl.set(url, created.id);
      if (!sourcesByTitle.has(nameKey(created.title))) sourcesByTitle.set(nameKey(created.title), created.id);
      createdSources.push(created.title);
      return created.id;
    },
  };
}
