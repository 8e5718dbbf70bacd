import { describe, expect, it } from 'vitest';
import { specForYear, specs } from './index.js';

const contractKeys2021 = [
  'newReceived', 'carriedOver', 'granted', 'partial', 'denied_stateSecret', 'denied_lawForbidden', 'denied_threeSafety',
  'denied_thirdParty', 'denied_internalAffairs', 'denied_processInfo', 'denied_enforcementFile', 'denied_queryMatter',
  'unable_notHeld', 'unable_needCreate', 'unable_unclear', 'rejected_complaint', 'rejected_repeat', 'rejected_publication',
  'rejected_massive', 'rejected_confirm', 'other_noSupplement', 'other_noFee', 'other_other', 'total', 'carriedForward',
];

describe('report specs', () => {
  it('2021 table 三 has the 25 contract rows in order and 7 columns', () => {
    const t3 = specs['2021'].tables.table3;
    expect(t3.rows.map((r) => r.key)).toEqual(contractKeys2021);
    expect(t3.columns.map((c) => c.label)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
  });

  it('2019 table 三 has 23 rows with a single （六）其他处理', () => {
    const keys = specs['2019'].tables.table3.rows.map((r) => r.key);
    expect(keys).toHaveLength(23);
    expect(keys).toEqual([...contractKeys2021.slice(0, 20), 'other', 'total', 'carriedForward']);
  });

  it('table 二 has 10 cells in 2021 and includes 第二十条第（九）项 in 2019', () => {
    const cells = specs['2021'].tables.table2.rows.reduce((n, r) => n + (r.columns?.length ?? 0), 0);
    expect(cells).toBe(10);
    expect(specs['2019'].tables.table2.rows.some((r) => r.block === '第二十条第（九）项')).toBe(true);
  });

  it('table 四 has 15 cells under 行政复议 and two kinds of 行政诉讼', () => {
    const t4 = specs['2021'].tables.table4;
    expect(t4.columns).toHaveLength(15);
    expect(t4.columns.filter((c) => c.groups?.includes('复议后起诉'))).toHaveLength(5);
  });

  it('the outcome rule of 2021 covers exactly rows （一） to （六）', () => {
    const rule = specs['2021'].rules.find((r) => r.code === 'T3-OUTSUM');
    expect(rule && rule.kind === 'columnEquation' ? rule.right : []).toEqual(contractKeys2021.slice(2, 23));
  });

  it('every rule states its legal or logical basis', () => {
    for (const spec of Object.values(specs)) {
      for (const rule of [...spec.rules, ...spec.crossYearRules]) expect(rule.basis.length).toBeGreaterThan(4);
    }
  });

  it('selects the format by report year and is frozen', () => {
    expect(specForYear(2020).format).toBe('2019');
    expect(specForYear(2024).format).toBe('2021');
    expect(Object.isFrozen(specs['2021'].tables.table3.rows[0])).toBe(true);
  });
});
