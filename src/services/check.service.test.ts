import { describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors.js';
import { finding } from '../core/findings.js';
import { describeFindingLocation } from '../core/report/check-labels.js';
import { generateReport } from '../core/report/generate.js';
import { reportToJson } from '../core/report/json.js';
import { renderReport } from '../core/report/render/index.js';
import { assertReadableFileType, assertUploadSize, checkReportFile, orderFindings, readPreviousReport, reportFileName } from './check.service.js';
import { readReportJson } from './report-json.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (err) {
    return isAppError(err) ? err.code : String(err);
  }
};

describe('check service', () => {
  it('checks a file: values read, validation findings, errors first', async () => {
    const report = generateReport({ seed: 11, format: '2021', scale: 60 });
    const broken = { ...report, tables: { ...report.tables, table4: { cases: [1, 0, 0, 0, 9, ...new Array(10).fill(0)] } } };
    const result = await checkReportFile({ bytes: new TextEncoder().encode(renderReport(broken, 'txt')), filename: 'r.txt' });
    expect([result.format, result.year, result.agency, result.source, result.hasErrors]).toEqual(['2021', report.year, report.agency, 'text', true]);
    expect(result.findings[0]).toMatchObject({ code: 'T4-SUM', severity: 'error', at: { table: 'table4', column: 4 } });
    const ranks = result.findings.map((f) => ['error', 'warning', 'info'].indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('never throws on content: nothing readable is a result without a report', async () => {
    const result = await checkReportFile({ bytes: new Uint8Array([0, 1, 2, 3, 255, 254]), filename: 'x.txt' });
    expect(result.report).toBeNull();
    expect(result.hasErrors).toBe(true);
    await expect(readPreviousReport({ bytes: new Uint8Array(0), filename: '2023.txt' })).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
  });

  it('drops repeated findings and keeps the order within a severity', () => {
    const a = finding('T3-INT', 'error', { table: 'table3', row: 'granted', column: 1 }, { value: -1 });
    const b = finding('T2-BLANK', 'info', { table: 'table2', row: 'regulations', column: 0 });
    const c = finding('T3-BLANK', 'warning', { table: 'table3', row: 'partial', column: 0 });
    const d = finding('T3-INT', 'error', { table: 'table3', row: 'granted', column: 2 }, { value: -1 });
    expect(orderFindings([b, a, c, { ...a }, d, b])).toEqual([a, d, c, b]);
  });

  it('refuses files that are not report documents and files over the limit', () => {
    for (const name of ['r.txt', 'r.HTML', 'r.docx', 'r.pdf', 'r.md', 'page.shtml', 'report', undefined]) expect(codeOf(() => assertReadableFileType(name)), String(name)).toBeNull();
    for (const name of ['scan.png', 'table.xlsx', 'a.zip', 'x.bin']) expect(codeOf(() => assertReadableFileType(name)), name).toBe('FILE_TYPE_UNSUPPORTED');
    expect(codeOf(() => assertUploadSize(1024, 1024))).toBeNull();
    expect(codeOf(() => assertUploadSize(1025, 1024))).toBe('FILE_TOO_LARGE');
  });

  it('names rendered files after the agency and year, without path characters', () => {
    expect(reportFileName({ agency: '某市/某局:办公室', year: 2024 }, 'docx')).toBe('某市某局办公室2024年政府信息公开工作年度报告.docx');
    expect(reportFileName({ agency: null, year: null }, 'pdf')).toBe('政府信息公开工作年度报告.pdf');
  });

  it('reads report JSON in both shapes and refuses anything else', () => {
    const report = generateReport({ seed: 5, format: '2021' });
    const json = reportToJson(report, { withSections: true });
    expect(readReportJson(JSON.stringify(json)).tables).toEqual(report.tables);
    expect(readReportJson(JSON.stringify({ file: 'a.txt', ...json, findings: [] })).tables).toEqual(report.tables);
    expect(codeOf(() => readReportJson('{'))).toBe('REPORT_INVALID');
    expect(codeOf(() => readReportJson(JSON.stringify({ ...json, format: '2022' })))).toBe('REPORT_INVALID');
  });
});

describe('finding locations in words', () => {
  it('names the table, row (with its group) and column as printed', () => {
    expect(describeFindingLocation('2021', { table: 'table3', row: 'denied_stateSecret', column: 1 })).toBe('表三“（三）不予公开 1.属于国家秘密”行“商业企业”栏');
    expect(describeFindingLocation('2021', { table: 'table3', row: 'total' })).toBe('表三“（七）总计”行');
    expect(describeFindingLocation('2021', { table: 'table4', row: 'cases', column: 9 })).toBe('表四“未经复议直接起诉 总计”栏');
    expect(describeFindingLocation('2019', { table: 'table2', row: 'procurement', column: 1 })).toBe('表二“政府集中采购”行“采购总金额”栏');
    expect(describeFindingLocation('2021', { section: 'problems' })).toBe('第五部分“存在的主要问题及改进情况”');
    expect(describeFindingLocation('2021', { field: 'period' })).toBe('统计期限');
    expect(describeFindingLocation(null, {})).toBe('');
  });
});
