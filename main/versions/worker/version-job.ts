/**
 * The jobs of the version worker, each on a connection of the worker's own to the project file
 * main has open: linking a new version (read, re-anchor and write: linkAsNewVersionWith with the
 * plan made here) and comparing two versions (compareVersions: read, then diff). They run in a
 * worker thread so that the main process stays responsive on long articles.
 */
import type { Database } from 'better-sqlite3';
import type { VersionComparison, VersionLinkReport } from '../../../shared/domain';
import { AppError, type AppErrorValue } from '../../../shared/result';
import { planLink } from '../../../shared/versions/link-plan';
import { setActor } from '../../store/actor';
import { useNativeBinding } from '../../store/native-binding';
import { openProjectConnection } from '../../store/open-project';
import { linkAsNewVersionWith } from '../../store/version-link';
import { compareVersions } from '../../store/versions';

/** Which project a job works on. */
export interface ProjectRef {
  /** The project file, opened and migrated by main. */
  readonly file: string;
  /** The better-sqlite3 binary main's thread loads (nativeBindingOption), or null for the package's own. */
  readonly nativeBinding: string | null;
}

/** Linking `documentId` as the next version of `previousId`. */
export interface LinkRequest extends ProjectRef {
  /** The profile the new claims and history entries are attributed to (main's connection's actor). */
  readonly actor: number | null;
  readonly documentId: number;
  readonly previousId: number;
}

/** Comparing version `fromId` with version `toId` of one series. */
export interface CompareRequest extends ProjectRef {
  readonly fromId: number;
  readonly toId: number;
}

/** What linking took, in milliseconds: all of it, and the re-anchoring's share. */
export interface LinkTimings {
  readonly total: number;
  readonly plan: number;
}

/** What the worker is asked to do. */
export type VersionJob = ({ readonly kind: 'link' } & LinkRequest) | ({ readonly kind: 'compare' } & CompareRequest);

/** Its answer: the link's report or the comparison, or the expected failure (an AppError) it met. */
export type VersionJobResult =
  | { readonly status: 'ok'; readonly kind: 'link'; readonly report: VersionLinkReport; readonly timings: LinkTimings }
  | { readonly status: 'ok'; readonly kind: 'compare'; readonly comparison: VersionComparison }
  | { readonly status: 'error'; readonly error: AppErrorValue };

/** Runs one job; an AppError becomes an error result, anything else (a bug) is thrown. */
export async function runVersionJob(job: VersionJob): Promise<VersionJobResult> {
  try {
    if (job.kind === 'link') return { status: 'ok', kind: 'link', ...(await link(job)) };
    return { status: 'ok', kind: 'compare', comparison: await withProject(job, (db) => compareVersions(db, job.fromId, job.toId)) };
  } catch (error) {
    if (error instanceof AppError) return { status: 'error', error: error.toValue() };
    throw error;
  }
}

/** Runs `fn` on a connection of the worker's own to the project, open for this job only. */
async function withProject<T>(project: ProjectRef, fn: (db: Database) => T | Promise<T>): Promise<T> {
  useNativeBinding(project.nativeBinding ?? undefined);
  const db = openProjectConnection(project.file);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

/** linkAsNewVersionWith, planning on this thread. */
async function link(request: LinkRequest): Promise<{ report: VersionLinkReport; timings: LinkTimings }> {
  return withProject(request, async (db) => {
    setActor(db, request.actor);
    const start = performance.now();
    let plan = 0;
    const report = await linkAsNewVersionWith(
      db,
      async (input) => {
        const planStart = performance.now();
        const made = planLink(input);
        plan += performance.now() - planStart;
        return made;
      },
      request.documentId,
      request.previousId,
    );
    return { report, timings: { total: performance.now() - start, plan } };
  });
}
