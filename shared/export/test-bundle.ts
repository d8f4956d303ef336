/**
 * A realistic export bundle for the format tests: a fictional flood report with emoji and CJK
 * before the claims (so code points differ from UTF-16 units), three claims, one confidential
 * source, a two-hop attribution chain, tags, and hostile text (markup, a `javascript:` link and
 * spreadsheet formulas) in user fields. Test data only; imported by `*.test.ts` beside it.
 */
import type { Claim, ClaimSourceLink, Source, TextAnchor } from '../domain';
import type { ExportBundle, ExportOptions } from './bundle';
import { PUBLIC_EXPORT } from './bundle';

export const HOSTILE_NOTE = 'Check with desk </script><img src=x onerror=alert(1)> and <a href="javascript:alert(1)">this</a>';
export const JAVASCRIPT_URL = 'javascript:alert(document.cookie)';
export const FORMULA_TAG = '@SUM(A1:A9)';
export const HOSTILE_RATIONALE = '-1 for the ministry, "no one" contradicts\nthe hospital, see +1 below';

const paragraphs = [
  'Flood relief 🌊🚁 arrives late in Elswick',
  'Officials 👩‍⚕️ said 1 200 families 🏠 were evacuated by Tuesday, according to state television.',
  '据报道 the minister said the dam held 💧 and "no one was hurt", a claim the hospital disputes.',
  'A post shared widely read =HYPERLINK("http://evil.example","click") before it was removed.',
];
export const PLAIN_TEXT = paragraphs.join('\n\n');

function anchorOf(exact: string): TextAnchor {
  const start = PLAIN_TEXT.indexOf(exact);
  if (start < 0) throw new Error(`fixture quote not in text: ${exact}`);
  const end = start + exact.length;
  return { exact, prefix: PLAIN_TEXT.slice(Math.max(0, start - 32), start), suffix: PLAIN_TEXT.slice(end, end + 32), start, end };
}

function source(id: number, fields: Partial<Source> & Pick<Source, 'type' | 'title'>): Source {
  return {
    id,
    publisher: null,
    authors: [],
    issued: null,
    accessed: null,
    url: null,
    language: 'en',
    notes: null,
    reliability: 'unknown',
    reliabilityReason: null,
    confidential: false,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    deletedAt: null,
    claimCount: 1,
    attachments: [],
    ...fields,
  };
}

export const SOURCES: readonly Source[] = [
  source(11, {
    type: 'news-article',
    title: 'Evacuations, shelters and roads: the day after',
    publisher: 'Elswick Courier',
    authors: ['Lena Hartsby', 'Ministry of Health'],
    issued: '2026-03-02',
    accessed: '2026-03-03',
    url: 'https://courier.example/flood-day-after',
    reliability: 'credible',
    reliabilityReason: 'Named reporters on the ground',
  }),
  source(12, {
    type: 'personal-communication',
    title: 'Call with shelter coordinator',
    authors: ['Shelter coordinator (name withheld)'],
    issued: '2026-03',
    reliability: 'mixed',
    reliabilityReason: 'Single person, second-hand figures',
    confidential: true,
  }),
  source(13, {
    type: 'official-statement',
    title: 'Statement on the Elswick dam',
    publisher: 'Ministry of Water',
    issued: '2026',
    url: JAVASCRIPT_URL,
    language: 'kk',
    reliability: 'not-credible',
  }),
];

function link(id: number, role: ClaimSourceLink['role'], pinpoint: string | null = null): ClaimSourceLink {
  const s = SOURCES.find((x) => x.id === id);
  if (!s) throw new Error(`no fixture source ${id}`);
  return { source: { id: s.id, type: s.type, title: s.title, publisher: s.publisher, url: s.url, reliability: s.reliability }, role, pinpoint };
}

const base = { documentId: 7, groupId: null, deletedAt: null, updatedAt: '2026-03-04T10:30:00.000Z', importedFrom: null } as const;

