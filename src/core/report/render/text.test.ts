import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../generate.js';
import { specs } from '../spec/index.js';
import type { ReportSection, ReportValues } from '../values.js';
import { emptyReport } from '../values.js';
import { toTableView } from '../view.js';
import { parseReportText } from '../parse/index.js';
import { reportOutline } from './outline.js';
import { renderReportText, tableToTextLines } from './text.js';
import { seedFile } from '../../../../test/support/shared.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const fixture = readFileSync(`${root}test/fixtures/render/liangping-2024-tables.txt`, 'utf8').replace(/\n$/, '').split('\n');

/** The lines from the heading of section 二 up to (not including) the heading of section 五. */
const tablePart = (lines: readonly string[]) => lines.slice(lines.indexOf('二、主动公开政府信息情况'), lines.indexOf('五、存在的主要问题及改进情况'));

const seedValues = (): ReportValues => ({
  ...emptyReport(specs['2021'], { agency: '重庆市梁平区政务服务管理办公室', year: 2024 }),
  title: '重庆市梁平区政务服务管理办公室2024年政府信息公开工作年度报告',
});

/** The seed's prose, split at the six statutory headings (the test's own reading, not the parser's). */
function seedReport(text: string): ReportValues {
  const lines = text.split('\n');
  const headings = specs['2021'].sections.map((s) => `${s.number}、${s.heading}`);
  const sections: ReportSection[] = [{ key: null, heading: '', text: lines[2]! }];
  let current: ReportSection | undefined;
  for (const line of lines.slice(3)) {
    const i = headings.indexOf(line);
    if (i >= 0) {
      current = { key: specs['2021'].sections[i]!.key, heading: line, text: '' };
      sections.push(current);
    } else if (current && !specs['2021'].sections.find((s) => s.key === current!.key)?.table) {
      current = Object.assign(current, { text: current.text ? `${current.text}\n${line}` : line });
    }
  }
  return { ...seedValues(), sections };
}

describe('renderReportText (the flattened form of the seed)', () => {
  it('prints the tables of a report with the seed values line for line as the seed does (own fixture)', () => {
    const lines = renderReportText(seedValues()).split('\n');
    expect(tablePart(lines)).toEqual(fixture);
    expect(lines.slice(0, 2)).toEqual(['重庆市梁平区政务服务管理办公室', '2024年政府信息公开工作年度报告']);
  });

  it('reproduces the seed file exactly from its values and prose', () => {
    const seed = readFileSync(seedFile, 'utf8');
    expect(tablePart(seed.split('\n'))).toEqual(fixture);
    expect(renderReportText(seedReport(seed))).toBe(seed);
  });

  it('prints the values in their cells; blanks stay blank; 万元 keep their decimals', () => {
    const report = seedValues();
    const t3 = { ...report.tables.table3, newReceived: [1, 2, 3, 4, 5, 6, 21], carriedForward: [null, 0, 0, 0, 0, 0, 0] };
    const lines = renderReportText({ ...report, tables: { ...report.tables, table3: t3, table2: { ...report.tables.table2, feesWan: [1.25] } } }).split('\n');
    const at = lines.indexOf('一、本年新收政府信息公开申请数量 |');
    expect(lines.slice(at + 1, at + 8)).toEqual(['1 |', '2 |', '3 |', '4 |', '5 |', '6 |', '21 | ||']);
    const last = lines.indexOf('四、结转下年度继续办理 |');
    expect(lines[last + 1]).toBe(' |');
    expect(lines[lines.indexOf('行政事业性收费 |') + 1]).toBe('1.25 |');
  });

  it('states the period in an opening paragraph in the seed\'s words, once, and only when the report has one', () => {
    const lines = renderReportText(seedValues()).split('\n');
    expect(lines.slice(2, 4)).toEqual([
      '本报告根据《中华人民共和国政府信息公开条例》（国务院令第711号，以下简称《政府信息公开条例》）要求，对以重庆市梁平区政务服务管理办公室的名义开展的政府信息公开工作情况进行报告。本报告中所列数据的统计日期为2024年1月1日至2024年12月31日。',
      '一、总体情况',
    ]);
    expect(parseReportText(lines.join('\n')).report!.period).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    // the seed's prose states it already (its lead paragraph), a compiled report in 一: not twice
    expect(renderReportText(seedReport(readFileSync(seedFile, 'utf8'))).match(/统计日期/g)).toHaveLength(1);
    const stated = { ...seedValues(), sections: seedValues().sections.map((s) => (s.key === 'overview' ? { ...s, text: '统计期限为2024年1月1日至12月31日。' } : s)) };
    expect(renderReportText(stated)).not.toContain('统计日期');
    expect(renderReportText({ ...seedValues(), period: null })).not.toContain('统计');
    expect(reportOutline(seedValues(), {}, { statePeriod: false }).blocks[0]).toEqual({ kind: 'heading', text: '一、总体情况' });
  });

  it('keeps the full-width labels of the spec when asked', () => {
    const view = toTableView(specs['2021'].tables.table2, seedValues().tables.table2);
    expect(tableToTextLines(view, { halfWidth: false })[0]).toBe('第二十条第（一）项 | |||');
    expect(tableToTextLines(view)[0]).toBe('第二十条第(一)项 | |||');
  });

  it('prints a 2019 report: its table 二 blocks and a single （六）其他处理 row', () => {
    const report = generateReport({ seed: 7, format: '2019' });
    const lines = renderReportText(report).split('\n');
    expect(lines).toContain('第二十条第(九)项 | |||');
    expect(lines).toContain('(六)其他处理 |');
    expect(lines.filter((l) => l.startsWith('三、本年度办理结果'))).toEqual(['三、本年度办理结果 |']);
    // Every value cell of the report is printed once, in spec order.
    const t3 = tablePart(lines).slice(tablePart(lines).indexOf('三、收到和处理政府信息公开申请情况'));
    const rowStart = t3.indexOf('(六)其他处理 |');
    expect(t3.slice(rowStart + 1, rowStart + 8).map((l) => l.replace(/ \|.*$/, ''))).toEqual(report.tables.table3.other!.map(String));
  });
});
