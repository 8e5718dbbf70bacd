/**
 * gongkai report <agency> <year> [--json] — the annual report's tables compiled from the records
 * (tables 三 and 四; 二 as 0s until the publications registers exist), checked; a closed year is
 * shown frozen. <agency> is an id or a full name; --all <year> does every agency. --close freezes
 * the year, --reopen <reason> reopens it (the command acts as the administrator). --json prints one
 * line per agency with the keys of `gongkai check --json` (agency, year, format, tables, findings).
 * Exit code 1 when some report has an error-level finding.
 */
import { AppError } from '../../core/errors.js';
import { severityLabels } from '../../core/messages.zh-CN.js';
import { formatLabel } from '../../core/report/check-labels.js';
import { tablesToJson } from '../../core/report/json.js';
import { reportMarksFromFindings, reportOutline } from '../../core/report/render/index.js';
import { findAgencyByIdOrName } from '../../services/agencies.service.js';
import { systemPrincipal } from '../../services/authorization.js';
import { countFindings, describeFindings } from '../../services/check.service.js';
import { closeYear, reopenYear } from '../../services/reports/closing.service.js';
import { compileAgencyReport, compileAllReports, type CompiledReport } from '../../services/reports/compile.service.js';
import { findingJson } from '../../services/reports/report-view.js';
import { formatTableView, markSymbols, paint, type TerminalStyle } from '../format-table.js';
import type { RegisterCommand } from './index.js';

interface ReportOptions {
  readonly json?: boolean;
  readonly all?: boolean;
  readonly close?: boolean;
  readonly reopen?: string;
}

/** One line of `gongkai report --json` (the keys of `gongkai check --json`, without `file`). */
export const reportLineJson = (c: CompiledReport) => ({
  agency: c.agency,
  year: c.year,
  format: c.report.format,
  tables: tablesToJson(c.report.format, c.report.tables),
  findings: c.findings.map(findingJson),
});

const severityColor = { error: 'red', warning: 'yellow', info: 'dim' } as const;

/** What `gongkai report` prints for one agency and year (ends with a newline). */
export function formatCompiledReport(c: CompiledReport, style: TerminalStyle): string {
  const lines = [paint(style, 'bold', `━━ ${c.agency} ${c.year}年 ━━`)];
  const source = c.closure
    ? `来源：年度已关闭（${c.closure.closedByName}，${c.closure.closedAt.slice(0, 10)}），显示冻结的数字`
    : '来源：按办理记录统计（收到申请之日、答复日期；表二尚未由主动公开登记生成，填 0）';
  lines.push(`格式：${formatLabel(c.report.format)}\u3000${source}`);
  const outline = reportOutline(c.report, reportMarksFromFindings(c.report, c.findings));
  for (const block of outline.blocks) if (block.kind === 'table') lines.push('', ...formatTableView(block.view, style));
  const n = countFindings(c.findings);
  const rest = `警告 ${n.warning} 条，提示 ${n.info} 条`;
  lines.push('', n.error === 0
    ? paint(style, 'bold', `检查结论：✓ 未发现错误（${rest}）`)
    : paint(style, 'red', `检查结论：${markSymbols.error} 发现 ${n.error} 处错误（${rest}）`));
  for (const d of describeFindings({ format: c.report.format, findings: c.findings })) {
    const label = paint(style, severityColor[d.finding.severity], `[${severityLabels[d.finding.severity]}]`);
    lines.push(`  ${label} ${d.message}（${d.where ? `位置：${d.where}；` : ''}${d.finding.code}）`);
    if (d.basis) lines.push(paint(style, 'dim', `      依据：${d.basis}`));
  }
  return `${lines.join('\n')}\n\n`;
}

function parseYear(text: string | undefined): number {
  if (text === undefined || !/^\d{4}$/.test(text.trim())) throw new AppError('USAGE', { detail: `年度应为四位数字，如 2025${text === undefined ? '' : `（实际为“${text}”）`}` });
  return Number(text);
}

export const registerReport: RegisterCommand = (program, ctx) => {
  program
    .command('report [args...]')
    .usage('<机关> <年度> [--json] | --all <年度>')
    .description('按办理记录生成年度报告的表三、表四并检查；<机关>为机关 id 或全称；已关闭的年度显示冻结的数字')
    .option('--json', '每个机关输出一行 JSON：{agency, year, format, tables, findings}（与 gongkai check --json 相同的字段）')
    .option('--all', '全部机关（只需给出年度）')
    .option('--close', '关闭该年度：冻结数字（有错误时不能关闭）')
    .option('--reopen <reason>', '重新打开已关闭的年度，须说明理由')
    .action(async (args: string[], opts: ReportOptions) => {
      const expected = opts.all ? 1 : 2;
      if (args.length !== expected) {
        throw new AppError('USAGE', { detail: opts.all ? '用法：gongkai report --all <年度>' : '用法：gongkai report <机关 id 或全称> <年度>' });
      }
      if (opts.all && (opts.close || opts.reopen !== undefined)) throw new AppError('USAGE', { detail: '--close、--reopen 只能用于一个机关' });
      if (opts.close && opts.reopen !== undefined) throw new AppError('USAGE', { detail: '--close 与 --reopen 不能同时使用' });
      const year = parseYear(args[expected - 1]);
      const handle = await ctx.database();
      const deps = { db: handle.db, clock: ctx.clock, logger: ctx.logger() };
      const principal = systemPrincipal();
      let reports: CompiledReport[];
      if (opts.all) {
        reports = await compileAllReports(deps, principal, year);
      } else {
        const agency = await findAgencyByIdOrName(deps, args[0]!);
        if (!agency) throw new AppError('NOT_FOUND', { what: `机关“${args[0]}”（请用 id 或全称）` });
        if (opts.reopen !== undefined) {
          await reopenYear(deps, principal, agency.id, year, opts.reopen);
          if (!opts.json) ctx.stdout.write(`已重新打开 ${agency.name} ${year}年度。\n`);
        }
        reports = [opts.close ? await closeYear(deps, principal, agency.id, year) : await compileAgencyReport(deps, principal, agency.id, year)];
        if (opts.close && !opts.json) ctx.stdout.write(`已关闭 ${agency.name} ${year}年度，数字已冻结。\n`);
      }
      const style = { color: Boolean(ctx.stdout.isTTY) };
      for (const c of reports) {
        if (c.hasErrors) ctx.setExitCode(1);
        ctx.stdout.write(opts.json ? `${JSON.stringify(reportLineJson(c))}\n` : formatCompiledReport(c, style));
      }
      if (opts.all && !opts.json) {
        const withErrors = reports.filter((c) => c.hasErrors).length;
        ctx.stdout.write(`共 ${reports.length} 个机关：${reports.length - withErrors} 个未发现错误，${withErrors} 个有错误。\n`);
      }
    });
};
