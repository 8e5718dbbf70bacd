import { describe, expect, it } from 'vitest';
import { formatFinding } from '../messages.zh-CN.js';
import { specs } from './spec/index.js';
import type { ReportValues } from './values.js';
import { emptyReport } from './values.js';
import { checkSimilarity, jaccard, normalizeForSimilarity, shingles, textSimilarity } from './similarity.js';

const lastYear = '2023年，本局坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》，'
  + '围绕中心工作，不断加大主动公开力度，规范依申请公开办理，全年主动公开政府信息1234条，公开规范性文件12件，'
  + '及时更新政府信息公开指南和目录，强化政府网站和政务新媒体管理，做好政策解读和回应关切，切实保障人民群众的知情权、参与权和监督权。';
/** Last year's text with the year and figures changed: still 内容雷同. */
const copied = lastYear.replace('2023', '2024').replace('1234', '1567').replace('12件', '15件');
const rewritten = '2024年，本局聚焦优化营商环境，推动惠企政策集中发布，建成政策文件库并提供智能检索服务；'
  + '围绕重点领域建设项目、公共资源配置和社会公益事业，分类梳理公开事项标准目录，组织基层工作人员专题培训两次，'
  + '开展政务新媒体季度检查，对发现的错链断链问题当月整改到位，同时邀请企业代表座谈，收集意见建议并逐条答复。';

function report(overview: string, problems = ''): ReportValues {
  const base = emptyReport(specs['2021'], { year: 2024 });
  return { ...base, sections: base.sections.map((s) => (s.key === 'overview' ? { ...s, text: overview } : s.key === 'problems' ? { ...s, text: problems } : s)) };
}

describe('similarity measure', () => {
  it('normalises away punctuation, spaces and the figures', () => {
    expect(normalizeForSimilarity('2023年，收到 12件（占3.5%）。')).toBe('0年收到0件占0');
  });

  it('Jaccard index of character shingles', () => {
    expect([...shingles('abcd', 3)]).toEqual(['abc', 'bcd']);
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
    expect(textSimilarity(lastYear, lastYear)).toBe(1);
  });

  it('a copy with new year and figures is near 1; an independent text is far below the threshold', () => {
    expect(textSimilarity(lastYear, copied)).toBe(1);
    expect(textSimilarity(lastYear, rewritten)).toBeLessThan(0.2);
    const edited = copied.replace('做好政策解读和回应关切，', '');
    expect(textSimilarity(lastYear, edited)).toBeGreaterThan(0.8);
  });
});

describe('checkSimilarity', () => {
  it('SIMILARITY when a section is nearly the same as last year\'s', () => {
    const findings = checkSimilarity(report(copied), [{ name: '2023年度报告', report: report(lastYear) }]);
    expect(findings).toEqual([expect.objectContaining({ code: 'SIMILARITY', severity: 'warning', at: { section: 'overview' } })]);
    expect(formatFinding(findings[0]!)).toBe('“一、总体情况”部分与2023年度报告的相似度为 100%，疑似内容雷同');
  });

  it('no finding for a rewritten section, nor for short boilerplate sections that are alike by nature', () => {
    expect(checkSimilarity(report(rewritten), [{ name: '上年', report: report(lastYear) }])).toEqual([]);
    const boiler = '本年度未发现需要报告的其他事项。';
    expect(checkSimilarity(report(rewritten, boiler), [{ name: '上年', report: report(lastYear, boiler) }])).toEqual([]);
  });

  it('the threshold, minimum length and compared sections are options', () => {
    const others = [{ name: '某区文旅局', report: report(lastYear) }];
    const edited = copied.slice(0, 120) + rewritten.slice(60);
    const similarity = textSimilarity(lastYear, edited);
    expect(checkSimilarity(report(edited), others, { threshold: similarity + 0.01 })).toEqual([]);
    expect(checkSimilarity(report(edited), others, { threshold: similarity - 0.01 })).toHaveLength(1);
    expect(checkSimilarity(report(copied), others, { minLength: 10_000 })).toEqual([]);
    expect(checkSimilarity(report(copied), others, { sections: ['problems'] })).toEqual([]);
  });

  it('recognises the sections by their headings when the reader did not key them', () => {
    const unkeyed = (r: ReportValues) => ({ ...r, sections: r.sections.map((x) => ({ ...x, key: null })) });
    const findings = checkSimilarity(unkeyed(report(copied)), [{ name: '上年', report: unkeyed(report(lastYear)) }]);
    expect(findings.map((f) => f.at.section)).toEqual(['overview']);
  });

  it('compares with every other report given, one finding per match', () => {
    const findings = checkSimilarity(report(copied), [
      { name: '甲', report: report(lastYear) }, { name: '乙', report: report(rewritten) }, { name: '丙', report: report(copied) },
    ]);
    expect(findings.map((f) => f.params.other)).toEqual(['甲', '丙']);
  });
});
