/**
 * Rewriting HTML, before any parser sees it, into the few well-formed tags an article is read
 * from, with a bounded depth.
 *
 * Why before: jsdom spends time in proportion to a node's depth on every insertion (1,000
 * nested `<div>`s take it over a second, 100,000 would take hours) and to the number of
 * siblings on every removal (DOMPurify removing 20,000 comments or images from one parent
 * takes it minutes), and the standard's tree builder grows a tree quadratically when it
 * re-opens misnested formatting elements. A linear scan over the source keeps a model of the
 * open elements (with the implied end tags the standard adds most often) and writes:
 *
 * - `p`, `h1`–`h6`, `blockquote`, `ul`, `ol` (with `start`), `li`, `em`, `strong`, `a` (with
 *   `href`), `br`, and `div` for every other block (sections, table parts, definition lists,
 *   `pre`…), each element closed explicitly, so the parser has nothing to repair or re-open;
 * - the text of everything else, without its tags (`span`, `font`, unknown elements…);
 * - nothing of comments, doctypes, raw-text elements (`script`, `style`, `textarea`, `title`,
 *   `iframe`…), and elements that are executable, interactive or not shown (`template`, `svg`,
 *   `math`, `object`, forms and their controls, `noscript`, media, elements marked `hidden`,
 *   and `<b style="font-weight:normal">`'s tag, which Google Docs wraps documents in);
 * - no element deeper than `maxDepth`: past it, tags go and text stays.
 *
 * The model follows the standard's tokenizer (comments, raw text with the script escape states,
 * attribute quoting, SVG and MathML content) and its tree builder roughly. Sanitizing is not
 * its job: what it writes still goes through DOMPurify and the article schema, so where it
 * misjudges a page, the article may keep or lose some text, never gain anything executable.
 */

/** How big a tree the output may give. */
export interface PrefilterLimits {
  /** Deepest element nesting modelled and written. */
  readonly maxDepth: number;
}

/** Articles nest 10 to 30 deep; past 64, only `<div>` soup is lost (jsdom's cost grows with depth). */
export const DEFAULT_PREFILTER_LIMITS: PrefilterLimits = { maxDepth: 64 };

/** The rewritten HTML. */
export interface PrefilteredHtml {
  readonly html: string;
  /** Elements written. */
  readonly elements: number;
  /** Whether tags were dropped for being nested deeper than the limit. */
  readonly tooDeep: boolean;
}

type Role =
  /** Written as itself (or as a `div`). */
  | { readonly kind: 'write'; readonly as: string }
  /** Tags left out, content kept. */
  | { readonly kind: 'transparent' }
  /** Left out with everything inside it. */
  | { readonly kind: 'hide' };

