import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ClaimFilter } from '../../shared/domain';
import { setActor } from './actor';
import { claimFilterQuery, filterClaims } from './claim-filter';
import { deleteClaim } from './claims';
import { ensureProfile } from './profiles';
import { createSource } from './sources';
import { createSpeaker } from './speakers';
import { createTag } from './tags';
import { addArticle, addClaim, expectRefused, queryPlan, sourceFields, speakerFields, tempProject } from './test-support';

/** Three claims on two documents, with distinct values in every filtered field. */
function fixture() {
  const { db } = tempProject();
  const lena = ensureProfile(db, { uid: 'lena', name: 'Lena', initials: 'LH', color: '#112233' });
  const omar = ensureProfile(db, { uid: 'omar', name: 'Omar', initials: 'OK', color: '#445566' });
  const docA = addArticle(db, 'A');
  const docB = addArticle(db, 'B');
  const credible = createSource(db, sourceFields({ title: 'Registry', reliability: 'credible' }));
  const dubious = createSource(db, sourceFields({ title: 'Channel', reliability: 'not-credible' }));
  const minister = createSpeaker(db, speakerFields({ name: 'Minister' }));
  const tv = createSpeaker(db, speakerFields({ name: 'State TV', kind: 'media-outlet' }));
  const casualties = createTag(db, { name: 'Casualties', parentId: null, color: null });
  const deaths = createTag(db, { name: 'Deaths', parentId: casualties.id, color: null });
  const protest = createTag(db, { name: 'Protest', parentId: null, color: null });
  const cite = (id: number) => [{ source: { sourceId: id }, role: 'origin' as const, pinpoint: null }];
  const said = (id: number) => ({ kind: 'according-to' as const, chain: [{ speaker: { speakerId: id }, role: 'said' as const, reliability: 'unknown' as const }] });
  setActor(db, lena.id);
  const toll = addClaim(db, docA, '14 people were killed', {
    verdictId: 5, status: 'settled', claimType: 'statistic', confidence: 90, tagIds: [deaths.id],
    sources: cite(credible.id), attribution: said(minister.id), rationale: 'Morgue counts differ',
  });
  const denial = addClaim(db, docA, 'shoot-to-kill order', {
    verdictId: 3, status: 'open', claimType: 'quote', confidence: 30, tagIds: [casualties.id],
    sources: cite(dubious.id), attribution: said(tv.id),
  });
  setActor(db, omar.id);
  const date = addClaim(db, docB, 'Tuesday', {
    verdictId: 1, status: 'in-review', claimType: 'event', confidence: 60, tagIds: [protest.id], note: 'Confirmed by wire',
  });
  return { db, lena, omar, docA, docB, credible, dubious, minister, tv, casualties, deaths, protest, toll, denial, date };
}

const ids = (db: Database, filter: ClaimFilter) => filterClaims(db, filter).map((c) => c.id);

