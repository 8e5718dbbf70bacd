import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatFinding } from '../messages.zh-CN.js';
import { specs } from './spec/index.js';
import type { ReportValues } from './values.js';
import { generateReport } from './generate.js';
import { checkAggregate, sumMemberTables } from './aggregate.js';
import { validateTables } from './validate-tables.js';

const members = (seed: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({ name: `成员${i + 1}`, report: generateReport({ seed: seed + i, format: '2021', year: 2024, scale: 10 }) }));

/** The parent report compiled from its members. */
function parentOf(ms: readonly { report: ReportValues }[]): ReportValues {
  const base = generateReport({ seed: 1, format: '2021', year: 2024 });
  return { ...base, tables: { ...base.tables, ...sumMemberTables(specs['2021'], ms.map((m) => m.report)) } };
}

describe('sumMemberTables', () => {
  it('property: the sum of consistent member tables is consistent and passes AGG', () => {
    fc.assert(fc.property(fc.integer(), fc.integer({ min: 1, max: 6 }), (seed, n) => {
      const ms = members(seed, n);
      const parent = parentOf(ms);
      expect(validateTables(specs['2021'], parent.tables)).toEqual([]);
      expect(checkAggregate(parent, ms)).toEqual([]);
    }), { numRuns: 50 });
  });

  it('a blank member cell makes the parent cell unknown, not 0', () => {
    const ms = members(3, 2);
    const blank = { ...ms[0]!.report, tables: { ...ms[0]!.report.tables, table4: { cases: [null, ...ms[0]!.report.tables.table4.cases!.slice(1)] } } };
    const sum = sumMemberTables(specs['2021'], [blank, ms[1]!.report]);
    expect(sum.table4.cases![0]).toBeNull();
    expect(sum.table4.cases![1]).toBe((ms[0]!.report.tables.table4.cases![1] as number) + (ms[1]!.report.tables.table4.cases![1] as number));
  });

  it('a 2019 parent reads 2021 members\' three 其他处理 rows as its single row', () => {
    const ms = members(5, 2);
    const sum = sumMemberTables(specs['2019'], ms.map((m) => m.report));
    const other = (r: ReportValues, c: number) => ['other_noSupplement', 'other_noFee', 'other_other'].reduce((a, k) => a + (r.tables.table3[k]![c] as number), 0);
    expect(sum.table3.other![0]).toBe(other(ms[0]!.report, 0) + other(ms[1]!.report, 0));
  });
});

describe('checkAggregate', () => {
  it('AGG at each cell that differs from the members\' sum', () => {
    const ms = members(7, 3);
    const parent = parentOf(ms);
    const cells = [...parent.tables.table3.granted!];
    cells[0] = (cells[0] as number) + 2;
    const changed = { ...parent, tables: { ...parent.tables, table3: { ...parent.tables.table3, granted: cells } } };
    const findings = checkAggregate(changed, ms);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'AGG', severity: 'warning', at: { table: 'table3', row: 'granted', column: 0 }, params: { expected: (cells[0] as number) - 2, actual: cells[0], members: 3 } });
    expect(formatFinding(findings[0]!)).toContain('汇总报告表三“（一）予以公开”行“自然人”栏');
  });

  it('AGG on table 四 names the column only', () => {
    const ms = members(9, 2);
    const parent = parentOf(ms);
    const cases = [...parent.tables.table4.cases!];
    cases[9] = (cases[9] as number) + 1;
    const [f] = checkAggregate({ ...parent, tables: { ...parent.tables, table4: { cases } } }, ms);
    expect(formatFinding(f!)).toMatch(/^汇总报告表四“行政诉讼·未经复议直接起诉·总计”栏为 \d+，各成员单位之和为 \d+$/);
  });

  it('AGG-MISSING for each expected member without a report', () => {
    const ms = members(11, 2);
    const findings = checkAggregate(parentOf(ms), ms, { expectedMembers: ['成员1', '成员2', '某镇人民政府'] });
    expect(findings).toEqual([expect.objectContaining({ code: 'AGG-MISSING', params: expect.objectContaining({ member: '某镇人民政府' }) })]);
    expect(formatFinding(findings[0]!)).toBe('汇总报告缺少成员单位“某镇人民政府”的报告');
  });
});
