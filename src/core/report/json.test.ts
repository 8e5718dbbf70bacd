import { describe, expect, it } from 'vitest';
import { generateReport } from './generate.js';
import { reportFromJson, reportToJson, tablesFromJson, tablesToJson } from './json.js';

describe('report JSON contract', () => {
  it('round-trips generated 2021 and 2019 reports', () => {
    for (const format of ['2021', '2019'] as const) {
      for (let seed = 1; seed <= 20; seed++) {
        const report = generateReport({ seed, format });
        expect(reportFromJson(reportToJson(report, { withSections: true }))).toEqual(report);
      }
    }
  });

  it('gives a 2021 report 25 table-三 rows, table 二 scalars and 15 table-四 cells', () => {
    const json = tablesToJson('2021', generateReport({ seed: 7, format: '2021' }).tables);
    expect(Object.keys(json.table3)).toHaveLength(25);
    expect(json.table4).toHaveLength(15);
    expect(typeof json.table2?.licensing).toBe('number');
    expect(json.table2?.regulations).toHaveLength(3);
  });

  it('gives a 2019 report table2 null, table2Older, and its 其他处理 as both other and other_other', () => {
    const report = generateReport({ seed: 3, format: '2019' });
    const json = tablesToJson('2019', report.tables);
    expect(json.table2).toBeNull();
    expect(json.table2Older?.procurement).toHaveLength(2);
    expect(json.table3.other).toEqual(report.tables.table3.other);
    expect(json.table3.other_other).toEqual(report.tables.table3.other);
    expect(json.table3.other_noSupplement).toBeNull();
    expect(json.table3.other_noFee).toBeNull();
  });

  it('gives a table-二 row with no readable cell as null, a partly readable one as an array with nulls', () => {
    const report = generateReport({ seed: 5, format: '2021' });
    const tables = { ...report.tables, table2: { ...report.tables.table2, regulations: [null, null, null], normativeDocs: [62, null, null] } };
    const json = tablesToJson('2021', tables);
    expect(json.table2?.regulations).toBeNull();
    expect(json.table2?.normativeDocs).toEqual([62, null, null]);
    const older = generateReport({ seed: 5, format: '2019' });
    const olderJson = tablesToJson('2019', { ...older.tables, table2: { ...older.tables.table2, penalty: [null, null, null], fees: [null, null], enforcement: [null, null, 0] } });
    expect([olderJson.table2Older?.penalty, olderJson.table2Older?.fees, olderJson.table2Older?.enforcement]).toEqual([null, null, [null, null, 0]]);
  });

  it('reads a 2019 truth-style table3 that stores 其他处理 under other_other', () => {
    const row = [4, 0, 0, 0, 0, 0, 4];
    const tables = tablesFromJson('2019', { table2: null, table3: { rows: { other_other: row } } as never, table4: [] });
    expect(tables.table3.other).toEqual(row);
  });
});
