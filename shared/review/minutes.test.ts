import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { agreementSummary, type Rating } from './agreement';
import { minutesFileName, minutesHtml, minutesMarkdown, type MinutesClaim, type MinutesVote, type SessionMinutes } from './minutes';

const VERIFIED = 1;
const UNPROVEN = 3;
const FALSE = 5;
const LABELS: Record<string, string> = { [VERIFIED]: 'Verified', [UNPROVEN]: 'Unproven', [FALSE]: 'False' };

const ANA = { name: 'Ana Lopes', initials: 'AL' };
const BEN = { name: 'Ben Okafor', initials: 'BO' };
const CY = { name: 'Cy Ndiaye', initials: 'CN' };
const HOSTILE_COMMENT = '<script>alert(1)</script> **loud** [the ministry](javascript:alert(1)) | pipe';
const HOSTILE_REASON = 'Morgue register confirms 14.\n# Not a heading\n<img src=x onerror=alert(1)>';
const OVERRIDE_REASON = 'Wire copy is the only source; editor accepts it for the evening edition.';

function vote(reviewer: typeof ANA, verdictId: number, comment: string | null = null): MinutesVote {
  return { reviewer, verdict: LABELS[verdictId]!, confidence: 60, comment, at: '2026-03-15T09:40:00.000Z' };
}

/** Minutes with `votes[claim][reviewer]` (verdict ids or null) for `reviewers`; claim 2 disagrees in the default. */
function fixture(
  reviewers: (typeof ANA)[] = [ANA, BEN],
  votes: Rating[][] = [
    [FALSE, FALSE],
    [UNPROVEN, FALSE],
    [VERIFIED, VERIFIED],
  ],
): SessionMinutes {
  const quotes = ['14 people were killed', 'a shoot-to-kill order', 'Police said'];
  const raters = reviewers.map((r) => `${r.name} (${r.initials})`);
  const claims: MinutesClaim[] = votes.map((row, i) => {
    const cast = row.flatMap((v, r) => (v === null || v === undefined ? [] : [vote(reviewers[r]!, v as number, i === 1 && r === 0 ? HOSTILE_COMMENT : null)]));
    const verdicts = new Set(cast.map((v) => v.verdict));
    return {
      number: i + 1,
      quote: quotes[i] ?? `claim ${i + 1}`,
      document: 'Unrest in the capital',
      votes: cast,
      majority: i === 1 ? ['Unproven', 'False'] : [...verdicts],
      disagreement: verdicts.size > 1,
      decision:
        i === 0
          ? { verdict: 'False', confidence: 80, by: ANA, at: '2026-03-15T10:00:00.000Z', reason: null, againstMajority: false }
          : i === 1
            ? { verdict: 'Verified', confidence: 75, by: ANA, at: '2026-03-15T10:05:00.000Z', reason: HOSTILE_REASON, againstMajority: true }
            : null,
      comments: i === 1 ? [{ author: CY, body: 'Which hospital?\n- the central one', at: '2026-03-15T09:50:00.000Z' }] : [],
    };
  });
  return {
    title: 'Tuesday <b>toll</b>',
    blind: true,
    lead: ANA,
    startedAt: '2026-03-15T09:30:00.000Z',
    closedAt: null,
    firstVoteAt: '2026-03-15T09:31:00.000Z',
    lastVoteAt: '2026-03-15T09:48:00.000Z',
    madeAt: '2026-03-15T11:00:00.000Z',
    generator: 'Claimdesk 0.1.0',
    participants: [
      ...reviewers.map((person, r) => ({ person, lead: r === 0, votes: votes.filter((row) => row[r] !== null && row[r] !== undefined).length, comments: 0 })),
      { person: CY, lead: false, votes: 0, comments: 1 },
    ],
    agreement: agreementSummary({ raters, units: votes.map((ratings, i) => ({ unit: i + 1, ratings })) }),
    verdictLabels: LABELS,
    claims,
    overrides: [{ claimNumber: 1, quote: '14 people were killed', problem: 'No source', reason: OVERRIDE_REASON, by: BEN, at: '2026-03-15T10:30:00.000Z' }],
  };
}

