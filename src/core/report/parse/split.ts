/**
 * Splitting run-together digits into cells. Crawler dumps of government pages lose the cell
 * boundaries ("801000081" = 80,1,0,0,0,0,81); the admissible splits are enumerated under the
 * row's own arithmetic (a depth-first search pruned at every completed sum group), and the
 * caller narrows them further with the table's column rules.
 */
import type { Cell } from '../spec/index.js';

export interface SplitInput {
  readonly text: string;
  /** Known to be one cell (a grid cell or a blank/"/" cell). */
  readonly atomic: boolean;
  /** A null cell (blank or "/"). */
  readonly isNull?: boolean;
}

export interface SplitOptions {
  /** Number of cells. */
  readonly n: number;
  readonly allowDecimal?: (column: number) => boolean;
  readonly allowNegative?: (column: number) => boolean;
  /** Called after cell `index` is placed; returning false prunes the branch. */
  readonly check?: (index: number, cells: readonly Cell[]) => boolean;
  /** Stop after this many candidates (default 64). */
  readonly limit?: number;
  /** Stop after this many search steps (default 200 000). */
  readonly budget?: number;
}

export interface SplitResult {
  readonly candidates: readonly (readonly Cell[])[];
  /** The search stopped early (budget or limit); the candidate list may be incomplete. */
  readonly truncated: boolean;
}

const validPart = (part: string, column: number, opts: SplitOptions): boolean => {
  let body = part;
  if (body.startsWith('-')) {
    if (!opts.allowNegative?.(column)) return false;
    body = body.slice(1);
  }
  if (body === '') return false;
  const dot = body.indexOf('.');
  if (dot >= 0) {
    if (!opts.allowDecimal?.(column) || dot === 0 || dot === body.length - 1) return false;
    if (body.length > 1 && body[0] === '0' && dot !== 1) return false;
    return true;
  }
  return body.length === 1 || body[0] !== '0';
};

/** Every way of reading the pieces as exactly `n` cells (leading zeros only for "0"). */
export function splitCells(pieces: readonly SplitInput[], opts: SplitOptions): SplitResult {
  const n = opts.n;
  const limit = opts.limit ?? 64;
  let steps = opts.budget ?? 200_000;
  const candidates: Cell[][] = [];
  const cells: Cell[] = [];
  let truncated = false;
  // suffix bounds: minimal and maximal number of cells the pieces from i on can give
  const minFrom = new Array<number>(pieces.length + 1).fill(0);
  const maxFrom = new Array<number>(pieces.length + 1).fill(0);
  for (let i = pieces.length - 1; i >= 0; i--) {
    const p = pieces[i]!;
    minFrom[i] = minFrom[i + 1]! + 1;
    maxFrom[i] = maxFrom[i + 1]! + (p.atomic || p.isNull ? 1 : p.text.length);
  }

  const place = (value: Cell, next: () => void) => {
    cells.push(value);
    if (!opts.check || opts.check(cells.length - 1, cells)) next();
    cells.pop();
  };

  const walk = (pi: number, pos: number): void => {
    if (truncated) return;
    if (--steps < 0 || candidates.length >= limit) {
      truncated = true;
      return;
    }
    const left = n - cells.length;
    if (pi === pieces.length) {
      if (left === 0) candidates.push([...cells]);
      return;
    }
    const p = pieces[pi]!;
    if (p.isNull || p.atomic) {
      if (left < minFrom[pi]! || left > maxFrom[pi]!) return;
      if (p.isNull) return place(null, () => walk(pi + 1, 0));
      return place(Number(p.text), () => walk(pi + 1, 0));
    }
    const rest = p.text.length - pos;
    for (let len = 1; len <= rest; len++) {
      const tailChars = rest - len;
      const minAfter = (tailChars > 0 ? 1 : 0) + minFrom[pi + 1]!;
      const maxAfter = tailChars + maxFrom[pi + 1]!;
      if (left - 1 < minAfter || left - 1 > maxAfter) continue;
      const part = p.text.slice(pos, pos + len);
      if (!validPart(part, cells.length, opts)) continue;
      place(Number(part), () => (tailChars > 0 ? walk(pi, pos + len) : walk(pi + 1, 0)));
      if (truncated) return;
    }
  };
  if (n > 0) walk(0, 0);
  return { candidates, truncated };
}

/** A sum-group check for splitCells: cell `total` = Σ cells `parts` (nulls skip the check). */
export function sumGroups(groups: readonly { readonly total: number; readonly parts: readonly number[] }[]) {
  const byTotal = new Map(groups.map((g) => [g.total, g.parts]));
  return (index: number, cells: readonly Cell[]): boolean => {
    const parts = byTotal.get(index);
    if (!parts) return true;
    const total = cells[index];
    if (total === null || total === undefined) return true;
    let sum = 0;
    for (const i of parts) {
      const v = cells[i];
      if (v === null || v === undefined) return true;
      sum += v;
    }
    return Math.abs(sum - total) < 1e-9;
  };
}
