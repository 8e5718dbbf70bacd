/**
 * Every data-layer test runs on both dialects: `describe.each(testDatabases)(...)`.
 * SQLite: a fresh in-memory database. PostgreSQL: a fresh database created on the server at
 * TEST_DATABASE_URL (npm test sets it: the CI server, or a throwaway server it starts), copied from a
 * migrated template database (named by a hash of the migration files, made once under an advisory
 * lock, so parallel test processes share it) and with synchronous_commit off (test data need no
 * durability: a commit does not wait for the disk).
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
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

const databaseUrl = (name: string): string => {
  const url = new URL(postgresUrl());
  url.pathname = `/${name}`;
  return url.toString();
};

/** The migrated template's name: changes whenever a migration file does. */
function templateName(): string {
  const dir = new URL('../../src/db/migrations/', import.meta.url);
  const hash = createHash('sha256');
  for (const f of readdirSync(dir).sort()) hash.update(f).update(readFileSync(new URL(f, dir)));
  return `gk_tpl_${hash.digest('hex').slice(0, 16)}`;
}

let template: Promise<string> | undefined;

/** Makes the migrated template once (per server and migration set); other processes wait on the lock. */
function migratedTemplate(): Promise<string> {
  return (template ??= (async () => {
    const name = templateName();
    const admin = new pg.Client({ connectionString: postgresUrl() });
    await admin.connect();
    try {
      await admin.query('SELECT pg_advisory_lock(704512)');
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) {
        const building = `${name}_new`;
        await admin.query(`DROP DATABASE IF EXISTS ${building}`);
        await admin.query(`CREATE DATABASE ${building}`);
        const handle = createDatabase({ kind: 'postgres', url: databaseUrl(building) }, { poolSize: 1 });
        try {
          await migrateOrThrow(handle.db);
        } finally {
          await handle.close();
        }
        await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
        // templates of older migration sets are no longer needed
        const old = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE 'gk\\_tpl\\_%' AND datname <> $1", [name]);
        for (const r of old.rows as { datname: string }[]) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`).catch(() => undefined);
      }
      return name;
    } finally {
      await admin.query('SELECT pg_advisory_unlock(704512)').catch(() => undefined);
      await admin.end();
    }
  })());
}

export const postgresTestDatabase: TestDatabase = {
  name: 'postgres',
  async create(opts = {}) {
    const from = opts.migrate !== false ? await migratedTemplate() : null;
    const admin = new pg.Client({ connectionString: postgresUrl() });
    await admin.connect();
    const name = `gk_test_${randomBytes(6).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}${from ? ` TEMPLATE ${from}` : ''}`);
    await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
    await admin.end();
    const handle = createDatabase({ kind: 'postgres', url: databaseUrl(name) }, { poolSize: 5 });
    return {
      ...handle,
      url: databaseUrl(name),
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
