/**
 * Turning --verdict, --tag and --status into the ClaimFilter the app's filter panel builds,
 * and numbering claims the way the reports do, so "claim 3" means the same claim in a listing
 * and in the report exported with the same filters.
 */
import type { Database } from 'better-sqlite3';
import type { Claim, ClaimFilter, Tag, Verdict } from '../../shared/domain';
import { listTags, listVerdicts } from '../store';
import type { SelectionArgs } from './arguments';
import { RuntimeError } from './cli-errors';

/** The separator of tag paths as shown to users ("Casualties › Deaths"). */
export const TAG_PATH_SEPARATOR = ' › ';

/**
 * The filter of `selection`, or undefined when it selects every claim. RuntimeError naming the
 * project's verdicts or tags when one asked for is not in the project.
 */
export function selectionFilter(db: Database, selection: SelectionArgs): ClaimFilter | undefined {
  if (selection.verdicts.length === 0 && selection.tags.length === 0 && selection.statuses.length === 0) return undefined;
  return {
    ...(selection.verdicts.length > 0 ? { verdictIds: selection.verdicts.map((v) => findVerdict(listVerdicts(db), v).id) } : {}),
    ...(selection.tags.length > 0 ? { tagIds: selection.tags.flatMap((t) => findTags(listTags(db), t).map((tag) => tag.id)) } : {}),
    ...(selection.statuses.length > 0 ? { statuses: selection.statuses } : {}),
  };
}

/** The verdict whose key or label is `name` (ignoring case and surrounding spaces). */
export function findVerdict(verdicts: readonly Verdict[], name: string): Verdict {
  const wanted = fold(name);
  const found = verdicts.find((v) => fold(v.label) === wanted) ?? verdicts.find((v) => fold(v.key) === wanted);
  if (found === undefined) {
    const scale = [...verdicts].sort((a, b) => a.position - b.position).map((v) => `"${v.label}"`);
    throw new RuntimeError(`No verdict "${name}" in this project. Its verdicts are ${scale.join(', ')}.`);
  }
  return found;
}

/**
 * The tags `name` designates: a path from the root ("Casualties/Deaths" or "Casualties ›
 * Deaths") names one tag; a bare name, every tag so called wherever it sits. RuntimeError
 * listing the project's tags when none matches.
 */
export function findTags(tags: readonly Tag[], name: string): Tag[] {
  const parts = name.split(/[/›]/).map(fold);
  const byPath = tags.filter((t) => parts.length > 1 && t.path.length === parts.length && t.path.every((p, i) => fold(p) === parts[i]));
  // A name may itself hold a "/" ("24/7 coverage"): then it is a bare name after all.
  const found = byPath.length > 0 ? byPath : tags.filter((t) => fold(t.name) === fold(name));
  if (found.length === 0) {
    const known = tags.map(tagPath).sort((a, b) => a.localeCompare(b));
    const list = known.length === 0 ? 'It has no tags.' : `Its tags are ${known.slice(0, 40).map((t) => `"${t}"`).join(', ')}${known.length > 40 ? ', …' : ''}.`;
    throw new RuntimeError(`No tag "${name}" in this project. ${list}`);
  }
  return found;
}

/** A tag's path as users see it, e.g. "Casualties › Deaths". */
export function tagPath(tag: Tag): string {
  return tag.path.join(TAG_PATH_SEPARATOR);
}

/**
 * Claims in report order — start ascending, then the longer (enclosing) claim first, then id —
 * each with its number from 1. This is the order of shared/export/report-model.ts.
 */
export function numberClaims(claims: readonly Claim[]): { number: number; claim: Claim }[] {
  return [...claims]
    .sort((a, b) => a.anchor.start - b.anchor.start || b.anchor.end - a.anchor.end || a.id - b.id)
    .map((claim, index) => ({ number: index + 1, claim }));
}

function fold(text: string): string {
  return text.trim().toLocaleLowerCase('en');
}