export const CLAIMS: readonly Claim[] = [
  {
    ...base,
    id: 101,
    uid: 'c1a1d0e5-0000-4000-8000-000000000101',
    anchor: anchorOf('1 200 families 🏠 were evacuated by Tuesday'),
    sources: [link(11, 'supporting', 'para. 4'), link(12, 'origin')],
    attribution: {
      kind: 'according-to',
      chain: [
        { speaker: { id: 21, name: 'Interior Ministry', kind: 'government-body' }, role: 'said', reliability: 'mixed' },
        { speaker: { id: 22, name: 'State TV', kind: 'media-outlet' }, role: 'reported', reliability: 'not-credible' },
      ],
    },
    claimType: 'statistic',
    verdictId: 2,
    confidence: 70,
    rationale: 'Courier count matches within 5%.',
    status: 'settled',
    note: HOSTILE_NOTE,
    tagIds: [31, 32],
    createdAt: '2026-03-04T09:00:00.000Z',
    createdBy: 1,
  },
  {
    ...base,
    id: 102,
    uid: 'c1a1d0e5-0000-4000-8000-000000000102',
    anchor: anchorOf('the dam held 💧 and "no one was hurt"'),
    sources: [link(13, 'contradicting'), link(11, 'context')],
    attribution: { kind: 'direct-quote', chain: [{ speaker: { id: 23, name: 'Aida Sarsen', kind: 'person' }, role: 'said', reliability: 'unknown' }] },
    claimType: 'quote',
    verdictId: 4,
    confidence: 55,
    rationale: HOSTILE_RATIONALE,
    status: 'in-review',
    note: null,
    tagIds: [33],
    createdAt: '2026-03-04T09:10:00.000Z',
    createdBy: 1,
  },
  {
    ...base,
    id: 103,
    uid: 'c1a1d0e5-0000-4000-8000-000000000103',
    anchor: anchorOf('=HYPERLINK("http://evil.example","click")'),
    sources: [link(12, 'context')],
    attribution: { kind: 'unattributed', chain: [] },
    claimType: 'opinion',
    verdictId: 6,
    confidence: 0,
    rationale: null,
    status: 'open',
    note: '+1 ask the platform',
    tagIds: [],
    createdAt: '2026-03-04T09:20:00.000Z',
    createdBy: null,
  },
];

/** The bundle, public by default; pass options to include notes or confidential sources. */
export function testBundle(options: ExportOptions = PUBLIC_EXPORT): ExportBundle {
  return {
    desk: 'Elswick Verification Desk',
    exportedAt: '2026-03-05T12:00:00.000Z',
    generator: 'Claimdesk 0.1.0',
    document: {
      id: 7,
      title: 'Flood relief arrives late',
      publication: 'Elswick Courier',
      author: 'Staff',
      url: 'https://courier.example/flood-relief',
      publishedOn: '2026-03-02',
      createdAt: '2026-03-03T08:00:00.000Z',
      updatedAt: '2026-03-03T08:00:00.000Z',
      claimCount: CLAIMS.length,
      seriesId: 7,
      version: 1,
      versionCount: 1,
      language: 'en',
      sourceFormat: 'text',
      body: null,
      plainText: PLAIN_TEXT,
    },
    claims: CLAIMS,
    verdicts: [
      { id: 1, key: 'verified', label: 'Verified', color: '#1a7f37', position: 1, claimCount: 0 },
      { id: 2, key: 'likely-true', label: 'Likely true', color: '#4d9a2a', position: 2, claimCount: 1 },
      { id: 3, key: 'unproven', label: 'Unproven', color: '#9a6700', position: 3, claimCount: 0 },
      { id: 4, key: 'misleading', label: 'Misleading', color: '#bc4c00', position: 4, claimCount: 1 },
      { id: 5, key: 'false', label: 'False', color: '#cf222e', position: 5, claimCount: 0 },
      { id: 6, key: 'not-checkable', label: 'Not checkable', color: '#6e7781', position: 6, claimCount: 1 },
    ],
    sources: SOURCES,
    speakers: [
      { id: 21, kind: 'government-body', name: 'Interior Ministry', role: null, affiliation: null, externalId: null, createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-01T09:00:00.000Z', deletedAt: null, claimCount: 1 },
      { id: 22, kind: 'media-outlet', name: 'State TV', role: null, affiliation: null, externalId: null, createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-01T09:00:00.000Z', deletedAt: null, claimCount: 1 },
      { id: 23, kind: 'person', name: 'Aida Sarsen', role: 'Minister of Water', affiliation: null, externalId: 'Q4242', createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-01T09:00:00.000Z', deletedAt: null, claimCount: 1 },
    ],
    tags: [
      { id: 30, parentId: null, name: 'Casualties', color: '#cf222e', path: ['Casualties'], claimCount: 0 },
      { id: 31, parentId: null, name: 'Evacuation', color: null, path: ['Evacuation'], claimCount: 1 },
      { id: 32, parentId: 30, name: FORMULA_TAG, color: null, path: ['Casualties', FORMULA_TAG], claimCount: 1 },
      { id: 33, parentId: 30, name: 'Injuries', color: null, path: ['Casualties', 'Injuries'], claimCount: 1 },
    ],
    profiles: [{ id: 1, uid: 'b7e1c0de-0000-4000-8000-000000000001', name: 'Marat Ospan', initials: 'MO', color: '#0969da' }],
    options,
  };
}

/** Every option on. */
export const FULL_EXPORT: ExportOptions = { includeNotes: true, includeConfidential: true };
