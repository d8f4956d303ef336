import { describe, expect, it } from 'vitest';
import { AppError } from '../result';
import { canonicalJson, readAnnotationFile } from './annotation-file';

const quote = (exact: string, more: Record<string, unknown> = {}) => ({ type: 'TextQuoteSelector', exact, ...more });
const read = (value: unknown) => readAnnotationFile(JSON.stringify(value));
const one = (value: Record<string, unknown>) => {
  const file = read([value]);
  expect(file.skipped).toEqual([]);
  return file.annotations[0];
};

describe('readAnnotationFile: containers', () => {
  const a = { id: 'urn:x:1', type: 'Annotation', target: { selector: quote('one') } };
  const b = { id: 'urn:x:2', type: 'Annotation', target: { selector: quote('two') } };
  const ids = (value: unknown) => read(value).annotations.map((x) => x.id);

  it('reads a collection (embedded pages followed), a page, items, a single annotation and a list', () => {
    expect(ids({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [a], next: { type: 'AnnotationPage', items: [b] } } })).toEqual(['urn:x:1', 'urn:x:2']);
    expect(ids({ type: 'AnnotationCollection', items: [a, b] })).toEqual(['urn:x:1', 'urn:x:2']);
    expect(ids({ type: 'AnnotationPage', items: [b] })).toEqual(['urn:x:2']);
    expect(ids(a)).toEqual(['urn:x:1']);
    expect(ids([a, b])).toEqual(['urn:x:1', 'urn:x:2']);
    expect(ids({ total: 2, rows: [a, b] })).toEqual(['urn:x:1', 'urn:x:2']);
    expect(ids({ annotations: [b] })).toEqual(['urn:x:2']);
    expect(ids({ type: 'AnnotationCollection', first: { items: [a], next: 'https://anno.example/page/2' } })).toEqual(['urn:x:1']);
  });

  it('accepts JSON-LD spellings: @id, @type, a list of types', () => {
    const annotation = { '@id': 'urn:x:9', '@type': ['oa:Annotation'], target: { selector: quote('nine') } };
    expect(read([annotation]).annotations[0]?.id).toBe('urn:x:9');
  });
});

describe('readAnnotationFile: targets and selectors', () => {
  it('takes the first target with a quote, its position as a hint, and ignores other selectors', () => {
    const annotation = one({
      target: [
        'https://news.example/whole-page',
        { source: 'https://news.example/a', selector: { type: 'CssSelector', value: '#p2' } },
        {
          source: 'https://news.example/a',
          selector: [
            { type: 'RangeSelector', startSelector: { type: 'XPathSelector', value: '/p[2]' }, endSelector: { type: 'XPathSelector', value: '/p[2]' } },
            { type: 'TextPositionSelector', start: 12, end: 21 },
            quote('14 people', { prefix: 'said ', suffix: ' were', refinedBy: { type: 'TextPositionSelector', start: 'x' } }),
          ],
        },
      ],
    });
    expect(annotation).toMatchObject({ exact: '14 people', prefix: 'said ', suffix: ' were', start: 12, targetSource: 'https://news.example/a' });
  });

  it('drops a position that is not a whole number, or ends before it starts, as a hint', () => {
    for (const [start, end] of [[-1, 5], [2.5, 9], [9, 3], ['3', 9], [Number.MAX_SAFE_INTEGER + 2, undefined]] as const) {
      const annotation = one({ target: { selector: [quote('x'), { type: 'TextPositionSelector', start, end }] } });
      expect(annotation?.start).toBeNull();
    }
    expect(one({ target: { selector: [quote('x'), { type: 'TextPositionSelector', start: 4 }] } })?.start).toBe(4);
  });

  it('skips what cannot become a claim, saying why', () => {
    const file = read([
      { id: 'a', type: 'Annotation', target: 'https://news.example/a' },
      { id: 'b', type: 'Annotation', target: { source: 'https://news.example/a', selector: { type: 'TextPositionSelector', start: 1, end: 4 } } },
      { id: 'c', type: 'Annotation', motivation: 'replying', target: 'urn:x:1', body: { value: 'yes' } },
      { id: 'd', type: 'Annotation', target: { selector: quote('') } },
      { id: 'e', type: 'SpecificResource' },
      { id: 'f', target: [] },
    ]);
    expect(file.count).toBe(6);
    expect(file.annotations).toEqual([]);
    expect(file.skipped).toEqual([
      { index: 0, reason: 'it annotates a whole page, not a passage (a page note)' },
      { index: 1, reason: 'it has no text quote (only other kinds of selector)' },
      { index: 2, reason: 'it is a reply to another annotation' },
      { index: 3, reason: 'its quote is empty' },
      { index: 4, reason: 'it is not an annotation (its type is “SpecificResource”)' },
      { index: 5, reason: 'it has no target' },
    ]);
  });
});

