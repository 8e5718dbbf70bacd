import { describe, expect, it } from 'vitest';
import { generateReport } from '../core/report/generate.js';
import { specFor } from '../core/report/spec/index.js';
import { cellKey, toTableView } from '../core/report/view.js';
import { formatTableView } from './format-table.js';
import { displayWidth, padStart, truncate } from './format-width.js';
import { createProgress } from './progress.js';

describe('terminal widths', () => {
  it('counts CJK and full-width characters as two columns, ANSI colours as none', () => {
    expect(displayWidth('总计')).toBe(4);
    expect(displayWidth('（七）总计')).toBe(10);
    expect(displayWidth('12')).toBe(2);
    expect(displayWidth('\u001b[31m20✗\u001b[0m')).toBe(3);
    expect(padStart('自然人', 8)).toBe('  自然人');
    expect(truncate('1.申请人无正当理由逾期不补正', 12)).toBe('1.申请人无…');
    expect(displayWidth(truncate('1.申请人无正当理由逾期不补正', 12))).toBeLessThanOrEqual(12);
  });
});

describe('tables for the terminal', () => {
  const report = generateReport({ seed: 4, format: '2021', scale: 500 });
  const spec = specFor('2021').tables.table3;

  it('aligns every row of table 三 to the same width whatever the digits and labels', () => {
    const lines = formatTableView(toTableView(spec, report.tables.table3), { color: false });
    const rows = lines.filter((l) => /\d\s*$/.test(l));
    expect(rows).toHaveLength(25);
    expect(new Set(rows.map(displayWidth)).size).toBe(1);
    expect(lines[0]).toBe('表三\u3000收到和处理政府信息公开申请情况');
    expect(lines).toContain('  （三）不予公开');
  });

  it('marks cells with ✗ and !, in red and yellow only when colours are on', () => {
    const marks = new Map([[cellKey('total', 6), 'error' as const], [cellKey('granted', 0), 'warning' as const]]);
    const view = toTableView(spec, report.tables.table3, marks);
    const plain = formatTableView(view, { color: false }).join('\n');
    expect(plain).toContain(`${report.tables.table3.total![6]}✗`);
    expect(plain).toContain(`${report.tables.table3.granted![0]}!`);
    expect(plain).not.toContain('\u001b[');
    const colour = formatTableView(view, { color: true }).join('\n');
    expect(colour).toContain(`\u001b[31m${report.tables.table3.total![6]}✗\u001b[0m`);
    expect(colour).toContain(`\u001b[33m${report.tables.table3.granted![0]}!\u001b[0m`);
  });

  it('prints table 四 as one line per group and table 二 block by block', () => {
    const t4 = formatTableView(toTableView(specFor('2021').tables.table4, report.tables.table4), { color: false });
    expect(t4.map((l) => l.trim().split(/\s{2,}/)[0])).toEqual(['表四\u3000政府信息公开行政复议、行政诉讼情况', '结果维持', '行政复议', '行政诉讼 未经复议直接起诉', '行政诉讼 复议后起诉']);
    const t2 = formatTableView(toTableView(specFor('2019').tables.table2, generateReport({ seed: 4, format: '2019' }).tables.table2), { color: false });
    expect(t2.filter((l) => l.startsWith('第二十条'))).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项']);
    expect(t2[t2.indexOf('第二十条第（九）项') + 1]).toMatch(/采购项目数量\s+采购总金额$/);
  });
});

describe('progress bar', () => {
  const stream = (isTTY: boolean) => {
    let out = '';
    return { s: { isTTY, columns: 80, write: (x: string) => ((out += x), true) } as unknown as NodeJS.WriteStream, out: () => out };
  };

  it('draws on a terminal for batches, clearing itself around other output', () => {
    const err = stream(true);
    const std = stream(false);
    const p = createProgress(err.s, 3);
    p.update(1, 'a.txt');
    expect(err.out()).toMatch(/^\[█{8}░{16}\] 1\/3 a\.txt$/);
    p.print(std.s, 'result\n');
    expect(std.out()).toBe('result\n');
    expect(err.out().endsWith('a.txt\r\u001b[K[████████░░░░░░░░░░░░░░░░] 1/3 a.txt')).toBe(true);
    p.end();
    expect(err.out().endsWith('\r\u001b[K')).toBe(true);
  });

  it('draws nothing off a terminal or for a single file', () => {
    for (const [tty, total] of [[false, 5], [true, 1]] as const) {
      const err = stream(tty);
      const p = createProgress(err.s, total);
      p.update(0, 'x');
      p.print(err.s, 'line\n');
      p.end();
      expect(err.out()).toBe('line\n');
    }
  });
});
