/** search_synonym (configured agency-name synonym groups) and portal_text (editable texts of a column). */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

export async function listSynonymGroupRows(db: Db): Promise<{ id: string; phrases: string[]; updatedAt: string }[]> {
  const rows = await db.selectFrom('search_synonym').selectAll().orderBy('updated_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, phrases: JSON.parse(r.phrases) as string[], updatedAt: r.updated_at }));
}

export async function insertSynonymGroupRow(db: Db, g: { id: string; phrases: readonly string[]; updatedAt: string }, by: string | null): Promise<void> {
  await db.insertInto('search_synonym').values({ id: g.id, phrases: JSON.stringify(g.phrases), updated_at: g.updatedAt, updated_by: by }).execute();
}

export async function deleteSynonymGroupRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('search_synonym').where('id', '=', id).execute();
}

/** The texts of an agency's column, by key. */
export async function listPortalTexts(db: Db, agencyId: string): Promise<Record<string, { body: string; updatedAt: string }>> {
  const rows = await db.selectFrom('portal_text').select(['key', 'body', 'updated_at']).where('agency_id', '=', agencyId).execute();
  return Object.fromEntries(rows.map((r) => [r.key, { body: r.body, updatedAt: r.updated_at }]));
}

/** Sets a text (an empty body removes it). */
export async function writePortalText(db: Db, t: { agencyId: string; key: string; body: string; at: string; by: string | null }): Promise<void> {
  if (!t.body) {
    await db.deleteFrom('portal_text').where('agency_id', '=', t.agencyId).where('key', '=', t.key).execute();
    return;
  }
  await db.insertInto('portal_text').values({ agency_id: t.agencyId, key: t.key, body: t.body, updated_at: t.at, updated_by: t.by })
    .onConflict((oc) => oc.columns(['agency_id', 'key']).doUpdateSet({ body: t.body, updated_at: t.at, updated_by: t.by }))
    .execute();
}

/** Labels of the publications' vocabularies (主题分类 topic, 体裁 genre), in their order. */
export async function listVocabularyLabels(db: Db): Promise<{ topic: [string, string][]; genre: [string, string][] }> {
  const rows = await db.selectFrom('vocabulary_term').select(['vocabulary', 'code', 'label'])
    .where('vocabulary', 'in', ['topic', 'genre']).orderBy('vocabulary').orderBy('sort_order').orderBy('code').execute();
  return {
    topic: rows.filter((r) => r.vocabulary === 'topic').map((r) => [r.code, r.label]),
    genre: rows.filter((r) => r.vocabulary === 'genre').map((r) => [r.code, r.label]),
  };
}
