/**
 * Choosing among the admissible splits of several rows at once with the table's column rules
 * (T3-BAL, T3-OUTSUM): a small backtracking search over the ambiguous rows that keeps every
 * complete assignment satisfying the equations whose cells are all known.
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

/** For each ambiguous row, the readings that take part in at least one consistent assignment. */
export function resolveByColumns(input: ResolveInput): Map<string, (readonly Cell[])[]> {
  const keys = [...input.ambiguous.keys()].sort((a, b) => input.ambiguous.get(a)!.length - input.ambiguous.get(b)!.length);
  const chosen = new Map<string, readonly Cell[] | null>(input.fixed);
  const used = new Map<string, Set<number>>(keys.map((k) => [k, new Set<number>()]));
  const assignment: number[] = [];
  let steps = 100_000;
  let solutions = 0;

  // equations become checkable once all their ambiguous rows are chosen
  const ready = input.equations.map((eq) => {
    const rows = [...eq.left, ...eq.right];
    return { eq, last: Math.max(-1, ...rows.map((r) => keys.indexOf(r))) };
  });

  const holds = (eq: ResolveInput['equations'][number]): boolean => {
    for (let c = 0; c < input.columns; c++) {
      let left = 0;
      let right = 0;
      let known = true;
      for (const r of eq.left) {
        const v = chosen.get(r);
        const x = v ? v[c] : 0;
        if (x === null || x === undefined) known = false;
        else left += x;
      }
      for (const r of eq.right) {
        const v = chosen.get(r);
        const x = v ? v[c] : 0;
        if (x === null || x === undefined) known = false;
        else right += x;
      }
      if (known && Math.abs(left - right) > 1e-9) return false;
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
    for (let o = 0; o < options.length; o++) {
      chosen.set(key, options[o]!);
      assignment[i] = o;
      if (ready.every((r) => r.last !== i || holds(r.eq))) walk(i + 1);
    }
    chosen.delete(key);
  };
  if (keys.length > 0 && ready.filter((r) => r.last === -1).every((r) => holds(r.eq))) walk(0);

  const out = new Map<string, (readonly Cell[])[]>();
  for (const key of keys) {
    const options = input.ambiguous.get(key)!;
    const ok = [...used.get(key)!].sort((a, b) => a - b).map((o) => options[o]!);
    out.set(key, ok.length > 0 && steps >= 0 ? ok : [...options]);
  }
  return out;
}