const KEPT = new Map<string, string>([
  ['p', 'p'], ['h1', 'h1'], ['h2', 'h2'], ['h3', 'h3'], ['h4', 'h4'], ['h5', 'h5'], ['h6', 'h6'], ['blockquote', 'blockquote'],
  ['ul', 'ul'], ['ol', 'ol'], ['menu', 'ul'], ['dir', 'ul'], ['li', 'li'], ['em', 'em'], ['i', 'em'], ['strong', 'strong'], ['b', 'strong'], ['a', 'a'],
]);
// Blocks read as `div`s: their content keeps apart from what surrounds it.
const BLOCKS = new Set([
  'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'figure', 'figcaption', 'address', 'hgroup', 'center', 'search',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'dl', 'dt', 'dd', 'details', 'summary', 'pre', 'listing',
]);
const HIDDEN = new Set([
  'template', 'svg', 'math', 'object', 'applet', 'noscript', 'form', 'button', 'select', 'datalist', 'option', 'optgroup', 'output', 'fieldset',
  'legend', 'label', 'meter', 'progress', 'audio', 'video', 'canvas', 'map', 'picture', 'dialog', 'frameset', 'portal', 'slot',
]);
const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// The page's frame. What a <head> holds is raw text or void, left out anyway; its end tag is optional.
const FRAME = new Set(['html', 'head', 'body']);
// Elements whose content is text up to their end tag, in HTML content (not inside SVG or
// MathML). Scripting is off where we parse, so <noscript> is markup (and hidden above).
const RAW_TEXT = ['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'textarea', 'title'];
const RAW_TEXT_END = new Map(RAW_TEXT.map((name) => [name, new RegExp(`</${name}(?=[\\t\\n\\f\\r />])`, 'gi')]));
const SCRIPT_TOKENS = /<!--|-->|<\/?script(?=[\t\n\f\r />])/gi;
// Start tags that end an open <p>.
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'header', 'hgroup', 'main', 'menu', 'nav', 'ol', 'p', 'search', 'section', 'summary', 'ul', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'listing',
  'li', 'dd', 'dt', 'table', 'hr', 'xmp', 'plaintext',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// Elements that bound the search for an open element to close ("scope").
const SCOPE = new Set(['applet', 'caption', 'html', 'table', 'td', 'th', 'marquee', 'object', 'template', 'svg', 'math']);
// Elements that end the search for an open <li>, <dd> or <dt>.
const STOPS_LIST_ITEM = new Set([
  ...SCOPE, 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'header', 'hgroup', 'main', 'menu', 'nav', 'ol', 'ul', 'pre', 'listing', 'section', 'search', 'summary', 'tr', 'tbody', 'thead', 'tfoot',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'noscript', 'select', 'button',
]);
const TABLE_SCOPE = new Set(['table', 'template', 'html']);
// Start tags that end SVG or MathML content.
const BREAKS_FOREIGN = new Set([
  'b', 'big', 'blockquote', 'body', 'br', 'center', 'code', 'dd', 'div', 'dl', 'dt', 'em', 'embed', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head',
  'hr', 'i', 'img', 'li', 'listing', 'menu', 'meta', 'nobr', 'ol', 'p', 'pre', 'ruby', 's', 'small', 'span', 'strong', 'strike', 'sub', 'sup',
  'table', 'tt', 'u', 'ul', 'var',
]);
// SVG and MathML elements whose content is HTML again.
const INTEGRATION_POINTS = new Set(['foreignobject', 'desc', 'title', 'mi', 'mo', 'mn', 'ms', 'mtext']);
// Google Docs wraps a whole copied document in <b style="font-weight:normal">.
const NOT_BOLD = /font-weight\s*:\s*(?:normal|[1-4]00)\b/i;

interface OpenElement {
  readonly name: string;
  /** Tag written for it, or null. */
  readonly written: string | null;
  readonly hides: boolean;
  /** Whether its content is SVG or MathML. */
  readonly foreignContent: boolean;
}

interface Tag {
  readonly name: string;
  /** Index just past the tag's `>`, or -1 when the input ends inside the tag. */
  readonly end: number;
  readonly selfClosing: boolean;
  /** The first value of the attributes read (see ATTRIBUTES_READ), as written. */
  readonly attributes: ReadonlyMap<string, string>;
}

const ATTRIBUTES_READ = new Set(['href', 'start', 'hidden', 'style']);
const isWhitespace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
const isAsciiLetter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
const asciiLower = (text: string) => text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));

/** Rewrites `source` as described above. Linear in its length; never throws. */
export function prefilterHtml(source: string, limits: PrefilterLimits = DEFAULT_PREFILTER_LIMITS): PrefilteredHtml {
  return new Prefilter(source, limits).run();
}

class Prefilter {
  private readonly out: string[] = [];
  private readonly stack: OpenElement[] = [];
  /** How many elements of each name are open, so most searches of the stack are skipped. */
  private readonly openByName = new Map<string, number>();
  /** Start tags past the depth limit, by name, whose end tags are still to come (and go too). */
  private readonly unmatched = new Map<string, number>();
  /** Open elements that hide their content. */
  private hiding = 0;
  private elements = 0;
  private tooDeep = false;

  constructor(
    private readonly src: string,
    private readonly limits: PrefilterLimits,
  ) {}

  run(): PrefilteredHtml {
    const src = this.src;
    let i = 0;
    while (i < src.length) {
      const lt = src.indexOf('<', i);
      this.text(i, lt < 0 ? src.length : lt);
      if (lt < 0) break;
      i = this.markup(lt);
    }
    this.pop(0);
    return { html: this.out.join(''), elements: this.elements, tooDeep: this.tooDeep };
  }

