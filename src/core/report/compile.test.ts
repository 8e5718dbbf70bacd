import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../findings.js';
import { applicantKinds, type ApplicantKind } from '../requests/request.js';
import { outcomeKeys, type OutcomeKey } from '../requests/outcomes.js';
import { appealKinds, appealResults } from '../requests/records.js';
import { compileReport, emptyFacts, type AppealFacts, type KindCounts, type ReportFacts } from './compile.js';
import { requestFigures, appealFigures } from './narrative.js';
import { formatIds, specFor, specs } from './spec/index.js';
import { validateReport } from './validate.js';

const kindIndex = (k: ApplicantKind) => applicantKinds.indexOf(k);

/** Per applicant kind: carried over, outcomes, carried forward; 新收 derived so that 一+二 = 七+四 holds. */
const factsArb: fc.Arbitrary<ReportFacts> = fc
  .record({
    over: fc.array(fc.nat(20), { minLength: 6, maxLength: 6 }),
    forward: fc.array(fc.nat(20), { minLength: 6, maxLength: 6 }),
    outcomes: fc.array(fc.array(fc.nat(9), { minLength: 6, maxLength: 6 }), { minLength: outcomeKeys.length, maxLength: outcomeKeys.length }),
    appeals: fc.array(fc.nat(5), { minLength: 12, maxLength: 12 }),
    year: fc.integer({ min: 2019, max: 2030 }),
  })
  .map(({ over, forward, outcomes, appeals, year }) => {
    const byKind = (values: readonly number[]): KindCounts => Object.fromEntries(applicantKinds.map((k, i) => [k, values[i]!]));
    const answered = applicantKinds.map((_, i) => outcomes.reduce((s, o) => s + o[i]!, 0));
    // 新收 = 七 + 四 − 二, kept ≥ 0 by lowering 二 where needed
    const carriedOver = applicantKinds.map((_, i) => Math.min(over[i]!, answered[i]! + forward[i]!));
    const newReceived = applicantKinds.map((_, i) => answered[i]! + forward[i]! - carriedOver[i]!);
    const appealFacts: AppealFacts = Object.fromEntries(appealKinds.map((k, g) => [k, Object.fromEntries(appealResults.map((r, j) => [r, appeals[g * 4 + j]!]))]));
    return {
      agency: '某区测试局',
      year,
      requests: {
        newReceived: byKind(newReceived),
        carriedOver: byKind(carriedOver),
        carriedForward: byKind(forward),
        outcomes: Object.fromEntries(outcomeKeys.map((k, i) => [k, byKind(outcomes[i]!)])) as Record<OutcomeKey, KindCounts>,
      },
      appeals: appealFacts,
    };
  });

