/** gongkai demo — fills the configured database with the demo district (idempotent). */
import { AppError } from '../../core/errors.js';
import { fillDemoDistrict } from '../../services/demo/index.js';
import { formatDemoAccounts } from '../../services/demo/format.js';
import type { RegisterCommand } from './index.js';

/** `--requests n` (a count), `--no-requests` (false) or neither (true: GONGKAI_DEMO_REQUESTS). */
function demoRequests(option: unknown, configured: number): number {
  if (option === true || option === undefined) return configured;
  if (option === false) return 0;
  const n = Number(option);
  if (!Number.isInteger(n) || n < 0 || n > 100_000) throw new AppError('USAGE', { detail: `--requests 应为 0–100000 之间的整数，实际为“${String(option)}”` });
  return n;
}

export const registerDemo: RegisterCommand = (program, ctx) => {
  program
    .command('demo')
    .description('向当前数据库填入演示数据：梁平区的机关、演示账号、2024年至今经办理流程生成的申请（可重复执行；申请只生成一次）')
    .option('--requests <n>', '生成约 n 件演示申请（默认取 GONGKAI_DEMO_REQUESTS，未设置时为 2500）')
    .option('--no-requests', '不生成演示申请（以后可再执行 gongkai demo 补上）')
    .action(async (opts: { requests?: unknown }) => {
      const config = ctx.config();
      const requests = demoRequests(opts.requests, config.demoRequests);
      const handle = await ctx.database();
      const result = await fillDemoDistrict({
        db: handle.db, clock: ctx.clock, logger: ctx.logger(), auth: config.auth, demoPassword: config.demoPassword, demoRequests: requests,
      });
      const omitted = result.omittedSteps.length ? `；未执行：${result.omittedSteps.join('、')}` : '';
      ctx.stdout.write(`演示数据已就绪（执行：${result.ranSteps.join('、') || '无'}${result.skippedSteps.length ? `；此前已完成：${result.skippedSteps.join('、')}` : ''}${omitted}）。\n`);
      const accounts = formatDemoAccounts(result, { fixedPassword: config.demoPassword !== null });
      if (accounts) ctx.stdout.write(`${accounts}\n`);
      for (const note of result.notes) ctx.stdout.write(`${note}\n`);
    });
};
