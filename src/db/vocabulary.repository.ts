/** vocabulary_term: the configurable lists of publications (主题分类, 体裁, 公开方式). */
import type { Kysely } from 'kysely';
import type { Database, VocabularyTermTable } from './schema.js';

export type VocabularyName = VocabularyTermTable['vocabulary'];
export const vocabularyNames: readonly VocabularyName[] = ['topic', 'genre', 'disclosureMethod'];

export interface VocabularyTerm {
  readonly vocabulary: VocabularyName;
  readonly code: string;
  readonly label: string;
  readonly sortOrder: number;
  readonly active: boolean;
}

export async function listTerms(db: Kysely<Database>, vocabulary?: VocabularyName): Promise<VocabularyTerm[]> {
  let q = db.selectFrom('vocabulary_term').selectAll();
  if (vocabulary) q = q.where('vocabulary', '=', vocabulary);
  const rows = await q.orderBy('vocabulary').orderBy('sort_order').orderBy('code').execute();
  return rows.map((r) => ({ vocabulary: r.vocabulary, code: r.code, label: r.label, sortOrder: Number(r.sort_order), active: Number(r.active) === 1 }));
}

export async function putTerm(db: Kysely<Database>, t: VocabularyTerm, at: string): Promise<void> {
  const values = { vocabulary: t.vocabulary, code: t.code, label: t.label, sort_order: t.sortOrder, active: t.active ? 1 : 0, updated_at: at };
  await db
    .insertInto('vocabulary_term')
    .values(values)
    .onConflict((oc) => oc.columns(['vocabulary', 'code']).doUpdateSet({ label: t.label, sort_order: t.sortOrder, active: values.active, updated_at: at }))
    .execute();
}
