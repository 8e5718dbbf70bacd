import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Finding } from '../findings.js';
import { hasErrors } from '../findings.js';
import type { ReportFindingCode } from '../finding-codes.js';
import { reportFindingCodes } from '../finding-codes.js';
import { formatFinding } from '../messages.zh-CN.js';
import type { Cell, FormatId, TableId } from './spec/index.js';
import type { ReportValues, RowValues } from './values.js';
import { generateReport } from './generate.js';
import { describeAppeals, describeRequests } from './narrative.js';
import type { ValidateContext } from './validate.js';
import { validateReport } from './validate.js';

function setCell(report: ReportValues, table: TableId, row: string, column: number, value: Cell): ReportValues {
  const cells = [...(report.tables[table][row] ?? [])];
  cells[column] = value;
  return { ...report, tables: { ...report.tables, [table]: { ...report.tables[table], [row]: cells } } };
}

/** A generated report whose sections 三 and 四 quote the tables (as gongkai writes them). */
function consistentReport(opts: { seed: number; format?: FormatId; year?: number; scale?: number }): ReportValues {
  const report = generateReport({ scale: 60, ...opts });
  const text = (key: string | null, own: string) =>
    key === 'requests' ? describeRequests(report) : key === 'appeals' ? describeAppeals(report) : own;
  return { ...report, sections: report.sections.map((s) => ({ ...s, text: text(s.key, s.text) })) };
}

/** Last year's report that agrees with this one on every cross-year rule. */
function previousOf(report: ReportValues): ReportValues {
  const prev = generateReport({ seed: 99, format: report.format, year: (report.year ?? 2024) - 1, scale: 60 });
  const t3: Record<string, RowValues> = { ...prev.tables.table3, carriedForward: [...report.tables.table3.carriedOver!] };
  // Keep last year's table 三 consistent: move the difference into its 新收.
  const before = prev.tables.table3.carriedForward!;
  t3.newReceived = prev.tables.table3.newReceived!.map((v, c) => (v as number) + (t3.carriedForward![c] as number) - (before[c] as number));
  const t2 = { ...prev.tables.table2 };
  if (report.format === '2021') {
    for (const key of ['regulations', 'normativeDocs']) {
      const [made, repealed, inForce] = report.tables.table2[key] as number[];
      t2[key] = [0, 0, inForce! - made! + repealed!];
    }
  }
  return { ...prev, tables: { ...prev.tables, table2: t2, table3: t3 } };
}

const codesOf = (findings: readonly Finding[]) => findings.map((f) => f.code);

const prose = (n: number) => `本机关坚持以公开为常态、不公开为例外，围绕中心工作推进政务公开，第${n}项工作：`
  + '完善政府信息公开指南和目录，规范依申请公开办理流程，加强政策解读和回应关切，推进基层政务公开标准化规范化建设，'
  + '强化政府网站和政务新媒体管理，落实保密审查和发布审查制度，做好考核评议和责任追究。';

describe('validateReport on consistent reports', () => {
  it('a report written by gongkai (tables + generated figures sentences) has no finding at all', () => {
    for (const format of ['2021', '2019'] as const) expect(validateReport(consistentReport({ seed: 3, format }))).toEqual([]);
  });

  it('property: generated reports have no finding, also against a consistent previous year', () => {
    fc.assert(fc.property(fc.integer(), fc.constantFrom<FormatId>('2021', '2019'), fc.constantFrom(0, 3, 60, 400), (seed, format, scale) => {
      const report = consistentReport({ seed, format, scale });
      expect(validateReport(report)).toEqual([]);
      expect(validateReport(report, { previous: previousOf(report) })).toEqual([]);
    }), { numRuns: 150 });
  });

  it('property: any single-cell change a rule covers is caught with the right code', () => {
    fc.assert(fc.property(fc.integer(), fc.constantFrom<FormatId>('2021', '2019'), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 9 }), (seed, format, r, c, delta) => {
      const report = consistentReport({ seed, format });
      const rows = Object.keys(report.tables.table3);
      const row = rows[r % rows.length]!;
      const column = c % 7;
      const old = report.tables.table3[row]![column] as number;
      const changed = setCell(report, 'table3', row, column, old + delta);
      const findings = validateReport(changed, { previous: previousOf(report) });
      expect(hasErrors(findings)).toBe(true);
      expect(codesOf(findings)).toContain('T3-ROWSUM');
      if (row === 'carriedOver') expect(findings.some((f) => f.code === 'T3-CARRY' && f.at.column === column)).toBe(true);
      // The figures sentence quotes the 总计 column: changing it is a TXT-T3 mismatch as well.
      const quoted = ['newReceived', 'carriedOver', 'granted', 'partial', 'total', 'carriedForward'];
      if (column === 6 && quoted.includes(row)) expect(codesOf(findings)).toContain('TXT-T3');
    }), { numRuns: 200 });
  });
});

