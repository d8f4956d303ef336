/**
 * A small HTML tokenizer, after the tokenization chapter of the HTML standard, for one job:
 * letting `bounded-html.ts` see a page's tags before a real parser builds a tree from them. It
 * runs in time linear in the input, keeps text and attribute values as they are written
 * (character references are left for the real parser), and never throws.
 *
 * What it simplifies: character references are not decoded, and the "script data escaped"
 * states are not followed (the builder drops scripts, which is all that depends on them).
 */

/** An attribute as written: lower-cased name, raw value (null when it has none). */
export interface HtmlAttribute {
  readonly name: string;
  readonly value: string | null;
}

export type HtmlToken =
  /** Text as written; a `<` that starts no tag comes as `&lt;`. */
  | { readonly type: 'text'; readonly text: string }
  /** A start tag; `content` is the text of a raw-text element (script, style, title, …). */
  | { readonly type: 'start'; readonly name: string; readonly attributes: readonly HtmlAttribute[]; readonly selfClosing: boolean; readonly content?: string }
  | { readonly type: 'end'; readonly name: string };

// Elements whose content is text up to their end tag (in HTML content, not inside SVG or MathML).
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'textarea', 'title']);

// The end of each raw-text element's content, compiled once.
const RAW_TEXT_END = new Map<string, RegExp>();

const isWhitespace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
const isAsciiLetter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/** Splits HTML source into tokens, one `next()` at a time; comments and doctypes are skipped. */
export class HtmlTokenizer {
  private i = 0;
  /** Set by the caller while inside SVG or MathML, where raw-text elements and CDATA differ. */
  foreign = false;

  constructor(private readonly source: string) {}

  /** The next token, or null at the end of the input. */
  next(): HtmlToken | null {
    const src = this.source;
    while (this.i < src.length) {
      const lt = src.indexOf('<', this.i);
      if (lt < 0) {
        const text = src.slice(this.i);
        this.i = src.length;
        return { type: 'text', text };
      }
      if (lt > this.i) {
        const text = src.slice(this.i, lt);
        this.i = lt;
        return { type: 'text', text };
      }
      const next = src.charCodeAt(lt + 1);
      if (next === 0x21 /* ! */) {
        this.skipMarkupDeclaration();
        continue;
      }
      if (next === 0x3f /* ? */) {
        this.skipTo('>', lt + 2);
        continue;
      }
      if (next === 0x2f /* / */) {
        const after = src.charCodeAt(lt + 2);
        if (isAsciiLetter(after)) {
          const tag = this.readTag(lt + 2);
          if (tag === null) return null;
          return { type: 'end', name: tag.name };
        }
        // `</>` is dropped; `</` and anything else starts a bogus comment.
        this.skipTo('>', lt + 2);
        continue;
      }
      if (isAsciiLetter(next)) {
        const tag = this.readTag(lt + 1);
        if (tag === null) return null;
        if (!this.foreign && RAW_TEXT.has(tag.name)) {
          return { type: 'start', name: tag.name, attributes: tag.attributes, selfClosing: false, content: this.readRawText(tag.name) };
        }
        return { type: 'start', ...tag };
      }
      this.i = lt + 1;
      return { type: 'text', text: '&lt;' };
    }
    return null;
  }

  private skipTo(terminator: string, from: number): void {
    const end = this.source.indexOf(terminator, from);
    this.i = end < 0 ? this.source.length : end + terminator.length;
  }

  private skipMarkupDeclaration(): void {
    const src = this.source;
    const start = this.i;
    if (src.startsWith('<!--', start)) {
      // `<!-->` and `<!--->` are whole (empty) comments; otherwise `-->` or `--!>` ends one.
      if (src.startsWith('>', start + 4)) return void (this.i = start + 5);
      if (src.startsWith('->', start + 4)) return void (this.i = start + 6);
      const close = src.indexOf('--', start + 4);
      let at = close;
      while (at >= 0 && !src.startsWith('-->', at) && !src.startsWith('--!>', at)) at = src.indexOf('--', at + 1);
      this.i = at < 0 ? src.length : at + (src.startsWith('-->', at) ? 3 : 4);
      return;
    }
    if (this.foreign && src.startsWith('<![CDATA[', start)) return this.skipTo(']]>', start + 9);
    this.skipTo('>', start + 2);
  }

  // Reads a tag from its name (at `from`) to its `>`. Null when the input ends inside the tag,
  // which the standard drops.
  private readTag(from: number): { name: string; attributes: HtmlAttribute[]; selfClosing: boolean } | null {
    const src = this.source;
    let i = from;
    while (i < src.length && !isWhitespace(src.charCodeAt(i)) && src[i] !== '/' && src[i] !== '>') i++;
    const name = src.slice(from, i).toLowerCase();
    const attributes: HtmlAttribute[] = [];
    let selfClosing = false;
    for (;;) {
      while (i < src.length && isWhitespace(src.charCodeAt(i))) i++;
      if (i >= src.length) return this.endOfInput();
      const ch = src[i];
      if (ch === '>') {
        this.i = i + 1;
        return { name, attributes, selfClosing };
      }
      if (ch === '/') {
        i++;
        selfClosing = src[i] === '>';
        continue;
      }
      selfClosing = false;
      // An attribute name runs to white space, `/`, `>` or `=`; a leading `=` belongs to it.
      const nameStart = i;
      i++;
      while (i < src.length && !isWhitespace(src.charCodeAt(i)) && src[i] !== '/' && src[i] !== '>' && src[i] !== '=') i++;
      const attributeName = src.slice(nameStart, i).toLowerCase();
      while (i < src.length && isWhitespace(src.charCodeAt(i))) i++;
      if (src[i] !== '=') {
        attributes.push({ name: attributeName, value: null });
        continue;
      }
      i++;
      while (i < src.length && isWhitespace(src.charCodeAt(i))) i++;
      if (i >= src.length) return this.endOfInput();
      const quote = src[i];
      if (quote === '"' || quote === "'") {
        const close = src.indexOf(quote, i + 1);
        if (close < 0) return this.endOfInput();
        attributes.push({ name: attributeName, value: src.slice(i + 1, close) });
        i = close + 1;
      } else if (quote === '>') {
        attributes.push({ name: attributeName, value: '' });
      } else {
        const valueStart = i;
        while (i < src.length && !isWhitespace(src.charCodeAt(i)) && src[i] !== '>') i++;
        attributes.push({ name: attributeName, value: src.slice(valueStart, i) });
      }
    }
  }

  private endOfInput(): null {
    this.i = this.source.length;
    return null;
  }

  // The text up to `</name` followed by white space, `/` or `>` (in any case), which is left
  // for `next()` to read as the end tag.
  private readRawText(name: string): string {
    const src = this.source;
    const pattern = RAW_TEXT_END.get(name) ?? new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'ig');
    RAW_TEXT_END.set(name, pattern);
    pattern.lastIndex = this.i;
    const match = pattern.exec(src);
    const end = match === null ? src.length : match.index;
    const content = src.slice(this.i, end);
    this.i = end;
    return content;
  }
}
