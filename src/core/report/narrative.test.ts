import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReportJson } from './json.js';
import { reportFromJson } from './json.js';
import { specs } from './spec/index.js';
import type { ReportValues } from './values.js';
import { emptyReport } from './values.js';
import { appealFigures, describeAppeals, describeProactive, describeRequests, formatPercent, requestFigures, rowTotal } from './narrative.js';

const shanghai = reportFromJson(JSON.parse(readFileSync(new URL('../../../test/fixtures/validate/shanghai-office-2019.json', import.meta.url), 'utf8')) as ReportJson);

/** A 2021 report with the given 总计 figures (in the 自然人 column as well, so rows add up). */
function report2021(totals: Record<string, number>, table4: number[] = Array(15).fill(0)): ReportValues {
  const base = emptyReport(specs['2021'], { year: 2024 });
  const table3 = { ...base.tables.table3 };
  for (const [key, v] of Object.entries(totals)) table3[key] = [v, 0, 0, 0, 0, 0, v];
  return { ...base, tables: { ...base.tables, table3, table4: { cases: table4 } } };
}

describe('formatPercent', () => {
  it('rounds half up to 2 decimals with （七）总计 as denominator', () => {
    expect(formatPercent(275, 805)).toBe('34.16');
    expect(formatPercent(35, 805)).toBe('4.35');
    expect(formatPercent(1, 8)).toBe('12.50');
    expect(formatPercent(1, 200)).toBe('0.50');
    expect(formatPercent(3, 3)).toBe('100.00');
  });

  it('has no value for a zero denominator', () => {
    expect(formatPercent(0, 0)).toBeNull();
  });
});

describe('requestFigures', () => {
  it('sums the outcome groups, using Σ applicant cells where the 总计 cell was left blank (Shanghai 2019)', () => {
    expect(requestFigures(shanghai)).toEqual({
      newReceived: 859, carriedOver: 18, granted: 272, partial: 3, denied: 35, unable: 337, rejected: 158, other: 0,
      answered: 805, carriedForward: 72,
    });
  });

  it('2021 其他处理 is the Σ of its sub-rows; an unprinted row counts 0; a blank it cannot fill is null', () => {
    const r = report2021({ other_noSupplement: 2, other_noFee: 1, other_other: 4 });
    expect(requestFigures(r).other).toBe(7);
    const single = { ...r, tables: { ...r.tables, table3: { ...r.tables.table3, other_noSupplement: null, other_noFee: null } } };
    expect(requestFigures(single).other).toBe(4);
    expect(rowTotal([1, null, 0, 0, 0, 0, null])).toBeNull();
    expect(rowTotal([1, null, 0, 0, 0, 0, 5])).toBe(5);
  });

  it('appealFigures: group totals and 行政诉讼 in all', () => {
    const a = appealFigures(report2021({}, [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3]));
    expect(a.review).toEqual({ upheld: 1, corrected: 1, other: 0, pending: 0, total: 2 });
    expect(a.suitTotal).toBe(4);
  });
});

describe('describe*', () => {
  it('describeRequests writes the figures sentence of section 三', () => {
    const r = report2021({ newReceived: 95, carriedOver: 2, granted: 50, partial: 9, denied_threeSafety: 1, denied_processInfo: 1, unable_notHeld: 31, rejected_complaint: 1, other_other: 3, total: 96, carriedForward: 1 });
    expect(describeRequests(r)).toBe(
      '本年新收政府信息公开申请95件，上年结转2件；办结96件，其中予以公开50件、部分公开9件、不予公开2件、无法提供31件、'
      + '不予处理1件、其他处理3件，予以公开和部分公开占61.46%；结转下年度继续办理1件。',
    );
  });

  it('describeRequests leaves the percentage out when nothing was answered', () => {
    expect(describeRequests(report2021({}))).toBe(
      '本年新收政府信息公开申请0件，上年结转0件；办结0件，其中予以公开0件、部分公开0件、不予公开0件、无法提供0件、不予处理0件、其他处理0件；结转下年度继续办理0件。',
    );
  });

  it('describeRequests on the Shanghai 2019 tables gives the figures its prose should have quoted', () => {
    const text = describeRequests(shanghai);
    expect(text).toContain('予以公开272件、部分公开3件、不予公开35件、无法提供337件');
    expect(text).toContain('予以公开和部分公开占34.16%');
  });

  it('describeAppeals writes section 四', () => {
    expect(describeAppeals(report2021({}, [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3]))).toBe(
      '本年因政府信息公开工作被申请行政复议2件，其中结果维持1件、结果纠正1件、其他结果0件、尚未审结0件；'
      + '被提起行政诉讼4件，其中未经复议直接起诉1件（结果维持1件、结果纠正0件、其他结果0件、尚未审结0件），'
      + '复议后起诉3件（结果维持2件、结果纠正0件、其他结果1件、尚未审结0件）。',
    );
  });

  it('describeProactive writes section 二 per format', () => {
    const r = report2021({});
    const t2 = { regulations: [0, 0, 0], normativeDocs: [3, 0, 8], licensing: [9487], penalty: [2776], enforcement: [84], feesWan: [12.5] };
    expect(describeProactive({ ...r, tables: { ...r.tables, table2: t2 } })).toBe(
      '本年制发规章0件、废止0件，现行有效0件；本年制发行政规范性文件3件、废止0件，现行有效8件；'
      + '本年作出行政许可决定9487件、行政处罚决定2776件、行政强制决定84件；收取行政事业性收费12.5万元。',
    );
    const older = emptyReport(specs['2019'], { year: 2020 });
    expect(describeProactive(older)).toBe('本年新制作规章0件、新公开0件，对外公开总数0件；新制作规范性文件0件、新公开0件，对外公开总数0件。');
  });
});
