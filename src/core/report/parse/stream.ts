/**
 * The document as one searchable stream. Every reader's DocModel becomes a single string `s`
 * (paragraphs end with '\n'; a table row begins with ROW_START and every cell ends with CELL_END;
 * '\n' occurs only outside cells),
 * plus its compact normalised twin `k` (no whitespace, no quotes, half-width punctuation) in which
 * row labels are found even when a label is broken across lines or cells. Positions map both ways.
 */
import type { DocModel } from './document.js';
import { CELL_END, NORM, ROW_START } from './normalize.js';

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
const CELL_LINE = '\u2028';
const kDecoder = new TextDecoder('utf-16le');
let scratch = new Uint16Array(4096);

export function buildStream(doc: DocModel): Stream {
  const parts: string[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      parts.push(block.text, '\n');
      continue;
    }
    for (const row of block.rows) {
      parts.push(ROW_START);
      for (const cell of row) parts.push(cell.text.includes('\n') ? cell.text.replaceAll('\n', CELL_LINE) : cell.text, CELL_END);
    }
    parts.push('\n');
  }
  const s = parts.join('');
  if (scratch.length < s.length) scratch = new Uint16Array(s.length * 2);
  const kCodes = scratch;
  const kToS = new Int32Array(s.length);
  let kn = 0;
  let prev = 0;
  for (let i = 0; i < s.length; i++) {
    let n = NORM[s.charCodeAt(i)]!;
    if (n === 0) continue;
    // "1、" numbers a sub-row like "1.": make them equal
    if (n === ENUM_COMMA && prev >= 48 && prev <= 57) n = DOT;
    kToS[kn] = i;
    kCodes[kn++] = n;
    prev = n;
  }
  return { s, k: kDecoder.decode(kCodes.subarray(0, kn)), kToS: kToS.subarray(0, kn) };
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
