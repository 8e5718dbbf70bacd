import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../generate.js';
import { renderReport } from '../render/index.js';
import { parseDocModel, parseReportHtml, parseReportMarkdown, parseReportText } from './index.js';
import { readTitle } from './meta.js';

/** A generated report as a crawler dumps it: every line of the text rendering run together. */
const crawlerDump = (text: string) => text.split('\n').map((l) => l.replace(/\s*\|[\s|]*$/, '')).join('');
const codes = (r: { findings: readonly { code: string }[] }) => r.findings.map((f) => f.code);

const base = generateReport({ seed: 11, format: '2021', scale: 60 });
const crawler = crawlerDump(renderReport(base, 'txt'));

describe('assembling a report from a document', () => {
  it('property: crawler dumps give each run-together row its true cells, or say it is ambiguous', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(0, 3, 10, 60, 400), fc.constantFrom('2021' as const, '2019' as const), (seed, scale, format) => {
      const report = generateReport({ seed, scale, format });
      const result = parseReportText(crawlerDump(renderReport(report, 'txt')));
      const back = result.report!;
      expect(back.format).toBe(format);
      for (const id of ['table2', 'table3', 'table4'] as const) {
        for (const [key, row] of Object.entries(report.tables[id])) {
          const got = back.tables[id][key];
          const flagged = result.findings.some((f) => f.at.table === id && (f.at.row === key || id === 'table4') && f.code === 'PARSE-AMBIGUOUS');
          got?.forEach((v, i) => {
            if (v !== null) expect(v, `${id}.${key}[${i}]`).toBe(row![i]);
            else expect(flagged || row![i] === null, `${id}.${key}[${i}] blank without a finding`).toBe(true);
          });
        }
      }
    }), { numRuns: 60 });
  });

  it('gives a row whose label is garbled beyond recognition the numbers between its neighbours', () => {
    const garbled = crawler.replace('2.其他法律行政法规禁止公开', '2.其它法規行政止公開');
    expect(garbled).not.toBe(crawler);
    const result = parseReportText(garbled);
    expect(result.report!.tables.table3.denied_lawForbidden).toEqual(base.tables.table3.denied_lawForbidden);
    expect(result.findings.find((f) => f.code === 'PARSE-INFERRED')?.at).toEqual({ table: 'table3', row: 'denied_lawForbidden' });
  });

  it('reports a subtotal row that is not in the format and keeps the rows around it', () => {
    const withSubtotal = crawler.replace(/[（(]四[)）]无法提供/, '合计0000000$&');
    expect(withSubtotal).not.toBe(crawler);
    const result = parseReportText(withSubtotal);
    expect(result.findings).toContainEqual(expect.objectContaining({ code: 'PARSE-EXTRA-ROW', params: expect.objectContaining({ text: '合计' }) }));
    expect(result.report!.tables.table3).toEqual(parseReportText(crawler).report!.tables.table3);
  });

  it('reads （六）其他处理 printed as one row of a 2021 report as 3.其他, and says so', () => {
    const text = renderReport(base, 'txt').replace(/1\.申请人无正当理由[\s\S]*?3\.其他 \|\n/, '');
    const result = parseReportText(text);
    expect(result.report!.tables.table3.other_noSupplement).toBeNull();
    expect(result.report!.tables.table3.other_noFee).toBeNull();
    expect(codes(result)).toContain('PARSE-MERGED-ROW');
  });

  it('detects the 2019 format from table 二 and guesses by year when the document gives no sign', () => {
    const older = generateReport({ seed: 3, format: '2019', year: 2020 });
    expect(parseReportText(renderReport(older, 'txt')).report!.format).toBe('2019');
    const bare = '某县2020年政府信息公开工作年度报告\n一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n（一）予以公开 0 0 0 0 0 0 0';
    const guessed = parseReportText(bare);
    expect(guessed.report!.format).toBe('2019');
    expect(codes(guessed)).toContain('PARSE-FORMAT-GUESSED');
    expect(codes(guessed)).toContain('PARSE-ROW-MISSING');
  });

  it('keeps table captions and table 三\'s corner note out of the section texts, not the prose that names a table', () => {
    const report = generateReport({ seed: 4, format: '2021', scale: 10 });
    const prose = { ...report, sections: report.sections.map((s) => (s.key === 'requests' ? { ...s, text: '表三显示，本年新收申请较上年增加。' } : s)) };
    const html = renderReport(prose, 'html');
    expect(html).toContain('<caption id="t3-caption">表三\u3000收到和处理政府信息公开申请情况</caption>');
    const md = renderReport(prose, 'md');
    expect(md).toContain('| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） |');
    for (const back of [parseReportHtml(html).report!, parseReportMarkdown(md).report!]) {
      expect(back.sections.map((s) => s.text)).toEqual(prose.sections.map((s) => s.text));
    }
    // a caption or note on its own line in a text dump, too
    const text = renderReport(prose, 'txt').replace('三、收到和处理政府信息公开申请情况\n', '三、收到和处理政府信息公开申请情况\n表三 收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)\n');
    expect(parseReportText(text).report!.sections.find((s) => s.key === 'requests')!.text).toBe('表三显示，本年新收申请较上年增加。');
  });

  it('never throws, and reports what it cannot read', () => {
    expect(codes(parseReportText(''))).toEqual(['PARSE-EMPTY']);
    const prose = parseReportText('这是一段与年度报告无关的文字。2024年1月1日。');
    expect(prose.report).toBeNull();
    expect(codes(prose)).toContain('PARSE-NO-TABLE');
    const odd = parseDocModel({ source: 'html', blocks: [{ kind: 'table', rows: [[], [{ text: '一、本年新收'.repeat(500), colspan: 1e9, rowspan: -1 }]] }] });
    expect(odd.report).toBeNull();
  });
});

