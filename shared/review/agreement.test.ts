import { describe, expect, it } from 'vitest';
import type { Rating, RatingsTable } from './agreement';
import { agreementSummary, cohensKappa, disagreements, krippendorffAlpha, percentAgreement } from './agreement';

/** A table from columns of ratings, one string per rater, '.' for missing. */
function table(raters: Record<string, string>): RatingsTable {
  const ids = Object.keys(raters);
  const columns = Object.values(raters).map((column) => column.split(' '));
  const length = columns[0]!.length;
  return {
    raters: ids,
    units: Array.from({ length }, (_, u) => ({
      unit: u + 1,
      ratings: columns.map((column): Rating => (column[u] === '.' ? null : column[u])),
    })),
  };
}

/** Two raters over the four cells of a yes/no confusion table: [yes·yes, yes·no, no·yes, no·no]. */
function yesNo([yy, yn, ny, nn]: [number, number, number, number]): RatingsTable {
  const cells: [string, string, number][] = [['yes', 'yes', yy], ['yes', 'no', yn], ['no', 'yes', ny], ['no', 'no', nn]];
  const units = cells.flatMap(([a, b, count]) => Array.from({ length: count }, () => [a, b]));
  return { raters: ['ana', 'ben'], units: units.map((ratings, u) => ({ unit: u + 1, ratings })) };
}

describe('perfect agreement', () => {
  // a a / b b / a a / c c. po = 4/4 = 1. Marginals a 2, b 1, c 1 for both:
  // pe = (2·2 + 1·1 + 1·1)/16 = 6/16; kappa = (4·4 − 6)/(16 − 6) = 1.
  // Alpha: n = 8, no off-diagonal coincidences, so Do = 0 and alpha = 1.
  const perfect = table({ ana: 'a b a c', ben: 'a b a c' });

  it('gives kappa 1, alpha 1 and 100 % with the counts behind them', () => {
    expect(percentAgreement(perfect)).toEqual({ value: 1, reason: null, units: 4, pairs: 4, agreeingPairs: 4 });
    const k = cohensKappa(perfect, 'ana', 'ben');
    expect(k).toMatchObject({ units: 4, observed: 1, expected: 6 / 16, kappa: 1, reason: null });
    expect(k.confusion).toEqual({ categories: ['a', 'b', 'c'], counts: [[2, 0, 0], [0, 1, 0], [0, 0, 1]] });
    const a = krippendorffAlpha(perfect);
    expect(a).toMatchObject({ alpha: 1, n: 8, units: 4, observedDisagreement: 0, reason: null });
    expect(a.coincidence.counts).toEqual([[4, 0, 0], [0, 2, 0], [0, 0, 2]]);
    expect(disagreements(perfect)).toEqual([]);
  });
});

describe('chance-level agreement', () => {
  // Confusion [[1, 1], [1, 1]]: po = 2/4 = 1/2; both raters say yes twice and no twice, so
  // pe = (2·2 + 2·2)/16 = 1/2 = po, and kappa = (4·2 − 8)/(16 − 8) = 0 exactly.
  // Alpha is not 0 here: its small-sample correction gives n = 8, n(yes) = n(no) = 4,
  // o(yes,no) = o(no,yes) = 2, so alpha = 1 − 7·4/(2·4·4) = 1 − 28/32 = 1/8.
  const chance = yesNo([1, 1, 1, 1]);

  it('gives kappa 0', () => {
    expect(cohensKappa(chance, 'ana', 'ben')).toMatchObject({ observed: 0.5, expected: 0.5, kappa: 0, reason: null });
    expect(krippendorffAlpha(chance).alpha).toBe(1 / 8);
    expect(percentAgreement(chance).value).toBe(0.5);
  });
});

describe('the textbook 50-item example', () => {
  // Both yes 20, ana yes / ben no 5, ana no / ben yes 10, both no 15.
  // po = 35/50 = 0.7; ana says yes 25 times, ben 30: pe = (25·30 + 25·20)/2500 = 0.5;
  // kappa = (0.7 − 0.5)/(1 − 0.5) = (50·35 − 1250)/(2500 − 1250) = 500/1250 = 0.4.
  // Alpha: n = 100, n(yes) = 55, n(no) = 45, 15 disagreeing units give Σ_{c≠k} o = 30;
  // alpha = 1 − 99·30/(2·55·45) = 1 − 2970/4950 = 0.4.
  const classic = yesNo([20, 5, 10, 15]);

  it('gives po 0.7, pe 0.5, kappa 0.4 and the confusion matrix', () => {
    const k = cohensKappa(classic, 'ana', 'ben');
    expect(k).toMatchObject({ units: 50, observed: 0.7, expected: 0.5, kappa: 0.4, reason: null });
    // Rows are ana's verdict, columns ben's; categories in code-unit order.
    expect(k.confusion).toEqual({ categories: ['no', 'yes'], counts: [[15, 10], [5, 20]] });
    expect(krippendorffAlpha(classic).alpha).toBeCloseTo(0.4, 12);
    expect(percentAgreement(classic)).toEqual({ value: 0.7, reason: null, units: 50, pairs: 50, agreeingPairs: 35 });
  });

  it('gives the same kappa with the raters swapped, and the transposed matrix', () => {
    const k = cohensKappa(classic, 'ben', 'ana');
    expect(k.kappa).toBe(0.4);
    expect(k.confusion.counts).toEqual([[15, 5], [10, 20]]);
  });
});

