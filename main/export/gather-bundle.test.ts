import { describe, expect, it } from 'vitest';
import { PUBLIC_EXPORT } from '../../shared/export/bundle';
import { renderHtmlReport } from '../../shared/export/html-report';
import { AppError } from '../../shared/result';
import { createSource, deleteClaim, ensureProfile, setActor } from '../store';
import { addArticle, addClaim, ARTICLE_TEXT, sourceFields, speakerFields, tempProject } from '../store/test-support';
import { gatherBundle } from './gather-bundle';

const META = { desk: 'Test Desk', generator: 'Claimdesk test', now: '2024-06-01T12:00:00.000Z' };

describe('gatherBundle', () => {
  it('gathers a document, its live claims and what they refer to', () => {
    const { db } = tempProject();
    const profile = ensureProfile(db, { uid: 'u-1', name: 'Dana Okafor', initials: 'DO', color: '#123456' });
    setActor(db, profile.id);
    const doc = addArticle(db);
    const police = createSource(db, sourceFields({ title: 'Police statement', url: 'https://police.example/s' }));
    const secret = createSource(db, sourceFields({ title: 'Insider', confidential: true }));
    createSource(db, sourceFields({ title: 'Uncited' }));
    addClaim(db, doc, 'The interior minister denied that a shoot-to-kill order had been given', {
      attribution: { kind: 'direct-quote', chain: [{ speaker: { newSpeaker: speakerFields() }, role: 'said', reliability: 'mixed' }] },
      sources: [{ source: { sourceId: secret.id }, role: 'origin', pinpoint: null }],
      newTags: ['Security'],
      note: 'internal',
    });
    addClaim(db, doc, '14 people were killed', {
      sources: [{ source: { sourceId: police.id }, role: 'supporting', pinpoint: 'para 2' }],
    });
    const gone = addClaim(db, doc, 'on Tuesday');
    deleteClaim(db, gone.id);

    const bundle = gatherBundle(db, doc, PUBLIC_EXPORT, META);
    expect(bundle).toMatchObject({ desk: 'Test Desk', generator: 'Claimdesk test', exportedAt: META.now, options: PUBLIC_EXPORT });
    expect(bundle.document.plainText).toBe(ARTICLE_TEXT);
    expect(bundle.claims.map((c) => c.anchor.exact)).toEqual([
      '14 people were killed',
      'The interior minister denied that a shoot-to-kill order had been given',
    ]);
    expect(bundle.sources.map((s) => [s.title, s.confidential])).toEqual([
      ['Police statement', false],
      ['Insider', true],
    ]);
    expect(bundle.speakers.map((s) => s.name)).toEqual(['Interior Minister']);
    expect(bundle.tags.map((t) => t.name)).toEqual(['Security']);
    expect(bundle.profiles.map((p) => p.name)).toEqual(['Dana Okafor']);
    expect(bundle.verdicts.length).toBeGreaterThan(0);

    const html = renderHtmlReport(bundle);
    expect(html).toContain('Police statement');
    expect(html).not.toContain('Insider');
    expect(html).not.toContain('internal');
    expect(html).toContain('Dana Okafor');
  });

  it('defaults the export time to now and refuses an unknown document', () => {
    const { db } = tempProject();
    const doc = addArticle(db);
    const before = Date.now();
    const bundle = gatherBundle(db, doc, PUBLIC_EXPORT, { desk: 'D', generator: 'G' });
    expect(Date.parse(bundle.exportedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(bundle.claims).toEqual([]);
    expect(() => gatherBundle(db, 999, PUBLIC_EXPORT, META)).toThrow(AppError);
  });

  it('exports only the claims matching the filter on screen, of this document only', () => {
    const { db } = tempProject();
    const doc = addArticle(db);
    const other = addArticle(db);
    addClaim(db, doc, '14 people were killed', { newTags: ['Casualties'] });
    addClaim(db, doc, 'on Tuesday');
    addClaim(db, other, '14 people were killed', { newTags: ['Casualties'] });
    const tagId = gatherBundle(db, doc, PUBLIC_EXPORT, META).tags[0]!.id;

    const bundle = gatherBundle(db, doc, PUBLIC_EXPORT, { ...META, filter: { tagIds: [tagId], documentId: other } });
    expect(bundle.claims.map((c) => [c.documentId, c.anchor.exact])).toEqual([[doc, '14 people were killed']]);
    expect(gatherBundle(db, doc, PUBLIC_EXPORT, { ...META, filter: { deleted: true } }).claims).toHaveLength(2);
  });
});
