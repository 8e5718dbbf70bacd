/** Key/value settings of the installation (session secret, demo progress, …). */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export async function findSetting(db: Kysely<Database>, key: string): Promise<string | null> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function putSetting(db: Kysely<Database>, key: string, value: string, at: string): Promise<void> {
  await db
    .insertInto('setting')
    .values({ key, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
}

/** Inserts the value unless the key exists; returns the stored value (the first writer wins). */
export async function insertSettingIfAbsent(db: Kysely<Database>, key: string, value: string, at: string): Promise<string> {
  await db.insertInto('setting').values({ key, value, updated_at: at }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const stored = await findSetting(db, key);
  if (stored === null) throw new Error(`setting ${key} vanished after insert`);
  return stored;
}
