/**
 * The one generic interpreter of a format's table rules (spec.rules): cell domains, blank cells,
 * row sums, column equations and the 万元 unit check. No table has hand-written code here; a new
 * format is validated as soon as its spec lists its rules.
 *
 * Absent rows (null: the report does not print them, e.g. a single （六）其他处理 row) count as 0 in
 * sums. A blank cell in a printed row is reported by the `blank` rule and makes every equation
 * through it uncheckable: it is never read as 0.
 */
import type { Finding } from '../findings.js';
import { assertNever } from '../findings.js';
import type {
  BlankRule, Cell, CellDomainRule, ColumnEquationRule, ReportSpec, RowSumRule, TableId, TableRule, UnitRule,
} from './spec/index.js';
import type { ReportValues, TableValues } from './values.js';
import type { TableIndex } from './validate-labels.js';
import { columnSum, isKnown, sameNumber, specIndex } from './validate-labels.js';

type Tables = ReportValues['tables'];
type Row = readonly Cell[] | null | undefined;
/** A table's rows looked up once per validation, in spec order (checks index them by number). */
type Resolved = Readonly<Record<TableId, readonly Row[]>>;
type Check = (rows: Resolved, tables: Tables, out: Finding[]) => void;

const noRows: TableValues = {};
const tableOf = (tables: Tables, id: TableId): TableValues => tables[id] ?? noRows;
const positions = (index: TableIndex, keys: readonly string[]): number[] =>
  keys.map((k) => index.rows.findIndex((r) => r.key === k)).filter((i) => i >= 0);

/** Σ of a column over row positions: unprinted rows count 0, a blank cell makes it unknown. */
function sumAt(rows: readonly Row[], at: readonly number[], column: number): number | null {
  let sum = 0;
  for (let i = 0; i < at.length; i++) {
    const row = rows[at[i]!];
    if (!row) continue;
    const v = row[column];
    if (typeof v !== 'number' || !Number.isFinite(v)) return null;
    sum += v;
  }
  return sum;
}

function cellDomainCheck(rule: CellDomainRule, index: TableIndex): Check {
  // Per row: which columns accept decimals / negatives (most rows: none, the fast path).
  const lenient = index.rows.map((r) => r.columns.some((c) => c.allowDecimal || c.allowNegative));
  return (resolved, _tables, out) => {
    const rows = resolved[rule.table];
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r];
      if (!cells) continue;
      const row = index.rows[r]!;
      const n = row.columns.length;
      for (let c = 0; c < n; c++) {
        const v = cells[c];
        if (v === null || v === undefined) continue;
        if (Number.isInteger(v) && v >= 0) continue;
        if (lenient[r]) {
          const col = row.columns[c]!;
          if (typeof v === 'number' && Number.isFinite(v) && (col.allowDecimal || Number.isInteger(v)) && (col.allowNegative || v >= 0)) continue;
        }
        out.push({
          code: rule.code, severity: rule.severity, at: { table: rule.table, row: row.key, column: c },
          params: { rowLabel: row.label, columnLabel: row.columnLabels[c]!, value: isKnown(v) ? v : String(v), basis: rule.basis },
        });
      }
    }
  };
}

function rowSumCheck(rule: RowSumRule, index: TableIndex): Check {
  const at = rule.rows === 'all' ? index.rows.map((_, i) => i) : positions(index, rule.rows);
  const groupLabels = rule.groups.map((g) => {
    const groups = index.spec.columns[g.total]?.groups;
    return groups && groups.length ? groups.join('·') : index.columnLabels[g.total] ?? '';
  });
  const groups = rule.groups.map((g) => ({ total: g.total, parts: [...g.parts] }));
  return (resolved, _tables, out) => {
    const rows = resolved[rule.table];
    for (const r of at) {
      const cells = rows[r];
      if (!cells) continue;
      for (let g = 0; g < groups.length; g++) {
        const { total, parts } = groups[g]!;
        const actual = cells[total];
        if (typeof actual !== 'number' || !Number.isFinite(actual)) continue;
        let expected = 0;
        let known = true;
        for (let p = 0; p < parts.length; p++) {
          const v = cells[parts[p]!];
          if (typeof v !== 'number' || !Number.isFinite(v)) { known = false; break; }
          expected += v;
        }
        if (known && expected !== actual && !sameNumber(expected, actual)) {
          const row = index.rows[r]!;
          out.push({
            code: rule.code, severity: rule.severity, at: { table: rule.table, row: row.key, column: total },
            params: { rowLabel: row.label, columnLabel: row.columnLabels[total]!, group: groupLabels[g]!, expected, actual, basis: rule.basis },
          });
        }
      }
    }
  };
}

function columnEquationCheck(rule: ColumnEquationRule, index: TableIndex): Check {
  const single = rule.left.length === 1 ? rule.left[0] : undefined;
  const rowKeys = [...rule.left, ...rule.right];
  const left = positions(index, rule.left);
  const right = positions(index, rule.right);
  const columns = index.spec.columns.length;
  return (resolved, _tables, out) => {
    const rows = resolved[rule.table];
    for (let c = 0; c < columns; c++) {
      const l = sumAt(rows, left, c);
      if (l === null) continue;
      const r = sumAt(rows, right, c);
      if (r === null || l === r || sameNumber(l, r)) continue;
      out.push({
        code: rule.code, severity: rule.severity, at: { table: rule.table, ...(single ? { row: single } : {}), column: c },
        params: { columnLabel: index.columnLabels[c]!, left: l, right: r, expected: r, actual: l, rows: rowKeys, basis: rule.basis },
      });
    }
  };
}

