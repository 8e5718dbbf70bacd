/**
 * The document as one searchable stream. Every reader's DocModel becomes a single string `s`
 * (paragraphs end with '\n'; a table row begins with ROW_START and every cell ends with CELL_END;
 * '\n' occurs only outside cells),
 * plus its compact normalised twin `k` (no whitespace, no quotes, half-width punctuation) in which
 * row labels are found even when a label is broken across lines or cells. Positions map both ways.
 */
import type { DocModel, GridRow } from './document.js';
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

function grow(size: number): void {
  sCodes = new Uint16Array(size);
  kCodes = new Uint16Array(size);
  kPositions = new Int32Array(size);
}

export function buildStream(doc: DocModel): Stream {
  // room for every text and mark, reserved once
  let size = 0;
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') size += block.text.length + 1;
    else {
      for (const row of block.rows) {
        size++;
        for (const cell of row) size += cell.text.length + 1;
      }
      size++;
    }
  }
  if (size > sCodes.length) grow(Math.max(size, sCodes.length * 2));
  const norm = NORM;
  const sc = sCodes;
  const kc = kCodes;
  const kp = kPositions;
  let sn = 0;
  let kn = 0;
  let prev = 0;
  let surrogates = false;
  const { blocks } = doc;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    const paragraph = block.kind === 'paragraph' ? block.text : null;
    // a paragraph walks the row and cell loops once, as one text
    const rows = block.kind === 'paragraph' ? PARAGRAPH_ROWS : block.rows;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      if (row) sc[sn++] = ROW;
      const cells = row ? row.length : 1;
      for (let c = 0; c < cells; c++) {
        const text = row ? row[c]!.text : paragraph!;
        const lineBreak = row ? CELL_LINE : NEWLINE;
        for (let i = 0; i < text.length; i++) {
          let code = text.charCodeAt(i);
          if (code === NEWLINE) code = lineBreak;
          else if (code >= 0xd800 && code <= 0xdfff) surrogates = true;
          sc[sn] = code;
          let n = norm[code]!;
          if (n !== 0) {
            // "1、" numbers a sub-row like "1.": make them equal
            if (n === ENUM_COMMA && prev >= 48 && prev <= 57) n = DOT;
            kp[kn] = sn;
            kc[kn++] = n;
            prev = n;
          }
          sn++;
        }
        sc[sn++] = row ? CELL : NEWLINE;
      }
    }
    if (paragraph === null) sc[sn++] = NEWLINE;
  }
  const s = surrogates ? codesToString(sc, sn) : decoder.decode(sc.subarray(0, sn));
  return { s, k: decoder.decode(kc.subarray(0, kn)), kToS: kp.slice(0, kn) };
}

const PARAGRAPH_ROWS: readonly (GridRow | null)[] = [null];

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