describe("Krippendorff's nominal example (Computing Krippendorff's Alpha-Reliability, 2011)", () => {
  // Four observers, twelve units, missing values; published nominal alpha 0.743.
  const paper: RatingsTable = table({
    A: '1 2 3 3 2 1 4 1 2 . . .',
    B: '1 2 3 3 2 2 4 1 2 5 . 3',
    C: '. 3 3 3 2 3 4 2 2 5 1 .',
    D: '1 2 3 3 2 4 4 1 2 5 1 .',
  });
  // Coincidences, unit by unit (each ordered pair weighted 1/(m − 1)):
  //   u1 1,1,1 (m 3): o11 += 3·2/2 = 3          u2 2,2,3,2: o22 += 6/3, o23 += 3/3, o32 += 3/3
  //   u3, u4 3×4: o33 += 4 each                  u5, u9 2×4: o22 += 4 each;  u7 4×4: o44 += 4
  //   u6 1,2,3,4: every o(c,k), c≠k, += 1/3      u8 1,1,2,1: o11 += 2, o12 += 1, o21 += 1
  //   u10 5,5,5 (m 3): o55 += 3                  u11 1,1 (m 2): o11 += 2;   u12: one value, unpairable
  // Matrix (rows n(c) = 9, 13, 10, 5, 3; n = 40):
  //   [7, 4/3, 1/3, 1/3, 0], [4/3, 10, 4/3, 1/3, 0], [1/3, 4/3, 8, 1/3, 0], [1/3, 1/3, 1/3, 4, 0], [0, 0, 0, 0, 3]
  // Σ_{c≠k} o = 40 − (7 + 10 + 8 + 4 + 3) = 8; Σ_{c≠k} n(c)n(k) = 40² − (81 + 169 + 100 + 25 + 9) = 1216.
  // Do = 8/40 = 0.2; De = 1216/(40·39) = 0.77949; alpha = 1 − 39·8/1216 = 1 − 312/1216 = 0.743421…
  it('reproduces the published coincidence matrix and alpha 0.743', () => {
    const a = krippendorffAlpha(paper);
    expect(a.reason).toBeNull();
    expect(a.n).toBe(40);
    expect(a.units).toBe(11);
    expect(a.alpha).toBeCloseTo(1 - 312 / 1216, 12);
    expect(a.alpha).toBeCloseTo(0.743, 3);
    expect(a.observedDisagreement).toBeCloseTo(0.2, 12);
    expect(a.expectedDisagreement).toBeCloseTo(1216 / 1560, 12);
    expect(a.coincidence.categories).toEqual(['1', '2', '3', '4', '5']);
    const third = 1 / 3;
    const expected = [
      [7, 4 * third, third, third, 0],
      [4 * third, 10, 4 * third, third, 0],
      [third, 4 * third, 8, third, 0],
      [third, third, third, 4, 0],
      [0, 0, 0, 0, 3],
    ];
    a.coincidence.counts.forEach((row, i) => row.forEach((cell, j) => expect(cell).toBeCloseTo(expected[i]![j]!, 12)));
    expect(a.coincidence.counts.map((row) => row.reduce((x, y) => x + y))).toEqual([9, 13, 10, 5, 3].map((v) => expect.closeTo(v, 12)));
  });

  // Pairs per unit: u1 3 (3 agree), u2–u9 6 each (agreeing 3, 6, 6, 6, 0, 6, 3, 6), u10 3 (3), u11 1 (1).
  // 3 + 48 + 3 + 1 = 55 pairs; 3 + 36 + 3 + 1 = 43 agree.
  it('gives pairwise percent agreement 43/55, ignoring the unit with one value', () => {
    expect(percentAgreement(paper)).toEqual({ value: 43 / 55, reason: null, units: 11, pairs: 55, agreeingPairs: 43 });
  });

  it('lists units 2, 6 and 8 as disagreements, and summarises with alpha for four raters', () => {
    expect(disagreements(paper).map((u) => u.unit)).toEqual([2, 6, 8]);
    const summary = agreementSummary(paper);
    expect(summary).toMatchObject({ raters: ['A', 'B', 'C', 'D'], headline: 'krippendorff-alpha', kappa: null });
    expect(summary.alpha.alpha).toBeCloseTo(0.743, 3);
  });
});

