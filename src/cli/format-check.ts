/**
 * Output of `gongkai check`: per file a heading, what was read (agency, year, format), the tables
 * with offending cells marked, the verdict and the findings in Chinese; or, with --json, one
 * object per file in the JSON contract.
 */
import { severityLabels } from '../core/messages.zh-CN.js';
import { documentKindLabels, formatLabel } from '../core/report/check-labels.js';
import { tablesToJson, type TablesJson } from '../core/report/json.js';
import { reportMarksFromFindings, reportOutline } from '../core/report/render/index.js';
import type { FindingLocation, Severity } from '../core/findings.js';
import type { FormatId } from '../core/report/spec/index.js';
import { countFindings, describeFindings, type CheckResult } from '../services/check.service.js';
import { formatTableView, markSymbols, paint, type TerminalStyle } from './format-table.js';

/** One line of `gongkai check --json`. */
export interface CheckResultJson {
  readonly file: string;
  readonly format: FormatId | null;
  readonly agency: string | null;
  readonly year: number | null;
  readonly tables: TablesJson | null;
  /** `basis`: the rule's legal or logical basis, null when the finding has none (added after the first four keys). */
  readonly findings: readonly CheckFindingJson[];
}

/** A finding in `gongkai check --json` / `gongkai report --json`: {code, severity, message, at, basis}. */
export interface CheckFindingJson {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly at: FindingLocation;
  readonly basis: string | null;
}

export function checkResultToJson(result: CheckResult): CheckResultJson {
  return {
    file: result.file,
    format: result.format,
    agency: result.agency,
    year: result.year,
    tables: result.report ? tablesToJson(result.report.format, result.report.tables) : null,
    findings: describeFindings(result).map((d) => ({ code: d.finding.code, severity: d.finding.severity, message: d.message, at: d.finding.at, basis: d.basis })),
  };
}

const severityColor = { error: 'red', warning: 'yellow', info: 'dim' } as const;

/** The verdict line: 未发现错误 / 发现 N 处错误, with the warnings and notes counted. */
export function verdictLine(result: CheckResult, style: TerminalStyle): string {
  const n = countFindings(result.findings);
  const rest = `警告 ${n.warning} 条，提示 ${n.info} 条`;
  if (!result.report) return paint(style, 'red', `检查结论：未能读取年度报告（${n.error} 处错误，${rest}）`);
  return n.error === 0
    ? paint(style, 'bold', `检查结论：✓ 未发现错误（${rest}）`)
    : paint(style, 'red', `检查结论：${markSymbols.error} 发现 ${n.error} 处错误（${rest}）`);
}

/** Everything `gongkai check` prints for one file (ends with a newline). */
export function formatCheckResult(result: CheckResult, style: TerminalStyle): string {
  const lines = [paint(style, 'bold', `━━ ${result.file} ━━`)];
  const read = [
    `机关：${result.agency ?? '（未识别）'}`,
    `年度：${result.year ?? '（未识别）'}`,
    ...(result.format ? [`格式：${formatLabel(result.format)}`] : []),
    `读取方式：${documentKindLabels[result.source] ?? result.source}`,
  ];
  lines.push(read.join('\u3000'));
  if (result.report) {
    const outline = reportOutline(result.report, reportMarksFromFindings(result.report, result.findings));
    for (const block of outline.blocks) if (block.kind === 'table') lines.push('', ...formatTableView(block.view, style));
    if (result.findings.some((f) => f.at.table && f.severity !== 'info')) {
      lines.push(paint(style, 'dim', `（${markSymbols.error} 有错误的单元格\u3000${markSymbols.warning} 有警告的单元格）`));
    }
  }
  lines.push('', verdictLine(result, style));
  for (const d of describeFindings(result)) {
    const label = paint(style, severityColor[d.finding.severity], `[${severityLabels[d.finding.severity]}]`);
    lines.push(`  ${label} ${d.message}（${d.where ? `位置：${d.where}；` : ''}${d.finding.code}）`);
    if (d.basis) lines.push(paint(style, 'dim', `      依据：${d.basis}`));
  }
  return `${lines.join('\n')}\n\n`;
}