describe('readAnnotationFile: bodies', () => {
  const target = { selector: quote('14 people') };

  it('reads our own export: verdict and confidence, tag paths, web sources, described sources, the note', () => {
    const annotation = one({
      id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
      type: 'Annotation',
      motivation: 'assessing',
      generator: { id: 'urn:claimdesk:software', type: 'Software', name: 'Claimdesk 0.1.0' },
      body: [
        { type: 'TextualBody', purpose: 'assessing', value: 'Likely true (confidence 70%)', format: 'text/plain' },
        { type: 'TextualBody', purpose: 'tagging', value: 'Casualties › Deaths', format: 'text/plain' },
        { type: 'SpecificResource', purpose: 'identifying', source: 'https://courier.example/a' },
        { type: 'TextualBody', purpose: 'describing', value: 'Call with the coroner', format: 'text/plain' },
        { type: 'TextualBody', purpose: 'commenting', value: 'Ask again', format: 'text/plain' },
      ],
      target,
    });
    expect(annotation).toMatchObject({
      verdict: { label: 'Likely true', confidence: 70 },
      tags: [['Casualties', 'Deaths']],
      sources: [{ url: 'https://courier.example/a', title: null }, { url: null, title: 'Call with the coroner' }],
      notes: ['Ask again'],
    });
  });

  it('takes a body’s purpose from the motivation when it has none, and reads bodyValue, Choice bodies and bare IRIs', () => {
    expect(one({ motivation: 'tagging', body: { type: 'TextualBody', value: 'Deaths' }, target })?.tags).toEqual([['Deaths']]);
    expect(one({ motivation: 'commenting', bodyValue: 'A plain comment', target })?.notes).toEqual(['A plain comment']);
    expect(one({ body: { type: 'Choice', items: [{ type: 'TextualBody', value: 'In English' }, { type: 'TextualBody', value: 'Auf Deutsch' }] }, target })?.notes).toEqual(['In English', 'Auf Deutsch']);
    expect(one({ motivation: 'linking', body: 'https://registry.example/record/7', target })?.sources).toEqual([{ url: 'https://registry.example/record/7', title: null }]);
    expect(one({ motivation: 'highlighting', target })).toMatchObject({ tags: [], notes: [], sources: [], verdict: null });
  });

  it('reads another tool’s describing body as a note, not as a source, and an assessing body as a label', () => {
    const annotation = one({ body: [{ purpose: 'describing', value: 'A disputed figure' }, { purpose: 'assessing', value: 'Mostly false' }], target });
    expect(annotation).toMatchObject({ notes: ['A disputed figure'], sources: [], verdict: { label: 'Mostly false', confidence: null } });
  });

  it('leaves out addresses that are not web pages, blank values and purposes it does not know', () => {
    const annotation = one({
      body: [
        { type: 'SpecificResource', purpose: 'identifying', source: 'urn:isbn:9780141036144' },
        { type: 'SpecificResource', purpose: 'identifying', source: 'javascript:alert(1)' },
        { type: 'SpecificResource', purpose: 'commenting', source: 'https://audio.example/comment.mp3' },
        { purpose: 'tagging', value: '   ' },
        { purpose: 'bookmarking', value: 'later' },
        { purpose: 'tagging', value: ' › Deaths › ' },
      ],
      target,
    });
    expect(annotation).toMatchObject({ sources: [], notes: [], tags: [['Deaths']] });
  });

  it('reads Hypothesis text and tags', () => {
    const annotation = one({ id: 'Qm3v', text: 'Ministry figure', tags: ['casualties', 'needs-check'], target: [{ source: 'https://a.example', selector: [quote('x')] }] });
    expect(annotation).toMatchObject({ id: 'Qm3v', notes: ['Ministry figure'], tags: [['casualties'], ['needs-check']], canonicalJson: null });
  });
});

describe('readAnnotationFile: refusals', () => {
  it.each([
    [[{ target: { selector: quote('x') }, tags: [1] }], /^Annotation 1 cannot be read: each tag must be text\.$/u],
    [[{ target: { selector: quote('x') }, text: 5 }], /its text must be text/u],
    [[{ target: { selector: quote('x') }, body: { purpose: 'assessing', value: 'v'.repeat(1001) } }], /verdict longer than 1000 characters/u],
    [[{ target: { selector: quote('x') }, body: { purpose: 'identifying', value: `https://a.example/${'p'.repeat(2048)}` } }], /address longer than 2048/u],
    [[{ target: { selector: quote('x') }, tags: Array.from({ length: 101 }, (_, i) => `t${i}`) }], /more than 100 tags/u],
    [[{ target: { selector: quote('x') }, body: Array.from({ length: 51 }, (_, i) => `https://a.example/${i}`) }], /cites more than 50 sources/u],
    [[{ generator: { id: 'urn:claimdesk:software' }, target: { selector: quote('x') }, body: { purpose: 'describing', value: 't'.repeat(501) } }], /title is longer than 500/u],
  ])('refuses %j', (value, message) => {
    expect(() => read(value)).toThrow(message);
    try {
      read(value);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).kind).toBe('bad-file');
    }
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps list order', () => {
    expect(canonicalJson({ b: [2, { d: 1, c: null }], a: 'x' })).toBe('{"a":"x","b":[2,{"c":null,"d":1}]}');
    expect(canonicalJson(JSON.parse('{"__proto__": {"z": 1, "y": 2}}'))).toBe('{"__proto__":{"y":2,"z":1}}');
  });
});
