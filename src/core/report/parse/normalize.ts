/**
 * Character normalisation for matching labels in real documents: full-width ASCII (digits,
 * parentheses, commas) becomes half-width, quotes and whitespace disappear, "1、" becomes "1.".
 * One typed-array lookup per character; no regular expressions in the hot path.
 */

/** The stream's cell and row markers (see stream.ts). */
export const CELL_END = '\u001f';
export const ROW_START = '\u001e';

const SPACE_CHARS = ' \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u3000\ufeff\u001e\u001f';
const QUOTE_CHARS = '"\'“”‘’「」『』〝〞‚„‹›«»＂＇';
const EXTRA: readonly (readonly [string, string])[] = [['﹒', '.'], ['︰', ':'], ['﹙', '('], ['﹚', ')'], ['‐', '-'], ['‑', '-'], ['−', '-']];

/**
 * Traditional characters of the table labels and headings, read as simplified (pages offer a
 * 繁體版, and mirrors convert): the labels then match. Only the compact search form changes.
 */
const TRADITIONAL = '開开請请數数結结轉转處处這这規规國国機机關关護护權权類类務务過过執执據据無无現现補补後后訪访舉举報报訴诉複复審审總总計计維维糾纠經经復复議议訟讼業业構构會会組组織织條条項项許许製制廢废費费單单萬万與与況况發发動动體体問问統统從从聯联級级區区歸归縣县鎮镇鄉乡衛卫環环資资產产號号證证權权實实頁页圖图書书館馆辦办閱阅讀读應应為为於于說说須须負负責责準准導导屬属權权稱称級级庫库價价類类專专幣币點点屆届歲岁場场購购採采陽阳齊齐劃划';

const SPACES = new Uint8Array(65536);
for (const c of SPACE_CHARS) SPACES[c.charCodeAt(0)] = 1;

/** Normalised code of every BMP character; 0 = dropped (whitespace, quotes). */
export const NORM = new Uint16Array(65536);
for (let c = 0; c < 65536; c++) NORM[c] = c;
for (let c = 0xff01; c <= 0xff5e; c++) NORM[c] = c - 0xfee0;
for (const [a, b] of EXTRA) NORM[a.charCodeAt(0)] = b.charCodeAt(0);
for (let i = 0; i + 1 < TRADITIONAL.length; i += 2) NORM[TRADITIONAL.charCodeAt(i)] = TRADITIONAL.charCodeAt(i + 1);
for (const c of SPACE_CHARS) NORM[c.charCodeAt(0)] = 0;
for (const c of QUOTE_CHARS) NORM[c.charCodeAt(0)] = 0;

const ENUM_COMMA = '、'.charCodeAt(0);
const DOT = 46;

const SIMPLIFIED = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL.length; i += 2) SIMPLIFIED.set(TRADITIONAL[i]!, TRADITIONAL[i + 1]!);
const HAS_TRADITIONAL = new RegExp(`[${[...SIMPLIFIED.keys()].join('')}]`, 'g');

/** Text with the traditional characters of the table above read as simplified (titles, headings). */
export function simplify(text: string): string {
  return text.replace(HAS_TRADITIONAL, (c) => SIMPLIFIED.get(c) ?? c);
}

/** Whitespace, including the stream's cell/row markers. */
export function isSpace(code: number): boolean {
  return SPACES[code] === 1;
}

/** Normalised code of `code` given the previous emitted code (0 = drop): "1、" reads as "1.". */
export function normalizeCode(code: number, prev: number): number {
  const n = NORM[code]!;
  return n === ENUM_COMMA && prev >= 48 && prev <= 57 ? DOT : n;
}

/** Text without whitespace or quotes, with half-width digits and punctuation. */
export function compact(text: string): string {
  const out = new Uint16Array(text.length);
  let length = 0;
  let prev = 0;
  for (let i = 0; i < text.length; i++) {
    const n = normalizeCode(text.charCodeAt(i), prev);
    if (n !== 0) {
      out[length++] = n;
      prev = n;
    }
  }
  return codesToString(out, length);
}

/** String from the first `length` UTF-16 codes (chunked to stay within argument limits). */
export function codesToString(codes: Uint16Array, length: number): string {
  let s = '';
  for (let i = 0; i < length; i += 8192) {
    s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + 8192)) as unknown as number[]);
  }
  return s;
}

/** ASCII digit value of a (possibly full-width) digit character code, or -1. */
export function digitValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

const SQUEEZE = new RegExp(`[\\s\\u00a0\\u3000${CELL_END}${ROW_START}]+`, 'g');

/** Collapses runs of whitespace (and stream markers) to one space and trims. */
export function squeeze(text: string): string {
  return text.replace(SQUEEZE, ' ').trim();
}
