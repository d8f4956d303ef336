/**
 * Turning what the claim form sends (`ClaimInput`) into checked claim values. The form may
 * name sources and speakers that do not exist yet, and free tags: they are created here, in
 * the caller's transaction (with their own history entries), so a refused save leaves nothing
 * behind.
 */
import type { Database } from 'better-sqlite3';
import type { ClaimInput } from '../../shared/domain';
import { checkClaimValues, liveChecks, type ClaimValues, type LiveChecks } from './claim-record';
import { insertSource } from './source-record';
import { insertSpeaker } from './speaker-record';
import { findOrCreateTag } from './tags';
import { invalid } from './validate';

/**
 * Checked claim values for `input`, creating the new sources, speakers and free tags it names;
 * the records it cites are checked through `live`. Call inside a transaction.
 */
export function resolveClaimInput(db: Database, input: ClaimInput, live: LiveChecks = liveChecks(db)): ClaimValues {
  if (typeof input !== 'object' || input === null) invalid('The claim form sent nothing.');
  const { sources, attribution, tagIds, newTags } = input;
  if (!Array.isArray(sources)) invalid('The sources must be a list.');
  if (typeof attribution !== 'object' || attribution === null || !Array.isArray(attribution.chain)) {
    invalid('The attribution needs a kind and a chain.');
  }
  if (!Array.isArray(tagIds) || !Array.isArray(newTags)) invalid('The tags must be lists.');
  const sourceLinks = sources.map((link) => {
    const ref = link?.source;
    if (typeof ref !== 'object' || ref === null) invalid('Each cited source needs a source.');
    const sourceId = 'newSource' in ref ? insertSource(db, ref.newSource) : ref.sourceId;
    return { sourceId, role: link.role, pinpoint: link.pinpoint };
  });
  const chain = attribution.chain.map((hop) => {
    const ref = hop?.speaker;
    if (typeof ref !== 'object' || ref === null) invalid('Each hop of the attribution needs a speaker.');
    const speakerId = 'newSpeaker' in ref ? insertSpeaker(db, ref.newSpeaker) : ref.speakerId;
    return { speakerId, role: hop.role, reliability: hop.reliability };
  });
  const freeTags = newTags.map((name) => findOrCreateTag(db, name).id);
  return checkClaimValues(db, {
    verdictId: input.verdictId,
    confidence: input.confidence,
    note: input.note,
    rationale: input.rationale,
    status: input.status,
    claimType: input.claimType,
    attribution: { kind: attribution.kind, chain },
    sources: sourceLinks,
    tagIds: [...tagIds, ...freeTags],
  }, live) as ClaimValues;
}