  private text(from: number, to: number): void {
    if (to > from && this.hiding === 0) this.out.push(this.src.slice(from, to));
  }

  /** Handles what starts at the `<` at `lt`; returns where scanning goes on. */
  private markup(lt: number): number {
    const src = this.src;
    const next = src.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      if (src.startsWith('<!--', lt)) return commentEnd(src, lt + 4);
      if (this.inForeignContent() && src.startsWith('<![CDATA[', lt)) {
        const end = src.indexOf(']]>', lt + 9);
        return end < 0 ? src.length : end + 3;
      }
      return afterGreaterThan(src, lt + 2);
    }
    if (next === 0x3f /* ? */) return afterGreaterThan(src, lt + 2);
    if (next === 0x2f /* / */) {
      const first = src.charCodeAt(lt + 2);
      if (isAsciiLetter(first)) {
        const tag = readTag(src, lt + 2);
        if (tag.end >= 0) this.endTag(tag.name);
        return tag.end < 0 ? src.length : tag.end;
      }
      if (first === 0x3e /* > */) return lt + 3;
      return afterGreaterThan(src, lt + 2);
    }
    if (isAsciiLetter(next)) {
      const tag = readTag(src, lt + 1);
      return tag.end < 0 ? src.length : this.startTag(tag);
    }
    this.text(lt, lt + 1);
    return lt + 1;
  }

  private startTag(tag: Tag): number {
    const { name, end } = tag;
    if (this.inForeignContent()) {
      if (!BREAKS_FOREIGN.has(name)) {
        if (!tag.selfClosing) this.open(name, { kind: 'hide' }, this.stack.length, !INTEGRATION_POINTS.has(name));
        return end;
      }
      while (this.top()?.foreignContent === true) this.pop(this.stack.length - 1);
    }
    if (name === 'svg' || name === 'math') {
      if (!tag.selfClosing) this.open(name, { kind: 'hide' }, this.stack.length, true);
      return end;
    }
    if (FRAME.has(name)) return end;
    if (name === 'plaintext') {
      this.pop(this.depthAfterImpliedEnds(name));
      return this.src.length;
    }
    const rawEnd = RAW_TEXT_END.get(name);
    if (rawEnd !== undefined) {
      if (name === 'xmp') this.pop(this.depthAfterImpliedEnds(name));
      if (name === 'script') return scriptEnd(this.src, end);
      rawEnd.lastIndex = end;
      const found = rawEnd.exec(this.src);
      return found === null ? this.src.length : endOfTagAt(this.src, found.index);
    }
    const depth = this.depthAfterImpliedEnds(name);
    if (VOID.has(name)) {
      this.pop(depth);
      if (this.hiding > 0) return end;
      if (name === 'br') this.write('<br>');
      if (name === 'hr') this.write('<div></div>');
      return end;
    }
    this.open(name, roleOf(name, tag.attributes), depth, false, tag.attributes);
    return end;
  }

  /** Opens an element at `depth` (after the implied end tags), or leaves out its tag when too deep. */
  private open(name: string, role: Role, depth: number, foreignContent: boolean, attributes?: ReadonlyMap<string, string>): void {
    // Past the limit, inside content already hidden, nothing needs modelling but the end tag.
    if (depth >= this.limits.maxDepth && !(role.kind === 'hide' && this.hiding === 0)) {
      this.tooDeep = true;
      this.unmatched.set(name, (this.unmatched.get(name) ?? 0) + 1);
      return;
    }
    this.pop(depth);
    const written = role.kind === 'write' && this.hiding === 0 ? role.as : null;
    if (written !== null) this.write(`<${written}${attributesFor(written, attributes)}>`);
    const hides = role.kind === 'hide';
    if (hides) this.hiding++;
    this.stack.push({ name, written, hides, foreignContent });
    this.openByName.set(name, (this.openByName.get(name) ?? 0) + 1);
  }

  private endTag(name: string): void {
    const unmatched = this.unmatched.get(name) ?? 0;
    if (unmatched > 0) {
      this.unmatched.set(name, unmatched - 1);
      return;
    }
    if (name === 'br' && this.hiding === 0 && !this.inForeignContent()) this.write('<br>');
    const index = this.lastOpen([name], null);
    if (index >= 0) this.pop(index);
  }

  /** The depth a start tag `name` opens at, once the elements it implicitly ends are closed. */
  private depthAfterImpliedEnds(name: string): number {
    let depth = this.stack.length;
    const close = (names: readonly string[], stops: ReadonlySet<string>) => {
      const index = this.lastOpen(names, stops);
      if (index >= 0 && index < depth) depth = index;
    };
    if (CLOSES_P.has(name)) close(['p'], SCOPE);
    if (name === 'li') close(['li'], STOPS_LIST_ITEM);
    if (name === 'dd' || name === 'dt') close(['dd', 'dt'], STOPS_LIST_ITEM);
    if (HEADINGS.has(name) && HEADINGS.has(this.stack[depth - 1]?.name ?? '')) depth--;
    if (name === 'a' || name === 'nobr' || name === 'button' || name === 'form') close([name], SCOPE);
    if (name === 'td' || name === 'th') close(['td', 'th'], TABLE_SCOPE);
    if (name === 'tr') close(['tr'], TABLE_SCOPE);
    if (name === 'tbody' || name === 'thead' || name === 'tfoot') close(['tbody', 'thead', 'tfoot'], TABLE_SCOPE);
    if (name === 'table') close(['table'], new Set(['template', 'html', 'td', 'th', 'caption']));
    if ((name === 'option' || name === 'optgroup') && this.stack[depth - 1]?.name === 'option') depth--;
    if (name === 'optgroup' && this.stack[depth - 1]?.name === 'optgroup') depth--;
    if (name === 'select') close(['select'], SCOPE);
    return depth;
  }

  /** Index of the innermost open element named one of `names`, searching down to a `stops` element; -1 if none. */
  private lastOpen(names: readonly string[], stops: ReadonlySet<string> | null): number {
    if (!names.some((name) => (this.openByName.get(name) ?? 0) > 0)) return -1;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const open = this.stack[i]!.name;
      if (names.includes(open)) return i;
      if (stops?.has(open)) return -1;
    }
    return -1;
  }

  /** Closes the open elements down to `depth`, writing the end tags of those written. */
  private pop(depth: number): void {
    while (this.stack.length > depth) {
      const { name, written, hides } = this.stack.pop()!;
      this.openByName.set(name, (this.openByName.get(name) ?? 1) - 1);
      if (hides) this.hiding--;
      if (written !== null) this.out.push(`</${written}>`);
    }
  }

  private write(tag: string): void {
    this.elements++;
    this.out.push(tag);
  }

  private top(): OpenElement | undefined {
    return this.stack[this.stack.length - 1];
  }

  private inForeignContent(): boolean {
    return this.top()?.foreignContent === true;
  }
}

