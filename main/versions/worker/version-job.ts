/**
 * The jobs of the version worker: the computing part of linking a new version (planLink) and of
 * comparing two versions (compareParagraphs). Pure functions over strings; they run in a worker
 * thread so that the main process stays responsive on long articles.
 */
import type { ParagraphDiff } from '../../../shared/domain';
import { AppError, type AppErrorValue } from '../../../shared/result';
import { planLink, type LinkInput, type LinkPlan } from '../../../shared/versions/link-plan';
import { compareParagraphs } from '../../../shared/versions/text-diff';

/** What the worker is asked to compute. */
export type VersionJob = { readonly kind: 'link'; readonly input: LinkInput } | { readonly kind: 'compare'; readonly before: string; readonly after: string };

/** Its answer: the plan or the comparison, or the expected failure (an AppError) it met. */
export type VersionJobResult =
  | { readonly status: 'ok'; readonly kind: 'link'; readonly plan: LinkPlan }
  | { readonly status: 'ok'; readonly kind: 'compare'; readonly paragraphs: ParagraphDiff[] }
  | { readonly status: 'error'; readonly error: AppErrorValue };

/** Runs one job; an AppError becomes an error result, anything else (a bug) is thrown. */
export function runVersionJob(job: VersionJob): VersionJobResult {
  try {
    if (job.kind === 'link') return { status: 'ok', kind: 'link', plan: planLink(job.input) };
    return { status: 'ok', kind: 'compare', paragraphs: compareParagraphs(job.before, job.after) };
  } catch (error) {
    if (error instanceof AppError) return { status: 'error', error: error.toValue() };
    throw error;
  }
}
