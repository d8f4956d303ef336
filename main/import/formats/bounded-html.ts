/**
 * Rewriting a web page so that any HTML parser builds a small, shallow tree from it.
 *
 * Why: jsdom spends time in proportion to the depth of every node it inserts, and recurses on
 * it; 10,000 nested `<div>`s take it close to a minute and 100,000 overflow its stack. The
 * standard's own tree builder is quadratic on some inputs too (formatting elements re-opened in
 * every paragraph). So before a page reaches a parser, its tags are re-written from a model of
 * the open elements kept here:
 *
 * - every end tag written closes the element on top of the model's stack, and every element left
 *   open is closed explicitly, so the real parser never has to guess (no misnesting for it to
 *   repair, no formatting elements to reconstruct);
 * - the implied end tags the standard adds most often (a `<p>` ended by a `<div>`, an `<li>` by
 *   the next one, table cells and rows) are added by the model too, so the two stay in step;
 * - elements nested deeper than `maxDepth`, and every element after the first `maxElements`,
 *   lose their tags but keep their text;
 * - what an article never needs and a parser treats specially goes: scripts (except JSON-LD
 *   metadata), styles, frames, forms' controls, templates, SVG and MathML.
 *
 * The result is well-formed HTML whose tree the real parser builds close to how it would have
 * built the original's, within the limits.
 */
import { HtmlTokenizer, type HtmlAttribute } from './html-tokens';

/** How big a tree the rewritten page may give. */
export interface HtmlLimits {
  /** Deepest nesting of elements kept. */
  readonly maxDepth: number;
  /** Most elements kept. */
  readonly maxElements: number;
}

export interface BoundOptions {
  readonly limits?: HtmlLimits;
  /** Return the rewritten content alone, without the `<!DOCTYPE html><html>` frame. */
  readonly fragment?: boolean;
}

/** Real articles nest about 15 to 40 deep and have a few thousand elements. */
export const DEFAULT_HTML_LIMITS: HtmlLimits = { maxDepth: 128, maxElements: 40_000 };

/** A rewritten page. */
export interface BoundedHtml {
  readonly html: string;
  /** Elements in `html`. */
  readonly elements: number;
  /** Whether tags were dropped for being nested deeper than the limit. */
  readonly tooDeep: boolean;
  /** Whether tags were dropped for being past the element limit. */
  readonly tooMany: boolean;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'basefont', 'bgsound', 'keygen']);
// Left out with everything inside them.
const DROP_WITH_CONTENT = new Set(['template', 'svg', 'math', 'select', 'datalist', 'object', 'applet', 'frameset']);
// Raw-text elements (their content comes with the start tag) left out with their text.
const DROP_RAW = new Set(['style', 'xmp', 'iframe', 'noembed', 'noframes', 'textarea', 'script']);
// Tags left out while their content stays: the page's frame (rebuilt here), and elements the
// standard gives special powers that would make its tree differ from the model's.
const DROP_TAG = new Set([
  'html', 'head', 'body', 'frame', 'form', 'button', 'input', 'option', 'optgroup', 'marquee', 'embed', 'keygen', 'col', 'colgroup', 'plaintext', 'isindex', 'nobr', 'menuitem',
]);
// Start tags that end an open `<p>` (the standard's "close a p element").
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer',
  'header', 'hgroup', 'main', 'menu', 'nav', 'ol', 'p', 'search', 'section', 'summary', 'ul', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre',
  'listing', 'li', 'dd', 'dt', 'table', 'hr',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// Elements that bound the search for an element to close ("in scope").
