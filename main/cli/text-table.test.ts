import { describe, expect, it } from 'vitest';
import { formatTable, oneLine, truncate } from './text-table';

describe('oneLine', () => {
  it('keeps escape sequences, controls and bidi overrides from reaching the terminal', () => {
    expect(oneLine('Police \u001b[31msaid\u001b[0m\n\n14\tdead')).toBe('Police said 14 dead');
    expect(oneLine('\u001b]0;pwned\u0007Title \u001b]8;;https://x.example\u001b\\link')).toBe('Title link');
    expect(oneLine('a\u202egnp.exe\u202c b\u009b1m')).toBe('a gnp.exe b 1m');
  });
});

describe('truncate', () => {
  it('cuts by characters, not UTF-16 units, and marks the cut', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('Kyiv — 14 dead', 8)).toBe('Kyiv —…');
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
  });
});

describe('formatTable', () => {
  it('aligns columns, numbers on the right, and leaves the last column unpadded', () => {
    const table = formatTable(
      [{ heading: 'ID', right: true }, { heading: 'TITLE', max: 12 }, { heading: 'NOTE' }],
      [
        ['7', 'Unrest in the capital', 'x'],
        ['12', 'Quiet\nday', ''],
      ],
    );
    expect(table).toBe(['ID  TITLE         NOTE', ' 7  Unrest in t…  x', '12  Quiet day', ''].join('\n'));
  });
});
