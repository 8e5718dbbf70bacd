/**
 * gongkai calendar import <file> | show <year> | list | remove <year> — the working-day calendar:
 * import a year's holiday notice (JSON or CSV, docs/calendar-import.md; checked strictly, findings by
 * line, exit 1 when nothing was imported), show a year month by month (休/班, official or provisional).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { AppError } from '../../core/errors.js';
import { calendarFirstYear, calendarLastYear } from '../../core/calendar/calendar.js';
import type { CalendarImportFormat } from '../../core/calendar/notice-import.js';
import { renderYearView } from '../../core/calendar/year-view.js';
import { formatFinding, severityLabels } from '../../core/messages.zh-CN.js';
import { importCalendarNotice, listCalendarYears, loadCalendar, removeImportedCalendarYear } from '../../services/calendar.service.js';
import type { ServiceDeps } from '../../services/deps.js';
import { systemActor } from '../../services/with-transaction.js';
import type { CliContext } from '../context.js';
import type { RegisterCommand } from './index.js';

const actor = systemActor('系统（命令行）');

async function depsOf(ctx: CliContext): Promise<ServiceDeps> {
  return { db: (await ctx.database()).db, clock: ctx.clock, logger: ctx.logger() };
}

function yearArg(value: string): number {
  if (!/^\d{4}$/.test(value) || Number(value) < calendarFirstYear || Number(value) > calendarLastYear) {
    throw new AppError('USAGE', { detail: `年份应为 ${calendarFirstYear} 至 ${calendarLastYear} 之间的四位数，实际为“${value}”` });
  }
  return Number(value);
}

async function readText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('FILE_NOT_FOUND', { file });
    throw new AppError('FILE_UNREADABLE', { reason: (err as Error).message });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('FILE_UNREADABLE', { reason: `${file} 不是 UTF-8 编码的文本` });
  }
}

export const registerCalendar: RegisterCommand = (program, ctx) => {
  const calendar = program.command('calendar').description('工作日历：导入国务院放假安排通知、按月查看');

  calendar
    .command('import <file>')
    .description('导入某年的放假安排（JSON 或 CSV，格式见 docs/calendar-import.md）；导入的年份整体替换该年原有数据')
    .option('--format <format>', 'json 或 csv（默认按扩展名判断）')
    .action(async (file: string, opts: { format?: string }) => {
      const ext = extname(file).toLowerCase();
      const format = opts.format ?? (ext === '.json' ? 'json' : ext === '.csv' ? 'csv' : undefined);
      if (format !== undefined && format !== 'json' && format !== 'csv') throw new AppError('USAGE', { detail: `--format 应为 json 或 csv，实际为“${format}”` });
      const text = await readText(file);
      const result = await importCalendarNotice(await depsOf(ctx), actor, text, format as CalendarImportFormat | undefined);
      for (const f of result.findings) {
        const where = f.at.line !== undefined ? `${file} 第${f.at.line}行：` : `${file}：`;
        (f.severity === 'error' ? ctx.stderr : ctx.stdout).write(`${severityLabels[f.severity]}：${where}${formatFinding(f)}（${f.code}）\n`);
      }
      if (!result.imported) {
        const errors = result.findings.filter((f) => f.severity === 'error').length;
        ctx.stderr.write(`未导入：文件有 ${errors} 处错误，请改正后重新导入。\n`);
        ctx.setExitCode(1);
        return;
      }
      const cal = await loadCalendar(await depsOf(ctx));
      for (const year of result.years) {
        const s = cal.yearStatus(year);
        const note = result.replacedImports.includes(year) ? '（替换了此前导入的数据）' : result.overriddenBase.includes(year) ? '（替换了内置数据）' : '';
        ctx.stdout.write(`已导入 ${year} 年放假安排${note}：${s.source?.title ?? ''}${s.source?.url ? ` ${s.source.url}` : ''}\n`);
      }
      ctx.stdout.write(`官方放假安排现已覆盖至 ${cal.coveredThrough} 年；此后年份按法定节假日暂定推算。\n`);
    });

  calendar
    .command('show <year>')
    .description('按月显示某年的工作日历（休 = 放假，班 = 调休上班），并说明是官方安排还是暂定')
    .action(async (year: string) => {
      const y = yearArg(year);
      const cal = await loadCalendar(await depsOf(ctx));
      ctx.stdout.write(`${renderYearView(cal, y).join('\n')}\n`);
    });

  calendar
    .command('list')
    .description('列出各年份的放假安排来源（内置、已导入或暂定）')
    .action(async () => {
      for (const y of await listCalendarYears(await depsOf(ctx))) {
        const what = !y.official ? '暂定（按法定节假日推算）' : y.origin === 'imported' ? `已导入（${y.importedAt ?? ''}）` : '内置';
        ctx.stdout.write(`${y.year}\t${what}${y.source ? `\t${y.source.title}` : ''}\n`);
      }
    });

  calendar
    .command('remove <year>')
    .description('删除某年导入的放假安排（恢复为内置数据或暂定推算）')
    .action(async (year: string) => {
      const y = yearArg(year);
      const removed = await removeImportedCalendarYear(await depsOf(ctx), actor, y);
      ctx.stdout.write(removed ? `已删除 ${y} 年导入的放假安排。\n` : `${y} 年没有导入的放假安排，未作改动。\n`);
    });
};
