/**
 * A small HTML scanner for reading reports fast: it jumps from '<' to '<' with indexOf, reads tag
 * names, the few attributes the reader uses (colspan, rowspan, style, hidden, name, content),
 * decodes entities in text, skips comments, declarations and the content of script/style, and
 * closes elements the way browsers imply them (an unclosed <td>, <tr>, <p>, <li>). Government
 * pages are tens of kilobytes of Word markup and attributes; a general-purpose tokenizer walking
 * every character was most of the reading time.
 */
import { decodeEntities } from './html-entities.js';

export interface HtmlHandler {
  onopentag(name: string, attribs: Readonly<Record<string, string>>): void;
  ontext(text: string): void;
  onclosetag(name: string): void;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'basefont', 'frame', 'keygen']);
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
const BLOCKS = ['address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul'];
/** How far up the open elements an end tag or an implied close looks (pathological nesting stays linear). */
const MAX_REACH = 256;
const CELL_SCOPE = ['tr', 'table'];
const TABLE_SCOPE = ['table'];
/**
 * Opening the key closes the innermost open element of the listed names, as browsers do, unless
 * one of the scope elements stands in between (a <td> never closes the <td> of an outer table).
 */
const IMPLIED = new Map<string, { readonly closes: readonly string[]; readonly scope: readonly string[] }>(Object.entries({
  td: { closes: ['td', 'th'], scope: CELL_SCOPE },
  th: { closes: ['td', 'th'], scope: CELL_SCOPE },
  tr: { closes: ['tr'], scope: TABLE_SCOPE },
  tbody: { closes: ['tbody', 'thead', 'tfoot'], scope: TABLE_SCOPE },
  thead: { closes: ['tbody', 'thead', 'tfoot'], scope: TABLE_SCOPE },
  tfoot: { closes: ['tbody', 'thead', 'tfoot'], scope: TABLE_SCOPE },
  li: { closes: ['li'], scope: ['ul', 'ol', 'table'] },
  dt: { closes: ['dt', 'dd'], scope: ['dl', 'table'] },
  dd: { closes: ['dt', 'dd'], scope: ['dl', 'table'] },
  option: { closes: ['option'], scope: ['select'] },
  ...Object.fromEntries(BLOCKS.map((b) => [b, { closes: ['p'], scope: ['td', 'th', 'table', 'li', 'button'] }])),
}));