describe('missing ratings', () => {
  // Units: a·a, a·–, b·b, –·b, a·b, –·–. Only units 1, 3 and 5 are rated by both.
  // Kappa over those 3: d = 2, ana a 2 b 1, ben a 1 b 2: Σ a·b = 2 + 2 = 4;
  // kappa = (3·2 − 4)/(9 − 4) = 2/5. Alpha: n = 6, n(a) = n(b) = 3, unit 5 gives Σ_{c≠k} o = 2;
  // alpha = 1 − 5·2/(2·3·3) = 1 − 10/18 = 4/9.
  const gappy = table({ ana: 'a a b . a .', ben: 'a . b b b .' });

  it('uses only units with two ratings, and ignores a unit rated by one reviewer', () => {
    const k = cohensKappa(gappy, 'ana', 'ben');
    expect(k).toMatchObject({ units: 3, observed: 2 / 3, expected: 4 / 9, kappa: 2 / 5 });
    expect(k.confusion.counts).toEqual([[1, 1], [0, 1]]);
    expect(krippendorffAlpha(gappy)).toMatchObject({ units: 3, n: 6 });
    expect(krippendorffAlpha(gappy).alpha).toBeCloseTo(4 / 9, 12);
    expect(percentAgreement(gappy)).toEqual({ value: 2 / 3, reason: null, units: 3, pairs: 3, agreeingPairs: 2 });
    expect(disagreements(gappy).map((u) => u.unit)).toEqual([5]);
  });

  it('leaves out a reviewer who rated nothing, so two active reviewers get kappa', () => {
    const withIdle: RatingsTable = {
      raters: ['ana', 'ben', 'cy'],
      units: gappy.units.map((u) => ({ ...u, ratings: [...u.ratings, undefined] })),
    };
    const summary = agreementSummary(withIdle);
    expect(summary.raters).toEqual(['ana', 'ben']);
    expect(summary.headline).toBe('cohens-kappa');
    expect(summary.kappa?.kappa).toBe(2 / 5);
    expect(summary.alpha.alpha).toBeCloseTo(4 / 9, 12);
  });

  it('gives no figures, with a reason, when no unit has two ratings', () => {
    const lonely = table({ ana: 'a . b', ben: '. b .' });
    expect(percentAgreement(lonely)).toEqual({ value: null, reason: 'no-pairable-ratings', units: 0, pairs: 0, agreeingPairs: 0 });
    expect(cohensKappa(lonely, 'ana', 'ben')).toMatchObject({ units: 0, observed: null, expected: null, kappa: null, reason: 'no-pairable-ratings' });
    expect(krippendorffAlpha(lonely)).toMatchObject({ n: 0, alpha: null, reason: 'no-pairable-ratings' });
    expect(disagreements(lonely)).toEqual([]);
  });
});

describe('a single category throughout', () => {
  // Both say 'true' every time: po = 1 and pe = 1, so kappa is 0/0; alpha's De is 0 too.
  const unanimous = table({ ana: 'true true true', ben: 'true true true', cy: 'true . true' });

  it('gives kappa and alpha as null with a reason, and still 100 % agreement', () => {
    expect(cohensKappa(unanimous, 'ana', 'ben')).toMatchObject({ observed: 1, expected: 1, kappa: null, reason: 'single-category' });
    expect(krippendorffAlpha(unanimous)).toMatchObject({ alpha: null, reason: 'single-category', n: 8, observedDisagreement: 0, expectedDisagreement: 0 });
    expect(percentAgreement(unanimous).value).toBe(1);
  });
});

describe('systematic disagreement', () => {
  // Always opposite: po = 0, pe = (2·2 + 2·2)/16 = 1/2, kappa = (4·0 − 8)/(16 − 8) = −1.
  // Alpha: n = 8, n(yes) = n(no) = 4, Σ_{c≠k} o = 8; alpha = 1 − 7·8/32 = −3/4.
  const opposite = yesNo([0, 2, 2, 0]);

  it('gives negative kappa and alpha', () => {
    expect(cohensKappa(opposite, 'ana', 'ben')).toMatchObject({ observed: 0, expected: 0.5, kappa: -1 });
    expect(krippendorffAlpha(opposite).alpha).toBe(-0.75);
    expect(percentAgreement(opposite).value).toBe(0);
    expect(disagreements(opposite)).toHaveLength(4);
  });
});

describe('categories', () => {
  it('tells the number 1 from the string "1", and orders numbers before strings', () => {
    const mixed: RatingsTable = {
      raters: ['ana', 'ben'],
      units: [
        { unit: 'c1', ratings: [1, '1'] },
        { unit: 'c2', ratings: [10, 10] },
        { unit: 'c3', ratings: [2, 2] },
      ],
    };
    expect(disagreements(mixed).map((u) => u.unit)).toEqual(['c1']);
    expect(cohensKappa(mixed, 'ana', 'ben').confusion.categories).toEqual([1, 2, 10, '1']);
  });

  it('refuses a malformed table', () => {
    expect(() => percentAgreement({ raters: ['ana', 'ana'], units: [] })).toThrow(/distinct/);
    expect(() => percentAgreement({ raters: ['ana', 'ben'], units: [{ unit: 1, ratings: ['a'] }] })).toThrow(/1 ratings for 2 raters/);
    expect(() => cohensKappa(table({ ana: 'a', ben: 'a' }), 'ana', 'cy')).toThrow(/No rater cy/);
  });
});