function roleOf(name: string, attributes: ReadonlyMap<string, string>): Role {
  const hidden = attributes.get('hidden');
  if (HIDDEN.has(name) || (hidden !== undefined && asciiLower(unquote(hidden)) !== 'until-found')) return { kind: 'hide' };
  if (name === 'b' && NOT_BOLD.test(attributes.get('style') ?? '')) return { kind: 'transparent' };
  if (name === 'a' && !attributes.has('href')) return { kind: 'transparent' };
  const kept = KEPT.get(name);
  if (kept !== undefined) return { kind: 'write', as: kept };
  return BLOCKS.has(name) ? { kind: 'write', as: 'div' } : { kind: 'transparent' };
}

// The attributes written: a link's target and an ordered list's start, values as written
// (character references are left to the parser), in double quotes.
function attributesFor(written: string, attributes: ReadonlyMap<string, string> | undefined): string {
  const name = written === 'a' ? 'href' : written === 'ol' ? 'start' : null;
  const value = name === null ? undefined : attributes?.get(name);
  return name === null || value === undefined ? '' : ` ${name}="${unquote(value).replaceAll('"', '&quot;')}"`;
}

// Attribute values are kept with their quotes, so a missing value ('') and "" stay distinct.
function unquote(value: string): string {
  const first = value[0];
  return first === '"' || first === "'" ? value.slice(1, -1) : value;
}

