/**
 * Agreement between reviewers on verdicts, over a ratings table: one row per unit (a claim), one
 * column per rater (a reviewer), each cell a nominal category (a verdict id) or missing.
 *
 * Categories are compared strictly: the number 1 and the string '1' are different verdicts.
 * Figures are computed from integer counts and divided as late as possible, so a result that
 * is a simple fraction (0.4, −1, 0) comes out exact; nothing is rounded here (the UI rounds).
 * A figure that the data cannot define (0/0) is `null` with a reason, never NaN.
 *
 * Matrices list their categories in a fixed order, independent of the order of units: numbers
 * ascending, then strings in code-unit order.
 */

/** A nominal category: a verdict id. */
export type Category = string | number;
/** A cell of the table: missing when the rater did not rate the unit. */
export type Rating = Category | null | undefined;

/** One unit (claim) and its ratings, aligned with `RatingsTable.raters`. */
export interface RatedUnit {
  readonly unit: string | number;
  readonly ratings: readonly Rating[];
}

/** Units × raters. Every unit has exactly one cell per rater; rater ids are distinct. */
export interface RatingsTable {
  readonly raters: readonly string[];
  readonly units: readonly RatedUnit[];
}

/** Counts for each pair of categories: `counts[i][j]` is for `categories[i]`, `categories[j]`. */
export interface CategoryMatrix {
  readonly categories: readonly Category[];
  readonly counts: readonly (readonly number[])[];
}

/**
 * Why a figure is missing: no pairable ratings at all, or a single category used throughout,
 * where agreement expected by chance is already perfect and the ratio is 0/0.
 */
export type NoFigureReason = 'no-pairable-ratings' | 'single-category';

/** Pairwise percent agreement and the counts behind it. */
export interface PercentAgreement {
  /** `agreeingPairs / pairs`, in [0, 1]; null when no unit has two ratings. */
  readonly value: number | null;
  readonly reason: NoFigureReason | null;
  /** Units with at least two ratings. */
  readonly units: number;
  /** Unordered pairs of raters who both rated the same unit, summed over units. */
  readonly pairs: number;
  /** Of those pairs, the ones that gave the same category. */
  readonly agreeingPairs: number;
}

/** Cohen's kappa between two raters and the counts behind it. */
export interface CohensKappa {
  readonly raterA: string;
  readonly raterB: string;
  /** Units both raters rated. */
  readonly units: number;
  /** Observed agreement po; null when `units` is 0. */
  readonly observed: number | null;
  /** Agreement expected from the two raters' marginals, pe; null when `units` is 0. */
  readonly expected: number | null;
  /** (po − pe) / (1 − pe); null when `units` is 0 or pe = 1. */
  readonly kappa: number | null;
  readonly reason: NoFigureReason | null;
  /** Rows are rater A's category, columns rater B's, over the units both rated. */
  readonly confusion: CategoryMatrix;
}

/** Krippendorff's alpha for nominal data and the counts behind it. */
export interface KrippendorffAlpha {
  /** 1 − Do/De; null when no value is pairable or De = 0. */
  readonly alpha: number | null;
  readonly reason: NoFigureReason | null;
  /** Observed disagreement Do; null when no value is pairable. */
  readonly observedDisagreement: number | null;
  /** Disagreement expected by chance De; null when no value is pairable. */
  readonly expectedDisagreement: number | null;
  /** Units with at least two ratings. */
  readonly units: number;
  /** Pairable values: ratings in units with at least two ratings. */
  readonly n: number;
  /** Coincidences o(c, k); symmetric, each row sums to the number of pairable values of c. */
  readonly coincidence: CategoryMatrix;
}

/** What a session shows: percent agreement always, kappa for exactly two raters, alpha always. */
export interface AgreementSummary {
  /** Raters with at least one rating, in table order. */
  readonly raters: readonly string[];
  /** The chance-corrected figure to show first: kappa for two raters, alpha otherwise. */
  readonly headline: 'cohens-kappa' | 'krippendorff-alpha';
  readonly percent: PercentAgreement;
  /** Between the two raters, when there are exactly two; otherwise null. */
  readonly kappa: CohensKappa | null;
  readonly alpha: KrippendorffAlpha;
}

