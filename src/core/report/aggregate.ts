/**
 * AGG: a 本级政府 report compiled from its members' reports (the departments, towns, …) equals
 * the sum of the members' tables 三 and 四, cell by cell. Also the summing itself, so that a
 * parent report can be compiled from its members rather than typed.
 */
import type { Finding } from '../findings.js';
import type { Cell, ReportSpec, TableId } from './spec/index.js';
import { specFor } from './spec/index.js';
import type { ReportValues, TableValues } from './values.js';
import type { NamedReport } from './similarity.js';
import { isKnown, sameNumber, specIndex } from './validate-labels.js';

/** The tables whose cells add up across bodies (table 二's 现行有效 and 万元 do too, but are not required to). */
export const aggregatedTables: readonly TableId[] = ['table3', 'table4'];

/**
 * A member's cell for a row of the parent's format: an unprinted row is 0, a blank cell unknown
 * (null); a 2019 single 其他处理 row can be read as the Σ of the 2021 sub-rows, not the reverse
 * (undefined = not comparable).
 */
function memberCell(values: TableValues, key: string, column: number): Cell | undefined {
  if (key in values) {
    const row = values[key];
    if (!row) return 0;
    const v = row[column];
    return isKnown(v) ? v : null;
  }
  if (key === 'other') {
    const parts = Object.keys(values).filter((k) => k.startsWith('other_'));
    if (parts.length === 0) return undefined;
    let sum = 0;
    for (const k of parts) {
      const v = memberCell(values, k, column);
      if (v === null || v === undefined) return v;
      sum += v;
    }
    return sum;
  }
  return undefined;
}

/** Σ of one cell over members: null when some member left it blank, undefined when not comparable. */
function sumCell(members: readonly ReportValues[], table: TableId, key: string, column: number): Cell | undefined {
  let sum = 0;
  for (const m of members) {
    const v = memberCell(m.tables[table] ?? {}, key, column);
    if (v === null || v === undefined) return v;
    sum += v;
  }
  return sum;
}

/** Tables 三 and 四 of the given format as the cell-by-cell sum of the members' (blank where unknown). */
export function sumMemberTables(spec: ReportSpec, members: readonly ReportValues[]): Pick<ReportValues['tables'], 'table3' | 'table4'> {
  const out = {} as Record<'table3' | 'table4', TableValues>;
  for (const table of ['table3', 'table4'] as const) {
    const t = spec.tables[table];
    out[table] = Object.fromEntries(t.rows.map((r) => [r.key, t.columns.map((_, c) => sumCell(members, table, r.key, c) ?? null)]));
  }
  return out;
}

export interface AggregateOptions {
  /** Names of the members the parent is compiled from; each one without a report is AGG-MISSING. */
  readonly expectedMembers?: readonly string[];
}

/** AGG (cell ≠ Σ members) and AGG-MISSING findings of a parent report. */
export function checkAggregate(parent: ReportValues, members: readonly NamedReport[], options: AggregateOptions = {}): Finding[] {
  const out: Finding[] = [];
  const present = new Set(members.map((m) => m.name));
  for (const name of options.expectedMembers ?? []) {
    if (!present.has(name)) {
      out.push({ code: 'AGG-MISSING', severity: 'warning', at: {}, params: { member: name, members: members.length } });
    }
  }
  if (members.length === 0) return out;
  const spec = specFor(parent.format);
  const index = specIndex(spec);
  const reports = members.map((m) => m.report);
  for (const table of aggregatedTables) {
    const values = parent.tables[table] ?? {};
    for (const row of index[table].rows) {
      const cells = values[row.key];
      if (!cells) continue;
      for (let c = 0; c < row.columns.length; c++) {
        const actual = cells[c];
        if (!isKnown(actual)) continue;
        const expected = sumCell(reports, table, row.key, c);
        if (expected === null || expected === undefined || sameNumber(expected, actual)) continue;
        out.push({
          code: 'AGG', severity: 'warning', at: { table, row: row.key, column: c },
          params: {
            table: index[table].label, rowLabel: row.label, columnLabel: row.columnLabels[c]!, expected, actual, members: members.length,
            basis: '本级政府年度报告由所属各部门、各下级政府的年度报告汇总编制，表三、表四应等于各成员单位之和',
          },
        });
      }
    }
  }
  return out;
}
