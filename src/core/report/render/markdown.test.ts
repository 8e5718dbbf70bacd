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

  it('prints each table as a rectangular pipe table with spans repeated', () => {
    const [t2, t3, t4] = tables(md);
    expect([t2, t3, t4].map((t) => cells(t![0]!).length)).toEqual([4, 10, 15]);
    for (const t of [t2!, t3!, t4!]) {
      const width = cells(t[0]!).length;
      expect(t.every((line) => cells(line).length === width)).toBe(true);
      expect(cells(t[1]!).every((c) => /^:?-+:?$/.test(c))).toBe(true);
    }
    expect(cells(t3![0]!).slice(3)).toEqual(Array(7).fill('申请人情况'));
    expect(cells(t3![2]!).slice(3)).toEqual(['自然人', ...Array(5).fill('法人或其他组织'), '总计']);
    const granted = t3!.find((l) => l.includes('（一）予以公开'))!;
    expect(cells(granted)).toEqual(['三、本年度办理结果', '（一）予以公开', '（一）予以公开', ...report.tables.table3.granted!.map(String)]);
    expect(cells(t4![t4!.length - 1]!)).toEqual(report.tables.table4.cases!.map(String));
    const fee = t2!.find((l) => l.startsWith('| 行政事业性收费'))!;
    expect(cells(fee)).toEqual(['行政事业性收费', ...Array(3).fill(String(report.tables.table2.feesWan![0]))]);
  });

  it('escapes pipes and Markdown syntax in the prose', () => {
    const out = renderReportMarkdown({ ...report, sections: [{ key: 'overview', heading: '一、总体情况', text: '# a|b\n1. c' }] });
    expect(out).toContain('\n\\# a|b\n');
    expect(out).toContain('\n1\\. c\n');
  });
});
