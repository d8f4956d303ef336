/** Text anchoring: describing a range of plain text, and finding it again after edits. */
export {
  anchorAll,
  anchorQuote,
  type AnchorAllResult,
  type AnchoredItem,
  type AnchorMethod,
  type AnchorResult,
} from './anchor';
export { DEFAULT_CONTEXT, describeRange } from './describe';
export {
  contextAgreement,
  EXACT_WINDOW,
  findExact,
  findFuzzy,
  findFuzzyAnywhere,
  findFuzzyNear,
  FUZZY_WINDOW,
  GOOD_FUZZY_SCORE,
  MAX_FUZZY_ERRORS,
  matchExactQuote,
  matchFuzzyQuote,
  maxFuzzyErrors,
  mergeRanges,
  SHORT_QUOTE,
  windowAround,
  type ExactMatch,
  type QuoteContext,
  type QuoteMatch,
  type SearchRange,
} from './match-quote';
