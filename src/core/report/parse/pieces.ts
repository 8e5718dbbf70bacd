/**
 * Tokenises a stretch of the stream into pieces: numbers, null cells (blank grid cells, "/", "—")
 * and text. A number from a grid cell is atomic (its cell boundaries are known); a number from
 * running text may be several cells run together and is split later (split.ts).
 */
import { CELL_END, ROW_START, digitValue, isSpace } from './normalize.js';
import type { Stream } from './stream.js';

export type Piece =
  | { readonly kind: 'num'; readonly text: string; readonly atomic: boolean; readonly at: number; readonly line: number }
  | { readonly kind: 'null'; readonly text: string; readonly at: number; readonly line: number }
  | { readonly kind: 'text'; readonly text: string; readonly at: number; readonly line: number };

const CELL = CELL_END.charCodeAt(0);
const ROW = ROW_START.charCodeAt(0);
const NEWLINE = 10;
const UNITS = new Set(['件', '元', '万元', '个', '项', '条', '次', '人次', '万', '宗', '起', '份']);

/** Character classes, one lookup each: 1 space, 2 null mark, 4 dash, 8 dot. */
const CLASS = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) if (isSpace(c)) CLASS[c] = 1;
for (const c of '/／\\-—–―－−×xX✕') CLASS[c.charCodeAt(0)]! |= 2;
for (const c of '-－−') CLASS[c.charCodeAt(0)]! |= 4;
for (const c of '.．') CLASS[c.charCodeAt(0)]! |= 8;

const NONE = '无'.charCodeAt(0);
const EMPTY = '空'.charCodeAt(0);
const SMALL_NUMBERS = Array.from({ length: 1000 }, (_, v) => String(v));
/** Longest unit word (units are skipped, not text). */
const MAX_UNIT = Math.max(...[...UNITS].map((u) => u.length));

function isNullText(s: string, a: number, b: number): boolean {
  if (b - a === 1 && (s.charCodeAt(a) === NONE || s.charCodeAt(a) === EMPTY)) return true;
  for (let i = a; i < b; i++) if ((CLASS[s.charCodeAt(i)]! & 2) === 0) return false;
  return b > a;
}

/** Pieces of s[a, b). `line` counts grid rows and lines outside cells, from 0. */
export function tokenize(stream: Stream, a: number, b: number): Piece[] {
  const { s } = stream;
  const out: Piece[] = [];
  let line = 0;
  let fresh = a > 0 && (s.charCodeAt(a - 1) === ROW || s.charCodeAt(a - 1) === CELL);
  // inside a grid row: a row start more recent than the last paragraph end
  let grid = false;
  for (let i = a - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (c === ROW) grid = true;
    if (c === ROW || c === NEWLINE) break;
  }
  let content = false;
  let start = -1;
  for (let i = a; i <= b; i++) {
    const c = i < b ? s.charCodeAt(i) : NEWLINE;
    if (i < b && c !== ROW && c !== CELL && (CLASS[c]! & 1) === 0) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      splitChunk(s, start, i, grid, line, out);
      content = true;
      start = -1;
    }
    if (i === b) break;
    if (c === ROW) {
      line++;
      grid = true;
      fresh = true;
      content = false;
    } else if (c === CELL) {
      if (fresh && !content) out.push({ kind: 'null', text: '', at: i, line });
      fresh = true;
      content = false;
    } else if (c === NEWLINE) {
      line++;
      grid = false;
    }
  }
  return dropPageNumbers(out);
}

const PAGE_DASH = /^[-—–－]+$/;

/** Page numbers of a PDF conversion ("— 5 —") are not cells. */
function dropPageNumbers(pieces: Piece[]): Piece[] {
  let dashes = false;
  for (const p of pieces) if (p.kind === 'null' && p.text !== '' && PAGE_DASH.test(p.text)) dashes = true;
  if (!dashes) return pieces;
  const out: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const a = pieces[i]!;
    const b = pieces[i + 1];
    const c = pieces[i + 2];
    if (a.kind === 'null' && PAGE_DASH.test(a.text) && b?.kind === 'num' && !b.atomic && c?.kind === 'null' && PAGE_DASH.test(c.text)
      && a.line === c.line) {
      i += 2;
      continue;
    }
    out.push(a);
  }
  return out;
}

