/** What every service receives, explicitly (no globals): the database, the clock and a logger. */
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { AuthConfig } from '../config.js';
import type { Database } from '../db/schema.js';
import type { Logger } from '../logger.js';

export interface ServiceDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** Services that hash passwords or manage sessions also need the auth settings of the config. */
export interface AccountDeps extends ServiceDeps {
  readonly auth: AuthConfig;
}
