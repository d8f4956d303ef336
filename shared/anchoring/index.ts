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
  FUZZY_WINDOWS,
  MAX_FUZZY_ERRORS,
  matchExactQuote,
  matchFuzzyQuote,
  maxFuzzyErrors,
  SHORT_QUOTE,
  type QuoteContext,
  type QuoteMatch,
} from './match-quote';
