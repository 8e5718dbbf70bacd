/**
 * gongkai check <files…> [--json] [--previous <file>] — reads each annual report (txt, html, md,
 * docx, pdf; '-' = standard input), prints its tables with the offending cells marked and the
 * findings in Chinese, each with its legal basis (依据) when it has one (or, with --json, one JSON
 * object per file per line; each finding {code, severity, message, at, basis}). Every file is processed;
 * the exit code is the highest of: 0 no error-level finding, 1 some, 2 a file could not be read.
 */
import { AppError, appErrorMessage, isAppError } from '../../core/errors.js';
import { finding } from '../../core/findings.js';
import type { ReportValues } from '../../core/report/values.js';
import { assertReadableFileType, checkReportFile, readPreviousReport, type CheckResult } from '../../services/check.service.js';
import { checkResultToJson, formatCheckResult } from '../format-check.js';
import { createProgress } from '../progress.js';
import { readInputFile, STDIN } from '../read-input.js';
import type { RegisterCommand } from './index.js';

interface CheckOptions {
  readonly json?: boolean;
  readonly previous?: string;
}

/** The exit code a file's result asks for. */
export const checkExitCode = (result: CheckResult): number => (!result.report ? 2 : result.hasErrors ? 1 : 0);

/** A file that could not be read at all, as a result (so --json still prints one line for it). */
function unreadableResult(file: string, message: string): CheckResult {
  const f = finding('PARSE-UNREADABLE', 'error', {}, { reason: message });
  return { file, source: 'text', format: null, agency: null, year: null, report: null, findings: [f], hasErrors: true };
}

export const registerCheck: RegisterCommand = (program, ctx) => {
  program
    .command('check <files...>')
    .description('检查政府信息公开工作年度报告（txt/html/md/docx/pdf，- 表示标准输入）：列出表格并标出有问题的单元格，逐条说明问题')
    .option('--json', '每个文件输出一行 JSON：{file, format, agency, year, tables, findings}；findings 每条为 {code, severity, message, at, basis}（basis 为依据，没有时为 null）')
    .option('--previous <file>', '上年度报告：加查“上年结转”“现行有效件数”等跨年度关系')
    .action(async (files: string[], opts: CheckOptions) => {
      if (files.filter((f) => f === STDIN).length > 1) throw new AppError('USAGE', { detail: '标准输入（-）只能指定一次' });
      const maxBytes = ctx.config().uploads.maxBytes;
      let previous: ReportValues | null = null;
      if (opts.previous !== undefined) {
        assertReadableFileType(opts.previous);
        const bytes = await readInputFile(opts.previous, maxBytes);
        previous = await readPreviousReport({ bytes, filename: opts.previous === STDIN ? undefined : opts.previous });
      }
      const style = { color: Boolean(ctx.stdout.isTTY) && !ctx.config().noColor };
      const progress = createProgress(ctx.stderr, files.length);
      const tally = { ok: 0, errors: 0, unreadable: 0 };
      try {
        for (const [i, file] of files.entries()) {
          progress.update(i, file === STDIN ? '标准输入' : file);
          let result: CheckResult;
          try {
            assertReadableFileType(file);
            const bytes = await readInputFile(file, maxBytes);
            result = { ...(await checkReportFile({ bytes, filename: file === STDIN ? undefined : file, previous })), file };
          } catch (err) {
            if (!isAppError(err)) throw err;
            const message = appErrorMessage(err.code, err.params);
            progress.print(ctx.stderr, `错误：${message}（${err.code}）\n`);
            result = unreadableResult(file, message);
          }
          const code = checkExitCode(result);
          ctx.setExitCode(code);
          if (code === 2) tally.unreadable++;
          else if (code === 1) tally.errors++;
          else tally.ok++;
          progress.print(ctx.stdout, opts.json ? `${JSON.stringify(checkResultToJson(result))}\n` : formatCheckResult(result, style));
        }
      } finally {
        progress.end();
      }
      if (!opts.json && files.length > 1) {
        ctx.stdout.write(`共检查 ${files.length} 个文件：${tally.ok} 个未发现错误，${tally.errors} 个有错误，${tally.unreadable} 个无法读取。\n`);
      }
    });
};