describe('compileReport', () => {
  it.each(formatIds)('places every row and column of the %s format (an empty year compiles to zeros without findings)', (format) => {
    const spec = specFor(format);
    const report = compileReport(spec, emptyFacts('重庆市梁平区政务服务管理办公室', 2024));
    for (const row of spec.tables.table3.rows) expect(report.tables.table3[row.key], row.key).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(report.tables.table4.cases).toEqual(Array(15).fill(0));
    for (const row of spec.tables.table2.rows) expect(report.tables.table2[row.key]!.every((c) => c === 0), row.key).toBe(true);
    expect(report.title).toBe('重庆市梁平区政务服务管理办公室2024年政府信息公开工作年度报告');
    expect(report.period).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(report.sections.map((s) => s.key)).toEqual(spec.sections.map((s) => s.key));
    const findings = validateReport({ ...report, year: format === '2019' ? 2019 : 2024 });
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('puts each count in its cell: applicant kind columns, 总计 column, （七）总计 row', () => {
    const facts: ReportFacts = {
      ...emptyFacts('某局', 2025),
      requests: {
        newReceived: { naturalPerson: 5, commercial: 2, legalService: 1 },
        carriedOver: { naturalPerson: 1 },
        carriedForward: { commercial: 1 },
        outcomes: { granted: { naturalPerson: 3 }, partial: { commercial: 1 }, other_noFee: { naturalPerson: 2 }, unable_notHeld: { naturalPerson: 1, legalService: 1 } },
      },
    };
    const t3 = compileReport(specs['2021'], facts).tables.table3;
    expect(t3.newReceived).toEqual([5, 2, 0, 0, 1, 0, 8]);
    expect(t3.carriedOver).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(t3.granted).toEqual([3, 0, 0, 0, 0, 0, 3]);
    expect(t3.partial).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(t3.other_noFee).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(t3.unable_notHeld).toEqual([1, 0, 0, 0, 1, 0, 2]);
    expect(t3.total).toEqual([6, 1, 0, 0, 1, 0, 8]);
    expect(t3.carriedForward).toEqual([0, 1, 0, 0, 0, 0, 1]);
  });

  it('maps the three （六） outcomes onto the single （六）其他处理 row of the 2019 format', () => {
    const facts: ReportFacts = {
      ...emptyFacts('某局', 2020),
      requests: {
        newReceived: { nonprofit: 6 }, carriedOver: {}, carriedForward: {},
        outcomes: { other_noSupplement: { nonprofit: 1 }, other_noFee: { nonprofit: 2 }, other_other: { nonprofit: 3 } },
      },
    };
    const report = compileReport(specs['2019'], facts);
    expect(report.tables.table3.other).toEqual([0, 0, 0, 6, 0, 0, 6]);
    expect(report.tables.table3.total).toEqual([0, 0, 0, 6, 0, 0, 6]);
    expect(report.tables.table3.other_other).toBeUndefined();
    expect(hasErrors(validateReport(report))).toBe(false);
  });

  it('fills table 四 by kind and result with the group totals', () => {
    const facts: ReportFacts = { ...emptyFacts('某局', 2025), appeals: { review: { upheld: 2, pending: 1 }, suitAfterReview: { corrected: 4 } } };
    expect(compileReport(specs['2021'], facts).tables.table4.cases).toEqual([2, 0, 0, 1, 3, 0, 0, 0, 0, 0, 0, 4, 0, 0, 4]);
  });

  it('takes table 二 from the registers when given, zeros otherwise', () => {
    const facts: ReportFacts = { ...emptyFacts('某局', 2025), table2: { normativeDocs: [3, 1, 12], feesWan: [1.25] } };
    const t2 = compileReport(specs['2021'], facts).tables.table2;
    expect(t2.normativeDocs).toEqual([3, 1, 12]);
    expect(t2.feesWan).toEqual([1.25]);
    expect(t2.regulations).toEqual([0, 0, 0]);
    expect(() => compileReport(specs['2021'], { ...facts, table2: { procurement: [1, 2] } })).toThrow(/procurement/);
    expect(() => compileReport(specs['2021'], { ...facts, table2: { licensing: [1, 2] } })).toThrow(/licensing/);
  });

  it('refuses counts that are not counts (a bug in the loader, not a finding)', () => {
    const bad = { ...emptyFacts('某局', 2025), requests: { ...emptyFacts('某局', 2025).requests, newReceived: { naturalPerson: -1 } } };
    expect(() => compileReport(specs['2021'], bad)).toThrow(/not a count/);
    expect(() => compileReport(specs['2021'], { ...emptyFacts('某局', 2025), appeals: { review: { upheld: 1.5 } } })).toThrow(/not a count/);
  });

  it('consistent facts give a report that passes every rule, with prose figures equal to the tables (property)', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const spec = specFor(facts.year <= 2020 ? '2019' : '2021');
        const report = compileReport(spec, facts);
        const findings = validateReport(report);
        expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
        const f = requestFigures(report);
        const sum = (c: KindCounts | undefined) => applicantKinds.reduce((s, k) => s + (c?.[k] ?? 0), 0);
        expect(f.newReceived).toBe(sum(facts.requests.newReceived));
        expect(f.answered).toBe(outcomeKeys.reduce((s, k) => s + sum(facts.requests.outcomes[k]), 0));
        expect(report.sections.find((s) => s.key === 'requests')!.text).toContain(`本年新收政府信息公开申请${f.newReceived}件`);
        expect(report.sections.find((s) => s.key === 'appeals')!.text).toContain(`行政复议${appealFigures(report).review.total}件`);
        for (const k of applicantKinds) expect(report.tables.table3.carriedForward![kindIndex(k)]).toBe(facts.requests.carriedForward[k] ?? 0);
      }),
      { numRuns: 200 },
    );
  });
});
