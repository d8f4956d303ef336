/**
 * Bad input, whoever sends it: each is refused with a sentence a user can act on, and no row
 * of any table changes (nothing half-created by a refused claim form, either).
 */
import { describe, it } from 'vitest';
import type { ClaimInput } from '../../shared/domain';
import { createClaim, deleteClaim, linkClaims, restoreClaim, updateClaim } from './claims';
import { createSource, deleteSource, restoreSource, updateSource } from './sources';
import { createSpeaker, deleteSpeaker, mergeSpeakers, updateSpeaker } from './speakers';
import { deleteTag, mergeTags, moveTag, updateTag } from './tags';
import { addArticle, addClaim, anchorOf, claimInput, expectRefused, sourceFields, speakerFields, tempProject } from './test-support';

describe('refused input changes nothing', () => {
  it('source fields', () => {
    const { db } = tempProject();
    const source = createSource(db, sourceFields());
    const cases: [Parameters<typeof sourceFields>[0], string | RegExp][] = [
      [{ title: '   ' }, 'A source needs a title.'],
      [{ url: 'javascript:alert(1)' }, '"javascript:alert(1)" is not a web address; a URL must start with http:// or https://.'],
      [{ url: 'ftp://files.example/a' }, /must start with http/],
      [{ url: 'police.example/statement' }, /not a web address/],
      [{ issued: '12/03/2024' }, 'The date issued must be a date written YYYY, YYYY-MM or YYYY-MM-DD.'],
      [{ accessed: '2024-13' }, /date accessed/],
      [{ language: 'English language' }, /not a language code/],
      [{ type: 'rumour' as never }, /The source type must be one of/],
      [{ reliability: 'great' as never }, /The reliability must be one of/],
    ];
    for (const [fields, message] of cases) {
      expectRefused(db, () => createSource(db, sourceFields(fields)), 'invalid-argument', message);
      expectRefused(db, () => updateSource(db, source.id, sourceFields(fields)), 'invalid-argument', message);
    }
  });

  it('unknown ids for every record', () => {
    const { db } = tempProject();
    for (const action of [
      () => updateSource(db, 999, sourceFields()),
      () => deleteSource(db, 999),
      () => restoreSource(db, 999),
      () => updateSpeaker(db, 999, speakerFields()),
      () => deleteSpeaker(db, 999),
      () => updateTag(db, 999, { name: 'X', color: null }),
      () => moveTag(db, 999, null),
      () => deleteTag(db, 999, null),
      () => updateClaim(db, 999, claimInput()),
      () => deleteClaim(db, 999),
      () => restoreClaim(db, 999),
      () => linkClaims(db, 999, 998),
    ]) {
      expectRefused(db, action, 'not-found', /does not exist/);
    }
    const speaker = createSpeaker(db, speakerFields());
    expectRefused(db, () => mergeSpeakers(db, speaker.id, 999), 'not-found');
    expectRefused(db, () => mergeTags(db, 999, 998), 'not-found');
  });

  it('a claim form naming what does not exist, or with bad values, creates nothing', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const newSource = { source: { newSource: sourceFields({ title: 'New one' }) }, role: 'origin' as const, pinpoint: null };
    const newSpeaker = { speaker: { newSpeaker: speakerFields({ name: 'New speaker' }) }, role: 'said' as const, reliability: 'unknown' as const };
    const cases: [Partial<ClaimInput>, string | RegExp][] = [
      [{ sources: [newSource, { source: { sourceId: 77 }, role: 'origin', pinpoint: null }] }, 'The source #77 does not exist.'],
      [{ sources: [{ source: { newSource: sourceFields({ url: 'mailto:x@y.z' }) }, role: 'origin', pinpoint: null }] }, /not a web address/],
      [{ attribution: { kind: 'according-to', chain: [newSpeaker, { speaker: { speakerId: 77 }, role: 'said', reliability: 'unknown' }] } }, 'The speaker #77 does not exist.'],
      [{ attribution: { kind: 'according-to', chain: [{ speaker: { newSpeaker: speakerFields({ name: '' }) }, role: 'said', reliability: 'unknown' }] } }, 'A speaker needs a name.'],
      [{ attribution: { kind: 'unattributed', chain: [newSpeaker] } }, 'An unattributed claim has no attribution chain.'],
      [{ tagIds: [77], newTags: ['Fresh tag'] }, 'The tag #77 does not exist.'],
      [{ newTags: ['  '] }, 'A tag needs a name.'],
      [{ confidence: 101, sources: [newSource] }, 'The confidence must be a whole number from 0 to 100.'],
      [{ confidence: 12.5 }, /whole number/],
      [{ status: 'done' as never }, /The status must be one of/],
      [{ claimType: 'gossip' as never }, /The claim type must be one of/],
    ];
    for (const [input, message] of cases) {
      expectRefused(db, () => createClaim(db, { documentId, anchor: anchorOf('14 people'), input: claimInput(input) }), 'invalid-argument', message);
    }
    const claim = addClaim(db, documentId, 'Tuesday');
    for (const [input, message] of cases) {
      expectRefused(db, () => updateClaim(db, claim.id, claimInput(input)), 'invalid-argument', message);
    }
  });

  it('a source cited twice by one claim', () => {
    const { db } = tempProject();
    const source = createSource(db, sourceFields());
    const link = { source: { sourceId: source.id }, role: 'origin' as const, pinpoint: null };
    const documentId = addArticle(db);
    expectRefused(
      db,
      () => addClaim(db, documentId, '14 people', { sources: [link, { ...link, role: 'supporting' }] }),
      'invalid-argument',
      'A claim cites each source once; one source is listed twice.',
    );
  });
});
