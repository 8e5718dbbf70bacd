/**
 * Every data-layer test runs on both dialects: `describe.each(testDatabases)(...)`.
 * SQLite: a fresh in-memory database. PostgreSQL: a fresh database created on the server at
 * TEST_DATABASE_URL (npm test sets it: the CI server, or a throwaway server it starts).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { migrateOrThrow } from '../../src/db/migrate.js';

export interface TestDatabase {
  readonly name: 'sqlite' | 'postgres';
  /** A new, migrated, empty database. Call close() when done (drops it on PostgreSQL). */
  create(opts?: { migrate?: boolean }): Promise<DatabaseHandle & { url: string | null }>;
}

function postgresUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the suite with `npm test`, which provides PostgreSQL');
  return url;
}

export const sqliteTestDatabase: TestDatabase = {
  name: 'sqlite',
  async create(opts = {}) {
    const handle = createDatabase({ kind: 'sqlite', file: ':memory:' });
    if (opts.migrate !== false) await migrateOrThrow(handle.db);
    return { ...handle, url: null };
  },
};

export const postgresTestDatabase: TestDatabase = {
  name: 'postgres',
  async create(opts = {}) {
    const admin = new pg.Client({ connectionString: postgresUrl() });
    await admin.connect();
    const name = `gk_test_${randomBytes(6).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(postgresUrl());
    url.pathname = `/${name}`;
    const handle = createDatabase({ kind: 'postgres', url: url.toString() }, { poolSize: 5 });
    if (opts.migrate !== false) await migrateOrThrow(handle.db);
    return {
      ...handle,
      url: url.toString(),
      async close() {
        await handle.close();
        const a = new pg.Client({ connectionString: postgresUrl() });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  },
};

export const testDatabases: readonly TestDatabase[] = [sqliteTestDatabase, postgresTestDatabase];
