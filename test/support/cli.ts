/** Runs `gongkai …` in-process against a given configuration, capturing output and the exit code. */
import { fixedClock } from '../../src/clock.js';
import type { CliContext } from '../../src/cli/context.js';
import { runCli } from '../../src/cli/main.js';
import { createDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { migrateOrThrow } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';
import { testConfig } from './app.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runGongkai(argv: readonly string[], env: Record<string, string>): Promise<CliRun> {
  const config = testConfig(env);
  let stdout = '';
  let stderr = '';
  let code = 0;
  let db: Promise<DatabaseHandle> | undefined;
  const sink = (write: (s: string) => void) => ({ write: (s: string) => (write(s), true) }) as unknown as NodeJS.WriteStream;
  const ctx: CliContext = {
    config: () => config,
    logger: () => createLogger(config),
    database: () =>
      (db ??= (async () => {
        const handle = createDatabase(config.db);
        await migrateOrThrow(handle.db);
        return handle;
      })()),
    clock: fixedClock('2026-03-02T02:00:00Z'),
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    setExitCode: (c) => {
      code = Math.max(code, c);
    },
    dispose: async () => {
      if (db) await (await db).close();
    },
  };
  await runCli(argv, ctx);
  return { code, stdout, stderr };
}
