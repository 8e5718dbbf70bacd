import { describe, expect, it } from 'vitest';
import { finding } from '../findings.js';
import { generateReport } from './generate.js';
import { specs } from './spec/index.js';
import type { FormatId, TableSpec } from './spec/index.js';
import { emptyReport } from './values.js';
import { cellKey, cellMarksFromFindings, expandTableView, formatCell, toTableView } from './view.js';
import type { TableView, ViewCell } from './view.js';

const allCells = (view: TableView): ViewCell[] => [...view.head, ...view.bodies.flat()].flatMap((r) => r.cells);
const find = (view: TableView, text: string) => allCells(view).filter((c) => c.text === text);
const one = (view: TableView, text: string) => {
  const cells = find(view, text);
  expect(cells, text).toHaveLength(1);
  return cells[0]!;
};

const viewOf = (format: FormatId, table: 'table2' | 'table3' | 'table4', seed = 1) => {
  const report = generateReport({ seed, format });
  return toTableView(specs[format].tables[table], report.tables[table]);
};

describe('toTableView', () => {
  it('table 三 (2021): header grid with the official spans', () => {
    const v = viewOf('2021', 'table3');
    expect(v.width).toBe(10);
    expect(v.head.map((r) => r.cells.map((c) => c.text))).toEqual([
      [specs['2021'].tables.table3.corner, '申请人情况'],
      ['自然人', '法人或其他组织', '总计'],
      ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
    ]);
    expect(one(v, specs['2021'].tables.table3.corner!)).toMatchObject({ kind: 'corner', colspan: 3, rowspan: 3 });
    expect(one(v, '申请人情况')).toMatchObject({ kind: 'group', colspan: 7, rowspan: 1 });
    expect(one(v, '自然人')).toMatchObject({ kind: 'column', colspan: 1, rowspan: 2 });
    expect(one(v, '总计')).toMatchObject({ kind: 'column', rowspan: 2 });
    expect(one(v, '法人或其他组织')).toMatchObject({ kind: 'group', colspan: 5 });
    expect(one(v, '商业企业').lines).toEqual(['商业', '企业']);
  });

  it('table 三: label cells span rows (2021: 22/8/3/5/3; 2019: 20 and a single （六）其他处理)', () => {
    const v = viewOf('2021', 'table3');
    expect(one(v, '三、本年度办理结果')).toMatchObject({ kind: 'rowGroup', rowspan: 22 });
    expect(one(v, '（三）不予公开').rowspan).toBe(8);
    expect(one(v, '（四）无法提供').rowspan).toBe(3);
    expect(one(v, '（五）不予处理').rowspan).toBe(5);
    expect(one(v, '（六）其他处理').rowspan).toBe(3);
    expect(one(v, '一、本年新收政府信息公开申请数量')).toMatchObject({ kind: 'row', colspan: 3 });
    expect(one(v, '（一）予以公开')).toMatchObject({ kind: 'row', colspan: 2 });
    expect(one(v, '1.属于国家秘密')).toMatchObject({ kind: 'row', colspan: 1 });
    expect(v.bodies.flat()).toHaveLength(25);

    const old = viewOf('2019', 'table3');
    expect(one(old, '三、本年度办理结果').rowspan).toBe(20);
    expect(one(old, '（六）其他处理')).toMatchObject({ kind: 'row', colspan: 2, rowspan: 1 });
    expect(old.bodies.flat()).toHaveLength(23);
  });

  it('table 四: 行政复议 over 5 columns whose headers span two rows; 行政诉讼 over 10 in two groups of 5', () => {
    const v = viewOf('2021', 'table4');
    expect(v.width).toBe(15);
    expect(one(v, '行政复议')).toMatchObject({ kind: 'group', colspan: 5, rowspan: 1 });
    expect(one(v, '行政诉讼')).toMatchObject({ kind: 'group', colspan: 10 });
    expect(one(v, '未经复议直接起诉').colspan).toBe(5);
    expect(one(v, '复议后起诉').colspan).toBe(5);
    expect(v.head.map((r) => r.cells.length)).toEqual([2, 7, 10]);
    expect(v.head[1]!.cells.slice(0, 5).every((c) => c.rowspan === 2)).toBe(true);
    expect(v.bodies.flat()).toHaveLength(1);
    expect(v.bodies[0]![0]!.cells).toHaveLength(15);
  });

  it('table 二: a row group per block with its block header and own column headers', () => {
    const v = viewOf('2021', 'table2');
    expect(v.head).toHaveLength(0);
    expect(v.width).toBe(4);
    expect(v.bodies.map((b) => b[0]!.cells[0]!.text)).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
    expect(v.bodies.every((b) => b[0]!.cells[0]!.colspan === 4 && b[0]!.cells[0]!.kind === 'block')).toBe(true);
    expect(v.bodies[0]![1]!.cells.map((c) => c.text)).toEqual(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
    expect(v.bodies[3]![1]!.cells.map((c) => [c.text, c.colspan])).toEqual([['信息内容', 1], ['本年收费金额（单位：万元）', 3]]);
    const fee = v.bodies[3]![2]!.cells[1]!;
    expect(fee).toMatchObject({ kind: 'value', row: 'feesWan', column: 0, colspan: 3, unit: '万元' });

    const old = viewOf('2019', 'table2');
    expect(old.bodies.map((b) => b[0]!.cells[0]!.text)).toContain('第二十条第（九）项');
    expect(old.bodies.flat().filter((r) => r.cells[0]!.kind === 'row')).toHaveLength(8);
  });

  it.each(Object.values(specs).flatMap((spec) => Object.values(spec.tables).map((t) => [spec.format, t.id, t] as [string, string, TableSpec])))(
    '%s %s: every row and column label of the spec appears verbatim, and every value cell once',
    (_format, _id, table) => {
      const values = Object.fromEntries(table.rows.map((r, i) => [r.key, (r.columns ?? table.columns).map((_, c) => i * 100 + c)]));
      const v = toTableView(table, values);
      const texts = new Set(allCells(v).map((c) => c.text));
      for (const r of table.rows) {
        if (r.label) expect(texts, r.label).toContain(r.label);
        for (const p of r.parents ?? []) expect(texts).toContain(p);
        if (r.block) expect(texts).toContain(r.block);
        for (const c of r.columns ?? []) expect(texts).toContain(c.label);
      }
      for (const c of table.columns) {
        if (!table.rows.some((r) => r.block)) expect(texts).toContain(c.label);
        for (const g of c.groups ?? []) expect(texts).toContain(g);
      }
      const values2 = allCells(v).filter((c) => c.kind === 'value');
      expect(values2.map((c) => `${c.row}:${c.column}`)).toEqual(table.rows.flatMap((r) => (r.columns ?? table.columns).map((_, c) => `${r.key}:${c}`)));
      for (const c of values2) expect(c.text).toBe(String(values[c.row!]![c.column!]));
      // The expanded grid is rectangular and covers every position exactly with the spans.
      const grid = expandTableView(v);
      expect(grid.every((row) => row.length === v.width && row.every((cell) => cell !== undefined))).toBe(true);
    },
  );

  it('formats blanks, zeros and 万元 decimals as given', () => {
    expect(formatCell(null)).toBe('');
    expect(formatCell(0)).toBe('0');
    expect(formatCell(-0)).toBe('0');
    expect(formatCell(12.3456)).toBe('12.3456');
    expect(formatCell(-3)).toBe('-3');
    const spec = specs['2021'];
    const report = emptyReport(spec);
    const v = toTableView(spec.tables.table2, { ...report.tables.table2, feesWan: [0.05], regulations: [null, null, null] });
    const values = allCells(v).filter((c) => c.kind === 'value');
    expect(values.find((c) => c.row === 'feesWan')!.text).toBe('0.05');
    expect(values.filter((c) => c.row === 'regulations').map((c) => c.text)).toEqual(['', '', '']);
  });

  it('every value cell names its row and column headers by id', () => {
    const v = viewOf('2021', 'table3');
    const ids = new Map(allCells(v).filter((c) => c.id).map((c) => [c.id!, c.text]));
    const cell = allCells(v).find((c) => c.row === 'denied_thirdParty' && c.column === 1)!;
    expect(cell.headers!.map((h) => ids.get(h))).toEqual(['申请人情况', '法人或其他组织', '商业企业', '三、本年度办理结果', '（三）不予公开', '4.保护第三方合法权益']);
    const t2 = viewOf('2021', 'table2');
    const ids2 = new Map(allCells(t2).filter((c) => c.id).map((c) => [c.id!, c.text]));
    const penalty = allCells(t2).find((c) => c.row === 'enforcement')!;
    expect(penalty.headers!.map((h) => ids2.get(h))).toEqual(['第二十条第（六）项', '本年处理决定数量', '行政强制']);
  });

  it('marks cells from findings: a cell, a whole row, a whole column; errors win over warnings', () => {
    const t3 = specs['2021'].tables.table3;
    const marks = cellMarksFromFindings([
      finding('T3-ROWSUM', 'warning', { table: 'table3', row: 'granted' }),
      finding('T3-BAL', 'error', { table: 'table3', column: 2 }),
      finding('T3-INT', 'error', { table: 'table3', row: 'partial', column: 0 }),
      finding('T3-BLANK', 'info', { table: 'table3', row: 'total', column: 0 }),
      finding('T4-SUM', 'error', { table: 'table4', row: 'cases', column: 4 }),
    ], t3);
    expect(marks.get(cellKey('granted', 0))).toBe('warning');
    expect(marks.get(cellKey('granted', 2))).toBe('error');
    expect(marks.get(cellKey('carriedForward', 2))).toBe('error');
    expect(marks.get(cellKey('partial', 0))).toBe('error');
    expect(marks.has(cellKey('total', 0))).toBe(false);
    expect(marks.size).toBe(7 + 25 - 1 + 1);
    const v = toTableView(t3, generateReport({ seed: 3, format: '2021' }).tables.table3, marks);
    expect(allCells(v).filter((c) => c.mark === 'error')).toHaveLength(26);
  });
});
