/**
 * The document as one searchable stream. Every reader's DocModel becomes a single string `s`
 * (paragraphs end with '\n'; a table row begins with ROW_START and every cell ends with CELL_END),
 * plus its compact normalised twin `k` (no whitespace, no quotes, half-width punctuation) in which
 * row labels are found even when a label is broken across lines or cells. Positions map both ways.
 */
import type { DocModel } from './document.js';
import { CELL_END, ROW_START, codesToString, normalizeCode } from './normalize.js';

export interface Stream {
  readonly s: string;
  /** 1 where s[i] belongs to a table cell (its text or its CELL_END marker). */
  readonly inCell: Uint8Array;
  /** Compact normalised form of s, for label search. */
  readonly k: string;
  /** Position in s of each character of k. */
  readonly kToS: Int32Array;
  /** Position in k of the first k character at or after each position of s (length s.length + 1). */
  readonly sToK: Int32Array;
}

export function buildStream(doc: DocModel): Stream {
  const parts: string[] = [];
  const cellRanges: number[] = [];
  let length = 0;
  const push = (text: string, cell: boolean) => {
    if (cell) cellRanges.push(length, length + text.length);
    parts.push(text);
    length += text.length;
  };
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      push(block.text, false);
      push('\n', false);
      continue;
    }
    for (const row of block.rows) {
      push(ROW_START, false);
      for (const cell of row) push(cell.text + CELL_END, true);
    }
    push('\n', false);
  }
  const s = parts.join('');
  const inCell = new Uint8Array(s.length);
  for (let i = 0; i < cellRanges.length; i += 2) inCell.fill(1, cellRanges[i], cellRanges[i + 1]);

  const kCodes = new Uint16Array(s.length);
  const kToS = new Int32Array(s.length);
  const sToK = new Int32Array(s.length + 1);
  let kn = 0;
  let prev = 0;
  for (let i = 0; i < s.length; i++) {
    sToK[i] = kn;
    const n = normalizeCode(s.charCodeAt(i), prev);
    if (n !== 0) {
      kToS[kn] = i;
      kCodes[kn++] = n;
      prev = n;
    }
  }
  sToK[s.length] = kn;
  return { s, inCell, k: codesToString(kCodes, kn), kToS: kToS.subarray(0, kn), sToK };
}

/** Range of s covered by the k range [kStart, kEnd). */
export function kRangeToS(stream: Stream, kStart: number, kEnd: number): [number, number] {
  if (kEnd <= kStart) {
    const at = kStart < stream.kToS.length ? stream.kToS[kStart]! : stream.s.length;
    return [at, at];
  }
  return [stream.kToS[kStart]!, stream.kToS[kEnd - 1]! + 1];
}
