/** Runs the migrations (at start, in tests, and as `gongkai migrate`). */
import { Migrator, type Kysely, type MigrationResult } from 'kysely';
import { migrations } from './migrations/index.js';

export interface MigrateOutcome {
  readonly results: readonly MigrationResult[];
  readonly error: unknown;
}

function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

export async function migrateToLatest(db: Kysely<any>): Promise<MigrateOutcome> {
  const { results, error } = await migrator(db).migrateToLatest();
  return { results: results ?? [], error };
}

export async function migrateDown(db: Kysely<any>): Promise<MigrateOutcome> {
  const { results, error } = await migrator(db).migrateDown();
  return { results: results ?? [], error };
}

/** Migrates to latest and throws on failure (for start-up and tests). */
export async function migrateOrThrow(db: Kysely<any>): Promise<void> {
  const { error } = await migrateToLatest(db);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