const SCOPE = new Set(['html', 'table', 'td', 'th', 'caption', 'template']);
// The standard's "special" elements, which stop the search for an open `<li>`, `<dd>` or `<dt>`.
const SPECIAL_STOPS_LIST_ITEM = new Set([
  'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'header', 'hgroup',
  'li', 'dd', 'dt', 'main', 'menu', 'nav', 'ol', 'ul', 'pre', 'listing', 'section', 'search', 'summary', 'table', 'td', 'th', 'tr', 'caption',
  'tbody', 'thead', 'tfoot', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'noscript',
]);
const FORMATTING = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 's', 'small', 'strike', 'strong', 'tt', 'u']);
const TABLE_SECTIONS = new Set(['tbody', 'thead', 'tfoot']);
// Start tags that end SVG or MathML content in the standard ("breakout" tags).
const BREAKS_FOREIGN = new Set([
  'b', 'big', 'blockquote', 'body', 'br', 'center', 'code', 'dd', 'div', 'dl', 'dt', 'em', 'embed', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head',
  'hr', 'i', 'img', 'li', 'listing', 'menu', 'meta', 'nobr', 'ol', 'p', 'pre', 'ruby', 's', 'small', 'span', 'strong', 'strike', 'sub', 'sup',
  'table', 'tt', 'u', 'ul', 'var',
]);
// Open formatting elements kept at once; the standard re-opens all of them in places.
const MAX_OPEN_FORMATTING = 12;
const MAX_ATTRIBUTES = 32;
const MAX_ATTRIBUTE_VALUE = 8 * 1024;
const VALID_TAG_NAME = /^[a-z][^\s/>"'<=\0]{0,63}$/;
const VALID_ATTRIBUTE_NAME = /^[^\s/>"'<=\0]{1,64}$/;

/** Rewrites `source` as described above. Linear in its length; never throws. */
export function boundHtml(source: string, options: BoundOptions = {}): BoundedHtml {
  return new Builder(source, options.limits ?? DEFAULT_HTML_LIMITS, options.fragment ?? false).run();
}

class Builder {
  private readonly tokens: HtmlTokenizer;
  private readonly out: string[] = [];
  private readonly stack: string[] = [];
  /** Start tags left out (too deep, too many, or dropped), by name, whose end tags are still to come. */
  private readonly unmatched = new Map<string, number>();
  private elements = 0;
  private openFormatting = 0;
  private tooDeep = false;
  private tooMany = false;
  private lang: string | null = null;
  /** While inside an element left out with its content: its name and nesting. */
  private skipping: { name: string; depth: number } | null = null;

  constructor(
    source: string,
    private readonly limits: HtmlLimits,
    private readonly fragment: boolean,
  ) {
    this.tokens = new HtmlTokenizer(source);
  }

  run(): BoundedHtml {
    for (let token = this.tokens.next(); token !== null; token = this.tokens.next()) {
      if (this.skipping !== null) {
        if (token.type === 'start' && endsSkipping(this.skipping.name, token.name)) this.stopSkipping();
        else {
          this.skip(token.type, token.type === 'text' ? '' : token.name, token.type === 'start' && token.selfClosing);
          continue;
        }
      }
      if (token.type === 'text') this.out.push(token.text);
      else if (token.type === 'end') this.end(token.name);
      else this.start(token.name, token.attributes, token.selfClosing, token.content);
    }
    this.popTo(0);
    const lang = this.lang === null ? '' : ` lang="${escapeAttribute(this.lang)}"`;
    return {
      html: this.fragment ? this.out.join('') : `<!DOCTYPE html><html${lang}>${this.out.join('')}</html>`,
      elements: this.elements,
      tooDeep: this.tooDeep,
      tooMany: this.tooMany,
    };
  }

  private skip(type: 'start' | 'end' | 'text', name: string, selfClosing: boolean): void {
    const skipping = this.skipping;
    if (skipping === null || type === 'text') return;
    if (name !== skipping.name) return;
    if (type === 'start' && !selfClosing) skipping.depth++;
    else if (type === 'end' && --skipping.depth === 0) this.stopSkipping();
  }

  private stopSkipping(): void {
    this.skipping = null;
    this.tokens.foreign = false;
  }

  private start(rawName: string, attributes: readonly HtmlAttribute[], selfClosing: boolean, content: string | undefined): void {
    const name = rawName === 'image' ? 'img' : rawName;
    if (name === 'html' && this.lang === null) {
      this.lang = attributes.find((a) => a.name === 'lang' || a.name === 'xml:lang')?.value?.slice(0, 64) ?? null;
    }
    if (!VALID_TAG_NAME.test(name) || DROP_TAG.has(name)) return;
    if (DROP_RAW.has(name)) {
      if (name === 'script' && content !== undefined && isJsonLd(attributes) && !content.includes('<!--')) {
        this.emitRaw('script', [{ name: 'type', value: 'application/ld+json' }], content);
      }
      return;
    }
    if (DROP_WITH_CONTENT.has(name)) {
      if (!(selfClosing && (name === 'svg' || name === 'math'))) {
        this.skipping = { name, depth: 1 };
        this.tokens.foreign = name === 'svg' || name === 'math';
      }
      return;
    }
    if (name === 'title') {
      this.emitRaw('title', [], content ?? '');
      return;
    }
    this.closeImplied(name);
    if (VOID.has(name)) {
      if (this.take()) this.out.push(`<${name}${serializeAttributes(attributes)}>`);
      return;
    }
    if (TABLE_PARTS.has(name) && !this.prepareTablePart(name)) return;
    if (FORMATTING.has(name) && this.openFormatting >= MAX_OPEN_FORMATTING) return this.leaveOut(name);
    if (this.stack.length >= this.limits.maxDepth) {
      this.tooDeep = true;
      return this.leaveOut(name);
    }
    if (!this.take()) return this.leaveOut(name);
    this.push(name, attributes);
  }

  private leaveOut(name: string): void {
    this.unmatched.set(name, (this.unmatched.get(name) ?? 0) + 1);
  }

  // Counts one more element, if the limit allows it.
  private take(): boolean {
    if (this.elements >= this.limits.maxElements) {
      this.tooMany = true;
      return false;
    }
    this.elements++;
    return true;
  }

  private push(name: string, attributes: readonly HtmlAttribute[]): void {
    this.stack.push(name);
    if (FORMATTING.has(name)) this.openFormatting++;
    this.out.push(`<${name}${serializeAttributes(attributes)}>`);
  }

  private emitRaw(name: string, attributes: readonly HtmlAttribute[], content: string): void {
    // The content cannot hold its own end tag (the tokenizer stopped there), so it is safe as is.
    if (this.stack.length < this.limits.maxDepth && this.take()) this.out.push(`<${name}${serializeAttributes(attributes)}>${content}</${name}>`);
  }

  private end(name: string): void {
    const left = this.unmatched.get(name) ?? 0;
    if (left > 0) {
      this.unmatched.set(name, left - 1);
      return;
    }
    const at = this.findInScope(name, TABLE_STRUCTURE.has(name) ? TABLE_SCOPE : SCOPE);
    if (at >= 0) this.popTo(at);
  }

  // The position of the nearest open `name`, not looking past a scope boundary.
  private findInScope(name: string, boundaries: ReadonlySet<string> = SCOPE): number {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const open = this.stack[i] ?? '';
      if (open === name) return i;
      if (boundaries.has(open)) return -1;
    }
    return -1;
  }

  // Closes the elements from the top of the stack down to position `at`, inclusive.
  private popTo(at: number): void {
    while (this.stack.length > at) {
      const name = this.stack.pop() ?? '';
      if (FORMATTING.has(name)) this.openFormatting--;
      this.out.push(`</${name}>`);
    }
  }

  // The end tags the standard implies before the start tag `name`.
  private closeImplied(name: string): void {
    if (CLOSES_P.has(name)) {
      const p = this.findInScope('p');
      if (p >= 0) this.popTo(p);
    }
    if (HEADINGS.has(name) && HEADINGS.has(this.stack.at(-1) ?? '')) this.popTo(this.stack.length - 1);
    if (name === 'li' || name === 'dd' || name === 'dt') {
      const siblings = name === 'li' ? ['li'] : ['dd', 'dt'];
      for (let i = this.stack.length - 1; i >= 0; i--) {
        const open = this.stack[i] ?? '';
        if (siblings.includes(open)) {
          this.popTo(i);
          break;
        }
        if (SPECIAL_STOPS_LIST_ITEM.has(open)) break;
      }
    }
    if (name === 'a') {
      const a = this.findInScope('a');
      if (a >= 0) this.popTo(a);
    }
  }

  /**
   * Table structure, as the standard's table modes build it: a new cell, row or section ends
   * the open cell (or caption) first; a row goes in a section and a cell in a row, both opened
   * when missing; a table directly inside a table ends the first; and a table part outside any
   * table is ignored. Returns whether the start tag `name` is to be written.
   */
  private prepareTablePart(name: string): boolean {
    const context = this.findTableContext();
    if (context < 0) return name === 'table';
    const inCell = this.stack[context] !== 'table';
    if (name === 'table') {
      if (!inCell) this.popTo(context);
      return true;
    }
    if (inCell) this.popTo(context);
    const table = this.stack.lastIndexOf('table');
    if (table < 0) return false;
    if (name === 'caption' || TABLE_SECTIONS.has(name)) {
      this.popTo(table + 1);
      return true;
    }
    this.popToNearest(name === 'tr' ? ['tbody', 'thead', 'tfoot', 'table'] : ['tr', 'tbody', 'thead', 'tfoot', 'table'], table);
    if (this.stack.at(-1) === 'table') this.pushImplied('tbody');
    if (name !== 'tr' && TABLE_SECTIONS.has(this.stack.at(-1) ?? '')) this.pushImplied('tr');
    return true;
  }

  // The nearest open cell, caption or table.
  private findTableContext(): number {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const open = this.stack[i] ?? '';
      if (open === 'td' || open === 'th' || open === 'caption' || open === 'table') return i;
    }
    return -1;
  }

  // Closes elements until the top of the stack is one of `names` (searching no lower than `floor`).
  private popToNearest(names: readonly string[], floor: number): void {
    for (let i = this.stack.length - 1; i >= floor; i--) {
      if (names.includes(this.stack[i] ?? '')) return this.popTo(i + 1);
    }
  }

  private pushImplied(name: string): void {
    if (this.stack.length < this.limits.maxDepth && this.take()) this.push(name, []);
  }
}

