import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FormatId } from './spec/index.js';
import { specs } from './spec/index.js';
import type { ReportJson, TablesJson } from './json.js';
import { reportFromJson, tablesFromJson } from './json.js';
import type { ReportSection, ReportValues } from './values.js';
import { emptyReport } from './values.js';
import { generateReport } from './generate.js';
import { describeAppeals, describeRequests } from './narrative.js';
import { checkNarrative, figureSentences, MAX_SENTENCE, normalizeProse } from './narrative-check.js';
import { formatFinding } from '../messages.zh-CN.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../test/fixtures/validate/${name}`, import.meta.url), 'utf8'));
const shanghai = reportFromJson(fixture('shanghai-office-2019.json') as ReportJson);

interface CorpusProse { name: string; format: FormatId; year: number; tables: TablesJson & { table3: Record<string, unknown> }; prose: string[] }
const corpus = (fixture('corpus-prose.json') as { reports: CorpusProse[] }).reports;

/** Truth files keep a 2019 single （六）其他处理 row under other_other; the 2019 spec calls it other. */
function corpusTables(format: FormatId, tables: CorpusProse['tables']): ReportValues['tables'] {
  const rows = { ...((tables.table3 as { rows?: Record<string, unknown> }).rows ?? tables.table3) } as Record<string, unknown>;
  if (format === '2019' && !('other' in rows)) rows.other = rows.other_other;
  return tablesFromJson(format, { ...tables, table3: rows as TablesJson['table3'] });
}

function withProse(report: ReportValues, text: string, key: ReportSection['key'] = 'overview'): ReportValues {
  return { ...report, sections: [{ key, heading: '', text }] };
}

const kewei = corpus.find((c) => c.name === 'shanghai-kewei-2024')!;
const keweiReport = { ...emptyReport(specs['2021'], { year: 2024 }), tables: corpusTables('2021', kewei.tables) };

describe('TXT-T3 on the Shanghai 2019 office report (rules.md §6.2)', () => {
  const findings = checkNarrative(shanghai);

  it('flags exactly the published mismatches: 258 and 265 are single cells, the percentages are off', () => {
    expect(findings.map((f) => [f.params.what, f.params.stated, f.params.expected])).toEqual([
      ['予以公开和部分公开件数', 258, 275],
      ['予以公开和部分公开占比', '33.9%', '34.16%'],
      ['不予公开占比', '4.34%', '4.35%'],
      ['无法提供件数', 265, 337],
      ['无法提供占比', '32.9%', '41.86%'],
    ]);
  });

  it('findings are warnings pointing at the section, with the quote and a Chinese message', () => {
    expect(findings.every((f) => f.code === 'TXT-T3' && f.severity === 'warning' && f.at.section === 'overview')).toBe(true);
    expect(formatFinding(findings[0]!)).toBe('正文“予以公开及部分公开258件，占33.9%”中的予以公开和部分公开件数为 258，与表格数据 275 不符');
  });

  it('the corrected text has no finding', () => {
    const text = String(shanghai.sections[0]!.text)
      .replace('予以公开及部分公开258件，占33.9%', '予以公开及部分公开275件，占34.16%')
      .replace('占4.34%', '占4.35%').replace('无法提供265件，占32.9%', '无法提供337件，占41.86%');
    expect(checkNarrative(withProse(shanghai, text))).toEqual([]);
  });
});

describe('TXT-T3 raises no false alarm on real report prose (../shared corpus and seed excerpts, shipped as a fixture)', () => {
  for (const c of corpus) {
    it(`${c.name}: every excerpt agrees with the verified tables`, () => {
      const report = { ...emptyReport(specs[c.format], { year: c.year }), tables: corpusTables(c.format, c.tables) };
      for (const key of ['overview', 'requests', 'appeals', null] as const) {
        expect(checkNarrative({ ...report, sections: c.prose.map((text) => ({ key, heading: '', text })) })).toEqual([]);
      }
    });
  }

  it('the excerpts are read, not skipped: against empty tables their figures are reported', () => {
    const zero = emptyReport(specs['2021'], { year: 2024 });
    const whats = checkNarrative({ ...zero, sections: kewei.prose.map((text) => ({ key: null, heading: '', text })) }).map((f) => f.params.what);
    expect(whats).toEqual(['收到申请件数', '上年结转件数', '予以公开件数', '不予公开件数', '无法提供件数', '其他处理件数', '结转下年度件数']);
    const pingtan = corpus.find((c) => c.name === 'pingtan-2022')!;
    const found = checkNarrative({ ...zero, year: 2022, sections: pingtan.prose.map((text) => ({ key: null, heading: '', text })) });
    expect(found.map((f) => [f.params.what, f.params.stated])).toEqual([['收到申请件数', 75], ['行政诉讼件数', 1], ['行政复议件数', 2]]);
  });

  it('pingtan-2022: "收到申请75件" counts 上年结转 (74 + 1) and is accepted; 76 is not', () => {
    const pingtan = corpus.find((c) => c.name === 'pingtan-2022')!;
    const report = { ...emptyReport(specs['2021'], { year: 2022 }), tables: corpusTables('2021', pingtan.tables) };
    expect(checkNarrative(withProse(report, '2022年，全区收到政府信息公开申请75件。'))).toEqual([]);
    expect(checkNarrative(withProse(report, '2022年，全区收到政府信息公开申请76件。'))).toHaveLength(1);
  });
});