/**
 * Pairwise percent agreement: over units with at least two ratings, the share of unordered pairs
 * of ratings of the same unit that agree. Units weigh by their number of pairs, so a unit rated
 * by four reviewers (six pairs) counts more than one rated by two (one pair). With two raters
 * this is the share of units both rated on which they agree.
 */
export function percentAgreement(table: RatingsTable): PercentAgreement {
  checkTable(table);
  let units = 0;
  let pairs = 0;
  let agreeingPairs = 0;
  for (const { ratings } of table.units) {
    const present = presentRatings(ratings);
    const m = present.length;
    if (m < 2) continue;
    units += 1;
    pairs += (m * (m - 1)) / 2;
    for (const count of tally(present).values()) agreeingPairs += (count * (count - 1)) / 2;
  }
  if (pairs === 0) return { value: null, reason: 'no-pairable-ratings', units, pairs, agreeingPairs };
  return { value: agreeingPairs / pairs, reason: null, units, pairs, agreeingPairs };
}

/**
 * Cohen's kappa between `raterA` and `raterB` over the units both rated. With n such units,
 * d of them agreeing and a(c), b(c) the raters' counts of category c:
 * po = d/n, pe = Σ a(c)·b(c) / n², kappa = (po − pe)/(1 − pe) = (n·d − Σ a·b)/(n² − Σ a·b).
 * pe = 1 only when both raters used one and the same category throughout: kappa is then null.
 * Throws if either rater is not in the table.
 */
export function cohensKappa(table: RatingsTable, raterA: string, raterB: string): CohensKappa {
  checkTable(table);
  const a = raterIndex(table, raterA);
  const b = raterIndex(table, raterB);
  const pairs: [Category, Category][] = [];
  for (const { ratings } of table.units) {
    const x = ratings[a];
    const y = ratings[b];
    if (isPresent(x) && isPresent(y)) pairs.push([x, y]);
  }
  const categories = sortCategories(pairs.flat());
  const index = indexOf(categories);
  const counts = square(categories.length);
  for (const [x, y] of pairs) counts[index.get(x)!]![index.get(y)!]! += 1;

  const n = pairs.length;
  const confusion = { categories, counts };
  const base = { raterA, raterB, units: n, confusion };
  if (n === 0) return { ...base, observed: null, expected: null, kappa: null, reason: 'no-pairable-ratings' };

  let agreeing = 0;
  let chance = 0; // Σ a(c)·b(c)
  for (let i = 0; i < categories.length; i++) {
    agreeing += counts[i]![i]!;
    chance += sum(counts[i]!) * sum(counts.map((row) => row[i]!));
  }
  const observed = agreeing / n;
  const expected = chance / (n * n);
  if (chance === n * n) return { ...base, observed, expected, kappa: null, reason: 'single-category' };
  return { ...base, observed, expected, kappa: (n * agreeing - chance) / (n * n - chance), reason: null };
}

/**
 * Krippendorff's alpha for nominal data (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"). Only units with m ≥ 2 ratings are pairable; each ordered pair of ratings
 * from different raters of a unit adds 1/(m − 1) to the coincidence o(c, k), so every pairable
 * value counts once in all. With n pairable values and n(c) of category c:
 * Do = Σ_{c≠k} o(c, k) / n, De = Σ_{c≠k} n(c)·n(k) / (n(n − 1)), alpha = 1 − Do/De.
 * De = 0 only when one category is used throughout: alpha is then null.
 */
