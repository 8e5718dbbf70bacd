import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Cell, FormatId, TableId } from './spec/index.js';
import { specFor, specs } from './spec/index.js';
import type { ReportValues } from './values.js';
import { generateReport } from './generate.js';
import { validateTables } from './validate-tables.js';
import { formatFinding } from '../messages.zh-CN.js';

type Tables = ReportValues['tables'];

/** A copy of the tables with one cell (or a whole row) replaced. */
function withCell(tables: Tables, table: TableId, row: string, column: number | 'row', value: Cell | null): Tables {
  const rows = { ...tables[table] };
  if (column === 'row') rows[row] = null;
  else {
    const cells = [...(rows[row] ?? [])];
    cells[column] = value;
    rows[row] = cells;
  }
  return { ...tables, [table]: rows };
}

const base = (format: FormatId = '2021', seed = 7) => generateReport({ seed, format, scale: 60 }).tables;
const codes = (tables: Tables, format: FormatId = '2021') => validateTables(specFor(format), tables).map((f) => f.code);

describe('validateTables: one passing and one failing case per rule', () => {
  it('a generated consistent report passes every table rule of both formats', () => {
    for (const format of ['2021', '2019'] as const) expect(validateTables(specs[format], base(format))).toEqual([]);
  });

  it('T3-ROWSUM: 总计 ≠ Σ applicant columns, at the total cell, with labels and basis', () => {
    const t = base();
    const granted = t.table3.granted!;
    const findings = validateTables(specs['2021'], withCell(t, 'table3', 'granted', 6, (granted[6] as number) + 1));
    const f = findings.find((x) => x.code === 'T3-ROWSUM')!;
    expect(f).toMatchObject({ severity: 'error', at: { table: 'table3', row: 'granted', column: 6 } });
    expect(f.params).toMatchObject({ rowLabel: '（一）予以公开', expected: granted[6], actual: (granted[6] as number) + 1 });
    expect(String(f.params.basis)).toContain('总计');
  });

  it('T3-BAL: 一 + 二 ≠ （七）总计 + 四 in a column', () => {
    // Change 新收 in both an applicant cell and the total so that only the balance breaks.
    let t = base();
    const row = t.table3.newReceived!;
    t = withCell(t, 'table3', 'newReceived', 0, (row[0] as number) + 2);
    t = withCell(t, 'table3', 'newReceived', 6, (row[6] as number) + 2);
    const findings = validateTables(specs['2021'], t);
    expect(findings.map((f) => f.code)).toEqual(['T3-BAL', 'T3-BAL']);
    const f = findings[0]!;
    expect(f.at).toEqual({ table: 'table3', column: 0 });
    expect(f.params.left).toBe((f.params.right as number) + 2);
    expect(formatFinding(f)).toContain('第一项加第二项之和');
  });

  it('T3-OUTSUM: （七）总计 ≠ Σ outcome rows (the pingtan-2020 pattern)', () => {
    let t = base();
    const total = t.table3.total!;
    t = withCell(t, 'table3', 'total', 0, (total[0] as number) - 6);
    t = withCell(t, 'table3', 'total', 6, (total[6] as number) - 6);
    t = withCell(t, 'table3', 'carriedForward', 0, (t.table3.carriedForward![0] as number) + 6);
    t = withCell(t, 'table3', 'carriedForward', 6, (t.table3.carriedForward![6] as number) + 6);
    const findings = validateTables(specs['2021'], t);
    expect(findings.map((f) => [f.code, f.at.column])).toEqual([['T3-OUTSUM', 0], ['T3-OUTSUM', 6]]);
    expect(findings[0]!.params).toMatchObject({ expected: total[0], actual: (total[0] as number) - 6 });
    expect(findings[0]!.at.row).toBe('total');
  });

  it('T3-INT: negative and fractional counts', () => {
    const t = base();
    expect(codes(withCell(t, 'table3', 'partial', 2, -1))).toContain('T3-INT');
    const f = validateTables(specs['2021'], withCell(t, 'table3', 'partial', 2, 1.5)).find((x) => x.code === 'T3-INT')!;
    expect(f.params).toMatchObject({ value: 1.5, columnLabel: '科研机构', rowLabel: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' });
    expect(codes(withCell(t, 'table3', 'partial', 2, Number.NaN))).toContain('T3-INT');
  });

  it('T3-BLANK: a blank cell is reported with the value the rules imply, and no equation reads it as 0', () => {
    const t = base();
    const value = t.table3.denied_thirdParty![6];
    const findings = validateTables(specs['2021'], withCell(t, 'table3', 'denied_thirdParty', 6, null));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'T3-BLANK', severity: 'warning', at: { table: 'table3', row: 'denied_thirdParty', column: 6 } });
    expect(findings[0]!.params).toMatchObject({ inferred: value, rowLabel: '（三）不予公开4.保护第三方合法权益', columnLabel: '总计' });
  });

  it('T3-BLANK: inferred is null when the rules through the cell cannot fix it', () => {
    let t = base();
    t = withCell(t, 'table3', 'granted', 0, null);
    t = withCell(t, 'table3', 'granted', 6, null);
    const blanks = validateTables(specs['2021'], t).filter((f) => f.code === 'T3-BLANK');
    expect(blanks).toHaveLength(2);
    // granted[0]: its row has another blank, but the column equation (T3-OUTSUM) still fixes it.
    expect(blanks[0]!.params.inferred).toBe(base().table3.granted![0]);
    expect(blanks[1]!.params.inferred).toBe(base().table3.granted![6]);
    t = withCell(t, 'table3', 'partial', 0, null);
    const blanks2 = validateTables(specs['2021'], t).filter((f) => f.code === 'T3-BLANK');
    expect(blanks2.find((f) => f.at.row === 'granted' && f.at.column === 0)!.params.inferred).toBeNull();
  });

  it('an unprinted row (null) counts as 0 in sums and is not blank', () => {
    const t = base();
    // The 2021 table printing a single （六）其他处理 row: the value goes to other_other.
    const merged = t.table3.other_noSupplement!.map((v, c) => (v as number) + (t.table3.other_noFee![c] as number) + (t.table3.other_other![c] as number));
    let single = withCell(t, 'table3', 'other_noSupplement', 'row', null);
    single = withCell(single, 'table3', 'other_noFee', 'row', null);
    single = { ...single, table3: { ...single.table3, other_other: merged } };
    expect(validateTables(specs['2021'], single)).toEqual([]);
    // Without moving the figures, the outcome sum breaks wherever the dropped rows were not 0.
    const dropped = withCell(t, 'table3', 'other_noSupplement', 'row', null);
    const nonZero = t.table3.other_noSupplement!.filter((v) => v !== 0).length;
    expect(codes(dropped).filter((c) => c === 'T3-OUTSUM')).toHaveLength(nonZero);
  });

  it('T4-SUM: each of the three groups, with the group label', () => {
    const t = base();
    const cases = t.table4.cases!;
    for (const [total, group] of [[4, '行政复议'], [9, '行政诉讼·未经复议直接起诉'], [14, '行政诉讼·复议后起诉']] as const) {
      const findings = validateTables(specs['2021'], withCell(t, 'table4', 'cases', total, (cases[total] as number) + 1));
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ code: 'T4-SUM', at: { table: 'table4', row: 'cases', column: total }, params: { group, actual: (cases[total] as number) + 1 } });
    }
  });

  it('T4-INT and T4-BLANK', () => {
    const t = base();
    const f = validateTables(specs['2021'], withCell(t, 'table4', 'cases', 7, -2)).find((x) => x.code === 'T4-INT')!;
    expect(f.params.columnLabel).toBe('行政诉讼·未经复议直接起诉·其他结果');
    expect(formatFinding(f)).toBe('表四“行政诉讼·未经复议直接起诉·其他结果”应为非负整数，实际为“-2”');
    const blank = validateTables(specs['2021'], withCell(t, 'table4', 'cases', 4, null));
    expect(blank).toEqual([expect.objectContaining({ code: 'T4-BLANK', params: expect.objectContaining({ inferred: t.table4.cases![4] }) })]);
  });

  it('T2-INT: counts are non-negative integers, the 万元 amount may have decimals but not be negative', () => {
    const t = base();
    expect(codes(withCell(t, 'table2', 'feesWan', 0, 12.3456))).toEqual([]);
    expect(codes(withCell(t, 'table2', 'feesWan', 0, -1))).toEqual(['T2-INT']);
    expect(codes(withCell(t, 'table2', 'licensing', 0, 3.5))).toEqual(['T2-INT']);
    expect(codes(withCell(t, 'table2', 'regulations', 1, -1))).toEqual(['T2-INT']);
  });

  it('T2-INT in 2019: 本年增/减 may be negative, 处理决定数量 may not', () => {
    const t = base('2019');
    expect(codes(withCell(t, 'table2', 'licensing', 1, -15), '2019')).toEqual([]);
    expect(codes(withCell(t, 'table2', 'licensing', 2, -15), '2019')).toEqual(['T2-INT']);
  });

  it('T2-BLANK is information only ("/" for agencies without the power)', () => {
    const findings = validateTables(specs['2021'], withCell(base(), 'table2', 'regulations', 0, null));
    expect(findings).toEqual([expect.objectContaining({ code: 'T2-BLANK', severity: 'info', at: { table: 'table2', row: 'regulations', column: 0 } })]);
    expect(findings[0]!.params.columnLabel).toBe('本年制发件数');
  });

  it('T2-UNIT: a 万元 amount that looks like 元', () => {
    const t = base();
    expect(codes(withCell(t, 'table2', 'feesWan', 0, 100_000))).toEqual([]);
    const f = validateTables(specs['2021'], withCell(t, 'table2', 'feesWan', 0, 251_000));
    expect(f).toEqual([expect.objectContaining({ code: 'T2-UNIT', severity: 'warning', params: expect.objectContaining({ value: 251_000 }) })]);
  });
});

