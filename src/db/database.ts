/**
 * createDatabase(config) → Kysely over SQLite (better-sqlite3, WAL) or PostgreSQL (pg).
 * Write portable SQL only; anything dialect-specific lives in one helper per concern (dialect.ts).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.js';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** The underlying SQLite connection (backup, pragmas); null on PostgreSQL. */
  readonly sqlite: SqliteDatabase.Database | null;
  close(): Promise<void>;
}

// int8 (counts, sums) and numeric arrive as strings from pg; our values fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export interface DatabaseOptions {
  readonly poolSize?: number;
  /**
   * PostgreSQL: told when a connection fails outside a query (the server restarted or terminated it,
   * e.g. `DROP DATABASE … WITH (FORCE)` just after close). pg drops such a connection and the next
   * query opens a new one; without a listener pg would throw the error out of the process.
   */
  readonly onConnectionError?: (err: Error) => void;
}

export function createDatabase(config: DatabaseConfig, opts: DatabaseOptions = {}): DatabaseHandle {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: opts.poolSize ?? 10 });
    const onError = (err: Error) => opts.onConnectionError?.(err);
    pool.on('error', onError); // an idle connection in the pool
    pool.on('connect', (client) => client.on('error', onError)); // also once it has left the pool (closing)
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', sqlite: null, close: () => db.destroy() };
  }
  if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
  const sqlite = new SqliteDatabase(config.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(sqlite) }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

/**
 * Kysely's SQLite driver prepares every query anew; handing it the prepared statement of an SQL text
 * it ran before (a bounded, least-recently-used cache) roughly doubles the rate of a typical write
 * such as a request submission (bench/submissions.bench.ts). Only Kysely goes through this wrapper;
 * `handle.sqlite` stays the plain connection (pragma, backup).
 */
function reusingStatements(sqlite: SqliteDatabase.Database, max = 1000): { close(): void; prepare(sql: string): SqliteDatabase.Statement } {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}