export function krippendorffAlpha(table: RatingsTable): KrippendorffAlpha {
  checkTable(table);
  const pairable = table.units.map((u) => presentRatings(u.ratings)).filter((values) => values.length >= 2);
  const categories = sortCategories(pairable.flat());
  const index = indexOf(categories);
  // Ordered-pair counts are integers per unit size m; dividing each by (m − 1) once, at the end,
  // keeps the figures exact whenever every unit has the same number of ratings.
  const pairsBySize = new Map<number, number[][]>();
  for (const values of pairable) {
    const m = values.length;
    let pairs = pairsBySize.get(m);
    if (!pairs) pairsBySize.set(m, (pairs = square(categories.length)));
    const counts = tally(values);
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) pairs[index.get(c)!]![index.get(k)!]! += c === k ? nc * (nc - 1) : nc * nk;
    }
  }
  const coincidenceCounts = square(categories.length);
  let disagreeing = 0; // Σ_{c≠k} o(c, k)
  for (const [m, pairs] of pairsBySize) {
    let offDiagonal = 0;
    pairs.forEach((row, i) =>
      row.forEach((count, j) => {
        coincidenceCounts[i]![j]! += count / (m - 1);
        if (i !== j) offDiagonal += count;
      }),
    );
    disagreeing += offDiagonal / (m - 1);
  }
  const coincidence = { categories, counts: coincidenceCounts };

  let n = 0;
  let sumOfSquares = 0;
  for (const values of pairable) n += values.length;
  for (const count of tally(pairable.flat()).values()) sumOfSquares += count * count;
  const base = { units: pairable.length, n, coincidence };
  if (n === 0) {
    return { ...base, alpha: null, reason: 'no-pairable-ratings', observedDisagreement: null, expectedDisagreement: null };
  }
  const chance = n * n - sumOfSquares; // Σ_{c≠k} n(c)·n(k)
  const observedDisagreement = disagreeing / n;
  const expectedDisagreement = chance / (n * (n - 1));
  if (chance === 0) return { ...base, alpha: null, reason: 'single-category', observedDisagreement, expectedDisagreement };
  // 1 − Do/De, with the n's cancelled before dividing.
  return { ...base, alpha: 1 - ((n - 1) * disagreeing) / chance, reason: null, observedDisagreement, expectedDisagreement };
}

/**
 * Agreement for a session. Raters who rated nothing are left out; kappa is given between the
 * remaining raters when there are exactly two of them and is then the headline, otherwise alpha is.
 */
export function agreementSummary(table: RatingsTable): AgreementSummary {
  checkTable(table);
  const raters = table.raters.filter((_, r) => table.units.some((u) => isPresent(u.ratings[r])));
  const [first, second] = raters;
  const kappa = raters.length === 2 ? cohensKappa(table, first!, second!) : null;
  return {
    raters,
    headline: kappa ? 'cohens-kappa' : 'krippendorff-alpha',
    percent: percentAgreement(table),
    kappa,
    alpha: krippendorffAlpha(table),
  };
}

/** The units, in table order, whose ratings are not all the same; units with one rating never are. */
export function disagreements(table: RatingsTable): readonly RatedUnit[] {
  checkTable(table);
  return table.units.filter((u) => tally(presentRatings(u.ratings)).size > 1);
}

// A malformed table is a programming error, not an expected failure: it throws.
function checkTable(table: RatingsTable): void {
  if (new Set(table.raters).size !== table.raters.length) throw new Error('Rater ids in a ratings table must be distinct');
  for (const { unit, ratings } of table.units) {
    if (ratings.length !== table.raters.length) {
      throw new Error(`Unit ${unit} has ${ratings.length} ratings for ${table.raters.length} raters`);
    }
    if (ratings.some((r) => typeof r === 'number' && Number.isNaN(r))) throw new Error(`Unit ${unit} has a NaN rating`);
  }
}

function raterIndex(table: RatingsTable, rater: string): number {
  const r = table.raters.indexOf(rater);
  if (r < 0) throw new Error(`No rater ${rater} in the ratings table`);
  return r;
}

function isPresent(rating: Rating): rating is Category {
  return rating !== null && rating !== undefined;
}

function presentRatings(ratings: readonly Rating[]): Category[] {
  return ratings.filter(isPresent);
}

function tally(values: readonly Category[]): Map<Category, number> {
  const counts = new Map<Category, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

function sortCategories(values: readonly Category[]): Category[] {
  return [...new Set(values)].sort((x, y) => {
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

function indexOf(categories: readonly Category[]): Map<Category, number> {
  return new Map(categories.map((c, i) => [c, i]));
}

function square(size: number): number[][] {
  return Array.from({ length: size }, () => new Array<number>(size).fill(0));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