describe('validateTables: properties', () => {
  const arbitraryReport = fc.record({ seed: fc.integer(), format: fc.constantFrom<FormatId>('2021', '2019'), scale: fc.constantFrom(0, 3, 10, 60, 400) });

  it('generated reports have no findings at all', () => {
    fc.assert(fc.property(arbitraryReport, (o) => {
      expect(validateTables(specFor(o.format), generateReport(o).tables)).toEqual([]);
    }), { numRuns: 200 });
  });

  it('any change of one table-三 or table-四 cell breaks its row sum and (table 三) its column equation', () => {
    fc.assert(fc.property(arbitraryReport, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 50 }), fc.boolean(), (o, r, c, size, up) => {
      const report = generateReport(o);
      const spec = specFor(o.format);
      const table: TableId = r % 3 === 0 ? 'table4' : 'table3';
      const rows = spec.tables[table].rows;
      const row = rows[r % rows.length]!.key;
      const column = c % spec.tables[table].columns.length;
      const old = report.tables[table][row]![column] as number;
      const value = up || old < size ? old + size : old - size;
      const findings = validateTables(spec, withCell(report.tables, table, row, column, value));
      const rowCode = table === 'table3' ? 'T3-ROWSUM' : 'T4-SUM';
      expect(findings.some((f) => f.code === rowCode && f.at.row === row)).toBe(true);
      if (table === 'table3') {
        expect(findings.some((f) => (f.code === 'T3-BAL' || f.code === 'T3-OUTSUM') && f.at.column === column)).toBe(true);
      }
      expect(findings.every((f) => f.severity === 'error')).toBe(true);
    }), { numRuns: 300 });
  });

  it('a cell made blank is reported as blank with its original value inferred, and nothing else', () => {
    fc.assert(fc.property(arbitraryReport, fc.nat(), fc.nat(), fc.boolean(), (o, r, c, four) => {
      const report = generateReport(o);
      const spec = specFor(o.format);
      const table: TableId = four ? 'table4' : 'table3';
      const rows = spec.tables[table].rows;
      const row = rows[r % rows.length]!.key;
      const column = c % spec.tables[table].columns.length;
      const findings = validateTables(spec, withCell(report.tables, table, row, column, null));
      expect(findings).toHaveLength(1);
      expect(findings[0]!.code).toBe(table === 'table3' ? 'T3-BLANK' : 'T4-BLANK');
      expect(findings[0]!.params.inferred).toBe(report.tables[table][row]![column]);
    }), { numRuns: 200 });
  });

  it('a negative or fractional cell anywhere is a domain error', () => {
    fc.assert(fc.property(arbitraryReport, fc.constantFrom<TableId>('table2', 'table3', 'table4'), fc.nat(), fc.nat(), fc.constantFrom(-1, 0.5), (o, table, r, c, bad) => {
      const report = generateReport(o);
      const spec = specFor(o.format);
      const rowSpec = spec.tables[table].rows[r % spec.tables[table].rows.length]!;
      const columns = rowSpec.columns ?? spec.tables[table].columns;
      const column = c % columns.length;
      const col = columns[column]!;
      const findings = validateTables(spec, withCell(report.tables, table, rowSpec.key, column, bad));
      const code = { table2: 'T2-INT', table3: 'T3-INT', table4: 'T4-INT' }[table];
      const allowed = bad < 0 ? col.allowNegative : col.allowDecimal;
      expect(findings.some((f) => f.code === code && f.at.row === rowSpec.key && f.at.column === column)).toBe(!allowed);
    }), { numRuns: 300 });
  });
});
