// @vitest-environment jsdom
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTextIndex, offsetToPos, plainTextOf } from '../../shared/article/plain-text';
import { articleSchema } from '../../shared/article/schema';
import { highlightsPlugin, setHighlights } from './highlights';
import { linksPlugin } from './links';

const text = (value: string, marks: object[] = []) => ({ type: 'text', text: value, ...(marks.length ? { marks } : {}) });
const paragraph = (...content: object[]) => ({ type: 'paragraph', content });
const doc = articleSchema.nodeFromJSON({
  type: 'doc',
  content: [
    {
      type: 'blockquote',
      content: [
        paragraph(text('Officials said the toll was ')),
        { type: 'bullet_list', content: [{ type: 'list_item', content: [paragraph(text('38 dead, '), text('mostly', [{ type: 'em' }]), text(' in Marrow'))] }] },
      ],
    },
    paragraph(text('See the '), text('official report', [{ type: 'link', attrs: { href: 'https://example.org/report' } }]), text(' for more.')),
  ],
});

let view: EditorView | null = null;
afterEach(() => {
  view?.destroy();
  view = null;
});

function mount(): EditorView {
  const place = document.createElement('div');
  document.body.append(place);
  view = new EditorView(place, { state: EditorState.create({ doc, plugins: [linksPlugin(), highlightsPlugin({ onActivate: () => {} })] }) });
  return view;
}

describe('articles with lists, quotes, emphasis and links in the view', () => {
  it('renders the structure, with each link titled by its target', () => {
    const dom = mount().dom;
    expect(dom.querySelector('blockquote > ul > li > p > em')?.textContent).toBe('mostly');
    const link = dom.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://example.org/report');
    expect(link.getAttribute('title')).toBe('https://example.org/report');
  });

  it('paints a claim that runs from a quote into a list item and one inside a link', () => {
    const v = mount();
    const plain = plainTextOf(doc);
    const index = buildTextIndex(doc);
    const range = (quote: string) => {
      const start = plain.indexOf(quote);
      return { from: offsetToPos(index, start, 'start'), to: offsetToPos(index, start + quote.length, 'end') };
    };
    const across = range('the toll was \n\n38 dead, mostly');
    const inLink = range('official');
    v.dispatch(setHighlights(v.state.tr, [{ claimId: 1, verdictId: 1, label: 'Claim 1', ...across }, { claimId: 2, verdictId: 2, label: 'Claim 2', ...inLink }]));
    const painted = (id: number) => Array.from(v.dom.querySelectorAll(`[data-claim-id="${id}"]`)).map((el) => el.textContent).join('|');
    expect(painted(1)).toBe('the toll was |38 dead, |mostly');
    expect(painted(2)).toBe('official');
    expect(v.dom.querySelector('[data-claim-id="2"]')!.closest('a')).not.toBeNull();
  });

  it('does not follow a link on a click, a middle click or a modified click', () => {
    const link = mount().dom.querySelector('a')!;
    for (const init of [{ button: 0 }, { button: 0, ctrlKey: true }, { button: 0, metaKey: true }, { button: 1 }]) {
      const type = init.button === 1 ? 'auxclick' : 'click';
      const event = new MouseEvent(type, { ...init, bubbles: true, cancelable: true });
      link.firstChild!.dispatchEvent(event);
      expect(event.defaultPrevented).toBe(true);
    }
    const plain = view!.dom.querySelector('p')!;
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    plain.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
  });
});