// Whether the start tag `name` ends an element left out with its content before its end tag,
// as the standard ends SVG at an HTML tag and a select at another form control.
function endsSkipping(skipped: string, name: string): boolean {
  if (skipped === 'svg' || skipped === 'math') return BREAKS_FOREIGN.has(name);
  if (skipped === 'select') return name === 'select' || name === 'input' || name === 'keygen' || name === 'textarea';
  return false;
}

const TABLE_PARTS = new Set(['table', 'caption', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th']);
// The end tag of a table, section, row or caption also ends the cells open inside it.
const TABLE_STRUCTURE = new Set(['table', 'caption', 'tbody', 'thead', 'tfoot', 'tr']);
const TABLE_SCOPE = new Set(['html', 'table', 'template']);

function isJsonLd(attributes: readonly HtmlAttribute[]): boolean {
  const type = attributes.find((a) => a.name === 'type')?.value ?? '';
  return type.trim().toLowerCase() === 'application/ld+json';
}

// Attributes as written (first of each name, as the standard keeps), without event handlers
// and oversized values, in double quotes.
function serializeAttributes(attributes: readonly HtmlAttribute[]): string {
  let out = '';
  const seen = new Set<string>();
  for (const { name, value } of attributes) {
    if (seen.size >= MAX_ATTRIBUTES) break;
    if (seen.has(name) || !VALID_ATTRIBUTE_NAME.test(name) || name.startsWith('on')) continue;
    seen.add(name);
    if (value === null) out += ` ${name}`;
    else if (value.length <= MAX_ATTRIBUTE_VALUE && !(name === 'style' && value.length > 1024)) out += ` ${name}="${escapeAttribute(value)}"`;
  }
  return out;
}

// The value is kept as written, character references included; only what would end it changes.
function escapeAttribute(value: string): string {
  return value.replace(/"/g, '&quot;');
}
