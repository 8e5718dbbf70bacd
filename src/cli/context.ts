/**
 * What commands need, created lazily: a command that only reads files never opens the database.
 * Commands are thin: parse options, call services/core, print.
 */
import { loadConfig, type Config } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import { createDatabase, type DatabaseHandle } from '../db/database.js';
import { migrateOrThrow } from '../db/migrate.js';
import { systemClock, type Clock } from '../clock.js';

export interface CliContext {
  readonly config: () => Config;
  readonly logger: () => Logger;
  /** The configured database, migrated to latest. */
  readonly database: () => Promise<DatabaseHandle>;
  readonly clock: Clock;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  /** Set the process exit code (the highest wins: 0 ok, 1 error findings, 2 unreadable/usage, 3 other failure). */
  readonly setExitCode: (code: number) => void;
  /** Close what was opened. */
  readonly dispose: () => Promise<void>;
}

export function createCliContext(): CliContext {
  let config: Config | undefined;
  let logger: Logger | undefined;
  let db: Promise<DatabaseHandle> | undefined;
  let exitCode = 0;
  const ctx: CliContext = {
    config: () => (config ??= loadConfig(undefined, undefined, { logLevel: 'warn' })),
    logger: () => (logger ??= createLogger(ctx.config())),
    database: () =>
      (db ??= (async () => {
        const handle = createDatabase(ctx.config().db);
        await migrateOrThrow(handle.db);
        return handle;
      })()),
    clock: systemClock,
    stdout: process.stdout,
    stderr: process.stderr,
    setExitCode: (code) => {
      exitCode = Math.max(exitCode, code);
      process.exitCode = exitCode;
    },
    dispose: async () => {
      if (db) await (await db).close();
    },
  };
  return ctx;
}
