/**
 * Choosing among the admissible splits of several rows at once with the table's column rules
 * (T3-BAL, T3-OUTSUM): a backtracking search over the ambiguous rows that keeps every complete
 * assignment satisfying the equations. Sums are kept per equation and column as rows are chosen,
 * and a partial assignment is dropped as soon as a side with no rows left to choose is already
 * exceeded (cells are non-negative), so the search stays small on real tables.
 */
import type { Cell, ColumnEquationRule } from '../spec/index.js';

export interface ResolveInput {
  /** Rows with a single known reading (null row = not printed, counts as 0). */
  readonly fixed: ReadonlyMap<string, readonly Cell[] | null>;
  /** Rows with several admissible readings. */
  readonly ambiguous: ReadonlyMap<string, readonly (readonly Cell[])[]>;
  readonly equations: readonly Pick<ColumnEquationRule, 'left' | 'right'>[];
  readonly columns: number;
}

interface Eq {
  /** Σ left − Σ right of the fixed rows, per column; NaN where a fixed cell is blank. */
  readonly base: Float64Array;
  /** Running Σ left − Σ right of the chosen ambiguous rows, per column. */
  readonly sum: Float64Array;
  /** Blank cells among the chosen rows, per column (such a column cannot be checked). */
  readonly blanks: Int32Array;
  /** Ambiguous rows still to choose on the left and on the right. */
  left: number;
  right: number;
}

/** For each ambiguous row, the readings that take part in at least one consistent assignment. */
export function resolveByColumns(input: ResolveInput): Map<string, (readonly Cell[])[]> {
  const keys = [...input.ambiguous.keys()].sort((a, b) => input.ambiguous.get(a)!.length - input.ambiguous.get(b)!.length);
  const width = input.columns;
  // for each ambiguous row: the equations it is in, with its sign (+1 left, −1 right)
  const uses = new Map<string, { eq: Eq; sign: number }[]>(keys.map((k) => [k, []]));
  const eqs: Eq[] = [];
  for (const rule of input.equations) {
    const eq: Eq = { base: new Float64Array(width), sum: new Float64Array(width), blanks: new Int32Array(width), left: 0, right: 0 };
    for (const [rows, sign] of [[rule.left, 1], [rule.right, -1]] as const) {
      for (const row of rows) {
        const choice = uses.get(row);
        if (choice) {
          choice.push({ eq, sign });
          if (sign > 0) eq.left++;
          else eq.right++;
          continue;
        }
        const cells = input.fixed.get(row);
        for (let c = 0; c < width; c++) eq.base[c]! += sign * (cells ? (cells[c] ?? NaN) : 0);
      }
    }
    if (eq.left + eq.right > 0) eqs.push(eq);
  }

  const used = new Map<string, Set<number>>(keys.map((k) => [k, new Set<number>()]));
  const assignment: number[] = [];
  let steps = 200_000;
  let solutions = 0;

  /** The equation still admits a solution: exact when complete, bounded by non-negativity otherwise. */
  const feasible = (eq: Eq): boolean => {
    for (let c = 0; c < width; c++) {
      const v = eq.base[c]! + eq.sum[c]!;
      if (Number.isNaN(v) || eq.blanks[c]! > 0) continue;
      if (eq.left === 0 && eq.right === 0) {
        if (Math.abs(v) > 1e-9) return false;
      } else if (eq.left === 0 && v < -1e-9) return false; // only right-side rows remain: they can only lower v
      else if (eq.right === 0 && v > 1e-9) return false;
    }
    return true;
  };

  const walk = (i: number): void => {
    if (--steps < 0 || solutions > 1000) return;
    if (i === keys.length) {
      solutions++;
      keys.forEach((k, j) => used.get(k)!.add(assignment[j]!));
      return;
    }
    const key = keys[i]!;
    const options = input.ambiguous.get(key)!;
    const links = uses.get(key)!;
    for (let o = 0; o < options.length && steps >= 0; o++) {
      const cells = options[o]!;
      let ok = true;
      for (const { eq, sign } of links) {
        if (sign > 0) eq.left--;
        else eq.right--;
        for (let c = 0; c < width; c++) {
          const v = cells[c] ?? null;
          if (v === null) eq.blanks[c]!++;
          else eq.sum[c]! += sign * v;
        }
      }
      for (const { eq } of links) if (ok && !feasible(eq)) ok = false;
      if (ok) {
        assignment[i] = o;
        walk(i + 1);
      }
      for (const { eq, sign } of links) {
        if (sign > 0) eq.left++;
        else eq.right++;
        for (let c = 0; c < width; c++) {
          const v = cells[c] ?? null;
          if (v === null) eq.blanks[c]!--;
          else eq.sum[c]! -= sign * v;
        }
      }
    }
  };
  if (keys.length > 0) walk(0);

  const out = new Map<string, (readonly Cell[])[]>();
  for (const key of keys) {
    const options = input.ambiguous.get(key)!;
    const ok = [...used.get(key)!].sort((a, b) => a - b).map((o) => options[o]!);
    // no consistent assignment (the table itself breaks a rule) or the search gave up: undecided
    out.set(key, ok.length > 0 && steps >= 0 ? ok : [...options]);
  }
  return out;
}
