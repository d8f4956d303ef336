/**
 * The article and claims the report tests share: two paragraphs, overlapping and nested claims,
 * a hostile note, a javascript: source URL and a confidential source.
 */
import type { AttributionHop, Claim, Source, SourceSummary } from '../domain';
import { PUBLIC_EXPORT, type ExportBundle, type ExportOptions } from './bundle';
export const TEXT =
  'The harbour authority said 3,000 ships docked at Port Velm last year.\n\n' +
  'Mayor Ilsa Draven claimed the new bridge cut commuting times by half.';
export const OUTER = 'Mayor Ilsa Draven claimed the new bridge cut commuting times by half';
export const INNER = 'the new bridge cut commuting times';
export const OVERLAP = 'commuting times by half';
export const HOSTILE = '</script><img src=x onerror=alert(1)>';

export function summary(s: Source): SourceSummary {
  return { id: s.id, type: s.type, title: s.title, publisher: s.publisher, url: s.url, reliability: s.reliability };
}

export function source(id: number, fields: Partial<Source>): Source {
  return {
    id, type: 'web-page', title: `Source ${id}`, publisher: null, authors: [], issued: null, accessed: null, url: null,
    language: null, notes: null, reliability: 'credible', reliabilityReason: null, confidential: false,
    createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z', deletedAt: null, claimCount: 1, attachments: [],
    ...fields,
  };
}

export function claim(id: number, exact: string, fields: Partial<Claim>): Claim {
  const start = TEXT.indexOf(exact);
  return {
    id, uid: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`, documentId: 1, anchor: { exact, prefix: '', suffix: '', start, end: start + exact.length }, sources: [],
    attribution: { kind: 'unattributed', chain: [] }, claimType: null, verdictId: 1, confidence: 70, rationale: null,
    status: 'open', note: null, tagIds: [], groupId: null, createdAt: '2024-05-01T10:00:00Z',
    updatedAt: '2024-05-01T10:00:00Z', deletedAt: null, createdBy: 1, importedFrom: null,
    ...fields,
  };
}

/** A fictional article with three claims (one nesting in another, one overlapping), hostile text and a confidential source. */
export function fixtureBundle(options: ExportOptions = PUBLIC_EXPORT): ExportBundle {
  const stats = source(10, { title: 'Port Velm annual statistics', url: 'https://port-velm.example/stats?y=2023' });
  const evil = source(11, { title: 'Zeta <b>blog</b>', url: 'javascript:alert(1)', reliability: 'not-credible' });
  const secret = source(12, { title: 'Confidential harbour insider', confidential: true });
  const mayor: AttributionHop = { speaker: { id: 5, name: 'Ilsa Draven', kind: 'person' }, role: 'said', reliability: 'mixed' };
  return {
    desk: 'Velm Fact Desk',
    exportedAt: '2024-06-01T12:00:00Z',
    generator: 'Claimdesk 0.1.0',
    document: {
      id: 1, title: 'Port Velm & the "bridge"', publication: 'Velm Courier', author: 'A. Writer',
      url: 'https://courier.example/bridge', publishedOn: '2024-04-30', createdAt: '2024-05-01T09:00:00Z',
      updatedAt: '2024-05-01T09:00:00Z', claimCount: 3, body: null, plainText: TEXT,
      seriesId: 1, version: 1, versionCount: 1, language: 'en', sourceFormat: 'text',
    },
    claims: [
      claim(2, OUTER, {
        verdictId: 2, claimType: 'causal', attribution: { kind: 'direct-quote', chain: [mayor] },
        sources: [
          { source: summary(evil), role: 'contradicting', pinpoint: 'para (2)' },
          { source: summary(secret), role: 'origin', pinpoint: null },
        ],
        rationale: 'Travel surveys show a 10% cut.', note: HOSTILE,
      }),
      claim(3, INNER, { verdictId: 3, createdBy: 2 }),
      claim(4, OVERLAP, { verdictId: 1 }),
      claim(1, '3,000 ships docked at Port Velm', {
        claimType: 'statistic', sources: [{ source: summary(stats), role: 'supporting', pinpoint: 'p. 4' }],
      }),
    ],
    verdicts: [
      { id: 2, key: 'false', label: 'False', color: '#d32f2f', position: 2, claimCount: 1 },
      { id: 1, key: 'true', label: 'True', color: '#2e7d32', position: 1, claimCount: 2 },
      { id: 3, key: 'misleading', label: 'Misleading', color: 'red;}body{x', position: 3, claimCount: 1 },
    ],
    sources: [stats, evil, secret],
    speakers: [],
    tags: [],
    profiles: [
      { id: 1, uid: 'u1', name: 'Dana Okafor', initials: 'DO', color: '#123456' },
      { id: 2, uid: 'u2', name: 'Lee Park', initials: 'LP', color: '#654321' },
    ],
    options,
  };
}
