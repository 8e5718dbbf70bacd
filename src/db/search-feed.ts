/**
 * What the search index and the portal read from the publications (read-only): the public change
 * feed (publication_event rows with public = 1, serial id = cursor), an item as published (the
 * publication with status 'published' and its version in force, with that version's attachments),
 * and the data version of everything the portal shows.
 */
import type { Kysely } from 'kysely';
import type { PublishedAttachment, PublishedItem } from '../core/search/document.js';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

export interface PublicChange {
  readonly id: number;
  readonly publicationId: string;
  readonly kind: string;
  readonly at: string;
}

/** Public changes after the cursor, oldest first. */
export async function listPublicChangesAfter(db: Db, afterId: number, limit: number): Promise<PublicChange[]> {
  const rows = await db.selectFrom('publication_event').select(['id', 'publication_id', 'kind', 'at'])
    .where('public', '=', 1).where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ id: Number(r.id), publicationId: r.publication_id, kind: r.kind, at: r.at }));
}

/** The id of the latest public change (0 when none). */
export async function latestPublicChangeId(db: Db): Promise<number> {
  const row = await db.selectFrom('publication_event').select((eb) => eb.fn.max('id').as('id')).where('public', '=', 1).executeTakeFirst();
  return row?.id === null || row?.id === undefined ? 0 : Number(row.id);
}

/** An item as published (status 'published', its version in force, that version's attachments), or null. */
export async function findPublishedItem(db: Db, publicationId: string): Promise<PublishedItem | null> {
  const row = await db
    .selectFrom('publication as p')
    .innerJoin('publication_version as v', (j) => j.onRef('v.id', '=', 'p.published_version_id').onRef('v.publication_id', '=', 'p.id'))
    .select([
      'p.id', 'p.agency_id', 'p.index_number', 'p.first_published_on', 'p.validity', 'p.effective_on', 'p.validity_ended_on', 'p.validity_note',
      'v.id as version_id', 'v.number', 'v.title', 'v.summary', 'v.body_html', 'v.publisher', 'v.document_number', 'v.written_on',
      'v.published_on', 'v.topic', 'v.genre', 'v.doc_type', 'v.article20_item', 'v.change_note',
    ])
    .where('p.id', '=', publicationId)
    .where('p.status', '=', 'published')
    .where('v.status', '=', 'published')
    .executeTakeFirst();
  if (!row) return null;
  const attachments = await db.selectFrom('publication_attachment').select(['id', 'file_name', 'media_type', 'size_bytes'])
    .where('version_id', '=', row.version_id).orderBy('position').execute();
  return {
    id: row.id, agencyId: row.agency_id, versionId: row.version_id, versionNumber: Number(row.number), indexNumber: row.index_number ?? '',
    title: row.title, summary: row.summary, bodyHtml: row.body_html, publisher: row.publisher, documentNumber: row.document_number,
    writtenOn: row.written_on, publishedOn: row.published_on ?? row.first_published_on ?? '', firstPublishedOn: row.first_published_on ?? row.published_on ?? '',
    topic: row.topic, genre: row.genre, docType: row.doc_type, article20Item: row.article20_item === null ? null : Number(row.article20_item),
    validity: row.validity, effectiveOn: row.effective_on, validityEndedOn: row.validity_ended_on, validityNote: row.validity_note,
    changeNote: row.change_note,
    attachments: attachments.map((a): PublishedAttachment => ({ id: a.id, fileName: a.file_name, mediaType: a.media_type, sizeBytes: Number(a.size_bytes) })),
  };
}

/** An attachment of an item's version in force (never of an older version or an unpublished item), with its bytes. */
export async function findPublishedAttachment(db: Db, publicationId: string, attachmentId: string): Promise<(PublishedAttachment & { content: Uint8Array; sha256: string }) | null> {
  const row = await db
    .selectFrom('publication_attachment as a')
    .innerJoin('publication as p', (j) => j.onRef('p.id', '=', 'a.publication_id').onRef('p.published_version_id', '=', 'a.version_id'))
    .innerJoin('publication_file as f', 'f.sha256', 'a.sha256')
    .select(['a.id', 'a.file_name', 'a.media_type', 'a.size_bytes', 'a.sha256', 'f.content'])
    .where('a.id', '=', attachmentId)
    .where('a.publication_id', '=', publicationId)
    .where('p.status', '=', 'published')
    .executeTakeFirst();
  return row ? { id: row.id, fileName: row.file_name, mediaType: row.media_type, sizeBytes: Number(row.size_bytes), sha256: row.sha256, content: row.content } : null;
}

/** Ids of every published item, in pages (for a full rebuild). */
export async function listPublishedIds(db: Db, afterId: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('publication').select('id').where('status', '=', 'published').where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

export interface PortalVersionParts {
  readonly feedId: number;
  readonly feedAt: string | null;
  readonly agencies: string;
  readonly agenciesAt: string | null;
  readonly reports: string;
  readonly reportsAt: string | null;
  readonly own: number;
  readonly ownAt: string | null;
  /** The last public change the search index applied. */
  readonly cursor: number;
}

/** Everything whose change changes a portal page, in one round trip. */
export async function readPortalVersionParts(db: Db): Promise<PortalVersionParts> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('publication_event').select((e) => e.fn.max('id').as('m')).where('public', '=', 1).as('feed_id'),
      eb.selectFrom('agency').select((e) => e.fn.countAll().as('n')).as('agency_count'),
      eb.selectFrom('agency').select((e) => e.fn.max('updated_at').as('m')).as('agency_at'),
      eb.selectFrom('closed_report').select((e) => e.fn.countAll().as('n')).as('report_count'),
      eb.selectFrom('closed_report').select((e) => e.fn.max('closed_at').as('m')).as('report_closed_at'),
      eb.selectFrom('closed_report').select((e) => e.fn.max('reopened_at').as('m')).as('report_reopened_at'),
      eb.selectFrom('search_state').select('value').where('key', '=', 'version').as('own'),
      eb.selectFrom('search_state').select('updated_at').where('key', '=', 'version').as('own_at'),
      eb.selectFrom('search_state').select('value').where('key', '=', 'cursor').as('cursor'),
    ])
    .executeTakeFirstOrThrow();
  const feedId = row.feed_id === null ? 0 : Number(row.feed_id);
  const feedAtRow = feedId > 0 ? await db.selectFrom('publication_event').select('at').where('id', '=', feedId).executeTakeFirst() : undefined;
  const reportsAt = [row.report_closed_at, row.report_reopened_at].filter((x): x is string => typeof x === 'string').sort().pop() ?? null;
  return {
    feedId,
    feedAt: feedAtRow?.at ?? null,
    agencies: `${Number(row.agency_count)}:${row.agency_at ?? ''}`,
    agenciesAt: (row.agency_at as string | null) ?? null,
    reports: `${Number(row.report_count)}:${row.report_closed_at ?? ''}:${row.report_reopened_at ?? ''}`,
    reportsAt,
    own: row.own === null ? 0 : Number(row.own),
    ownAt: (row.own_at as string | null) ?? null,
    cursor: row.cursor === null ? 0 : Number(row.cursor),
  };
}