/**
 * Reads the tag whose name starts at `start`: name, attributes (quoted values may hold `>`),
 * self-closing flag, following the standard's tokenizer states.
 */
function readTag(src: string, start: number): Tag {
  let i = start;
  while (i < src.length && !isWhitespace(src.charCodeAt(i)) && src[i] !== '/' && src[i] !== '>') i++;
  const name = asciiLower(src.slice(start, i));
  const attributes = new Map<string, string>();
  while (i < src.length) {
    const c = src[i]!;
    if (c === '>') return { name, end: i + 1, selfClosing: false, attributes };
    if (c === '/') {
      if (src[i + 1] === '>') return { name, end: i + 2, selfClosing: true, attributes };
      i++;
      continue;
    }
    if (isWhitespace(src.charCodeAt(i))) {
      i++;
      continue;
    }
    // An attribute: its name (which may start with "="), then maybe "=" and a value.
    const nameStart = i;
    i++;
    while (i < src.length && !isWhitespace(src.charCodeAt(i)) && src[i] !== '/' && src[i] !== '>' && src[i] !== '=') i++;
    const attribute = asciiLower(src.slice(nameStart, i));
    let j = i;
    while (j < src.length && isWhitespace(src.charCodeAt(j))) j++;
    let value = '';
    if (src[j] === '=') {
      j++;
      while (j < src.length && isWhitespace(src.charCodeAt(j))) j++;
      const quote = src[j];
      if (quote === '"' || quote === "'") {
        const close = src.indexOf(quote, j + 1);
        if (close < 0) break;
        value = src.slice(j, close + 1);
        i = close + 1;
      } else {
        const from = j;
        while (j < src.length && !isWhitespace(src.charCodeAt(j)) && src[j] !== '>') j++;
        value = src.slice(from, j);
        i = j;
      }
    }
    if (ATTRIBUTES_READ.has(attribute) && !attributes.has(attribute)) attributes.set(attribute, value);
  }
  return { name, end: -1, selfClosing: false, attributes };
}

/** Index just past the end tag that starts at `lt` (the input's end if it never closes). */
function endOfTagAt(src: string, lt: number): number {
  const tag = readTag(src, lt + 2);
  return tag.end < 0 ? src.length : tag.end;
}

/** Index just past the comment whose text starts at `from` (after `<!--`). */
function commentEnd(src: string, from: number): number {
  if (src.startsWith('>', from)) return from + 1;
  if (src.startsWith('->', from)) return from + 2;
  for (let i = src.indexOf('--', from); i >= 0; i = src.indexOf('--', i + 1)) {
    if (src[i + 2] === '>') return i + 3;
    if (src.startsWith('!>', i + 2)) return i + 4;
  }
  return src.length;
}

/** Index just past the next `>` from `from` (a bogus comment or doctype). */
function afterGreaterThan(src: string, from: number): number {
  const end = src.indexOf('>', from);
  return end < 0 ? src.length : end + 1;
}

/**
 * Index just past a script's end tag, its content starting at `from`. Follows the script data
 * states: after `<!--`, a `<script` makes the next `</script>` not the end.
 */
function scriptEnd(src: string, from: number): number {
  const tokens = new RegExp(SCRIPT_TOKENS.source, 'gi');
  tokens.lastIndex = from;
  let state: 'data' | 'escaped' | 'double-escaped' = 'data';
  for (let match = tokens.exec(src); match !== null; match = tokens.exec(src)) {
    const token = match[0].toLowerCase();
    if (token === '<!--') {
      if (state === 'data') state = 'escaped';
      // The dashes of "<!--" may also close it ("<!-->").
      tokens.lastIndex = match.index + 2;
    } else if (token === '-->') {
      state = 'data';
    } else if (token === '<script') {
      if (state === 'escaped') state = 'double-escaped';
    } else if (state === 'double-escaped') {
      state = 'escaped';
    } else {
      return endOfTagAt(src, match.index);
    }
  }
  return src.length;
}
