/**
 * The report checker's use case, shared by `gongkai check` and the web page: a file's bytes →
 * read (any supported kind) → validate (with last year's report when given) → one result with
 * the findings of both steps, deduplicated and sorted by severity. Never throws on content: an
 * unreadable file is a result with `report: null` and the reader's findings. Callers enforce the
 * size limit with `assertUploadSize` before reading.
 */
import { AppError } from '../core/errors.js';
import type { Finding } from '../core/findings.js';
import { bySeverity, findingBasis, hasErrors } from '../core/findings.js';
import { formatFinding } from '../core/messages.zh-CN.js';
import { describeFindingLocation } from '../core/report/check-labels.js';
import type { FormatId } from '../core/report/spec/index.js';
import { validateReport } from '../core/report/validate.js';
import type { ReportValues } from '../core/report/values.js';
import { readReport, type DocumentKind } from './documents/read-report.js';

export interface CheckInput {
  readonly bytes: Uint8Array;
  /** The name the file came with (its extension helps detect the kind); shown in the result. */
  readonly filename?: string;
  readonly mimeType?: string;
  /** Last year's report of the same body: adds T3-CARRY, T2-STOCK, T2-REPEAL and SIMILARITY. */
  readonly previous?: ReportValues | null;
}

export interface CheckResult {
  readonly file: string;
  /** How the file was read: text, html, markdown, docx or pdf. */
  readonly source: DocumentKind;
  readonly format: FormatId | null;
  readonly agency: string | null;
  readonly year: number | null;
  /** The values read; null when nothing could be read as a report. */
  readonly report: ReportValues | null;
  /** Reading and checking findings, errors first. */
  readonly findings: readonly Finding[];
  readonly hasErrors: boolean;
}

/** A finding as the checker shows it: the Chinese message, where it points (in words) and its legal basis. */
export interface DescribedFinding {
  readonly finding: Finding;
  readonly message: string;
  readonly where: string;
  /** The rule's legal or logical basis (`params.basis`), or null when the finding quotes none. */
  readonly basis: string | null;
}

const findingKey = (f: Finding): string => `${f.code}|${JSON.stringify(f.at)}|${JSON.stringify(f.params)}`;

/** Findings without repeats (same code, place and values), errors first, otherwise in order. */
export function orderFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = findingKey(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(bySeverity);
}

/** Reads and checks one report file. */
export async function checkReportFile(input: CheckInput): Promise<CheckResult> {
  const parsed = await readReport(input.bytes, { filename: input.filename, mimeType: input.mimeType });
  const report = parsed.report;
  const findings = report ? [...parsed.findings, ...validateReport(report, { previous: input.previous ?? null })] : parsed.findings;
  const ordered = orderFindings(findings);
  return {
    file: input.filename ?? '',
    source: parsed.source,
    format: report?.format ?? null,
    agency: report?.agency ?? null,
    year: report?.year ?? null,
    report,
    findings: ordered,
    hasErrors: hasErrors(ordered),
  };
}

/**
 * Last year's report for the cross-year checks.
 * @throws AppError FILE_UNREADABLE when the file holds no readable report
 */
export async function readPreviousReport(input: Omit<CheckInput, 'previous'>): Promise<ReportValues> {
  const parsed = await readReport(input.bytes, { filename: input.filename, mimeType: input.mimeType });
  if (!parsed.report) {
    const first = parsed.findings.find((f) => f.severity === 'error');
    throw new AppError('FILE_UNREADABLE', { reason: `上年度报告${input.filename ? `“${input.filename}”` : ''}中没有可读取的年度报告${first ? `（${formatFinding(first)}）` : ''}` });
  }
  return parsed.report;
}

/**
 * Extensions of the files the checker reads: the report kinds, and web pages saved under the name
 * their server gave them. A file without an extension is read by its content.
 */
const readableExtensions = new Set([
  'txt', 'text', 'csv', 'md', 'markdown', 'html', 'htm', 'shtml', 'xhtml', 'mht', 'asp', 'aspx', 'jsp', 'php',
  'docx', 'docm', 'dotx', 'doc', 'wps', 'pdf',
]);

/** @throws AppError FILE_TYPE_UNSUPPORTED when the file name says it is not a report document (an image, a spreadsheet…) */
export function assertReadableFileType(filename: string | undefined): void {
  const ext = filename?.toLowerCase().match(/\.([a-z][a-z0-9]{0,7})$/)?.[1];
  if (ext !== undefined && !readableExtensions.has(ext)) throw new AppError('FILE_TYPE_UNSUPPORTED', { type: `.${ext}` });
}

/** A file name for the rendered report: 机关2024年政府信息公开工作年度报告.docx (no path characters). */
export function reportFileName(report: Pick<ReportValues, 'agency' | 'year'>, extension: string): string {
  const agency = [...(report.agency ?? '')].filter((c) => c >= ' ' && !'\\/:*?"<>|'.includes(c)).join('').trim();
  return `${agency}${report.year === null ? '' : `${report.year}年`}政府信息公开工作年度报告.${extension}`;
}

/** @throws AppError FILE_TOO_LARGE when `size` bytes exceed the upload limit */
export function assertUploadSize(size: number, maxBytes: number): void {
  if (size > maxBytes) throw new AppError('FILE_TOO_LARGE', { limitMb: uploadLimitMb(maxBytes) });
}

export const uploadLimitMb = (maxBytes: number): string => String(Math.round((maxBytes / 1024 / 1024) * 10) / 10);

/** Each finding of a result with its message and location in words. */
export function describeFindings(result: Pick<CheckResult, 'format' | 'findings'>): DescribedFinding[] {
  return result.findings.map((f) => ({ finding: f, message: formatFinding(f), where: describeFindingLocation(result.format, f.at), basis: findingBasis(f) }));
}

export interface FindingCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
