import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderMarkdownReport } from './markdown-report';
import { fixtureBundle } from './report-fixture';

describe('renderMarkdownReport', () => {
  it('lists claims in order with verdict, confidence, attribution and sources', () => {
    const md = renderMarkdownReport(fixtureBundle());
    expect(md.startsWith('# Fact-check: Port Velm & the "bridge"\n')).toBe(true);
    expect(md).toContain('1. **True**, confidence **70%**');
    expect(md).toContain('2. **False**, confidence **70%** (Open, Causal claim)');
    expect(md).toContain('   > Mayor Ilsa Draven claimed the new bridge cut commuting times by half');
    expect(md).toContain('said by Ilsa Draven (Mixed)');
    expect(md).toContain('[Port Velm annual statistics](<https://port-velm.example/stats?y=2023>)');
    expect(md).toContain('## Sources');
  });

  it('escapes hostile text and emits no raw HTML', () => {
    const md = renderMarkdownReport(fixtureBundle({ includeNotes: true, includeConfidential: false }));
    expect(md).toContain('*Note:* \\</script\\>\\<img src=x onerror=alert(1)\\>');
    expect(md).toContain('Zeta \\<b\\>blog\\</b\\>');
    // Every "<" is escaped, except the angle brackets we put around link destinations.
    const withoutLinks = md.replace(/\]\(<[^>\s]*>\)/g, '](…)');
    expect(withoutLinks).not.toMatch(/(^|[^\\])</);
  });

  it('links only http(s) and mailto URLs', () => {
    const md = renderMarkdownReport(fixtureBundle());
    const destinations = [...md.matchAll(/\]\(<([^>]*)>\)/g)].map((m) => m[1]);
    expect(destinations.length).toBeGreaterThan(0);
    for (const d of destinations) expect(d).toMatch(/^(https?|mailto):/);
    expect(md).not.toContain('](<javascript');
    // As text: nothing before it can open a link.
    expect(md).toMatch(/[^(<]javascript:alert\(1\)/);
  });

  it('leaves notes and confidential sources out by default', () => {
    const md = renderMarkdownReport(fixtureBundle());
    expect(md).not.toContain('onerror');
    expect(md).not.toContain('Confidential harbour insider');
  });
});

describe('escapeMarkdown', () => {
  it('neutralises block syntax at the start of lines and keeps continuation lines indented', () => {
    expect(escapeMarkdown('> quote\n# head\n\n1. item\n- [x](y)', '   ')).toBe(
      '\\> quote\\\n   \\# head\\\n   1\\. item\\\n   \\- \\[x\\](y)',
    );
    expect(escapeMarkdown('a_b*c`d![e]|f~g\\h')).toBe('a\\_b\\*c\\`d!\\[e\\]\\|f\\~g\\\\h');
    expect(escapeMarkdown('+ plus\n= under\n&amp; &#60; AT&T')).toBe('\\+ plus\\\n\\= under\\\n\\&amp; \\&#60; AT&T');
  });

  it('leaves ordinary punctuation alone so the text reads well unrendered', () => {
    expect(escapeMarkdown('A shoot-to-kill order (2026-03-14): 1,240 detained + 38 dead = too many!')).toBe(
      'A shoot-to-kill order (2026-03-14): 1,240 detained + 38 dead = too many!',
    );
  });
});
