/** Starts the platform: config → logger → database (migrated) → app → listen. */
import { pino } from 'pino';
import { loadConfig, redactConfig, ConfigError } from '../config.js';
import { createLogger } from '../logger.js';
import { createDatabase } from '../db/database.js';
import { migrateOrThrow } from '../db/migrate.js';
import { systemClock } from '../clock.js';
import { hasAnyAccount } from '../services/accounts.service.js';
import { fillDemoIfEmpty } from '../services/demo/index.js';
import { formatDemoAccounts } from '../services/demo/format.js';
import { buildApp } from './app.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config, pino.destination(1));
  logger.info({ config: redactConfig(config) }, 'starting');
  const db = createDatabase(config.db, { onConnectionError: (err) => logger.warn({ err }, 'database connection lost (reconnects on the next query)') });
  await migrateOrThrow(db.db);
  const serviceDeps = { db: db.db, clock: systemClock, logger, auth: config.auth, demoPassword: config.demoPassword, demoRequests: config.demoRequests };
  const demo = config.demo ? await fillDemoIfEmpty(serviceDeps) : null;
  const app = await buildApp({ config, logger, db, clock: systemClock });
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  const address = await app.listen({ host: config.http.host, port: config.http.port });
  logger.info({ address }, 'listening');
  const url = address.replace('0.0.0.0', 'localhost');
  process.stdout.write(`\ngongkai 已启动：${url}（API 文档：${url}/api/docs）\n`);
  if (demo) {
    process.stdout.write(`\n空数据库：已填入演示数据（梁平区的机关与账号；通讯信息均为虚构）。\n`);
    const accounts = formatDemoAccounts(demo, { fixedPassword: config.demoPassword !== null });
    if (accounts) process.stdout.write(`${accounts}\n`);
    for (const note of demo.notes) process.stdout.write(`${note}\n`);
  } else if (!(await hasAnyAccount(serviceDeps))) {
    process.stdout.write('\n数据库中还没有账号：请运行 npx gongkai user add <用户名> --role admin 创建系统管理员。\n');
  }
}

await main();
