/** gongkai demo — fills the configured database with the demo district (idempotent). */
import { fillDemoDistrict } from '../../services/demo/index.js';
import { formatDemoAccounts } from '../../services/demo/format.js';
import type { RegisterCommand } from './index.js';

export const registerDemo: RegisterCommand = (program, ctx) => {
  program
    .command('demo')
    .description('向当前数据库填入演示数据：梁平区的机关、演示账号等（可重复执行）')
    .action(async () => {
      const config = ctx.config();
      const handle = await ctx.database();
      const result = await fillDemoDistrict({
        db: handle.db, clock: ctx.clock, logger: ctx.logger(), auth: config.auth, demoPassword: config.demoPassword,
      });
      ctx.stdout.write(`演示数据已就绪（执行：${result.ranSteps.join('、') || '无'}${result.skippedSteps.length ? `；此前已完成：${result.skippedSteps.join('、')}` : ''}）。\n`);
      const accounts = formatDemoAccounts(result, { fixedPassword: config.demoPassword !== null });
      if (accounts) ctx.stdout.write(`${accounts}\n`);
      for (const note of result.notes) ctx.stdout.write(`${note}\n`);
    });
};
