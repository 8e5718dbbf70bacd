/** Helpers shared by migrations. Append-only: changing one would rewrite history. */
import { PostgresAdapter, type Kysely } from 'kysely';

export const isPostgres = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/** An auto-incrementing integer primary key column type on either dialect. */
export const serialType = (db: Kysely<any>) => (isPostgres(db) ? 'bigserial' : 'integer') as 'integer';
