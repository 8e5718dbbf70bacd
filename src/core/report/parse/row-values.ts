/**
 * The values printed after a row label: the number and null pieces up to the next text, and the
 * ways of reading them as the row's cells (direct when the cell boundaries are known, enumerated
 * splits when digits ran together).
 */
import type { Cell } from '../spec/index.js';
import type { Piece } from './pieces.js';
import { pieceValue } from './pieces.js';
import type { SplitOptions } from './split.js';
import { splitCells } from './split.js';

export type ValuePiece = Extract<Piece, { kind: 'num' | 'null' }>;

export interface RowPieces {
  readonly values: readonly ValuePiece[];
  /** Text after the values followed by more numbers before the next label: an unexpected row (or one whose label was not recognised). */
  readonly extra: { readonly text: string; readonly values: readonly ValuePiece[] } | null;
}

const HEADING = /^[一二三四五六七八九十]+、/;
const ORDINAL_MARK = /^[.．、]/;

/**
 * Values after a label: leading text on the label's own line (the rest of a long label) is
 * skipped unless it looks like a heading; the values end at the next text. A digit glued to a
 * following ".label" is that label's number, not a value ("…00000002.其他…").
 */
export function rowPieces(pieces: readonly Piece[], opts: { readonly extraRows: boolean }): RowPieces {
  let i = 0;
  while (i < pieces.length && pieces[i]!.kind === 'text' && pieces[i]!.line === 0 && !HEADING.test(pieces[i]!.text)) i++;
  const values = takeValues(pieces, i);
  i += values.length;
  let extra: RowPieces['extra'] = null;
  if (i < pieces.length && values.length > 0) {
    dropOrdinal(values, pieces[i]!);
    if (opts.extraRows) {
      const more = takeValues(pieces, i + 1);
      if (more.some((p) => p.kind === 'num')) extra = { text: pieces[i]!.text, values: more };
    }
  }
  return { values, extra };
}

function takeValues(pieces: readonly Piece[], from: number): ValuePiece[] {
  const out: ValuePiece[] = [];
  for (let i = from; i < pieces.length && pieces[i]!.kind !== 'text'; i++) out.push(pieces[i] as ValuePiece);
  return out;
}

/** Removes the number of a following sub-row label from the end of the values. */
function dropOrdinal(values: ValuePiece[], next: Piece): void {
  const last = values[values.length - 1];
  if (!last || last.kind !== 'num' || !ORDINAL_MARK.test(next.text) || last.at + last.text.length !== next.at) return;
  if (last.text.length === 1) values.pop();
  else if (!last.atomic) values[values.length - 1] = { ...last, text: last.text.slice(0, -1) };
}

export interface CellReading {
  /** Unique reading, or null when there is none or several. */
  readonly cells: readonly Cell[] | null;
  /** All admissible readings when the digits ran together (one or more). */
  readonly candidates: readonly (readonly Cell[])[];
  /** The digits had to be split (more digits than cells). */
  readonly split: boolean;
  /** The source text of the values, for messages. */
  readonly text: string;
  /** Cells were missing (padded with null) or surplus (dropped). */
  readonly mismatch: 'short' | 'long' | null;
}

/** A reading whose source text is only written out when a message quotes it. */
class Reading implements CellReading {
  constructor(
    readonly cells: readonly Cell[] | null,
    readonly candidates: readonly (readonly Cell[])[],
    readonly split: boolean,
    readonly mismatch: 'short' | 'long' | null,
    private readonly source: readonly ValuePiece[],
  ) {}

  get text(): string {
    return this.source.map((p) => p.text || '□').join(' ');
  }
}

const valueOf = (p: ValuePiece): Cell => (p.kind === 'null' ? null : pieceValue(p.text));

/** Trims surplus blank cells (leading, then trailing) down to n. */
function trimBlanks(values: readonly ValuePiece[], n: number): readonly ValuePiece[] {
  let lo = 0;
  let hi = values.length;
  while (hi - lo > n && values[lo]!.kind === 'null') lo++;
  while (hi - lo > n && values[hi - 1]!.kind === 'null') hi--;
  return lo === 0 && hi === values.length ? values : values.slice(lo, hi);
}

/** Reads the values as n cells, splitting run-together digits under `split` options. */
export function readCells(values: readonly ValuePiece[], split: SplitOptions): CellReading {
  const n = split.n;
  const v = trimBlanks(values, n);
  if (v.length >= n) {
    const cells: Cell[] = new Array<Cell>(n);
    for (let i = 0; i < n; i++) cells[i] = valueOf(v[i]!);
    return new Reading(cells, [cells], false, v.length > n ? 'long' : null, values);
  }
  let splittable = false;
  for (const p of v) if (p.kind === 'num' && !p.atomic && p.text.length > 1) splittable = true;
  if (!splittable) {
    // cells are missing and nothing says which: place none of them
    const cells = Array<Cell>(n).fill(null);
    return new Reading(cells, [cells], false, v.length === 0 ? null : 'short', values);
  }
  const inputs = v.map((p) => ({ text: p.text, atomic: p.kind === 'null' || p.atomic, isNull: p.kind === 'null' }));
  let { candidates } = splitCells(inputs, split);
  if (candidates.length === 0 && split.check) candidates = splitCells(inputs, { ...split, check: undefined }).candidates;
  const width = inputs.reduce((sum, p) => sum + (p.atomic ? 1 : p.text.length), 0);
  return new Reading(candidates.length === 1 ? candidates[0]! : null, candidates, width > n, null, values);
}

/** A table's values with every row not (yet) read: null, in spec order. */
export function nullRows(rows: readonly { readonly key: string }[]): Record<string, readonly Cell[] | null> {
  const out: Record<string, readonly Cell[] | null> = {};
  for (const r of rows) out[r.key] = null;
  return out;
}

/** Cells on which every candidate agrees; null elsewhere. */
export function agreedCells(candidates: readonly (readonly Cell[])[], n: number): Cell[] {
  return Array.from({ length: n }, (_, i) => {
    const first = candidates[0]?.[i] ?? null;
    return candidates.every((c) => c[i] === first) ? first : null;
  });
}
