/**
 * The document as one searchable stream. Every reader's DocModel becomes a single string `s`
 * (paragraphs end with '\n'; a table row begins with ROW_START and every cell ends with CELL_END;
 * '\n' occurs only outside cells),
 * plus its compact normalised twin `k` (no whitespace, no quotes, half-width punctuation) in which
 * row labels are found even when a label is broken across lines or cells. Positions map both ways.
 */
import type { DocModel } from './document.js';
import { CELL_END, NORM, ROW_START, codesToString } from './normalize.js';

const ENUM_COMMA = '、'.charCodeAt(0);
const DOT = 46;

export interface Stream {
  readonly s: string;
  /** Compact normalised form of s, for label search. */
  readonly k: string;
  /** Position in s of each character of k. */
  readonly kToS: Int32Array;
}

/** Line breaks inside a cell become U+2028 (whitespace, but not a paragraph end). */
const CELL_LINE = 0x2028;
const NEWLINE = 10;
const CELL = CELL_END.charCodeAt(0);
const ROW = ROW_START.charCodeAt(0);
/** UTF-16 decoding copies the codes natively; it would turn a lone surrogate into U+FFFD, so s then takes the slow way. */
const decoder = new TextDecoder('utf-16le', { ignoreBOM: true });
let sCodes = new Uint16Array(4096);
let kCodes = new Uint16Array(4096);
let kPositions = new Int32Array(4096);

/**
 * Appends `text` (its line breaks as `lineBreak`) and then `end` (a paragraph end or cell end,
 * which k drops) to the s codes, and the normalised characters of `text` to the k codes; returns
 * the new length of s.
 */
function append(text: string, lineBreak: number, end: number, sn: number): number {
  if (sn + text.length + 2 > sCodes.length) grow(sn + text.length + 2);
  const norm = NORM;
  const sc = sCodes;
  const kc = kCodes;
  const kp = kPositions;
  let kn = kLength;
  let prev = kn > 0 ? kc[kn - 1]! : 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c === NEWLINE) c = lineBreak;
    else if (c >= 0xd800 && c <= 0xdfff) surrogates = true;
    sc[sn] = c;
    let n = norm[c]!;
    if (n !== 0) {
      // "1、" numbers a sub-row like "1.": make them equal
      if (n === ENUM_COMMA && prev >= 48 && prev <= 57) n = DOT;
      kp[kn] = sn;
      kc[kn++] = n;
      prev = n;
    }
    sn++;
  }
  sc[sn++] = end;
  kLength = kn;
  return sn;
}

let kLength = 0;
let surrogates = false;

function grow(min: number): void {
  const size = Math.max(min, sCodes.length * 2);
  const s = new Uint16Array(size);
  s.set(sCodes);
  sCodes = s;
  const k = new Uint16Array(size);
  k.set(kCodes);
  kCodes = k;
  const p = new Int32Array(size);
  p.set(kPositions);
  kPositions = p;
}

export function buildStream(doc: DocModel): Stream {
  kLength = 0;
  surrogates = false;
  let sn = 0;
  const { blocks } = doc;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.kind === 'paragraph') {
      sn = append(block.text, NEWLINE, NEWLINE, sn);
      continue;
    }
    const { rows } = block;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      if (sn + 1 > sCodes.length) grow(sn + 1);
      sCodes[sn++] = ROW;
      for (let c = 0; c < row.length; c++) sn = append(row[c]!.text, CELL_LINE, CELL, sn);
    }
    if (sn + 1 > sCodes.length) grow(sn + 1);
    sCodes[sn++] = NEWLINE;
  }
  const kn = kLength;
  const s = surrogates ? codesToString(sCodes, sn) : decoder.decode(sCodes.subarray(0, sn));
  return { s, k: decoder.decode(kCodes.subarray(0, kn)), kToS: kPositions.slice(0, kn) };
}

/** Position in k of the first k character at or after position `at` of s. */
export function sToK(stream: Stream, at: number): number {
  const { kToS } = stream;
  let lo = 0;
  let hi = kToS.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (kToS[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Range of s covered by the k range [kStart, kEnd). */
export function kRangeToS(stream: Stream, kStart: number, kEnd: number): [number, number] {
  if (kEnd <= kStart) {
    const at = kStart < stream.kToS.length ? stream.kToS[kStart]! : stream.s.length;
    return [at, at];
  }
  return [stream.kToS[kStart]!, stream.kToS[kEnd - 1]! + 1];
}
