/**
 * gongkai render <report.json> --to html|txt|md|json|docx|pdf [-o file] — renders a report given as
 * JSON (the report JSON contract, or a line of `gongkai check --json`; '-' = standard input).
 * Without -o, text formats go to standard output and DOCX/PDF to <name>.<ext> in the current
 * directory. JSON that does not match report.schema.json: REPORT_INVALID, exit code 2.
 */
import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { AppError } from '../../core/errors.js';
import { closePdfBrowser, isRenderTarget, renderReportFile, renderTargets, type RenderTarget } from '../../services/render/index.js';
import { readReportJson } from '../../services/report-json.js';
import { readInputFile, STDIN } from '../read-input.js';
import type { RegisterCommand } from './index.js';

interface RenderOptions {
  readonly to?: string;
  readonly output?: string;
}

const binaryTargets: readonly RenderTarget[] = ['docx', 'pdf'];

/** Where a binary rendering goes without -o: the input's name with the new extension. */
export function defaultOutputPath(input: string, to: RenderTarget): string {
  const name = input === STDIN ? 'report' : basename(input, extname(input)) || 'report';
  return `${name}.${to}`;
}

export const registerRender: RegisterCommand = (program, ctx) => {
  program
    .command('render <report>')
    .description('把年度报告 JSON（gongkai check --json 的输出或报告 JSON 格式；- 表示标准输入）生成为 HTML、文本、Markdown、JSON、Word 或 PDF')
    .requiredOption('--to <format>', `输出格式：${renderTargets.join('|')}`)
    .option('-o, --output <file>', '输出文件（- 表示标准输出）；缺省时文本格式输出到标准输出，docx/pdf 写入当前目录的同名文件')
    .action(async (input: string, opts: RenderOptions) => {
      const to = (opts.to ?? '').toLowerCase();
      if (!isRenderTarget(to)) throw new AppError('USAGE', { detail: `--to 应为 ${renderTargets.join('、')} 之一，实际为“${opts.to ?? ''}”` });
      const config = ctx.config();
      const bytes = await readInputFile(input, config.uploads.maxBytes);
      const report = readReportJson(new TextDecoder('utf-8').decode(bytes));
      let file;
      try {
        file = await renderReportFile(report, to, { chromiumPath: config.chromiumPath });
      } finally {
        if (to === 'pdf') await closePdfBrowser();
      }
      const output = opts.output ?? (binaryTargets.includes(to) ? defaultOutputPath(input, to) : STDIN);
      if (output === STDIN) {
        ctx.stdout.write(binaryTargets.includes(to) ? file.bytes : new TextDecoder('utf-8').decode(file.bytes));
        return;
      }
      try {
        await writeFile(output, file.bytes);
      } catch (err) {
        throw new AppError('RENDER_FAILED', { target: to.toUpperCase(), reason: `无法写入“${output}”：${(err as Error).message}` }, { cause: err });
      }
      ctx.stdout.write(`已生成 ${output}（${Math.max(1, Math.round(file.bytes.length / 1024))} KB）\n`);
    });
};
