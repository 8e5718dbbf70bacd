import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../../core/report/generate.js';
import { reportOutline } from '../../core/report/render/index.js';
import { specs } from '../../core/report/spec/index.js';
import type { FormatId } from '../../core/report/spec/index.js';
import type { TableView } from '../../core/report/view.js';
import { renderReportDocx } from './docx.js';

interface ReadCell { text: string; colspan: number; rowspan: number }

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join('');

/** Rebuilds each <w:tbl> of document.xml as rows of cells with their spans (gridSpan, vMerge). */
function readTables(xml: string): ReadCell[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, tbl]) => {
    const grid = [...tbl!.matchAll(/<w:tr(?: [^>]*)?>([\s\S]*?)<\/w:tr>/g)].map(([, tr]) => {
      let col = 0;
      return [...tr!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, tc]) => {
        const colspan = Number(/<w:gridSpan w:val="(\d+)"/.exec(tc!)?.[1] ?? 1);
        const vm = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(tc!);
        const cell = { text: textOf(tc!), colspan, col, merge: vm ? (vm[1] ?? 'continue') : 'none' };
        col += colspan;
        return cell;
      });
    });
    return grid.map((row, r) =>
      row.filter((c) => c.merge !== 'continue').map((c) => {
        let rowspan = 1;
        if (c.merge === 'restart') {
          while (grid[r + rowspan]?.some((below) => below.col === c.col && below.merge === 'continue')) rowspan++;
        }
        return { text: c.text, colspan: c.colspan, rowspan };
      }),
    );
  });
}

const viewRows = (view: TableView): ReadCell[][] =>
  [...view.head, ...view.bodies.flat()].map((r) => r.cells.map((c) => ({ text: c.text, colspan: c.colspan, rowspan: c.rowspan })));

async function open(format: FormatId, seed: number) {
  const report = generateReport({ seed, format, scale: 60 });
  const files = unzipSync(await renderReportDocx(report));
  return { report, files, xml: strFromU8(files['word/document.xml']!) };
}

describe('renderReportDocx', () => {
  it.each(['2021', '2019'] as const)('%s: the tables have the merged cells, texts and values of their TableViews', async (format) => {
    const { report, xml } = await open(format, 21);
    const views = reportOutline(report).blocks.flatMap((b) => (b.kind === 'table' ? [b.view] : []));
    const tables = readTables(xml);
    expect(tables).toHaveLength(3);
    tables.forEach((table, i) => expect(table).toEqual(viewRows(views[i]!)));
    expect(xml).toContain('<w:gridSpan w:val="7"/>');
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
  });

  it('is an A4 page with the GB/T 9704 margins (37/35/28/26 mm) and "— page —" numbers in the footer', async () => {
    const { files, xml } = await open('2021', 2);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)![1]!;
    expect(margin).toContain('w:top="2098"');
    expect(margin).toContain('w:bottom="1984"');
    expect(margin).toContain('w:left="1587"');
    expect(margin).toContain('w:right="1474"');
    const footer = strFromU8(files['word/footer1.xml']!);
    expect(footer).toMatch(/PAGE/);
    expect(textOf(footer)).toMatch(/^— .*—$/);
    expect(footer).toContain('<w:jc w:val="center"/>');
  });

  it('sets the official fonts for Chinese text: 小标宋 title 二号, 黑体 headings 三号, 仿宋_GB2312 body 三号, fixed 28 pt lines', async () => {
    const { report, xml } = await open('2021', 3);
    const paragraphs = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]!);
    const find = (text: string) => paragraphs.find((p) => textOf(p) === text)!;
    const title = find(report.agency!);
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:jc w:val="center"/>');
    const heading = find('一、总体情况');
    expect(heading).toContain('w:eastAsia="黑体"');
    expect(heading).toContain('<w:sz w:val="32"/>');
    const body = find(report.sections[0]!.text);
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('<w:sz w:val="32"/>');
    expect(body).toMatch(/<w:ind [^>]*w:firstLine="640"/);
    expect(body).toMatch(/<w:spacing [^>]*w:line="560" w:lineRule="exact"/);
    expect(xml).toContain('w:eastAsia="宋体"');
  });

  it('repeats the header rows of tables 三 and 四 on every page and shades header cells', async () => {
    const { xml } = await open('2021', 4);
    const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]!);
    const headerRows = (t: string) => [...t.matchAll(/<w:tr(?: [^>]*)?>([\s\S]*?)<\/w:tr>/g)].filter((m) => m[1]!.includes('<w:tblHeader/>')).length;
    expect(tables.map(headerRows)).toEqual([0, 3, 3]);
    expect(tables[1]).toMatch(/<w:shd [^>]*w:fill="E7E6E6"/);
    expect(tables[1]).toMatch(/<w:top w:val="single"/);
  });

  it('contains every label of the spec', async () => {
    const { xml } = await open('2019', 5);
    const text = textOf(xml);
    for (const table of Object.values(specs['2019'].tables)) {
      for (const r of table.rows) expect(text).toContain(r.label);
    }
  });
});