describe('minutesMarkdown', () => {
  const md = minutesMarkdown(fixture());
  const lines = md.split('\n');

  it('says what the session was, when, and who took part', () => {
    expect(lines[0]).toBe('# Session minutes: Tuesday \\<b\\>toll\\</b\\>');
    expect(lines).toContain('**Lead:** Ana Lopes (AL)\\');
    expect(lines).toContain('**Started:** 2026-03-15 09:30 UTC\\');
    expect(lines).toContain('**Closed:** Still open\\');
    expect(lines).toContain('**First vote:** 2026-03-15 09:31 UTC\\');
    expect(lines).toContain('**Last vote:** 2026-03-15 09:48 UTC\\');
    expect(lines).toContain('**Claims:** 3: 2 decided, 1 not decided; 1 with disagreeing votes; 1 decided against the majority\\');
    expect(lines).toContain('* Ana Lopes (AL), lead: 3 votes');
    expect(lines).toContain('* Ben Okafor (BO), reviewer: 3 votes');
    expect(lines).toContain('* Cy Ndiaye (CN), commented: 0 votes, 1 comment');
  });

  it('gives each agreement figure with the counts behind it', () => {
    expect(lines).toContain('**Percent agreement:** **66.7%**. 2 of 3 pairs of votes on the same claim agree, over 3 claims with two or more votes.');
    // Observed 2/3; expected (Ana F1 U1 V1, Ben F2 V1) (1·2 + 1·1)/9 = 1/3; kappa (2/3 − 1/3)/(2/3) = 0.5.
    expect(lines).toContain(
      '**Cohen’s kappa (Ana Lopes (AL) and Ben Okafor (BO)):** **0.500**. Observed agreement 0.667 (2 of 3 claims both rated); agreement expected by chance 0.333.',
    );
    // n = 6 pairable votes (F3 U1 V2); Do = 2/6; De = (36 − 14)/30; alpha = 1 − 5·2/22 = 6/11.
    expect(lines).toContain(
      '**Krippendorff’s alpha (nominal):** **0.545**. Observed disagreement 0.333; disagreement expected by chance 0.733; over 6 pairable votes on 3 claims.',
    );
    const table = lines.indexOf('| Ana Lopes (AL) ↓ Ben Okafor (BO) → | Verified | Unproven | False |');
    expect(table).toBeGreaterThan(0);
    expect(lines.slice(table + 2, table + 5)).toEqual(['| Verified | 1 | 0 | 0 |', '| Unproven | 0 | 0 | 1 |', '| False | 0 | 0 | 1 |']);
  });

  it('lists the disagreement first, then the other claims in queue order', () => {
    const at = (heading: string) => lines.indexOf(heading);
    expect(at('## Disagreements (1)')).toBeLessThan(at('### Claim 2 of 3'));
    expect(at('### Claim 2 of 3')).toBeLessThan(at('## Other claims (2)'));
    expect(at('## Other claims (2)')).toBeLessThan(at('### Claim 1 of 3'));
    expect(at('### Claim 1 of 3')).toBeLessThan(at('### Claim 3 of 3'));
    expect(lines[at('### Claim 2 of 3') + 2]).toBe('> a shoot-to-kill order');
    expect(lines[at('### Claim 2 of 3') + 4]).toBe('*Document:* Unrest in the capital');
  });

  it('shows each vote, the decision against the majority flagged with its reason, and the discussion', () => {
    expect(lines).toContain('* Ana Lopes (AL): **Unproven**, confidence 60% (2026-03-15 09:40 UTC)\\');
    expect(lines).toContain('* Ben Okafor (BO): **False**, confidence 60% (2026-03-15 09:40 UTC)');
    expect(md).toContain(
      '*Decision:* **Verified**, confidence 75%, by Ana Lopes (AL), 2026-03-15 10:05 UTC.\\\n' +
        '**Differs from the majority:** the votes were tied between Unproven, False.\\\n' +
        '*Reason:* Morgue register confirms 14.\\\n\\# Not a heading\\\n\\<img src=x onerror=alert(1)\\>',
    );
    expect(lines).toContain('*Decision:* **False**, confidence 80%, by Ana Lopes (AL), 2026-03-15 10:00 UTC.');
    expect(lines).toContain('*Decision:* not decided.');
    expect(md).toContain('* Cy Ndiaye (CN), 2026-03-15 09:50 UTC: Which hospital?\\\n  \\- the central one');
  });

  it('shows the publication override with its reason, who and when', () => {
    const at = lines.indexOf('## Publication overrides');
    expect(at).toBeGreaterThan(lines.indexOf('### Claim 3 of 3'));
    expect(lines[at + 2]).toBe('* Claim 1 (“14 people were killed”): **No source**, overridden by Ben Okafor (BO), 2026-03-15 10:30 UTC\\');
    expect(lines[at + 3]).toBe(`  *Reason:* ${OVERRIDE_REASON}`);
  });

  it('escapes hostile text so it opens no HTML, link or emphasis', () => {
    expect(md).toContain('*Comment:* \\<script\\>alert(1)\\</script\\> \\*\\*loud\\*\\* \\[the ministry\\](javascript:alert(1)) \\| pipe');
    expect(md).not.toMatch(/(^|[^\\])</m);
    expect(md).not.toMatch(/(^|[^\\])\[the ministry/);
  });

  it('renders, even by a renderer that lets HTML through, to no element the text did not ask for', () => {
    const html = new MarkdownIt({ html: true, linkify: false }).render(md);
    const doc = new JSDOM(html).window.document;
    expect(doc.querySelectorAll('script, img, a, h1 b')).toHaveLength(0);
    expect([...doc.querySelectorAll('h1, h2, h3')].map((h) => h.textContent)).toEqual([
      'Session minutes: Tuesday <b>toll</b>',
      'Who took part',
      'Agreement on verdicts',
      'Disagreements (1)',
      'Claim 2 of 3',
      'Other claims (2)',
      'Claim 1 of 3',
      'Claim 3 of 3',
      'Publication overrides',
    ]);
    expect(doc.querySelectorAll('table tbody tr')).toHaveLength(3);
    expect(doc.body.textContent).toContain(HOSTILE_COMMENT);
    expect(doc.body.textContent).toContain('# Not a heading');
  });

  it('says in words why a figure cannot be computed', () => {
    const alone = minutesMarkdown(fixture([ANA], [[FALSE], [UNPROVEN], [null]]));
    expect(alone).toContain('**Percent agreement:** Not computed: no claim has votes from two reviewers yet.');
    expect(alone).toContain('**Cohen’s kappa:** Not computed: it compares two reviewers, and only one reviewer voted.');
    expect(alone).toContain('**Krippendorff’s alpha (nominal):** Not computed: no claim has votes from two reviewers yet.');

    const unanimous = minutesMarkdown(fixture([ANA, BEN], [[FALSE, FALSE], [FALSE, FALSE]]));
    expect(unanimous).toContain('**Percent agreement:** **100%**. 2 of 2 pairs');
    expect(unanimous).toContain(
      '**Cohen’s kappa (Ana Lopes (AL) and Ben Okafor (BO)):** Not computed: both reviewers gave the same verdict (False) on every claim they both rated, so the agreement expected by chance is already complete and kappa would be 0/0. Observed agreement 1.000 (2 of 2 claims both rated).',
    );
    expect(unanimous).toContain('Not computed: every vote was for the same verdict (False), so no disagreement is expected by chance and alpha would be 0/0.');
    expect(unanimous).toContain('## Disagreements (0)\n\nThe votes agreed on every claim.');

    const three = minutesMarkdown(fixture([ANA, BEN, CY], [[FALSE, FALSE, UNPROVEN], [VERIFIED, VERIFIED, VERIFIED]]));
    expect(three).toContain('**Cohen’s kappa:** Not given: it compares exactly two reviewers, and 3 voted; Krippendorff’s alpha below covers them all.');
    // Claim 1: F,F,U → o(F,F) = 2/2, o(F,U) = o(U,F) = 2/2; claim 2: o(V,V) = 6/2.
    expect(three).toContain('| Verdict | Verified | Unproven | False |\n|:--|--:|--:|--:|\n| Verified | 3 | 0 | 0 |\n| Unproven | 0 | 0 | 1 |\n| False | 0 | 1 | 1 |');
  });
});

describe('minutesHtml', () => {
  const parse = (model = fixture()) => new JSDOM(minutesHtml(model)).window.document;

  it('runs no script, carries no event handler and a strict CSP', () => {
    const doc = parse();
    expect(doc.querySelectorAll('script, img, iframe, object, embed, link')).toHaveLength(0);
    for (const el of doc.querySelectorAll('*')) {
      expect([...el.attributes].filter((a) => a.name.toLowerCase().startsWith('on'))).toEqual([]);
    }
    expect(doc.querySelectorAll('[href], [src]')).toHaveLength(0);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src|unsafe-eval/);
    expect(doc.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(doc.documentElement.lang).toBe('en');
    expect(doc.querySelector('style')?.textContent).toContain('@media print');
  });

  it('shows hostile text as text', () => {
    const doc = parse();
    expect(doc.querySelector('h1')?.textContent).toBe('Session minutes: Tuesday <b>toll</b>');
    expect(doc.querySelector('#claim-2 table.votes')?.textContent).toContain(HOSTILE_COMMENT);
    expect(doc.querySelector('#claim-2 .decision')?.textContent).toContain(HOSTILE_REASON);
  });

  it('puts the disagreement first, flags the decision against the majority and shows the override', () => {
    const doc = parse();
    expect([...doc.querySelectorAll('article.claim')].map((a) => a.id)).toEqual(['claim-2', 'claim-1', 'claim-3']);
    expect(doc.querySelector('#claim-2')?.classList.contains('disagreement')).toBe(true);
    expect(doc.querySelector('#claim-2 .flag')?.textContent).toBe('Differs from the majority:');
    expect(doc.querySelector('#claim-1 .flag')).toBeNull();
    expect(doc.querySelector('#claim-3 .decision')?.textContent).toBe('Decision: not decided.');
    const votes = [...doc.querySelectorAll('#claim-2 table.votes tbody tr')].map((tr) => [...tr.children].slice(0, 3).map((c) => c.textContent));
    expect(votes).toEqual([
      ['Ana Lopes (AL)', 'Unproven', '60%'],
      ['Ben Okafor (BO)', 'False', '60%'],
    ]);
    const override = doc.querySelector('table.overrides tbody tr')!;
    expect([...override.children].map((c) => c.textContent)).toEqual(['1 14 people were killed', 'No source', OVERRIDE_REASON, 'Ben Okafor (BO)', '2026-03-15 10:30 UTC']);
  });

  it('shows the counts behind the figures in a table with headers', () => {
    const doc = parse();
    const figures = doc.querySelector('.figures')?.textContent ?? '';
    expect(figures).toContain('66.7% 2 of 3 pairs');
    expect(figures).toContain('0.500 Observed agreement 0.667');
    const table = doc.querySelector('table.matrix')!;
    expect(table.querySelector('caption')?.textContent).toBe('Verdicts of Ana Lopes (AL) (rows) against Ben Okafor (BO) (columns), on the claims both rated');
    expect([...table.querySelectorAll('tbody tr')].map((tr) => tr.textContent)).toEqual(['Verified100', 'Unproven001', 'False001']);
  });
});

describe('minutesFileName', () => {
  it('names the file after the session', () => {
    expect(minutesFileName('Tuesday toll: Saltera', 'markdown')).toBe('tuesday-toll-saltera.minutes.md');
    expect(minutesFileName('Révision', 'pdf')).toBe('revision.minutes.pdf');
    expect(minutesFileName('***', 'pdf')).toBe('claimdesk-export.minutes.pdf');
  });
});