describe('validateReport: cross-year properties', () => {
  it('property: with last year given, changing 制发/废止/现行有效 of 规章 or 行政规范性文件 is T2-STOCK', () => {
    fc.assert(fc.property(fc.integer(), fc.constantFrom('regulations', 'normativeDocs'), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 9 }), (seed, row, column, delta) => {
      const report = consistentReport({ seed, format: '2021' });
      const changed = setCell(report, 'table2', row, column, (report.tables.table2[row]![column] as number) + delta);
      const findings = validateReport(changed, { previous: previousOf(report) });
      expect(findings.filter((f) => f.code === 'T2-STOCK').map((f) => f.at.row)).toEqual([row]);
      expect(hasErrors(findings)).toBe(false);
    }), { numRuns: 100 });
  });
});

/** For each finding code a report (and context) that raises it; the consistent base raises none. */
function failingCases(): Record<Exclude<ReportFindingCode, `PARSE-${string}`>, () => [ReportValues, ValidateContext?]> {
  const r = () => consistentReport({ seed: 11, format: '2021', year: 2024 });
  const t3 = (row: string, column: number, delta: number) => { const x = r(); return setCell(x, 'table3', row, column, (x.tables.table3[row]![column] as number) + delta); };
  const t4 = (column: number, value: Cell) => setCell(r(), 'table4', 'cases', column, value);
  const withSections = (f: (s: ReportValues['sections']) => ReportValues['sections']) => { const x = r(); return { ...x, sections: f(x.sections) }; };
  return {
    'T3-BAL': () => { const x = t3('newReceived', 0, 1); return [setCell(x, 'table3', 'newReceived', 6, (x.tables.table3.newReceived![6] as number) + 1)]; },
    'T3-ROWSUM': () => [t3('granted', 6, 1)],
    'T3-OUTSUM': () => [t3('granted', 0, 1)],
    'T3-INT': () => [setCell(r(), 'table3', 'granted', 1, -3)],
    'T3-BLANK': () => [setCell(r(), 'table3', 'granted', 1, null)],
    'T3-CARRY': () => { const x = r(); const p = previousOf(x); return [x, { previous: setCell(p, 'table3', 'carriedForward', 0, (p.tables.table3.carriedForward![0] as number) + 1) }]; },
    'T4-SUM': () => [t4(4, 99)],
    'T4-INT': () => [t4(0, 0.5)],
    'T4-BLANK': () => [t4(3, null)],
    'T2-INT': () => [setCell(r(), 'table2', 'penalty', 0, -1)],
    'T2-UNIT': () => [setCell(r(), 'table2', 'feesWan', 0, 1_250_000)],
    'T2-STOCK': () => { const x = r(); return [setCell(x, 'table2', 'normativeDocs', 2, (x.tables.table2.normativeDocs![2] as number) + 1), { previous: previousOf(x) }]; },
    'T2-REPEAL': () => { const x = setCell(r(), 'table2', 'regulations', 1, 10_000); return [x, { previous: previousOf(r()) }]; },
    'T2-BLANK': () => [setCell(r(), 'table2', 'regulations', 2, null)],
    SECTIONS: () => [withSections((s) => s.filter((x) => x.key !== 'problems'))],
    PERIOD: () => [{ ...r(), period: { from: '2024-01-01', to: '2024-11-30' } }],
    'PERIOD-MISSING': () => [{ ...r(), period: null }],
    'YEAR-MISMATCH': () => [{ ...r(), period: { from: '2023-01-01', to: '2023-12-31' } }],
    'TXT-T3': () => [withSections((s) => s.map((x) => (x.key === 'requests' ? { ...x, text: x.text.replace(/办结(\d+)件/, (_m, n) => `办结${Number(n) + 1}件`) } : x)))],
    SIMILARITY: () => {
      const x = withSections((s) => s.map((y) => (y.key === 'overview' ? { ...y, text: prose(1) } : y)));
      const sibling = withSections((s) => s.map((y) => (y.key === 'overview' ? { ...y, text: prose(2) } : y)));
      return [x, { compareWith: [{ name: '某区司法局2024年报告', report: sibling }] }];
    },
    AGG: () => { const x = r(); return [x, { members: [{ name: '甲', report: x }, { name: '乙', report: x }] }]; },
    'AGG-MISSING': () => { const x = r(); return [x, { members: [{ name: '甲', report: x }], expectedMembers: ['甲', '乙'] }]; },
    'FORMAT-MISMATCH': () => [consistentReport({ seed: 11, format: '2019', year: 2024 })],
  };
}

