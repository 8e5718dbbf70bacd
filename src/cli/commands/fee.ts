/**
 * gongkai fee --per-item <n> | --count <n> | --pages <n> — 信息处理费 (国办函〔2020〕109号):
 * the n-th request of the month, a month of n requests (the total), or n pages of one request.
 * JSON: {method: "perItem" | "perPage", amount} in 元.
 */
import { AppError } from '../../core/errors.js';
import { perItemBreakdown, perItemTotal, perItemUnitPrice, perPageBreakdown, perPageFee, type FeeBand } from '../../core/fees/fee-schedule.js';
import type { RegisterCommand } from './index.js';

interface FeeOptions {
  readonly perItem?: string;
  readonly count?: string;
  readonly pages?: string;
  readonly json?: boolean;
}

function count(value: string, option: string, min: number): number {
  if (!/^\d{1,7}$/.test(value.trim()) || Number(value) < min) {
    throw new AppError('USAGE', { detail: `${option} 应为${min > 0 ? '正' : '非负'}整数（不超过 9999999），实际为“${value}”` });
  }
  return Number(value);
}

const INDENT = '　　';
const bandLine = (b: FeeBand, unit: string) =>
  `${INDENT}第${b.from}${b.to !== b.from ? `—${b.to}` : ''}${unit}：${b.unitPrice === 0 ? '免费' : `${b.quantity}${unit} × ${b.unitPrice}元 = ${b.amount}元`}`;

export const registerFee: RegisterCommand = (program, ctx) => {
  program
    .command('fee')
    .description('计算信息处理费（超额累进：按件或按量，二者只能选一）')
    .option('--per-item <n>', '按件计收：申请人本自然月内第 n 件申请的收费')
    .option('--count <n>', '按件计收：申请人本自然月内共 n 件申请的合计')
    .option('--pages <n>', '按量计收：一件申请提供 n 页的收费')
    .option('--json', '输出 JSON：{method, amount}')
    .action((opts: FeeOptions) => {
      const given = [opts.perItem, opts.count, opts.pages].filter((v) => v !== undefined);
      if (given.length !== 1) throw new AppError('USAGE', { detail: '请只指定 --per-item、--count、--pages 中的一个（同一件申请不得同时按件和按量计收）' });
      let method: 'perItem' | 'perPage';
      let amount: number;
      const lines: string[] = [];
      if (opts.perItem !== undefined) {
        const n = count(opts.perItem, '--per-item', 1);
        method = 'perItem';
        amount = perItemUnitPrice(n);
        lines.push(`按件计收：本自然月第 ${n} 件申请，收费 ${amount} 元（1—10件免费，11—30件每件100元，此后每10件一档、每档每件加收100元）`);
      } else if (opts.count !== undefined) {
        const n = count(opts.count, '--count', 0);
        method = 'perItem';
        amount = perItemTotal(n);
        lines.push(`按件计收：本自然月共 ${n} 件申请，合计 ${amount} 元`, ...(n > 0 ? perItemBreakdown(1, n).map((b) => bandLine(b, '件')) : []));
      } else {
        const n = count(opts.pages!, '--pages', 0);
        method = 'perPage';
        amount = perPageFee(n);
        lines.push(`按量计收：${n} 页，收费 ${amount} 元`, ...(n > 0 ? perPageBreakdown(n).map((b) => bandLine(b, '页')) : []));
      }
      ctx.stdout.write(opts.json ? `${JSON.stringify({ method, amount })}\n` : `${lines.join('\n')}\n`);
    });
};
