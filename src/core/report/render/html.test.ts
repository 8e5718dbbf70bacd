import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../generate.js';
import { specs } from '../spec/index.js';
import { cellKey } from '../view.js';
import { finding } from '../../findings.js';
import { renderReportBody, renderReportHtml } from './html.js';
import { reportMarksFromFindings } from './outline.js';

type Node = { type: string; name?: string; attribs: Record<string, string | undefined>; children?: Node[]; data?: string };

const elements = (node: Node, name: string, out: Node[] = []): Node[] => {
  if (node.type === 'tag' && node.name === name) out.push(node);
  for (const child of node.children ?? []) elements(child, name, out);
  return out;
};
const text = (node: Node): string => (node.type === 'text' ? (node.data ?? '') : (node.children ?? []).map(text).join(''));

describe('renderReportHtml', () => {
  const report = generateReport({ seed: 11, format: '2021', scale: 60 });
  const html = renderReportHtml(report);
  const doc = parseDocument(html) as unknown as Node;

  it('is a complete zh-CN document with a title, the six headings and print CSS (A4, official margins, fonts)', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(elements(doc, 'html')[0]!.attribs.lang).toBe('zh-CN');
    expect(text(elements(doc, 'title')[0]!)).toBe(report.title);
    expect(elements(doc, 'h2').map((h) => text(h))).toEqual(specs['2021'].sections.map((s) => `${s.number}、${s.heading}`));
    expect(html).toContain('size: A4; margin: 37mm 26mm 35mm 28mm');
    expect(html).toMatch(/font-family: "仿宋_GB2312"/);
    expect(html).toMatch(/font-family: "黑体"/);
  });

  it('each table has a caption and a thead; every value cell reaches its row and column headers through `headers`', () => {
    const tables = elements(doc, 'table');
    expect(tables).toHaveLength(3);
    for (const table of tables) {
      const t = table;
      expect(text(elements(t, 'caption')[0]!)).toMatch(/^表[二三四]/);
      const ths = new Map(elements(t, 'th').map((th) => [th.attribs.id, text(th)]));
      expect(elements(t, 'th').every((th) => th.attribs.id && th.attribs.scope)).toBe(true);
      for (const td of elements(t, 'td')) {
        const refs = (td.attribs.headers ?? '').split(' ').filter(Boolean);
        expect(refs.length, td.attribs['data-cell']).toBeGreaterThan(0);
        for (const id of refs) expect(ths.has(id), id).toBe(true);
      }
    }
    const t3 = tables[1]!;
    expect(elements(t3, 'thead')).toHaveLength(1);
    const ths = new Map(elements(t3, 'th').map((th) => [th.attribs.id, text(th)]));
    const td = elements(t3, 'td').find((c) => c.attribs['data-cell'] === 'unable_needCreate:4')!;
    expect(td.attribs.headers!.split(' ').map((id) => ths.get(id))).toEqual(['申请人情况', '法人或其他组织', '法律服务机构', '三、本年度办理结果', '（四）无法提供', '2.没有现成信息需要另行制作']);
    expect(text(td)).toBe(String(report.tables.table3.unable_needCreate![4]));
  });

  it('prints the official spans', () => {
    const th = (label: string) => elements(doc, 'th').find((e) => text(e) === label)!.attribs;
    expect(th('三、本年度办理结果').rowspan).toBe('22');
    expect(th('（三）不予公开').rowspan).toBe('8');
    expect(th('申请人情况').colspan).toBe('7');
    expect(th('法人或其他组织').colspan).toBe('5');
    expect(th('自然人').rowspan).toBe('2');
    expect(th('行政诉讼').colspan).toBe('10');
    expect(th('第二十条第（八）项').colspan).toBe('4');
    expect(th(specs['2021'].tables.table3.corner!)).toMatchObject({ colspan: '3', rowspan: '3' });
  });

  it('escapes text from the report', () => {
    const evil = { ...report, agency: '<script>alert(1)</script>', title: null, sections: [{ key: 'overview' as const, heading: '一、总体情况', text: 'a < b & "c"' }] };
    const out = renderReportHtml(evil);
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;');
    expect(out).toContain('<p>a &lt; b &amp; &quot;c&quot;</p>');
  });
});

describe('renderReportBody', () => {
  it('is a fragment with report-table tables and flag classes on marked cells (announced to screen readers)', () => {
    const report = generateReport({ seed: 2, format: '2019' });
    const body = renderReportBody(report, { table3: new Map([[cellKey('total', 6), 'error'], [cellKey('granted', 0), 'warning']]) }, { idPrefix: 'cmp-' });
    expect(body).not.toContain('<html');
    expect(body.match(/<table class="report-table"/g)).toHaveLength(3);
    const doc = parseDocument(body) as unknown as Node;
    const td = (cell: string) => elements(doc, 'td').find((e) => e.attribs['data-cell'] === cell)!;
    expect(td('total:6').attribs.class).toBe('flag-error');
    expect(text(td('total:6'))).toContain('（有错误）');
    expect(td('granted:0').attribs.class).toBe('flag-warning');
    expect(td('granted:1').attribs.class).toBeUndefined();
    expect(elements(doc, 'th').every((th) => th.attribs.id!.startsWith('cmp-t'))).toBe(true);
    expect(body).toContain('第二十条第（九）项');
  });
});

describe('reportMarksFromFindings', () => {
  it('marks the cells the findings point at, table by table', () => {
    const report = generateReport({ seed: 4, format: '2021' });
    const marks = reportMarksFromFindings(report, [
      finding('T4-SUM', 'error', { table: 'table4', row: 'cases', column: 4 }),
      finding('T2-UNIT', 'warning', { table: 'table2', row: 'feesWan', column: 0 }),
    ]);
    expect([...marks.table4!.entries()]).toEqual([['cases:4', 'error']]);
    expect([...marks.table2!.entries()]).toEqual([['feesWan:0', 'warning']]);
    expect(marks.table3!.size).toBe(0);
    const doc = parseDocument(renderReportBody(report, marks)) as unknown as Node;
    expect(elements(doc, 'td').filter((td) => td.attribs.class).map((td) => `${td.attribs['data-cell']} ${td.attribs.class}`)).toEqual(['feesWan:0 flag-warning', 'cases:4 flag-error']);
  });
});
