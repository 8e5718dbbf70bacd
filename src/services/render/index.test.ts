import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors.js';
import { generateReport } from '../../core/report/generate.js';
import { reportFromJson } from '../../core/report/json.js';
import type { ReportJson } from '../../core/report/json.js';
import { renderReportFile, renderTargets } from './index.js';

describe('renderReportFile', () => {
  const report = generateReport({ seed: 12, format: '2021' });

  it.each([
    ['html', 'text/html; charset=utf-8', '<!doctype html>'],
    ['txt', 'text/plain; charset=utf-8', report.agency!],
    ['md', 'text/markdown; charset=utf-8', `# ${report.title!}`],
    ['json', 'application/json; charset=utf-8', '{'],
  ] as const)('%s: UTF-8 bytes, MIME type and extension', async (to, mimeType, start) => {
    const file = await renderReportFile(report, to);
    expect(file).toMatchObject({ mimeType, extension: to });
    expect(new TextDecoder().decode(file.bytes).startsWith(start)).toBe(true);
  });

  it('json is the report contract with the prose, and reads back to the same report', async () => {
    const file = await renderReportFile(report, 'json');
    const json = JSON.parse(new TextDecoder().decode(file.bytes)) as ReportJson;
    expect(json.tables.table3.granted).toEqual(report.tables.table3.granted);
    expect(reportFromJson(json)).toEqual(report);
  });

  it('docx: a Word package', async () => {
    const file = await renderReportFile(report, 'docx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(strFromU8(unzipSync(file.bytes)['word/document.xml']!)).toContain(report.agency!);
  });

  it('pdf without a Chromium path: RENDER_FAILED', async () => {
    const err = await renderReportFile(report, 'pdf').catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('RENDER_FAILED');
    expect(renderTargets).toEqual(['html', 'txt', 'md', 'json', 'docx', 'pdf']);
  });
});
