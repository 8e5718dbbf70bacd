/** Lists of publications: the staff catalog (with the version being worked on), the review queue, open work. */
import { sql, type Kysely } from 'kysely';
import type { DocType, PublicationStatus, Validity, VersionStatus } from '../core/publications/publication.js';
import type { Database } from './schema.js';

export interface CatalogFilter {
  readonly agencyIds: 'all' | readonly string[];
  readonly status?: PublicationStatus;
  /** The state of the version being worked on ('none' = nothing open). */
  readonly work?: 'draft' | 'submitted' | 'approved' | 'none';
  readonly docType?: DocType;
  readonly topic?: string;
  readonly genre?: string;
  readonly validity?: Validity;
  /** Year of the first publication. */
  readonly year?: number;
  /** Substring of the title, 文号 or 索引号. */
  readonly text?: string;
  readonly limit: number;
  readonly offset: number;
}

export interface CatalogRow {
  readonly id: string;
  readonly agencyId: string;
  readonly status: PublicationStatus;
  readonly version: number;
  readonly indexNumber: string | null;
  readonly title: string;
  readonly documentNumber: string;
  readonly docType: DocType;
  readonly topic: string;
  readonly genre: string;
  readonly validity: Validity;
  readonly firstPublishedOn: string | null;
  readonly publishedOn: string | null;
  readonly updatedAt: string;
  readonly openVersion: { readonly id: string; readonly number: number; readonly status: VersionStatus; readonly formedOn: string; readonly publishBy: string } | null;
}

const openStatuses = ['draft', 'submitted', 'approved'] as const;

export async function listCatalogRows(db: Kysely<Database>, f: CatalogFilter): Promise<{ rows: CatalogRow[]; total: number }> {
  if (f.agencyIds !== 'all' && f.agencyIds.length === 0) return { rows: [], total: 0 };
  let q = db
    .selectFrom('publication as p')
    .leftJoin('publication_version as v', (j) => j.onRef('v.publication_id', '=', 'p.id').on('v.status', 'in', [...openStatuses]));
  if (f.agencyIds !== 'all') q = q.where('p.agency_id', 'in', f.agencyIds);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.work === 'none') q = q.where('v.id', 'is', null);
  else if (f.work) q = q.where('v.status', '=', f.work);
  const eff = <C extends 'doc_type' | 'topic' | 'genre'>(c: C) => sql<string>`coalesce(${sql.ref(`v.${c}`)}, ${sql.ref(`p.${c}`)})`;
  if (f.docType) q = q.where(eff('doc_type'), '=', f.docType);
  if (f.topic) q = q.where(eff('topic'), '=', f.topic);
  if (f.genre) q = q.where(eff('genre'), '=', f.genre);
  if (f.validity) q = q.where('p.validity', '=', f.validity);
  if (f.year) q = q.where('p.first_published_on', '>=', `${f.year}-01-01`).where('p.first_published_on', '<=', `${f.year}-12-31`);
  if (f.text) {
    const like = `%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([
      eb('p.title', 'like', sql<string>`${like} escape '\\'`),
      eb('v.title', 'like', sql<string>`${like} escape '\\'`),
      eb('p.document_number', 'like', sql<string>`${like} escape '\\'`),
      eb('v.document_number', 'like', sql<string>`${like} escape '\\'`),
      eb('p.index_number', 'like', sql<string>`${like} escape '\\'`),
    ]));
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'p.id', 'p.agency_id', 'p.status', 'p.version', 'p.index_number', 'p.title as p_title', 'p.document_number as p_document_number',
      'p.doc_type as p_doc_type', 'p.topic as p_topic', 'p.genre as p_genre', 'p.validity', 'p.first_published_on', 'p.published_on', 'p.updated_at',
      'v.id as v_id', 'v.number as v_number', 'v.status as v_status', 'v.formed_on as v_formed_on', 'v.publish_by as v_publish_by', 'v.title as v_title',
      'v.document_number as v_document_number', 'v.doc_type as v_doc_type', 'v.topic as v_topic', 'v.genre as v_genre',
    ])
    .orderBy('p.updated_at', 'desc').orderBy('p.id').limit(f.limit).offset(f.offset).execute();
  return {
    total: Number(total.n),
    rows: rows.map((r) => ({
      id: r.id, agencyId: r.agency_id, status: r.status as PublicationStatus, version: Number(r.version), indexNumber: r.index_number,
      title: r.v_title ?? r.p_title, documentNumber: r.v_document_number ?? r.p_document_number, docType: (r.v_doc_type ?? r.p_doc_type) as DocType,
      topic: r.v_topic ?? r.p_topic, genre: r.v_genre ?? r.p_genre, validity: r.validity as Validity, firstPublishedOn: r.first_published_on,
      publishedOn: r.published_on, updatedAt: r.updated_at,
      openVersion: r.v_id ? { id: r.v_id, number: Number(r.v_number), status: r.v_status as VersionStatus, formedOn: r.v_formed_on!, publishBy: r.v_publish_by! } : null,
    })),
  };
}

export interface OpenVersionRow {
  readonly publicationId: string;
  readonly publicationVersion: number;
  readonly publicationStatus: PublicationStatus;
  readonly agencyId: string;
  readonly versionId: string;
  readonly number: number;
  readonly status: VersionStatus;
  readonly title: string;
  readonly formedOn: string;
  readonly publishBy: string;
  readonly reviewRound: number;
  readonly createdBy: string | null;
  readonly submittedBy: string | null;
  readonly submittedAt: string | null;
}

/** Versions being worked on in reach (optionally only some states), oldest deadline first. */
export async function listOpenVersionRows(db: Kysely<Database>, agencyIds: 'all' | readonly string[], statuses: readonly VersionStatus[]): Promise<OpenVersionRow[]> {
  if ((agencyIds !== 'all' && agencyIds.length === 0) || statuses.length === 0) return [];
  let q = db
    .selectFrom('publication_version as v')
    .innerJoin('publication as p', 'p.id', 'v.publication_id')
    .select([
      'v.publication_id', 'p.version as p_version', 'p.status as p_status', 'v.agency_id', 'v.id', 'v.number', 'v.status', 'v.title', 'v.formed_on',
      'v.publish_by', 'v.review_round', 'v.created_by', 'v.submitted_by', 'v.submitted_at',
    ])
    .where('v.status', 'in', [...statuses]);
  if (agencyIds !== 'all') q = q.where('v.agency_id', 'in', agencyIds);
  const rows = await q.orderBy('v.publish_by').orderBy('v.id').execute();
  return rows.map((r) => ({
    publicationId: r.publication_id, publicationVersion: Number(r.p_version), publicationStatus: r.p_status as PublicationStatus, agencyId: r.agency_id,
    versionId: r.id, number: Number(r.number), status: r.status as VersionStatus, title: r.title, formedOn: r.formed_on, publishBy: r.publish_by,
    reviewRound: Number(r.review_round), createdBy: r.created_by, submittedBy: r.submitted_by, submittedAt: r.submitted_at,
  }));
}
