/**
 * Agreement on verdicts in the session, with the counts behind each figure: percent agreement
 * (agreeing pairs of votes out of all pairs), Cohen's kappa when exactly two reviewers voted,
 * Krippendorff's alpha (nominal) for any number.
 */
import type { SessionAgreement } from '../../../shared/domain';

const REASONS: Record<string, string> = {
  'no-pairable-ratings': 'needs a claim with at least two votes',
  'single-category': 'everyone used one verdict, so chance agreement is total',
};

const fmt = (value: number | null, reason: string | null) => (value === null ? `— (${REASONS[reason ?? ''] ?? 'not defined'})` : value.toFixed(2));
const pct = (value: number | null, reason: string | null) => (value === null ? `— (${REASONS[reason ?? ''] ?? 'not defined'})` : `${Math.round(value * 100)}%`);

/** The agreement panel. */
export function AgreementPanel({ agreement }: { readonly agreement: SessionAgreement }) {
  const { summary, claimsHidden } = agreement;
  const { percent, kappa, alpha } = summary;
  return (
    <section className="review-agreement" aria-labelledby="review-agreement-title">
      <h4 id="review-agreement-title">Agreement on verdicts</h4>
      <dl>
        <div>
          <dt>Percent agreement</dt>
          <dd>
            {pct(percent.value, percent.reason)} <span className="hint">({percent.agreeingPairs} of {percent.pairs} pairs of votes agree, over {percent.units} claims)</span>
          </dd>
        </div>
        {kappa && (
          <div>
            <dt>Cohen’s kappa</dt>
            <dd>
              {fmt(kappa.kappa, kappa.reason)}{' '}
              <span className="hint">
                ({kappa.raterA} and {kappa.raterB}, {kappa.units} claims both voted on; observed {fmt(kappa.observed, null)}, expected by chance {fmt(kappa.expected, null)})
              </span>
            </dd>
          </div>
        )}
        <div>
          <dt>Krippendorff’s alpha (nominal)</dt>
          <dd>
            {fmt(alpha.alpha, alpha.reason)}{' '}
            <span className="hint">
              ({alpha.n} votes on {alpha.units} claims; observed disagreement {fmt(alpha.observedDisagreement, null)}, expected {fmt(alpha.expectedDisagreement, null)})
            </span>
          </dd>
        </div>
      </dl>
      <p className="hint">
        Reviewers: {summary.raters.length === 0 ? 'none yet' : summary.raters.join(', ')}.
        {claimsHidden > 0 ? ` ${claimsHidden} ${claimsHidden === 1 ? 'claim is' : 'claims are'} left out until you vote on ${claimsHidden === 1 ? 'it' : 'them'}.` : ''}
      </p>
    </section>
  );
}
