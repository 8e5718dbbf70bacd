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
  BlankRule, CellDomainRule, ColumnEquationRule, ReportSpec, RowSumRule, TableId, TableRule, UnitRule,
} from './spec/index.js';
import type { ReportValues, TableValues } from './values.js';
import type { RowIndex, TableIndex } from './validate-labels.js';
import { columnSum, isKnown, sameNumber, specIndex } from './validate-labels.js';

type Tables = ReportValues['tables'];
type Check = (tables: Tables, out: Finding[]) => void;

const noRows: TableValues = {};
const tableOf = (tables: Tables, id: TableId): TableValues => tables[id] ?? noRows;

function cellDomainCheck(rule: CellDomainRule, index: TableIndex): Check {
  return (tables, out) => {
    const values = tableOf(tables, rule.table);
    for (const row of index.rows) {
      const cells = values[row.key];
      if (!cells) continue;
      for (let c = 0; c < row.columns.length; c++) {
        const v = cells[c];
        if (v === null || v === undefined) continue;
        const col = row.columns[c]!;
        const ok = typeof v === 'number' && Number.isFinite(v) && (col.allowDecimal || Number.isInteger(v)) && (col.allowNegative || v >= 0);
        if (!ok) {
          out.push({
            code: rule.code, severity: rule.severity, at: { table: rule.table, row: row.key, column: c },
            params: { rowLabel: row.label, columnLabel: row.columnLabels[c]!, value: isKnown(v) ? v : String(v), basis: rule.basis },
          });
        }
      }
    }
  };
}

function rowSumCheck(rule: RowSumRule, index: TableIndex): Check {
  const rows = rule.rows === 'all' ? index.rows : rule.rows.map((k) => index.rowByKey.get(k)).filter((r): r is RowIndex => !!r);
  const groupLabels = rule.groups.map((g) => {
    const groups = index.spec.columns[g.total]?.groups;
    return groups && groups.length ? groups.join('·') : index.columnLabels[g.total] ?? '';
  });
  return (tables, out) => {
    const values = tableOf(tables, rule.table);
    for (const row of rows) {
      const cells = values[row.key];
      if (!cells) continue;
      for (let g = 0; g < rule.groups.length; g++) {
        const { total, parts } = rule.groups[g]!;
        const actual = cells[total];
        if (!isKnown(actual)) continue;
        let expected = 0;
        let known = true;
        for (const p of parts) {
          const v = cells[p];
          if (!isKnown(v)) { known = false; break; }
          expected += v;
        }
        if (known && !sameNumber(expected, actual)) {
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
  const rows = [...rule.left, ...rule.right];
  return (tables, out) => {
    const values = tableOf(tables, rule.table);
    for (let c = 0; c < index.spec.columns.length; c++) {
      const left = columnSum(values, rule.left, c);
      if (left === null) continue;
      const right = columnSum(values, rule.right, c);
      if (right === null || sameNumber(left, right)) continue;
      out.push({
        code: rule.code, severity: rule.severity, at: { table: rule.table, ...(single ? { row: single } : {}), column: c },
        params: { columnLabel: index.columnLabels[c]!, left, right, expected: right, actual: left, rows, basis: rule.basis },
      });
    }
  };
}

function unitCheck(rule: UnitRule, index: TableIndex): Check {
  const row = index.rowByKey.get(rule.row);
  return (tables, out) => {
    const v = tableOf(tables, rule.table)[rule.row]?.[rule.column];
    if (!isKnown(v) || v <= rule.threshold) return;
    out.push({
      code: rule.code, severity: rule.severity, at: { table: rule.table, row: rule.row, column: rule.column },
      params: { rowLabel: row?.label ?? rule.row, columnLabel: row?.columnLabels[rule.column] ?? '', value: v, threshold: rule.threshold, basis: rule.basis },
    });
  };
}

function blankCheck(rule: BlankRule, index: TableIndex, rules: readonly TableRule[]): Check {
  return (tables, out) => {
    const values = tableOf(tables, rule.table);
    for (const row of index.rows) {
      const cells = values[row.key];
      if (!cells) continue;
      const columns = rule.columns === 'all' ? row.columns.map((_, i) => i) : rule.columns;
      for (const c of columns) {
        if (c >= row.columns.length) continue;
        const v = cells[c];
        if (v !== null && v !== undefined) continue;
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

function compile(spec: ReportSpec): readonly Check[] {
  const index = specIndex(spec);
  return spec.rules.map((rule): Check => {
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
}

const compiled = new WeakMap<ReportSpec, readonly Check[]>();

/** Every table rule of the format, applied to the tables; findings in rule order. */
export function validateTables(spec: ReportSpec, tables: Tables): Finding[] {
  let checks = compiled.get(spec);
  if (!checks) {
    checks = compile(spec);
    compiled.set(spec, checks);
  }
  const out: Finding[] = [];
  for (const check of checks) check(tables, out);
  return out;
}