describe('TXT-T3 is conservative', () => {
  const wrong = (text: string, key: ReportSection['key'] = 'overview') => checkNarrative(withProse(keweiReport, text, key));

  it('reads spaced and line-broken figures (PDF/Markdown text) and full-width digits', () => {
    expect(normalizeProse('收到 政府信息公开申请 ３４\n件，占 ３４．１６％；1,234件')).toBe('收到政府信息公开申请34件，占34.16%；1234件');
    expect(wrong('全年收到政府信息公开\n申请 35 件')).toHaveLength(1);
  });

  it('reads only sentences with 件 or %, and not table dumps run together into one long "sentence"', () => {
    expect(figureSentences('一、总体情况。收到申请3件，办结率100%！无数字。结转1件')).toEqual(['收到申请3件，办结率100%', '结转1件']);
    const dump = `本年制发件数${'0'.repeat(MAX_SENTENCE)}收到政府信息公开申请99件`;
    expect(figureSentences(dump)).toEqual([]);
    expect(wrong(dump)).toEqual([]);
  });

  it('skips comparisons with other years, cumulative figures and other bodies', () => {
    for (const text of [
      '全年收到政府信息公开申请50件，同比增长20%。',
      '全年收到政府信息公开申请50件，较上年增加16件。',
      '2023年收到政府信息公开申请50件。',
      '《条例》施行以来累计收到政府信息公开申请500件。',
      '区政府办代表区政府收到政府信息公开申请17件。',
      '市本级收到政府信息公开申请12件。',
    ]) expect(wrong(text), text).toEqual([]);
  });

  it('skips figures that are not about disclosure requests', () => {
    for (const text of [
      '全年通过“民呼我为”处理解决民生诉求7853件,办结7852件,办结率99.99%。',
      '受理行政许可申请500件，办结480件。',
      '收到群众诉求348件，现场解决162件。',
      '共收到人大代表建议50件、政协提案85件。',
      '不予公开、无法提供共40件。',
      '本年度行政复议案件120件，均依法办结。',
    ]) expect(wrong(text), text).toEqual([]);
  });

  it('does not read sections 二, 五 and 六', () => {
    for (const key of ['proactive', 'problems', 'other'] as const) expect(wrong('全年收到政府信息公开申请99件。', key)).toEqual([]);
    expect(wrong('全年收到政府信息公开申请99件。', 'requests')).toHaveLength(1);
  });

  it('accepts a percentage right at its own precision, for the usual denominators', () => {
    // kewei: 予以公开 9 of （七）总计 35 = 25.71%; of 新收 34 = 26.47%.
    expect(wrong('予以公开9件，占25.7%。')).toEqual([]);
    expect(wrong('予以公开9件，占比为25.71%。')).toEqual([]);
    expect(wrong('予以公开9件，占26.47%。')).toEqual([]);
    expect(wrong('予以公开9件，占25.6%。').map((f) => f.params.expected)).toEqual(['25.71%']);
    expect(wrong('予以公开和部分公开占比为25.72%。').map((f) => f.params.stated)).toEqual(['25.72%']);
  });

  it('appeal figures are checked against table 四 in sentences about disclosure', () => {
    expect(wrong('因政府信息公开被申请行政复议1件，被提起行政诉讼0件。')).toEqual([]);
    expect(wrong('因政府信息公开被申请行政复议2件，被提起行政诉讼1件。').map((f) => f.params.what)).toEqual(['行政复议件数', '行政诉讼件数']);
  });
});

describe('TXT-T3 and the generated figures sentences', () => {
  const text = (r: ReportValues) => `${describeRequests(r)}${describeAppeals(r)}`;

  it('property: the sentences gongkai writes always agree with the tables', () => {
    fc.assert(fc.property(fc.integer(), fc.constantFrom<FormatId>('2021', '2019'), fc.constantFrom(0, 3, 60, 400), (seed, format, scale) => {
      const r = generateReport({ seed, format, scale });
      expect(checkNarrative(withProse(r, text(r), 'requests'))).toEqual([]);
    }), { numRuns: 200 });
  });

  it('property: a quoted table figure that changes makes the sentence disagree', () => {
    const quoted = ['newReceived', 'carriedOver', 'granted', 'partial', 'denied_thirdParty', 'unable_notHeld', 'rejected_repeat', 'total', 'carriedForward'];
    fc.assert(fc.property(fc.integer(), fc.constantFrom(...quoted), fc.integer({ min: 1, max: 30 }), (seed, row, delta) => {
      const r = generateReport({ seed, format: '2021', scale: 60 });
      const cells = [...r.tables.table3[row]!];
      cells[6] = (cells[6] as number) + delta;
      const changed = { ...r, tables: { ...r.tables, table3: { ...r.tables.table3, [row]: cells } } };
      const findings = checkNarrative(withProse(changed, text(r), 'requests'));
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.every((f) => f.code === 'TXT-T3')).toBe(true);
    }), { numRuns: 200 });
  });
});
