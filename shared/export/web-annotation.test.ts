import { describe, expect, it } from 'vitest';
import { codePointToUtf16Offset } from './code-points';
import { FULL_EXPORT, HOSTILE_NOTE, JAVASCRIPT_URL, PLAIN_TEXT, testBundle } from './test-bundle';
import type { WebAnnotation } from './web-annotation';
import { toWebAnnotationCollection, webUrlOrNull } from './web-annotation';

/** Exported as the file will be: through JSON and back. */
function exported(options = testBundle().options): { collection: Record<string, unknown>; items: WebAnnotation[]; json: string } {
  const json = JSON.stringify(toWebAnnotationCollection(testBundle(options)));
  const collection = JSON.parse(json) as Record<string, unknown> & { first: { items: WebAnnotation[] } };
  return { collection, items: collection.first.items, json };
}

function sliceByCodePoints(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join('');
}

describe('toWebAnnotationCollection', () => {
  it('is an AnnotationCollection with the model’s required fields', () => {
    const { collection, items } = exported();
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 3, first: { type: 'AnnotationPage' } });
    expect(typeof collection.id).toBe('string');
    expect(typeof collection.label).toBe('string');
    expect(items.map((a) => a.id)).toEqual([
      'urn:uuid:c1a1d0e5-0000-4000-8000-000000000101',
      'urn:uuid:c1a1d0e5-0000-4000-8000-000000000102',
      'urn:uuid:c1a1d0e5-0000-4000-8000-000000000103',
    ]);
    for (const a of items) {
      expect(a).toMatchObject({ type: 'Annotation', motivation: 'assessing', generator: { type: 'Software', name: 'Claimdesk 0.1.0' } });
      expect(a.created).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(a.modified).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(a.target.source).toBe('https://courier.example/flood-relief');
      expect(a.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
      expect(a.body[0]).toMatchObject({ type: 'TextualBody', purpose: 'assessing', format: 'text/plain' });
    }
    expect(items[0]?.body[0]).toMatchObject({ value: 'Likely true (confidence 70%)' });
  });

  it('names the profile that created a claim as a Person, else the desk as an Organization', () => {
    const { items } = exported();
    expect(items[0]?.creator).toMatchObject({ type: 'Person', name: 'Marat Ospan' });
    expect(items[2]?.creator).toEqual({ type: 'Organization', name: 'Elswick Verification Desk' });
  });

  it('gives positions in code points: the quote sliced by code points from the plain text is exact', () => {
    const { items } = exported();
    for (const a of items) {
      const [quote, position] = a.target.selector;
      expect(sliceByCodePoints(PLAIN_TEXT, position.start, position.end)).toBe(quote.exact);
      // The emoji before each quote make the two units differ.
      expect(codePointToUtf16Offset(PLAIN_TEXT, position.start)).toBeGreaterThan(position.start);
    }
  });

  it('tags each claim with its tag paths', () => {
    const { items } = exported();
    const tags = items[0]?.body.filter((b) => b.purpose === 'tagging').map((b) => (b.type === 'TextualBody' ? b.value : ''));
    expect(tags).toEqual(['Evacuation', 'Casualties › @SUM(A1:A9)']);
  });

  it('leaves confidential sources and notes out by default', () => {
    const { items, json } = exported();
    expect(items[0]?.body.filter((b) => b.purpose === 'identifying' || b.purpose === 'describing')).toEqual([
      { type: 'SpecificResource', purpose: 'identifying', source: 'https://courier.example/flood-day-after' },
    ]);
    expect(json).not.toContain('shelter coordinator');
    expect(items.some((a) => a.body.some((b) => b.purpose === 'commenting'))).toBe(false);
    expect(json).not.toContain('onerror');
  });

  it('includes them when asked, the note as plain text exactly as written', () => {
    const { items } = exported(FULL_EXPORT);
    expect(items[0]?.body).toContainEqual({ type: 'TextualBody', purpose: 'describing', value: 'Call with shelter coordinator', format: 'text/plain' });
    expect(items[0]?.body).toContainEqual({ type: 'TextualBody', purpose: 'commenting', value: HOSTILE_NOTE, format: 'text/plain' });
    expect(items[2]?.body).toContainEqual({ type: 'TextualBody', purpose: 'commenting', value: '+1 ask the platform', format: 'text/plain' });
  });

  it('never emits a javascript: URL as an IRI; that source is described by its title', () => {
    const { items, json } = exported(FULL_EXPORT);
    expect(json).not.toContain('javascript:alert(document');
    expect(items[1]?.body).toContainEqual({ type: 'TextualBody', purpose: 'describing', value: 'Statement on the Elswick dam', format: 'text/plain' });
    expect(webUrlOrNull(JAVASCRIPT_URL)).toBeNull();
    expect(webUrlOrNull(' https://a.example ')).toBe('https://a.example/');
  });

  it('falls back to a urn: for a document without a web URL', () => {
    const bundle = testBundle();
    const collection = toWebAnnotationCollection({ ...bundle, document: { ...bundle.document, url: null } });
    expect(collection.first.items[0]?.target.source).toBe('urn:claimdesk:document:7');
  });
});
