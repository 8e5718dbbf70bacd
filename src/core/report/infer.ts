/**
 * Filling blank cells of tables 三 and 四 that the tables' own rules determine: each rule is a
 * set of linear equations over cells (row sums, column equations). Iterated to a fixpoint: an
 * equation with one blank cell gives it the residual; an equation whose blanks all stand on one
 * side with residual 0 gives them all 0 (cells are non-negative). Blank rows that are not printed
 * (null) count as 0 and are left alone. Every filled cell is reported (T3-BLANK / T4-BLANK).
 */
import type { Finding } from '../findings.js';
import { finding } from '../findings.js';
import type { Cell, ReportSpec, TableId } from './spec/index.js';
import { specIndex } from './validate-labels.js';
import type { ReportValues, TableValues } from './values.js';

type Tables = ReportValues['tables'];
type Ref = readonly [table: TableId, row: string, column: number];

interface Equation {
  /** Cells with coefficient +1 and −1; Σ plus = Σ minus. */
  readonly plus: readonly Ref[];
  readonly minus: readonly Ref[];
}

const BLANK_CODE: Partial<Record<TableId, 'T3-BLANK' | 'T4-BLANK'>> = { table3: 'T3-BLANK', table4: 'T4-BLANK' };

const cache = new WeakMap<ReportSpec, Map<string, Equation[]>>();

/** The equations for the rows this report prints (cached per spec and set of printed rows). */
function equationsFor(spec: ReportSpec, tables: Tables): Equation[] {
  let key = '';
  for (const id of ['table3', 'table4'] as const) for (const r of spec.tables[id].rows) key += tables[id][r.key] ? '1' : '0';
  let bySpec = cache.get(spec);
  if (!bySpec) cache.set(spec, (bySpec = new Map()));
  let eqs = bySpec.get(key);
  if (!eqs) bySpec.set(key, (eqs = equations(spec, tables)));
  return eqs;
}

function equations(spec: ReportSpec, tables: Tables): Equation[] {
  const out: Equation[] = [];
  for (const rule of spec.rules) {
    if (!(rule.table in BLANK_CODE)) continue;
    const width = spec.tables[rule.table].columns.length;
    if (rule.kind === 'rowSum') {
      const rows = rule.rows === 'all' ? spec.tables[rule.table].rows.map((r) => r.key) : rule.rows;
      for (const row of rows) {
        if (!tables[rule.table][row]) continue;
        for (const g of rule.groups) {
          out.push({ plus: [[rule.table, row, g.total]], minus: g.parts.map((c) => [rule.table, row, c] as const) });
        }
      }
    } else if (rule.kind === 'columnEquation') {
      const printed = (rows: readonly string[]) => rows.filter((r) => tables[rule.table][r]);
      for (let c = 0; c < width; c++) {
        out.push({
          plus: printed(rule.left).map((r) => [rule.table, r, c] as const),
          minus: printed(rule.right).map((r) => [rule.table, r, c] as const),
        });
      }
    }
  }
  return out;
}

export interface InferResult {
  readonly tables: Tables;
  readonly findings: Finding[];
}

/** Fills the blank cells of printed rows of tables 三 and 四 that the rules determine uniquely. */
const hasBlank = (table: TableValues): boolean => {
  for (const row of Object.values(table)) if (row && row.includes(null)) return true;
  return false;
};

export function inferBlanks(spec: ReportSpec, tables: Tables): InferResult {
  if (!hasBlank(tables.table3) && !hasBlank(tables.table4)) return { tables, findings: [] };
  const copy: Record<TableId, Record<string, Cell[] | null>> = { table2: {}, table3: {}, table4: {} };
  for (const id of ['table2', 'table3', 'table4'] as const) {
    for (const [row, cells] of Object.entries(tables[id] as TableValues)) copy[id][row] = cells ? [...cells] : null;
  }
  const get = ([t, r, c]: Ref): Cell => copy[t][r]?.[c] ?? null;
  const filled: { ref: Ref; value: number }[] = [];
  const set = (ref: Ref, value: number) => {
    copy[ref[0]][ref[1]]![ref[2]] = value;
    filled.push({ ref, value });
  };
  const eqs = equationsFor(spec, tables);
  for (let changed = true; changed;) {
    changed = false;
    for (const eq of eqs) {
      let residual = 0;
      const blankPlus: Ref[] = [];
      const blankMinus: Ref[] = [];
      for (const ref of eq.plus) {
        const v = get(ref);
        if (v === null) blankPlus.push(ref);
        else residual -= v;
      }
      for (const ref of eq.minus) {
        const v = get(ref);
        if (v === null) blankMinus.push(ref);
        else residual += v;
      }
      // Σ blankPlus − Σ blankMinus = residual
      const blanks = blankPlus.length + blankMinus.length;
      if (blanks === 0 || !Number.isInteger(residual)) continue;
      if (blanks === 1) {
        const value = (blankPlus.length === 1 ? residual : -residual) || 0;
        if (value >= 0) {
          set(blankPlus[0] ?? blankMinus[0]!, value);
          changed = true;
        }
      } else if (residual === 0 && (blankPlus.length === 0 || blankMinus.length === 0)) {
        for (const ref of [...blankPlus, ...blankMinus]) set(ref, 0);
        changed = true;
      }
    }
  }
  const index = specIndex(spec);
  const findings = filled.map(({ ref: [table, row, column], value }) => {
    const r = index[table].rowByKey.get(row);
    return finding(BLANK_CODE[table]!, 'warning', { table, row, column }, {
      rowLabel: r?.label || (table === 'table4' ? '行政复议、行政诉讼' : row),
      columnLabel: r?.columnLabels[column] ?? String(column),
      inferred: value,
    });
  });
  return { tables: copy as unknown as Tables, findings };
}