function unitCheck(rule: UnitRule, index: TableIndex): Check {
  const r = index.rows.findIndex((x) => x.key === rule.row);
  const row = index.rows[r];
  return (resolved, _tables, out) => {
    const v = r < 0 ? undefined : resolved[rule.table][r]?.[rule.column];
    if (!isKnown(v) || v <= rule.threshold) return;
    out.push({
      code: rule.code, severity: rule.severity, at: { table: rule.table, row: rule.row, column: rule.column },
      params: { rowLabel: row?.label ?? rule.row, columnLabel: row?.columnLabels[rule.column] ?? '', value: v, threshold: rule.threshold, basis: rule.basis },
    });
  };
}

function blankCheck(rule: BlankRule, index: TableIndex, rules: readonly TableRule[]): Check {
  const columnsOf = index.rows.map((row) =>
    (rule.columns === 'all' ? row.columns.map((_, i) => i) : rule.columns.filter((c) => c < row.columns.length)));
  return (resolved, tables, out) => {
    const rows = resolved[rule.table];
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r];
      if (!cells) continue;
      const columns = columnsOf[r]!;
      for (let i = 0; i < columns.length; i++) {
        const c = columns[i]!;
        const v = cells[c];
        if (v !== null && v !== undefined) continue;
        const row = index.rows[r]!;
        out.push({
          code: rule.code, severity: rule.severity, at: { table: rule.table, row: row.key, column: c },
          params: { rowLabel: row.label, columnLabel: row.columnLabels[c]!, inferred: inferCell(rules, tables, rule.table, row.key, c), basis: rule.basis },
        });
      }
    }
  };
}

/**
 * The value a blank cell must have for the rules through it to hold, when every other cell of
 * some rule is known and all such rules agree on one non-negative value; otherwise null.
 */
export function inferCell(rules: readonly TableRule[], tables: Tables, table: TableId, row: string, column: number): number | null {
  const values = tableOf(tables, table);
  const candidates: number[] = [];
  for (const rule of rules) {
    if (rule.table !== table) continue;
    if (rule.kind === 'rowSum') {
      if (rule.rows !== 'all' && !rule.rows.includes(row)) continue;
      const cells = values[row];
      if (!cells) continue;
      for (const g of rule.groups) {
        const isTotal = g.total === column;
        if (!isTotal && !g.parts.includes(column)) continue;
        const others = isTotal ? g.parts : [g.total, ...g.parts.filter((p) => p !== column)];
        if (!others.every((p) => isKnown(cells[p]))) continue;
        const partsSum = g.parts.filter((p) => p !== column).reduce((a, p) => a + (cells[p] as number), 0);
        candidates.push(isTotal ? partsSum : (cells[g.total] as number) - partsSum);
      }
    } else if (rule.kind === 'columnEquation') {
      const onLeft = rule.left.includes(row);
      if (!onLeft && !rule.right.includes(row)) continue;
      const same = (onLeft ? rule.left : rule.right).filter((k) => k !== row);
      const sameSum = columnSum(values, same, column);
      const otherSum = columnSum(values, onLeft ? rule.right : rule.left, column);
      if (sameSum !== null && otherSum !== null) candidates.push(otherSum - sameSum);
    }
  }
  if (candidates.length === 0) return null;
  const first = candidates[0]!;
  return first >= 0 && candidates.every((v) => sameNumber(v, first)) ? first : null;
}

interface Compiled {
  readonly checks: readonly Check[];
  readonly rowKeys: Readonly<Record<TableId, readonly string[]>>;
}

function compile(spec: ReportSpec): Compiled {
  const index = specIndex(spec);
  const checks = spec.rules.map((rule): Check => {
    const table = index[rule.table];
    switch (rule.kind) {
      case 'cellDomain': return cellDomainCheck(rule, table);
      case 'blank': return blankCheck(rule, table, spec.rules);
      case 'rowSum': return rowSumCheck(rule, table);
      case 'columnEquation': return columnEquationCheck(rule, table);
      case 'unit': return unitCheck(rule, table);
      default: return assertNever(rule, 'rule kind');
    }
  });
  const keys = (id: TableId) => index[id].rows.map((r) => r.key);
  return { checks, rowKeys: { table2: keys('table2'), table3: keys('table3'), table4: keys('table4') } };
}

const compiled = new WeakMap<ReportSpec, Compiled>();

/** Every table rule of the format, applied to the tables; findings in rule order. */
export function validateTables(spec: ReportSpec, tables: Tables): Finding[] {
  let c = compiled.get(spec);
  if (!c) {
    c = compile(spec);
    compiled.set(spec, c);
  }
  const resolve = (id: TableId): Row[] => {
    const values = tableOf(tables, id);
    return c.rowKeys[id].map((k) => values[k]);
  };
  const resolved: Resolved = { table2: resolve('table2'), table3: resolve('table3'), table4: resolve('table4') };
  const out: Finding[] = [];
  for (const check of c.checks) check(resolved, tables, out);
  return out;
}
