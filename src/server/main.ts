/** Starts the platform: config → logger → database (migrated) → app → listen. */
import { pino } from 'pino';
import { loadConfig, redactConfig, ConfigError } from '../config.js';
import { createLogger } from '../logger.js';
import { createDatabase } from '../db/database.js';
import { migrateOrThrow } from '../db/migrate.js';
import { systemClock } from '../clock.js';
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
  const db = createDatabase(config.db);
  await migrateOrThrow(db.db);
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
  process.stdout.write(`\ngongkai 已启动：${address.replace('0.0.0.0', 'localhost')}\n`);
}

await main();
