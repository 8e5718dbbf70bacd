/**
 * gongkai spec [--json] [--format 2021|2019] — the annual-report format definitions the engine
 * runs on: sections, tables (rows with keys and labels, columns), rules with their legal basis.
 * --json prints `{formats: [ReportSpec…]}` (the spec objects as they are); otherwise a Chinese summary.
 */
import { AppError } from '../../core/errors.js';
import { severityLabels } from '../../core/messages.zh-CN.js';
import { formatLabel, tableNames } from '../../core/report/check-labels.js';
import type { FormatId, ReportSpec, TableSpec } from '../../core/report/spec/index.js';
import { formatIds, specFor } from '../../core/report/spec/index.js';
import type { RegisterCommand } from './index.js';

interface SpecOptions {
  readonly json?: boolean;
  readonly format?: string;
}

function tableLines(table: TableSpec): string[] {
  const lines = [`  ${tableNames[table.id]}（${table.id}）${table.title.replace(/^[一二三四五六七八九十]+、/, '')}`];
  if (table.rows.some((r) => r.block !== undefined)) {
    for (const row of table.rows) {
      const cols = (row.columns ?? table.columns).map((c) => `${c.label}（${c.key}）`).join('、');
      lines.push(`    ${row.block} ${row.label}（${row.key}）：${cols}`);
    }
    return lines;
  }
  lines.push(`    栏目（${table.columns.length}）：${table.columns.map((c) => `${[...(c.groups ?? []).slice(table.id === 'table4' ? 0 : 1), c.label].join(' ')}（${c.key}）`).join('、')}`);
  if (table.labelDepth > 0) {
    lines.push(`    行（${table.rows.length}）：`);
    for (const row of table.rows) lines.push(`      ${row.key.padEnd(24)}${[...(row.parents ?? []).slice(1), row.label].join(' ')}`);
  }
  return lines;
}

function specSummary(spec: ReportSpec): string {
  const [from, to] = spec.years;
  const lines = [
    `${formatLabel(spec.format)}：${spec.name}，适用于${from}年度${to === null ? '起' : `至${to}年度`}的报告`,
    `  正文：${spec.sections.map((s) => `${s.number}、${s.heading}`).join('\u3000')}`,
    ...(['table2', 'table3', 'table4'] as const).flatMap((id) => tableLines(spec.tables[id])),
    '  规则：',
    ...[...spec.rules, ...spec.crossYearRules].flatMap((r) => [
      `    ${r.code}（${severityLabels[r.severity]}${'current' in r || 'made' in r ? '，需上年度报告' : ''}）${r.description}`,
      `      依据：${r.basis}`,
    ]),
  ];
  return `${lines.join('\n')}\n`;
}

export const registerSpec: RegisterCommand = (program, ctx) => {
  program
    .command('spec')
    .description('显示年度报告格式定义：正文部分、表格的行与栏、勾稽规则及其依据')
    .option('--json', '输出 JSON：{formats: [...]}')
    .option('--format <format>', '只显示一种格式：2021 或 2019')
    .action((opts: SpecOptions) => {
      if (opts.format !== undefined && !(formatIds as readonly string[]).includes(opts.format)) {
        throw new AppError('USAGE', { detail: `--format 应为 ${formatIds.join(' 或 ')}，实际为“${opts.format}”` });
      }
      const formats = opts.format ? [opts.format as FormatId] : formatIds;
      const specs = formats.map(specFor);
      ctx.stdout.write(opts.json ? `${JSON.stringify({ formats: specs }, null, 2)}\n` : specs.map(specSummary).join('\n'));
    });
};
