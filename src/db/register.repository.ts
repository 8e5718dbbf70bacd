/**
 * The table-二 registers: register_figure (decision counts, item counts, amounts per agency, year and
 * kind), register_import, and the published 规章 / 行政规范性文件 read as register documents.
 */
import type { Kysely } from 'kysely';
import type { Validity } from '../core/publications/publication.js';
import type { RegisterDocument, RegisterFigureEntry, RegisterKind } from '../core/publications/registers.js';
import type { Database, RegisterFigureRow } from './schema.js';

export interface RegisterFigure extends RegisterFigureEntry {
  readonly id: string;
  readonly source: 'entry' | 'import';
  readonly importId: string | null;
  readonly version: number;
  readonly updatedBy: string | null;
  readonly updatedByName: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const toFigure = (r: RegisterFigureRow): RegisterFigure => ({
  id: r.id, agencyId: r.agency_id, year: Number(r.year), kind: r.kind as RegisterKind,
  decisionCount: r.decision_count === null ? null : Number(r.decision_count), itemCount: r.item_count === null ? null : Number(r.item_count),
  amountWan: r.amount_wan, note: r.note, source: r.source, importId: r.import_id, version: Number(r.version), updatedBy: r.updated_by,
  updatedByName: r.updated_by_name, createdAt: r.created_at, updatedAt: r.updated_at,
});

export async function listFigures(db: Kysely<Database>, agencyIds: 'all' | readonly string[], years: readonly number[]): Promise<RegisterFigure[]> {
  if ((agencyIds !== 'all' && agencyIds.length === 0) || years.length === 0) return [];
  let q = db.selectFrom('register_figure').selectAll().where('year', 'in', [...years]);
  if (agencyIds !== 'all') q = q.where('agency_id', 'in', agencyIds);
  const rows = await q.orderBy('agency_id').orderBy('year').orderBy('kind').execute();
  return rows.map(toFigure);
}

export async function findFigure(db: Kysely<Database>, agencyId: string, year: number, kind: RegisterKind): Promise<RegisterFigure | null> {
  const row = await db.selectFrom('register_figure').selectAll().where('agency_id', '=', agencyId).where('year', '=', year).where('kind', '=', kind).executeTakeFirst();
  return row ? toFigure(row) : null;
}

export interface FigureWrite extends RegisterFigureEntry {
  readonly id: string;
  readonly source: 'entry' | 'import';
  readonly importId: string | null;
  readonly by: string | null;
  readonly byName: string;
  readonly at: string;
}

/** Inserts or replaces the figure of (agency, year, kind); the version counts the writes. */
export async function upsertFigure(db: Kysely<Database>, w: FigureWrite): Promise<void> {
  const values = {
    decision_count: w.decisionCount, item_count: w.itemCount, amount_wan: w.amountWan, note: w.note, source: w.source, import_id: w.importId,
    updated_by: w.by, updated_by_name: w.byName, updated_at: w.at,
  };
  const existing = await findFigure(db, w.agencyId, w.year, w.kind);
  if (existing) {
    await db.updateTable('register_figure').set({ ...values, version: existing.version + 1 }).where('id', '=', existing.id).execute();
  } else {
    await db.insertInto('register_figure').values({ id: w.id, agency_id: w.agencyId, year: w.year, kind: w.kind, ...values, created_at: w.at }).execute();
  }
}

export async function deleteFigure(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('register_figure').where('id', '=', id).execute();
}

export async function findFigureById(db: Kysely<Database>, id: string): Promise<RegisterFigure | null> {
  const row = await db.selectFrom('register_figure').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toFigure(row) : null;
}

export async function insertImport(
  db: Kysely<Database>, i: { id: string; fileName: string; fileKind: 'xlsx' | 'csv'; sha256: string; rowCount: number; by: string | null; byName: string; at: string },
): Promise<void> {
  await db.insertInto('register_import').values({
    id: i.id, file_name: i.fileName, file_kind: i.fileKind, sha256: i.sha256, row_count: i.rowCount, imported_by: i.by, imported_by_name: i.byName, imported_at: i.at,
  }).execute();
}

export interface RegisterDocumentRow extends RegisterDocument {
  readonly id: string;
  readonly indexNumber: string | null;
  readonly title: string;
  readonly documentNumber: string;
  readonly validity: Validity;
}

/** The published 规章 and 行政规范性文件 of an agency (withdrawn and unpublished ones are not in the register). */
export async function listRegisterDocuments(db: Kysely<Database>, agencyId: string): Promise<RegisterDocumentRow[]> {
  const rows = await db
    .selectFrom('publication')
    .select(['id', 'index_number', 'title', 'document_number', 'doc_type', 'written_on', 'first_published_on', 'validity', 'validity_ended_on'])
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published')
    .where('doc_type', 'in', ['regulation', 'normativeDocument'])
    .orderBy('written_on').orderBy('first_published_on').orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id, indexNumber: r.index_number, title: r.title, documentNumber: r.document_number, docType: r.doc_type as RegisterDocument['docType'],
    writtenOn: r.written_on, firstPublishedOn: r.first_published_on, validity: r.validity as Validity, validityEndedOn: r.validity_ended_on,
  }));
}

/** "agencyId:year" of the closures in force (frozen report years). */
export async function listClosedYears(db: Kysely<Database>, agencyIds: 'all' | readonly string[]): Promise<Set<string>> {
  if (agencyIds !== 'all' && agencyIds.length === 0) return new Set();
  let q = db.selectFrom('closed_report').select(['agency_id', 'year']).where('reopened_at', 'is', null);
  if (agencyIds !== 'all') q = q.where('agency_id', 'in', agencyIds);
  return new Set((await q.execute()).map((r) => `${r.agency_id}:${Number(r.year)}`));
}