describe('validateReport: every rule has a failing case', () => {
  const cases = failingCases();
  const base = consistentReport({ seed: 11, format: '2021', year: 2024 });

  it('covers every finding code that is not about reading a document', () => {
    const expected = reportFindingCodes.filter((c) => !c.startsWith('PARSE-')).sort();
    expect(Object.keys(cases).sort()).toEqual(expected);
  });

  it('the base report raises nothing, also with a consistent previous year and itself as sole member', () => {
    expect(validateReport(base, { previous: previousOf(base), members: [{ name: '甲', report: base }] })).toEqual([]);
  });

  for (const [code, make] of Object.entries(cases)) {
    it(`${code} is raised with a Chinese message`, () => {
      const [report, ctx] = make();
      const findings = validateReport(report, ctx);
      const f = findings.find((x) => x.code === code);
      expect(f, JSON.stringify(findings.map((x) => x.code))).toBeDefined();
      const message = formatFinding(f!);
      expect(message).toMatch(/[\u4e00-\u9fff]/);
      expect(message).not.toContain('undefined');
    });
  }
});

describe('document rules', () => {
  const base = consistentReport({ seed: 5, format: '2021', year: 2023 });

  it('PERIOD states the expected and the stated period', () => {
    const [f] = validateReport({ ...base, period: { from: '2023-01-01', to: '2023-06-30' } });
    expect(f).toMatchObject({ code: 'PERIOD', severity: 'error', params: { expected: '2023年1月1日至2023年12月31日', stated: '2023年1月1日至2023年6月30日' } });
  });

  it('YEAR-MISMATCH compares the title year with the period year', () => {
    const findings = validateReport({ ...base, title: '某局2022年政府信息公开工作年度报告', year: 2022, period: { from: '2023-01-01', to: '2023-12-31' } });
    expect(findings.find((f) => f.code === 'YEAR-MISMATCH')!.params).toMatchObject({ titleYear: 2022, periodYear: 2023 });
    expect(codesOf(findings)).not.toContain('PERIOD');
  });

  it('PERIOD-MISSING only when the report has prose (a bare table states no period)', () => {
    expect(codesOf(validateReport({ ...base, period: null }))).toEqual(['PERIOD-MISSING']);
    const bare = { ...base, period: null, sections: [] };
    expect(validateReport(bare)).toEqual([]);
  });

  it('FORMAT-MISMATCH names the formats in Chinese', () => {
    const f = validateReport(consistentReport({ seed: 5, format: '2019', year: 2022 })).find((x) => x.code === 'FORMAT-MISMATCH')!;
    expect(formatFinding(f)).toBe('2022年度报告应使用2021年格式，实际为2019年试行格式');
    expect(codesOf(validateReport(consistentReport({ seed: 5, format: '2019', year: 2020 })))).not.toContain('FORMAT-MISMATCH');
  });

  it('SECTIONS: a missing section, found neither as a heading nor as a numbered heading in the text', () => {
    const noProblems = { ...base, sections: base.sections.filter((s) => s.key !== 'problems') };
    const [f] = validateReport(noProblems);
    expect(f).toMatchObject({ code: 'SECTIONS', params: { problem: 'missing', number: '五' } });
    // The same section run into another one's text, as crawler dumps do, is present.
    const runIn = noProblems.sections.map((s) => (s.key === 'appeals' ? { ...s, text: `${s.text}000000五、存在的主要问题及改进情况（一）存在的主要问题：…` } : s));
    expect(validateReport({ ...base, sections: runIn })).toEqual([]);
  });

  it('SECTIONS: headings recognised by keywords when the reader did not key them', () => {
    const unkeyed = base.sections.map((s) => ({ ...s, key: null }));
    expect(validateReport({ ...base, sections: unkeyed })).toEqual([]);
    const appealsHeading = [{ key: null, heading: '四、因政府信息公开申请行政复议、提起行政诉讼的情况', text: '无。' }];
    const renamed = [...unkeyed.filter((s) => !s.heading.startsWith('四')), ...appealsHeading];
    // Moved to the end: present, but out of order.
    const findings = validateReport({ ...base, sections: renamed });
    expect(findings).toEqual([expect.objectContaining({ code: 'SECTIONS', params: expect.objectContaining({ problem: 'order', number: '四' }) })]);
  });

  it('SECTIONS: order judged on first occurrences only (Shanghai: prose sections, then the tables with their own numbering)', () => {
    const s = (heading: string, text = '……') => ({ key: null, heading, text });
    const shanghai = [
      s('一、总体情况'), s('二、工作机制保障'), s('三、主动公开工作情况'), s('四、政府信息公开申请情况'), s('五、政府信息管理'),
      s('六、政府信息公开平台建设'), s('一、主动公开政府信息情况', ''), s('二、收到和处理政府信息公开申请情况', ''),
      s('三、政府信息公开行政复议、行政诉讼情况', '（一）主要问题 ……（二）改进情况 ……'), s('五、其他需要报告的事项'),
    ];
    expect(validateReport({ ...base, agency: '上海市人民政府办公厅', sections: shanghai })).toEqual([]);
  });

  describe('SECTIONS: a government\'s 一 reports 工作考核、社会评议和责任追究结果 (条例第五十条第（四）项)', () => {
    const withOverview = (agency: string, text: string, sections = base.sections): ReportValues =>
      ({ ...base, agency, sections: sections.map((s) => (s.key === 'overview' ? { ...s, text } : s)) });
    const plain = '全年主动公开政府信息1200条，政府信息公开平台运行平稳。';

    it('flags a 人民政府\'s report whose 一 says nothing of them, with its basis, in Chinese', () => {
      const findings = validateReport(withOverview('淮安市洪泽区人民政府', plain));
      expect(findings).toEqual([expect.objectContaining({
        code: 'SECTIONS', severity: 'warning', at: { section: 'overview' }, params: expect.objectContaining({ problem: 'oversight', number: '一', heading: '总体情况' }),
      })]);
      expect(formatFinding(findings[0]!)).toBe('人民政府的年度报告第一部分“总体情况”未报告工作考核、社会评议和责任追究结果情况');
      expect(findings[0]!.params.basis).toContain('第五十条第（四）项');
      // a town's government too; the words elsewhere than in 一 do not count
      const inOther = withOverview('重庆市梁平区礼让镇人民政府', plain).sections.map((s) => (s.key === 'other' ? { ...s, text: '年度考核结果为优秀。' } : s));
      expect(validateReport({ ...withOverview('重庆市梁平区礼让镇人民政府', plain), sections: inOther }).map((f) => f.params.problem)).toEqual(['oversight']);
    });

    it('accepts any reasonable wording of them in 一 (in the whole prose when no heading names 一)', () => {
      for (const words of ['将政务公开纳入全区高质量发展考核内容。', '开展社会评议，群众满意度98%。', '未发生责任追究情况。', '全年无追责问责情况。', '纳入绩效考评。']) {
        expect(validateReport(withOverview('某县人民政府', plain + words)), words).toEqual([]);
      }
      const whole = [{ key: null, heading: '', text: `一、总体情况 ${plain}二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 四、政府信息公开行政复议、行政诉讼情况 五、存在的主要问题及改进情况 六、其他需要报告的事项 年度考核结果良好。` }];
      expect(validateReport({ ...base, agency: '某县人民政府', sections: whole })).toEqual([]);
    });

    it('does not ask it of a department (…局, …委员会) or a government\'s office, nor of a bare table', () => {
      for (const agency of ['重庆市梁平区政务服务管理办公室', '某市人民政府办公室', '上海市人民政府办公厅', '某区住房和城乡建设委员会', '平潭综合实验区市场监督管理局']) {
        expect(validateReport(withOverview(agency, plain)), agency).toEqual([]);
      }
      expect(validateReport({ ...base, agency: '某县人民政府', period: null, sections: [] }).map((f) => f.code)).toEqual([]);
    });
  });
});

