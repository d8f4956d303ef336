import { describe, expect, it } from 'vitest';
import { csvField, toClaimsCsv, UTF8_BOM } from './csv';
import { FULL_EXPORT, FORMULA_TAG, HOSTILE_NOTE, HOSTILE_RATIONALE, testBundle } from './test-bundle';

/** A strict RFC 4180 parser: records end in CRLF; quoted fields may hold anything, quotes doubled. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          i += 1;
          break;
        }
        field += text[i];
        i += 1;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`);
        field += text[i];
        i += 1;
      }
    }
    record.push(field);
    if (text[i] === ',') { i += 1; continue; }
    if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
      if (i === text.length) return records;
      continue;
    }
    throw new Error(`expected "," or CRLF at ${i}, found ${JSON.stringify(text[i])}`);
  }
}

function table(options = testBundle().options): { rows: Record<string, string>[]; header: string[]; raw: string } {
  const raw = toClaimsCsv(testBundle(options));
  expect(raw.startsWith(UTF8_BOM)).toBe(true);
  const [header = [], ...body] = parseCsv(raw.slice(UTF8_BOM.length));
  for (const r of body) expect(r).toHaveLength(header.length);
  return { header, raw, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}

describe('toClaimsCsv', () => {
  it('starts with a BOM and a header row, then one CRLF-ended row per claim', () => {
    const { header, rows, raw } = table();
    expect(header).toEqual(['Number', 'Quote', 'Verdict', 'Confidence', 'Claim type', 'Status', 'Attribution', 'Chain', 'Sources', 'Tags', 'Rationale', 'Created', 'Created by']);
    expect(rows).toHaveLength(3);
    expect(raw.endsWith('\r\n')).toBe(true);
    expect(raw.replaceAll('\r\n', '')).not.toMatch(/\r(?!\n)/);
    expect(rows[0]).toMatchObject({
      Number: '1',
      Quote: '1 200 families 🏠 were evacuated by Tuesday',
      Verdict: 'Likely true',
      Confidence: '70',
      'Claim type': 'Statistic',
      Status: 'Settled',
      Attribution: 'According to',
      Chain: 'said by Interior Ministry → reported by State TV',
      Sources: 'Evacuations, shelters and roads: the day after (Supporting, para. 4)',
      'Created by': 'Marat Ospan',
    });
  });

  it('gives back quotes, commas and newlines exactly, and neutralises formulas', () => {
    const { rows } = table();
    expect(rows[1]?.Quote).toBe('the dam held 💧 and "no one was hurt"');
    expect(rows[1]?.Rationale).toBe(`'${HOSTILE_RATIONALE}`);
    expect(rows[2]?.Quote).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(rows[0]?.Tags).toBe(`Evacuation; Casualties › ${FORMULA_TAG}`);
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('neutralises every dangerous first character', () => {
    for (const hostile of ['=1+1', '+1', '-1', '@SUM(A1:A2)', '\t=1', '\r=1']) {
      expect(parseCsv(`${csvField(hostile)}\r\n`)).toEqual([[`'${hostile}`]]);
    }
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('plain 据报道')).toBe('plain 据报道');
  });

  it('leaves notes and confidential sources out by default and adds them when asked', () => {
    const publicTable = table();
    expect(publicTable.header).not.toContain('Note');
    expect(publicTable.raw).not.toContain('onerror');
    expect(publicTable.raw).not.toContain('shelter coordinator');
    const full = table(FULL_EXPORT);
    expect(full.header).toContain('Note');
    expect(full.rows[0]?.Note).toBe(HOSTILE_NOTE);
    expect(full.rows[2]?.Note).toBe(`'+1 ask the platform`);
    expect(full.rows[0]?.Sources).toContain('Call with shelter coordinator (Origin)');
  });
});
