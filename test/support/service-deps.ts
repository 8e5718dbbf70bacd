/** Service deps over a test database: a movable clock, silent logs, cheap scrypt. */
import { fixedClock } from '../../src/clock.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import type { AccountDeps } from '../../src/services/deps.js';
import { testConfig } from './app.js';

export type TestDeps = AccountDeps & { readonly clock: ReturnType<typeof fixedClock> };

export function testServiceDeps(handle: DatabaseHandle, env: Record<string, string> = {}, start = '2026-03-02T02:00:00Z'): TestDeps {
  const config = testConfig(env);
  return { db: handle.db, clock: fixedClock(start), logger: createLogger(config), auth: config.auth };
}
