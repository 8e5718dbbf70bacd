/** gongkai migrate — brings the configured database to the latest schema and lists what ran. */
import { createDatabase } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { RegisterCommand } from './index.js';

export const registerMigrate: RegisterCommand = (program, ctx) => {
  program
    .command('migrate')
    .description('把数据库升级到最新结构（npm start 时也会自动执行）')
    .action(async () => {
      const config = ctx.config();
      const handle = createDatabase(config.db);
      try {
        const { results, error } = await migrateToLatest(handle.db);
        for (const r of results) ctx.stdout.write(`${r.status === 'Success' ? '已执行' : r.status === 'Error' ? '失败' : '未执行'}：${r.migrationName}\n`);
        if (error) {
          ctx.stderr.write(`错误：数据库升级失败（${error instanceof Error ? error.message : String(error)}）\n`);
          ctx.setExitCode(3);
          return;
        }
        ctx.stdout.write(results.length ? `数据库已升级到最新结构（${results.length} 项）。\n` : '数据库已是最新结构。\n');
      } finally {
        await handle.close();
      }
    });
};
