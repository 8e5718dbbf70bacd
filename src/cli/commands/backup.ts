/** gongkai backup <file> — a consistent copy of the SQLite database, safe while the server runs. */
import { backupSqlite } from '../../db/backup.js';
import type { RegisterCommand } from './index.js';

export const registerBackup: RegisterCommand = (program, ctx) => {
  program
    .command('backup <file>')
    .description('备份内置 SQLite 数据库到指定文件（服务运行时也可执行；PostgreSQL 请用 pg_dump）')
    .action(async (file: string) => {
      const result = backupSqlite(await ctx.database(), file);
      ctx.stdout.write(`已备份到 ${result.file}（${(result.bytes / 1024).toFixed(0)} KB，${result.tables} 张表，完整性校验通过）\n`);
    });
};
