import { describe, expect, it } from 'vitest';
import { generateReport } from '../generate.js';
import { specs } from '../spec/index.js';
import { renderReportMarkdown } from './markdown.js';

const tables = (md: string) => md.split('\n\n').filter((p) => p.startsWith('|')).map((p) => p.split('\n'));
const cells = (line: string) => line.slice(2, -2).split(' | ');

describe('renderReportMarkdown', () => {
  const report = generateReport({ seed: 5, format: '2021', scale: 10 });
  const md = renderReportMarkdown(report);

  it('has the title and the six section headings', () => {
    expect(md.startsWith(`# ${report.title}\n`)).toBe(true);
    for (const s of specs['2021'].sections) expect(md).toContain(`\n## ${s.number}、${s.heading}\n`);
  });

  it('prints each table as a rectangular pipe table: row spans repeated, column spans once', () => {
    const [t2, t3, t4] = tables(md);
    expect([t2, t3, t4].map((t) => cells(t![0]!).length)).toEqual([4, 10, 15]);
    for (const t of [t2!, t3!, t4!]) {
      const width = cells(t[0]!).length;
      expect(t.every((line) => cells(line).length === width)).toBe(true);
      expect(cells(t[1]!).every((c) => /^:?-+:?$/.test(c))).toBe(true);
    }
    const corner = specs['2021'].tables.table3.corner!;
    expect(cells(t3![0]!)).toEqual([corner, '', '', '申请人情况', '', '', '', '', '', '']);
    expect(cells(t3![2]!)).toEqual([corner, '', '', '自然人', '法人或其他组织', '', '', '', '', '总计']);
    expect(cells(t3![3]!)).toEqual([corner, '', '', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    const granted = t3!.find((l) => l.includes('（一）予以公开'))!;
    expect(cells(granted)).toEqual(['三、本年度办理结果', '（一）予以公开', '', ...report.tables.table3.granted!.map(String)]);
    expect(t3!.filter((l) => l.startsWith('| 三、本年度办理结果 |'))).toHaveLength(22);
    expect(t3!.filter((l) => l.startsWith('| 三、本年度办理结果 | （三）不予公开 |'))).toHaveLength(8);
    expect(cells(t4![t4!.length - 1]!)).toEqual(report.tables.table4.cases!.map(String));
    const fee = t2!.find((l) => l.startsWith('| 行政事业性收费'))!;
    expect(cells(fee)).toEqual(['行政事业性收费', String(report.tables.table2.feesWan![0]), '', '']);
  });

  it('escapes pipes and Markdown syntax in the prose', () => {
    const out = renderReportMarkdown({ ...report, sections: [{ key: 'overview', heading: '一、总体情况', text: '# a|b\n1. c' }] });
    expect(out).toContain('\n\\# a|b\n');
    expect(out).toContain('\n1\\. c\n');
  });
});