const COLSPAN = /(?:^|\s)colspan\s*=\s*["']?\s*(\d+)/i;
const ROWSPAN = /(?:^|\s)rowspan\s*=\s*["']?\s*(\d+)/i;
const STYLE = /(?:^|\s)style\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const META_NAME = /(?:^|\s)name\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const META_CONTENT = /(?:^|\s)content\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const HIDDEN_ATTR = /(?:^|\s)hidden(?:\s|=|$)/i;
const value = (m: RegExpExecArray | null) => (m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : undefined);

/** The attributes the reader uses: colspan/rowspan of cells, style and hidden, name/content of meta. */
function readAttributes(name: string, text: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (name === 'td' || name === 'th') {
    const c = COLSPAN.exec(text);
    if (c) out.colspan = c[1]!;
    const r = ROWSPAN.exec(text);
    if (r) out.rowspan = r[1]!;
  } else if (name === 'meta') {
    const n = value(META_NAME.exec(text));
    const c = value(META_CONTENT.exec(text));
    if (n !== undefined) out.name = n;
    if (c !== undefined) out.content = c;
  }
  const s = value(STYLE.exec(text));
  if (s !== undefined) out.style = s;
  if (HIDDEN_ATTR.test(text)) out.hidden = '';
  return out;
}

const USED_ATTRIBUTE = /span|style|hidden/g;
const USED_ATTRIBUTE_ANY_CASE = /span|style|hidden/gi;

/** Where attributes the reader uses occur in the page (sorted positions). */
function attributeMarks(html: string): number[] {
  // old pages write attributes in capitals (<TD COLSPAN=2>)
  const re = html.includes('SPAN') || html.includes('STYLE') ? USED_ATTRIBUTE_ANY_CASE : USED_ATTRIBUTE;
  const marks: number[] = [];
  re.lastIndex = 0;
  // the last character of each match (a match lies wholly inside a tag's attributes or wholly outside)
  while (re.test(html)) marks.push(re.lastIndex - 1);
  return marks;
}

/** Tag names the scanner knows (with what it needs to know of them, below): most names need no new string. */
const KNOWN = ['a', 'b', 'br', 'p', 'td', 'th', 'tr', 'table', 'tbody', 'thead', 'tfoot', 'span', 'font', 'div', 'strong', 'em', 'i', 'u',
  'img', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'meta', 'link', 'script', 'style', 'title', 'head', 'body', 'html',
  'section', 'article', 'header', 'footer', 'nav', 'caption', 'col', 'colgroup', 'o:p', 'input', 'form', 'label', 'center', 'hr', 'sup', 'sub',
  'small', 'big', 'main', 'dl', 'dt', 'dd', 'pre', 'blockquote', 'aside', 'figure', 'option', 'select', 'textarea', 'iframe', 'noscript', 'button'];

/**
 * Name characters [A-Za-z0-9:_-] as digits 1…39 of a base-40 number (letters in any case alike;
 * 64 marks a capital); 0 for other characters. A name of up to five characters is its number.
 */
const NAME_CODE = new Uint8Array(128);
for (let c = 97; c <= 122; c++) NAME_CODE[c] = c - 96;
for (let c = 65; c <= 90; c++) NAME_CODE[c] = (c - 64) | 64;
for (let c = 48; c <= 57; c++) NAME_CODE[c] = c - 48 + 27;
NAME_CODE[58] = 37;
NAME_CODE[45] = 38;
NAME_CODE[95] = 39;
const SHORT_NAME = 5;
const SLOTS = 256;
const SLOT_KEY = new Int32Array(SLOTS);
const SLOT_INDEX = new Int16Array(SLOTS);
const LONG_KNOWN: number[] = [];
KNOWN.forEach((name, i) => {
  if (name.length > SHORT_NAME) {
    LONG_KNOWN.push(i);
    return;
  }
  let key = 0;
  for (let j = 0; j < name.length; j++) key = key * 40 + NAME_CODE[name.charCodeAt(j)]!;
  let slot = key & (SLOTS - 1);
  while (SLOT_KEY[slot] !== 0) slot = (slot + 1) & (SLOTS - 1);
  SLOT_KEY[slot] = key;
  SLOT_INDEX[slot] = i;
});

/** Index in KNOWN of the name html[from, to) (`key`: its number when short), compared in any case; else -1. */
function knownIndex(html: string, from: number, to: number, key: number): number {
  if (to - from <= SHORT_NAME) {
    for (let slot = key & (SLOTS - 1); SLOT_KEY[slot] !== 0; slot = (slot + 1) & (SLOTS - 1)) if (SLOT_KEY[slot] === key) return SLOT_INDEX[slot]!;
    return -1;
  }
  for (const index of LONG_KNOWN) {
    const name = KNOWN[index]!;
    if (name.length !== to - from) continue;
    let same = true;
    // `| 32` lower-cases the letters and keeps the other name characters apart
    for (let j = 0; same && j < name.length; j++) same = (html.charCodeAt(from + j) | 32) === name.charCodeAt(j);
    if (same) return index;
  }
  return -1;
}

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});
const NAME_CHARS = new Uint8Array(128);
for (let c = 0; c < 128; c++) NAME_CHARS[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 45 ? 1 : 0;
const isNameChar = (c: number) => c < 128 && NAME_CHARS[c] === 1;

/** Position of `</name` (any case) at or after `from`, or -1. */
function findEndTag(html: string, name: string, from: number): number {
  for (let i = html.indexOf('</', from); i >= 0; i = html.indexOf('</', i + 2)) {
    if (html.slice(i + 2, i + 2 + name.length).toLowerCase() === name && !isNameChar(html.charCodeAt(i + 2 + name.length))) return i;
  }
  return -1;
}

/**
 * Native searches over the page, each remembered until passed: the next '<', '"' and "'", and the
 * attributes the reader uses (so the page is searched for each at most once).
 */
class Scanner {
  private nextLt = -2;
  private nextDq = -2;
  private nextSq = -2;
  private readonly marks: number[];
  private flagged = 0;

  constructor(private readonly html: string) {
    this.marks = attributeMarks(html);
  }

  /** Position of the first '<' at or after `at`, or -1. */
  lt(at: number): number {
    if (this.nextLt !== -1 && this.nextLt < at) this.nextLt = this.html.indexOf('<', at);
    return this.nextLt;
  }

  private quoteAfter(at: number): number {
    const { html } = this;
    if (this.nextDq !== -1 && this.nextDq < at) this.nextDq = html.indexOf('"', at);
    if (this.nextSq !== -1 && this.nextSq < at) this.nextSq = html.indexOf("'", at);
    const dq = this.nextDq < 0 ? Infinity : this.nextDq;
    const sq = this.nextSq < 0 ? Infinity : this.nextSq;
    return dq < sq ? dq : sq;
  }

  /**
   * End (after '>') of a tag whose attributes start at `from`. Quoted values may hold '>'; a quote
   * whose partner lies beyond the next '<' is a stray character.
   */
  end(from: number): number {
    const { html } = this;
    // no attributes: the tag ends right after its name
    if (html.charCodeAt(from) === 62) return from + 1;
    let at = from;
    let gt = html.indexOf('>', at);
    for (;;) {
      if (gt < 0) return html.length;
      const q = this.quoteAfter(at);
      if (q > gt) return gt + 1;
      const quote = html.charCodeAt(q) === 34 ? '"' : "'";
      const partner = html.indexOf(quote, q + 1);
      const nextTag = this.lt(from);
      if (partner < 0 || (nextTag >= 0 && nextTag < partner)) return gt + 1;
      at = partner + 1;
      if (at > gt) gt = html.indexOf('>', at);
    }
  }

  /** Whether an attribute the reader uses is named in html[from, to). */
  flags(from: number, to: number): boolean {
    const { marks } = this;
    while (this.flagged < marks.length && marks[this.flagged]! < from) this.flagged++;
    return this.flagged < marks.length && marks[this.flagged]! < to;
  }
}

/** What the scanner does when an element opens or closes. */
const VOID_FLAG = 1;
const RAW_FLAG = 2;
const KNOWN_FLAGS = new Uint8Array(KNOWN.length);
const KNOWN_IMPLIED = KNOWN.map((name) => IMPLIED.get(name));
KNOWN.forEach((name, i) => {
  KNOWN_FLAGS[i] = (VOID.has(name) ? VOID_FLAG : 0) | (RAW.has(name) ? RAW_FLAG : 0);
});

export function scanHtml(html: string, handler: HtmlHandler): void {
  const stack: string[] = [];
  const scanner = new Scanner(html);
  let pos = 0;
  const n = html.length;
  while (pos < n) {
    const lt = scanner.lt(pos);
    const textEnd = lt < 0 ? n : lt;
    // a character reference takes three characters at least (&#1): shorter texts need no decoding
    if (textEnd > pos) handler.ontext(textEnd - pos < 3 ? html.slice(pos, textEnd) : decodeEntities(html.slice(pos, textEnd)));
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      // comment, doctype, conditional comment, CDATA
      const comment = html.startsWith('<!--', lt);
      const end = comment ? html.indexOf('-->', lt + 4) : html.indexOf('>', lt + 2);
      pos = end < 0 ? n : end + (comment ? 3 : 1);
      continue;
    }
    if (next === 63 /* ? */) {
      const end = html.indexOf('>', lt + 2);
      pos = end < 0 ? n : end + 1;
      continue;
    }
    const closing = next === 47; /* / */
    let i = lt + (closing ? 2 : 1);
    const nameStart = i;
    let upper = false;
    let key = 0;
    for (; i < n; i++) {
      const c = html.charCodeAt(i);
      const code = c < 128 ? NAME_CODE[c]! : 0;
      if (code === 0) break;
      if (code > 63) upper = true;
      key = key * 40 + (code & 63);
    }
    if (i === nameStart) {
      // a lone '<' is text
      handler.ontext('<');
      pos = lt + 1;
      continue;
    }
    const index = knownIndex(html, nameStart, i, key);
    const name = index >= 0 ? KNOWN[index]! : upper ? html.slice(nameStart, i).toLowerCase() : html.slice(nameStart, i);
    const flags = index >= 0 ? KNOWN_FLAGS[index]! : (VOID.has(name) ? VOID_FLAG : 0) | (RAW.has(name) ? RAW_FLAG : 0);
    const end = scanner.end(i);
    pos = end;
    if (closing) {
      if ((flags & VOID_FLAG) === 0) close(stack, name, handler);
      continue;
    }
    const rule = index >= 0 ? KNOWN_IMPLIED[index] : IMPLIED.get(name);
    if (rule) implyClose(stack, rule, handler);
    const selfClosing = html.charCodeAt(end - 2) === 47;
    const wanted = name === 'meta' || scanner.flags(i, end);
    handler.onopentag(name, wanted ? readAttributes(name, html.slice(i, end - 1)) : NO_ATTRIBUTES);
    if ((flags & VOID_FLAG) !== 0) {
      handler.onclosetag(name);
      continue;
    }
    if (selfClosing && name.includes(':')) {
      handler.onclosetag(name);
      continue;
    }
    stack.push(name);
    if ((flags & RAW_FLAG) !== 0) {
      const closeAt = findEndTag(html, name, end);
      const stop = closeAt < 0 ? n : closeAt;
      if (stop > end) handler.ontext(name === 'title' || name === 'textarea' ? decodeEntities(html.slice(end, stop)) : html.slice(end, stop));
      close(stack, name, handler);
      pos = closeAt < 0 ? n : scanner.end(closeAt + 2 + name.length);
    }
  }
  while (stack.length > 0) handler.onclosetag(stack.pop()!);
}

/** A close tag matches an element open at most MAX_REACH levels up; deeper ones are strays. */
function close(stack: string[], name: string, handler: HtmlHandler): void {
  let i = stack.length - 1;
  while (i >= 0 && stack.length - i <= MAX_REACH && stack[i] !== name) i--;
  if (i < 0 || stack[i] !== name) return;
  while (stack.length > i) handler.onclosetag(stack.pop()!);
}

/** Opening an element closes what its rule says it closes, as browsers do. */
function implyClose(stack: string[], rule: { readonly closes: readonly string[]; readonly scope: readonly string[] }, handler: HtmlHandler): void {
  for (let i = stack.length - 1; i >= 0 && stack.length - i <= MAX_REACH; i--) {
    const open = stack[i]!;
    if (rule.closes.includes(open)) {
      while (stack.length > i) handler.onclosetag(stack.pop()!);
      return;
    }
    if (rule.scope.includes(open)) return;
  }
}
