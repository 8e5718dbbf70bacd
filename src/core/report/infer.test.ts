import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateReport } from './generate.js';
import { inferBlanks } from './infer.js';
import { specFor } from './spec/index.js';
import type { Cell } from './spec/index.js';
import type { ReportValues } from './values.js';

const spec = specFor('2021');
const zeros = (): Cell[] => Array<Cell>(7).fill(0);
function tablesWith(rows: Record<string, Cell[] | null>): ReportValues['tables'] {
  const table3 = Object.fromEntries(spec.tables.table3.rows.map((r) => [r.key, zeros()])) as Record<string, Cell[] | null>;
  return { table2: {}, table3: { ...table3, ...rows }, table4: { cases: Array<Cell>(15).fill(0) } };
}

describe(inferBlanks.name, () => {
  it('fills a single blank with the residual of its equation (a blank 总计 is the row sum)', () => {
    const { tables, findings } = inferBlanks(spec, tablesWith({
      newReceived: [1, 0, 0, 0, 0, 0, 1], granted: [1, 0, 0, 0, 0, 0, 1], total: [1, 0, 0, 0, 0, 0, 1],
      carriedForward: [1, 0, 0, 0, 0, 0, null], carriedOver: [1, 0, 0, 0, 0, 0, 1],
    }));
    expect(tables.table3.carriedForward).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(findings).toEqual([expect.objectContaining({ code: 'T3-BLANK', severity: 'warning', at: { table: 'table3', row: 'carriedForward', column: 6 }, params: expect.objectContaining({ inferred: 1 }) })]);
  });

  it('fills blanks that stand on one side of an equation with residual 0 as 0 (blank rows of a consistent table)', () => {
    const blank = Array<Cell>(7).fill(null);
    const { tables, findings } = inferBlanks(spec, tablesWith({
      newReceived: [1, 0, 0, 0, 0, 0, 1], granted: [1, 0, 0, 0, 0, 0, 1], total: [1, 0, 0, 0, 0, 0, 1],
      other_noFee: [...blank], other_other: [...blank],
    }));
    expect(tables.table3.other_noFee).toEqual(zeros());
    expect(tables.table3.other_other).toEqual(zeros());
    expect(findings).toHaveLength(14);
  });

  it('leaves undetermined blanks and rows that are not printed alone', () => {
    const { tables, findings } = inferBlanks(spec, {
      ...tablesWith({ other_noFee: null }),
      table4: { cases: [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, null, null, null, null, null] },
    });
    expect(tables.table3.other_noFee).toBeNull();
    expect(tables.table4.cases!.slice(10)).toEqual([null, null, null, null, null]);
    expect(findings).toEqual([]);
  });

  it('does not fill a blank with a negative residual (the table is inconsistent there)', () => {
    const { tables } = inferBlanks(spec, tablesWith({ granted: [2, 0, 0, 0, 0, 0, 2], total: [1, 0, 0, 0, 0, 0, 1], partial: [null, 0, 0, 0, 0, 0, null] }));
    expect(tables.table3.partial).toEqual([null, 0, 0, 0, 0, 0, null]);
  });

  it('property: blanking cells of a consistent report never infers a wrong value', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), fc.array(fc.nat({ max: 25 * 7 - 1 }), { maxLength: 20 }), (seed, holes) => {
      const report = generateReport({ seed, format: '2021', scale: 10 });
      const rows = spec.tables.table3.rows.map((r) => r.key);
      const table3 = Object.fromEntries(rows.map((k) => [k, [...report.tables.table3[k]!]]));
      for (const h of holes) table3[rows[Math.floor(h / 7)]!]![h % 7] = null;
      const { tables } = inferBlanks(spec, { ...report.tables, table3 });
      for (const k of rows) {
        tables.table3[k]!.forEach((v, c) => {
          if (v !== null) expect(v).toBe(report.tables.table3[k]![c]);
        });
      }
    }));
  });
});
