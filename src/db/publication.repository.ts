/**
 * publication, publication_version, publication_review, publication_event rows ↔ domain types.
 * Writes of a publication check its version (optimistic concurrency): an update that finds another
 * version changes nothing and returns false. The publish step is the only writer of the projection
 * columns and of status 'published' (src/services/publications/workflow.service.ts).
 */
import { sql, type Kysely, type Updateable } from 'kysely';
import type {
  DocType, Publication, PublicationStatus, PublicationVersion, Review, ReviewDecision, ReviewKind, Validity, VersionContent, VersionStatus,
} from '../core/publications/publication.js';
import type {
  Database, PublicationEventRow, PublicationReviewRow, PublicationRow, PublicationTable, PublicationVersionRow, PublicationVersionTable,
} from './schema.js';

export function toPublication(r: PublicationRow): Publication {
  return {
    id: r.id, agencyId: r.agency_id, status: r.status as PublicationStatus, version: Number(r.version), indexNumber: r.index_number,
    publishedVersionId: r.published_version_id, title: r.title, documentNumber: r.document_number, topic: r.topic, genre: r.genre,
    docType: r.doc_type as DocType, article20Item: r.article20_item === null ? null : Number(r.article20_item), writtenOn: r.written_on,
    firstPublishedOn: r.first_published_on, publishedOn: r.published_on, validity: r.validity as Validity, effectiveOn: r.effective_on,
    validityEndedOn: r.validity_ended_on, validityNote: r.validity_note, withdrawnOn: r.withdrawn_on, withdrawnReason: r.withdrawn_reason,
    createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export function toVersion(r: PublicationVersionRow): PublicationVersion {
  return {
    id: r.id, publicationId: r.publication_id, agencyId: r.agency_id, number: Number(r.number), status: r.status as VersionStatus,
    title: r.title, summary: r.summary, bodyHtml: r.body_html, publisher: r.publisher, documentNumber: r.document_number,
    writtenOn: r.written_on, formedOn: r.formed_on, publishBy: r.publish_by, topic: r.topic, genre: r.genre, docType: r.doc_type as DocType,
    article20Item: r.article20_item === null ? null : Number(r.article20_item), disclosureMethod: r.disclosure_method, changeNote: r.change_note,
    sourceRequestIds: JSON.parse(r.source_request_ids) as string[], reviewRound: Number(r.review_round),
    confidentialityReviewId: r.confidentiality_review_id, releaseReviewId: r.release_review_id,
    createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at, submittedBy: r.submitted_by, submittedAt: r.submitted_at,
    publishedBy: r.published_by, publishedAt: r.published_at, publishedOn: r.published_on,
  };
}

export function toReview(r: PublicationReviewRow): Review {
  return {
    id: r.id, versionId: r.version_id, publicationId: r.publication_id, agencyId: r.agency_id, kind: r.kind as ReviewKind,
    decision: r.decision as ReviewDecision, round: Number(r.round), opinion: r.opinion, reviewerId: r.reviewer_id,
    reviewerName: r.reviewer_name, reviewedOn: r.reviewed_on, at: r.at,
  };
}

export type PublicationPatch = Omit<Updateable<PublicationTable>, 'id' | 'version'>;
export type VersionPatch = Omit<Updateable<PublicationVersionTable>, 'id' | 'publication_id'>;

export const contentColumns = (c: VersionContent, publishBy: string): VersionPatch => ({
  title: c.title, summary: c.summary, body_html: c.bodyHtml, publisher: c.publisher, document_number: c.documentNumber,
  written_on: c.writtenOn, formed_on: c.formedOn, publish_by: publishBy, topic: c.topic, genre: c.genre, doc_type: c.docType,
  article20_item: c.article20Item, disclosure_method: c.disclosureMethod, change_note: c.changeNote,
  source_request_ids: JSON.stringify(c.sourceRequestIds),
});

export async function insertPublicationRow(db: Kysely<Database>, p: { id: string; agencyId: string; createdBy: string | null; at: string }): Promise<void> {
  await db.insertInto('publication').values({ id: p.id, agency_id: p.agencyId, status: 'draft', created_by: p.createdBy, created_at: p.at, updated_at: p.at }).execute();
}

export async function insertVersionRow(
  db: Kysely<Database>, v: { id: string; publicationId: string; agencyId: string; number: number; content: VersionContent; publishBy: string; createdBy: string | null; at: string },
): Promise<void> {
  await db
    .insertInto('publication_version')
    .values({
      id: v.id, publication_id: v.publicationId, agency_id: v.agencyId, number: v.number, status: 'draft',
      ...(contentColumns(v.content, v.publishBy) as Required<Pick<PublicationVersionTable, 'title' | 'formed_on' | 'publish_by'>>),
      created_by: v.createdBy, created_at: v.at, updated_at: v.at,
    })
    .execute();
}

export async function findPublicationRow(db: Kysely<Database>, id: string): Promise<PublicationRow | undefined> {
  return db.selectFrom('publication').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPublication(db: Kysely<Database>, id: string): Promise<Publication | null> {
  const row = await findPublicationRow(db, id);
  return row ? toPublication(row) : null;
}

export async function findVersion(db: Kysely<Database>, id: string): Promise<PublicationVersion | null> {
  const row = await db.selectFrom('publication_version').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toVersion(row) : null;
}

export async function listVersions(db: Kysely<Database>, publicationId: string): Promise<PublicationVersion[]> {
  const rows = await db.selectFrom('publication_version').selectAll().where('publication_id', '=', publicationId).orderBy('number').execute();
  return rows.map(toVersion);
}

/** The version being worked on (draft, submitted or approved), if any. */
export async function findOpenVersion(db: Kysely<Database>, publicationId: string): Promise<PublicationVersion | null> {
  const row = await db
    .selectFrom('publication_version').selectAll()
    .where('publication_id', '=', publicationId).where('status', 'in', ['draft', 'submitted', 'approved'])
    .orderBy('number', 'desc').executeTakeFirst();
  return row ? toVersion(row) : null;
}

/** Applies the patch if the publication still has `version` (then version + 1). @returns whether it did */
export async function updatePublicationIfVersion(db: Kysely<Database>, id: string, version: number, patch: PublicationPatch): Promise<boolean> {
  const res = await db.updateTable('publication').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function updateVersionRow(db: Kysely<Database>, id: string, patch: VersionPatch): Promise<void> {
  await db.updateTable('publication_version').set(patch).where('id', '=', id).execute();
}

export async function insertReviewRow(db: Kysely<Database>, r: Review): Promise<void> {
  await db.insertInto('publication_review').values({
    id: r.id, version_id: r.versionId, publication_id: r.publicationId, agency_id: r.agencyId, kind: r.kind, decision: r.decision,
    round: r.round, opinion: r.opinion, reviewer_id: r.reviewerId, reviewer_name: r.reviewerName, reviewed_on: r.reviewedOn, at: r.at,
  }).execute();
}

export async function listReviews(db: Kysely<Database>, where: { versionId: string } | { publicationId: string }): Promise<Review[]> {
  let q = db.selectFrom('publication_review').selectAll();
  q = 'versionId' in where ? q.where('version_id', '=', where.versionId) : q.where('publication_id', '=', where.publicationId);
  const rows = await q.orderBy('at').orderBy('id').execute();
  return rows.map(toReview);
}

/** The next 索引号 sequence number of an agency and year (incremented in the caller's transaction). */
export async function nextIndexSeq(db: Kysely<Database>, agencyId: string, year: number): Promise<number> {
  const row = await db
    .insertInto('publication_counter')
    .values({ agency_id: agencyId, year, last_seq: 1 })
    .onConflict((oc) => oc.columns(['agency_id', 'year']).doUpdateSet({ last_seq: sql<number>`publication_counter.last_seq + 1` }))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

export interface PublicationEventInput {
  readonly publicationId: string;
  readonly agencyId: string;
  readonly versionId: string | null;
  readonly kind: string;
  readonly public: boolean;
  readonly at: string;
  readonly actorId: string | null;
  readonly actorName: string;
  readonly statusBefore: string | null;
  readonly statusAfter: string | null;
  readonly data?: unknown;
}

/** Appends an event; returns its id (the change-feed cursor). */
export async function insertPublicationEvent(db: Kysely<Database>, e: PublicationEventInput): Promise<number> {
  const row = await db.insertInto('publication_event').values({
    publication_id: e.publicationId, agency_id: e.agencyId, version_id: e.versionId, kind: e.kind, public: e.public ? 1 : 0, at: e.at,
    actor_id: e.actorId, actor_name: e.actorName, status_before: e.statusBefore, status_after: e.statusAfter, data: JSON.stringify(e.data ?? {}),
  }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function listPublicationEventRows(db: Kysely<Database>, publicationId: string): Promise<PublicationEventRow[]> {
  return db.selectFrom('publication_event').selectAll().where('publication_id', '=', publicationId).orderBy('id').execute();
}

/** Public events after a cursor (the portal/search change feed). */
export async function listPublicEventRows(db: Kysely<Database>, afterId: number, limit: number): Promise<PublicationEventRow[]> {
  return db.selectFrom('publication_event').selectAll().where('public', '=', 1).where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

/** Deletes a never-published publication with its versions, reviews and attachment rows. */
export async function deleteDraftPublication(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('publication_attachment').where('publication_id', '=', id).execute();
  await db.deleteFrom('publication_review').where('publication_id', '=', id).execute();
  await db.deleteFrom('publication_version').where('publication_id', '=', id).execute();
  await db.deleteFrom('publication').where('id', '=', id).where('status', '=', 'draft').execute();
}
