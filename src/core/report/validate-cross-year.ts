/**
 * The cross-year rules of a format (spec.crossYearRules) against last year's report: T3-CARRY
 * (上年结转 = last year's 结转下年度), T2-STOCK and T2-REPEAL (现行有效 stock). Rules are read as
 * data; a rule is skipped where the two years are not comparable (different table-二 columns
 * across formats, a previous report that is not of year Y−1, blank cells).
 */
import type { Finding } from '../findings.js';
import { assertNever } from '../findings.js';
import type { CarryRule, ReportSpec, StockRule } from './spec/index.js';
import { specFor } from './spec/index.js';
import type { ReportValues } from './values.js';
import { isKnown, sameNumber, specIndex } from './validate-labels.js';

function carry(rule: CarryRule, spec: ReportSpec, report: ReportValues, previous: ReportValues, out: Finding[]): void {
  const index = specIndex(spec)[rule.table];
  const prevIndex = specIndex(specFor(previous.format))[rule.table];
  if (!prevIndex.rowByKey.has(rule.previous)) return;
  const current = report.tables[rule.table]?.[rule.current];
  const before = previous.tables[rule.table]?.[rule.previous];
  if (!current || !before) return;
  for (let c = 0; c < index.spec.columns.length; c++) {
    const actual = current[c];
    const expected = before[c];
    if (!isKnown(actual) || !isKnown(expected) || sameNumber(actual, expected)) continue;
    out.push({
      code: rule.code, severity: rule.severity, at: { table: rule.table, row: rule.current, column: c },
      params: { rowLabel: index.rowByKey.get(rule.current)?.label ?? rule.current, columnLabel: index.columnLabels[c]!, expected, actual, basis: rule.basis },
    });
  }
}

function stock(rule: StockRule, spec: ReportSpec, report: ReportValues, previous: ReportValues, out: Finding[]): void {
  const index = specIndex(spec)[rule.table];
  for (const key of rule.rows) {
    const row = index.rowByKey.get(key);
    const cur = report.tables[rule.table]?.[key];
    const prev = previous.tables[rule.table]?.[key];
    if (!row || !cur || !prev) continue;
    const made = cur[rule.made];
    const repealed = cur[rule.repealed];
    const inForce = cur[rule.inForce];
    const before = prev[rule.inForce];
    if (!isKnown(made) || !isKnown(repealed) || !isKnown(before)) continue;
    const at = { table: rule.table, row: key };
    if (rule.kind === 'stock') {
      if (!isKnown(inForce)) continue;
      const expected = before + made - repealed;
      if (sameNumber(expected, inForce)) continue;
      out.push({
        code: rule.code, severity: rule.severity, at: { ...at, column: rule.inForce },
        params: { rowLabel: row.label, previous: before, made, repealed, expected, actual: inForce, basis: rule.basis },
      });
    } else {
      const available = before + made;
      if (repealed <= available) continue;
      out.push({
        code: rule.code, severity: rule.severity, at: { ...at, column: rule.repealed },
        params: { rowLabel: row.label, previous: before, made, repealed, available, basis: rule.basis },
      });
    }
  }
}

/**
 * Cross-year findings of `report` given last year's `previous`. Nothing when the years are known
 * and not consecutive; table-二 rules only between reports of the same format (the 2019 columns
 * 新制作/新公开/对外公开总数 do not mean 制发/废止/现行有效).
 */
export function validateCrossYear(spec: ReportSpec, report: ReportValues, previous: ReportValues): Finding[] {
  if (report.year !== null && previous.year !== null && previous.year !== report.year - 1) return [];
  const out: Finding[] = [];
  for (const rule of spec.crossYearRules) {
    switch (rule.kind) {
      case 'carry': carry(rule, spec, report, previous, out); break;
      case 'stock':
      case 'repeal':
        if (previous.format === report.format) stock(rule, spec, report, previous, out);
        break;
      default: assertNever(rule, 'cross-year rule kind');
    }
  }
  return out;
}