describe('cross-year rules', () => {
  const report = consistentReport({ seed: 8, format: '2021', year: 2024 });
  const previous = previousOf(report);

  it('T3-CARRY per column, as a warning with expected (last year) and actual', () => {
    const p = setCell(previous, 'table3', 'carriedForward', 3, (previous.tables.table3.carriedForward![3] as number) + 2);
    const findings = validateReport(report, { previous: p }).filter((f) => f.code !== 'T3-ROWSUM');
    expect(findings).toEqual([expect.objectContaining({ code: 'T3-CARRY', severity: 'warning', at: { table: 'table3', row: 'carriedOver', column: 3 } })]);
    expect(findings[0]!.params).toMatchObject({ columnLabel: '社会公益组织', expected: (report.tables.table3.carriedOver![3] as number) + 2, actual: report.tables.table3.carriedOver![3] });
  });

  it('T2-STOCK and T2-REPEAL quote the stock arithmetic', () => {
    const p = setCell(previous, 'table2', 'regulations', 2, 0);
    const [made, repealed, inForce] = report.tables.table2.regulations as number[];
    const findings = validateReport(report, { previous: p });
    expect(findings.find((f) => f.code === 'T2-STOCK')!.params).toMatchObject({ previous: 0, made, repealed, expected: made! - repealed!, actual: inForce });
    expect(findings.some((f) => f.code === 'T2-REPEAL')).toBe(repealed! > made!);
  });

  it('skipped when last year is not Y−1 or (table 二) of another format; blank cells are not compared', () => {
    const p = setCell(previous, 'table3', 'carriedForward', 0, 999);
    expect(validateReport(report, { previous: { ...p, year: 2021 } })).toEqual([]);
    expect(validateReport(report, { previous: setCell(previous, 'table3', 'carriedForward', 0, null) })).toEqual([]);
    const older = { ...previousOf(consistentReport({ seed: 8, format: '2019', year: 2020 })), year: 2023 };
    const crossFormat = validateReport({ ...report, tables: { ...report.tables, table3: { ...report.tables.table3, carriedOver: older.tables.table3.carriedForward! } } }, { previous: older });
    expect(codesOf(crossFormat).filter((c) => c.startsWith('T2-'))).toEqual([]);
    expect(codesOf(crossFormat)).not.toContain('T3-CARRY');
  });
});