describe('filterClaims', () => {
  it('narrows by each field alone', () => {
    const f = fixture();
    const { db } = f;
    expect(ids(db, {})).toEqual([f.toll.id, f.denial.id, f.date.id]);
    expect(ids(db, { documentId: f.docB })).toEqual([f.date.id]);
    expect(ids(db, { text: 'morgue' })).toEqual([f.toll.id]);
    expect(ids(db, { text: 'wire conf' })).toEqual([f.date.id]);
    expect(ids(db, { verdictIds: [5, 1] })).toEqual([f.toll.id, f.date.id]);
    expect(ids(db, { sourceIds: [f.dubious.id] })).toEqual([f.denial.id]);
    expect(ids(db, { sourceReliabilities: ['credible', 'mixed'] })).toEqual([f.toll.id]);
    expect(ids(db, { speakerIds: [f.tv.id] })).toEqual([f.denial.id]);
    expect(ids(db, { statuses: ['open', 'in-review'] })).toEqual([f.denial.id, f.date.id]);
    expect(ids(db, { claimTypes: ['statistic'] })).toEqual([f.toll.id]);
    expect(ids(db, { confidenceMin: 60 })).toEqual([f.toll.id, f.date.id]);
    expect(ids(db, { confidenceMax: 60 })).toEqual([f.denial.id, f.date.id]);
    expect(ids(db, { confidenceMin: 31, confidenceMax: 89 })).toEqual([f.date.id]);
    expect(ids(db, { authorIds: [f.omar.id] })).toEqual([f.date.id]);
  });

  it('matches a tag and its descendants', () => {
    const f = fixture();
    expect(ids(f.db, { tagIds: [f.casualties.id] })).toEqual([f.toll.id, f.denial.id]);
    expect(ids(f.db, { tagIds: [f.deaths.id] })).toEqual([f.toll.id]);
    expect(ids(f.db, { tagIds: [f.deaths.id, f.protest.id] })).toEqual([f.toll.id, f.date.id]);
  });

  it('combines fields, and treats empty lists and wordless text as no filter', () => {
    const f = fixture();
    const { db } = f;
    expect(ids(db, { tagIds: [f.casualties.id], statuses: ['open'] })).toEqual([f.denial.id]);
    expect(ids(db, { documentId: f.docA, authorIds: [f.lena.id], confidenceMin: 50, verdictIds: [5] })).toEqual([f.toll.id]);
    expect(ids(db, { speakerIds: [f.minister.id], sourceReliabilities: ['not-credible'] })).toEqual([]);
    expect(ids(db, { verdictIds: [], text: ' * ' })).toHaveLength(3);
  });

  it('lists the bin instead of live claims when asked', () => {
    const f = fixture();
    deleteClaim(f.db, f.denial.id);
    expect(ids(f.db, {})).toEqual([f.toll.id, f.date.id]);
    expect(ids(f.db, { deleted: true })).toEqual([f.denial.id]);
    expect(ids(f.db, { deleted: true, statuses: ['settled'] })).toEqual([]);
  });

  it('refuses values of the wrong kind', () => {
    const { db } = tempProject();
    for (const bad of [{ statuses: ['closed'] }, { confidenceMin: 120 }, { verdictIds: [0] }, { claimTypes: ['rumour'] }, { documentId: -1 }]) {
      expectRefused(db, () => filterClaims(db, bad as ClaimFilter), 'invalid-argument');
    }
  });

  it('keeps input out of the SQL text', () => {
    const { sql, params } = claimFilterQuery({ text: "'; DROP TABLE claims; --", statuses: ['open'] });
    expect(sql).not.toContain('DROP');
    expect(params).toEqual(['"DROP" "TABLE" "claims;"*', '["open"]']);
  });
});

describe('filter query plans', () => {
  const shapes: Record<string, { filter: ClaimFilter; index: string }> = {
    documentId: { filter: { documentId: 1 }, index: 'claims_by_document (document_id=?)' },
    text: { filter: { text: 'toll' }, index: 'claims_fts VIRTUAL TABLE' },
    verdictIds: { filter: { verdictIds: [1, 2] }, index: 'claims_by_verdict (verdict_id=?)' },
    tagIds: { filter: { tagIds: [1] }, index: 'claim_tags_by_tag (tag_id=?)' },
    sourceIds: { filter: { sourceIds: [1] }, index: 'claim_sources_by_source (source_id=?)' },
    sourceReliabilities: { filter: { sourceReliabilities: ['credible'] }, index: 'sources_by_reliability (reliability=?)' },
    speakerIds: { filter: { speakerIds: [1] }, index: 'attribution_hops_by_speaker (speaker_id=?)' },
    statuses: { filter: { statuses: ['open'] }, index: 'claims_by_status (status=?)' },
    claimTypes: { filter: { claimTypes: ['quote'] }, index: 'claims_by_type (claim_type=?)' },
    confidence: { filter: { confidenceMin: 10, confidenceMax: 20 }, index: 'claims_by_confidence' },
    authorIds: { filter: { authorIds: [1] }, index: 'claims_by_author (created_by=?)' },
    bin: { filter: { deleted: true }, index: 'claims_in_bin' },
    combined: { filter: { verdictIds: [1], statuses: ['open'], tagIds: [1], confidenceMin: 5 }, index: 'claim_tags_by_tag' },
  };
  for (const [name, { filter, index }] of Object.entries(shapes)) {
    it(`serves ${name} from an index`, () => {
      const { db } = tempProject();
      const { sql, params } = claimFilterQuery(filter);
      const plan = queryPlan(db, sql, params);
      expect(plan).toContain(index);
      expect(plan).not.toMatch(/SCAN (c|claims|cs|ct|h|s|t)\b/);
    });
  }
});