function pushText(s: string, a: number, b: number, line: number, out: Piece[]): void {
  const text = s.slice(a, b);
  if (b - a <= MAX_UNIT && UNITS.has(text)) return;
  out.push(isNullText(s, a, b) ? { kind: 'null', text, at: a, line } : { kind: 'text', text, at: a, line });
}

/**
 * Splits one whitespace-free chunk s[a, b) into number and text pieces. A number's text is its
 * characters with full-width digits and points made half-width, dashes made '-' and thousands
 * separators dropped: a slice of s when they are already so (the common case), else built up.
 */
function splitChunk(s: string, a: number, b: number, atomic: boolean, line: number, out: Piece[]): void {
  if (b - a <= 3) {
    // most cells: a number of up to three plain digits, one piece (its text from a table when it has no leading zero)
    let v = 0;
    let i = a;
    for (; i < b; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      v = v * 10 + c - 48;
    }
    if (i === b && b > a) {
      out.push({ kind: 'num', text: b - a === 1 || s.charCodeAt(a) !== 48 ? SMALL_NUMBERS[v]! : s.slice(a, b), atomic, at: a, line });
      return;
    }
  }
  if (isNullText(s, a, b)) {
    out.push({ kind: 'null', text: s.slice(a, b), at: a, line });
    return;
  }
  let numAt = -1;
  let dot = false;
  let plain = true;
  let built = '';
  let textAt = -1;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    const d = digitValue(c);
    const nextDigit = i + 1 < b && digitValue(s.charCodeAt(i + 1)) >= 0;
    const cls = CLASS[c]!;
    if (d >= 0) {
      if (numAt < 0) {
        if (textAt >= 0) pushText(s, textAt, i, line, out);
        textAt = -1;
        numAt = i;
        dot = false;
        plain = true;
      }
      if (c !== 48 + d && plain) {
        built = s.slice(numAt, i);
        plain = false;
      }
      if (!plain) built += String.fromCharCode(48 + d);
    } else if ((cls & 8) !== 0 && numAt >= 0 && nextDigit && !dot) {
      dot = true;
      if (c !== 46 && plain) {
        built = s.slice(numAt, i);
        plain = false;
      }
      if (!plain) built += '.';
    } else if ((cls & 4) !== 0 && nextDigit) {
      if (numAt >= 0) out.push({ kind: 'num', text: plain ? s.slice(numAt, i) : built, atomic, at: numAt, line });
      if (textAt >= 0) pushText(s, textAt, i, line, out);
      textAt = -1;
      numAt = i;
      dot = false;
      plain = c === 45;
      built = plain ? '' : '-';
    } else if (atomic && (c === 44 || c === 0xff0c) && numAt >= 0 && nextDigit && isThousands(s, i + 1, b)) {
      // 1,234 in a table cell: the separator is not part of the number
      if (plain) {
        built = s.slice(numAt, i);
        plain = false;
      }
    } else {
      if (numAt >= 0) out.push({ kind: 'num', text: plain ? s.slice(numAt, i) : built, atomic, at: numAt, line });
      numAt = -1;
      if (textAt < 0) textAt = i;
    }
  }
  if (numAt >= 0) out.push({ kind: 'num', text: plain ? s.slice(numAt, b) : built, atomic, at: numAt, line });
  if (textAt >= 0) pushText(s, textAt, b, line, out);
}

function isThousands(s: string, from: number, b: number): boolean {
  let n = 0;
  while (from + n < b && digitValue(s.charCodeAt(from + n)) >= 0) n++;
  return n === 3;
}

/** Numeric value of a number piece's text, or null when it is not a finite number. */
export function pieceValue(text: string): number | null {
  if (text === '' || text === '-') return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}