describe(readTitle.name, () => {
  it.each([
    ['重庆市梁平区政务服务管理办公室2024年政府信息公开工作年度报告', '重庆市梁平区政务服务管理办公室', 2024],
    ['平潭综合实验区2022年度政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区党工委管委会', '平潭综合实验区', 2022],
    ['2024 年上海市科委政府信息公开工作年度报告', '上海市科委', 2024],
    ['标题: 某市生态环境局关于2023年政府信息公开工作年度报告', '某市生态环境局', 2023],
    ['某县人民政府政府信息公开工作2021年度报告', '某县人民政府', 2021],
    ['某镇2022年政务公开工作年度报告', '某镇', 2022],
  ])('%s → %s, %i', (title, agency, year) => {
    expect(readTitle(title)).toMatchObject({ agency, year });
  });

  it('is null for text that is not a title', () => {
    expect(readTitle('政府信息公开年报')).toBeNull();
  });
});

describe('documents in traditional characters (a page\'s 繁體版)', () => {
  it('read like the simplified ones', () => {
    const map: Record<string, string> = { 开: '開', 请: '請', 数: '數', 结: '結', 转: '轉', 处: '處', 这: '這', 规: '規', 国: '國', 关: '關', 护: '護', 权: '權', 类: '類', 务: '務', 过: '過', 执: '執', 无: '無', 现: '現', 补: '補', 访: '訪', 举: '舉', 报: '報', 诉: '訴', 复: '復', 审: '審', 总: '總', 计: '計', 维: '維', 纠: '糾', 议: '議', 讼: '訟', 业: '業', 构: '構', 会: '會', 组: '組', 织: '織', 条: '條', 项: '項', 许: '許', 废: '廢', 费: '費', 况: '況' };
    const text = renderReport(base, 'txt').replace(/./g, (c) => map[c] ?? c);
    expect(text).toContain('政府信息公開');
    const back = parseReportText(text).report!;
    expect(back.tables).toEqual(base.tables);
    expect(back.agency).toBe(base.agency);
    expect(back.year).toBe(base.year);
    expect(back.sections.map((s) => s.key)).toEqual(['overview', 'proactive', 'requests', 'appeals', 'problems', 'other']);
  });
});
