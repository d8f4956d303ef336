import { describe, expect, it } from 'vitest';
import type { ClaimReview } from './claim-review';
import { ratingOf, toClaimReviews } from './claim-review';
import { FULL_EXPORT, HOSTILE_RATIONALE, testBundle } from './test-bundle';

function exported(options = testBundle().options): { graph: ClaimReview[]; json: string; context: unknown } {
  const json = JSON.stringify(toClaimReviews(testBundle(options)));
  const doc = JSON.parse(json) as { '@context': unknown; '@graph': ClaimReview[] };
  return { graph: doc['@graph'], json, context: doc['@context'] };
}

describe('toClaimReviews', () => {
  it('writes one ClaimReview per claim with the required fields', () => {
    const { graph, context } = exported();
    expect(context).toBe('https://schema.org');
    expect(graph).toHaveLength(3);
    for (const review of graph) {
      expect(review['@type']).toBe('ClaimReview');
      expect(typeof review.claimReviewed).toBe('string');
      expect(review.reviewRating['@type']).toBe('Rating');
      expect(typeof review.reviewRating.alternateName).toBe('string');
      expect(review.itemReviewed).toMatchObject({ '@type': 'Claim', appearance: { '@type': 'CreativeWork', url: 'https://courier.example/flood-relief' } });
      expect(review.author).toEqual({ '@type': 'Organization', name: 'Elswick Verification Desk' });
      expect(review.datePublished).toBe('2026-03-05');
    }
    expect(graph[1]?.claimReviewed).toBe('the dam held 💧 and "no one was hurt"');
    expect(graph[2]?.claimReviewed).toBe('=HYPERLINK("http://evil.example","click")');
  });

  it('maps the verdict scale best-first onto ratings, leaving "not checkable" unrated', () => {
    const { graph } = exported();
    expect(graph[0]?.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Likely true', ratingValue: 4, bestRating: 5, worstRating: 1 });
    expect(graph[1]?.reviewRating).toMatchObject({ alternateName: 'Misleading', ratingValue: 2 });
    expect(graph[2]?.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Not checkable' });
  });

  it('follows the scale as the user reordered it', () => {
    const scale = testBundle().verdicts.map((v) => (v.key === 'false' ? { ...v, position: 0 } : v));
    const falseVerdict = scale.find((v) => v.key === 'false');
    expect(falseVerdict && ratingOf(falseVerdict, scale)).toMatchObject({ ratingValue: 5, bestRating: 5 });
  });

  it('names hop 0 of the chain as the claim’s author, by speaker kind', () => {
    const { graph } = exported();
    expect(graph[0]?.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Interior Ministry' });
    expect(graph[1]?.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Aida Sarsen' });
    expect(graph[2]?.itemReviewed.author).toBeUndefined();
  });

  it('uses a confidential origin as first appearance only when asked', () => {
    expect(exported().graph[0]?.itemReviewed).toMatchObject({ datePublished: '2026-03-02' });
    expect(exported().graph[0]?.itemReviewed.firstAppearance).toBeUndefined();
    expect(exported().json).not.toContain('shelter coordinator');
    const full = exported(FULL_EXPORT).graph[0]?.itemReviewed;
    expect(full).toMatchObject({ datePublished: '2026-03', firstAppearance: { '@type': 'CreativeWork', headline: 'Call with shelter coordinator' } });
  });

  it('carries no notes, rationale or javascript: URL', () => {
    const { json } = exported(FULL_EXPORT);
    expect(json).not.toContain('onerror');
    expect(json).not.toContain(JSON.stringify(HOSTILE_RATIONALE).slice(1, -1));
    expect(json).not.toContain('javascript:');
  });
});
