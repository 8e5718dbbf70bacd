/**
 * Public reads of published information, for the portal and its search index (issue 5 part B). No
 * principal: only rows with status 'published' are ever returned (withdrawn and unpublished never),
 * with the text of the version in force and only that version's attachments.
 */
import type { DocType, Publication, PublicationAttachment, Validity } from '../../core/publications/publication.js';
import { findAttachmentRow, findFileContent, listVersionAttachments } from '../../db/publication-attachment.repository.js';
import { findVersion, listPublicEventRows, toPublication } from '../../db/publication.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { PublicChange, PublicChangeKind } from './public-changes.js';

export interface PublishedQuery {
  /** One agency or several (a district's column lists its members). */
  readonly agencyIds?: readonly string[];
  readonly topic?: string;
  readonly genre?: string;
  readonly docType?: DocType;
  readonly validity?: Validity;
  /** The year of the first publication. */
  readonly year?: number;
  /** 第二十条 item 1–15. */
  readonly article20Item?: number;
  readonly page?: number;
  readonly pageSize?: number;
  /** newest (published_on desc, default) or oldest. */
  readonly order?: 'newest' | 'oldest';
}

/** A catalog line (目录: 索引、名称、生成日期 …). */
export type PublishedSummary = Pick<Publication,
  'id' | 'agencyId' | 'indexNumber' | 'title' | 'documentNumber' | 'topic' | 'genre' | 'docType' | 'article20Item' | 'writtenOn' |
  'firstPublishedOn' | 'publishedOn' | 'validity' | 'effectiveOn' | 'validityEndedOn'>;

export interface PublishedDocument extends PublishedSummary {
  readonly summary: string;
  /** Sanitized HTML of the version in force. */
  readonly bodyHtml: string;
  /** 发布机构 */
  readonly publisher: string;
  /** 公开方式 code. */
  readonly disclosureMethod: string;
  readonly validityNote: string;
  /** The number of the version in force (> 1 after changes) and when it was published. */
  readonly versionNumber: number;
  readonly updatedAt: string;
  readonly attachments: readonly PublicationAttachment[];
}

const summaryOf = (p: Publication): PublishedSummary => ({
  id: p.id, agencyId: p.agencyId, indexNumber: p.indexNumber, title: p.title, documentNumber: p.documentNumber, topic: p.topic, genre: p.genre,
  docType: p.docType, article20Item: p.article20Item, writtenOn: p.writtenOn, firstPublishedOn: p.firstPublishedOn, publishedOn: p.publishedOn,
  validity: p.validity, effectiveOn: p.effectiveOn, validityEndedOn: p.validityEndedOn,
});

export async function listPublished(deps: Pick<ServiceDeps, 'db'>, q: PublishedQuery = {}): Promise<{ items: PublishedSummary[]; total: number; page: number; pageSize: number }> {
  const pageSize = Math.min(Math.max(Math.trunc(q.pageSize ?? 20), 1), 200);
  const page = Math.max(Math.trunc(q.page ?? 1), 1);
  if (q.agencyIds && q.agencyIds.length === 0) return { items: [], total: 0, page, pageSize };
  let query = deps.db.selectFrom('publication').where('status', '=', 'published');
  if (q.agencyIds) query = query.where('agency_id', 'in', [...q.agencyIds]);
  if (q.topic) query = query.where('topic', '=', q.topic);
  if (q.genre) query = query.where('genre', '=', q.genre);
  if (q.docType) query = query.where('doc_type', '=', q.docType);
  if (q.validity) query = query.where('validity', '=', q.validity);
  if (q.article20Item) query = query.where('article20_item', '=', q.article20Item);
  if (q.year) query = query.where('first_published_on', '>=', `${q.year}-01-01`).where('first_published_on', '<=', `${q.year}-12-31`);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const dir = q.order === 'oldest' ? 'asc' : 'desc';
  const rows = await query.selectAll().orderBy('published_on', dir).orderBy('index_number', dir).limit(pageSize).offset((page - 1) * pageSize).execute();
  return { items: rows.map((r) => summaryOf(toPublication(r))), total: Number(total.n), page, pageSize };
}

async function documentOf(deps: Pick<ServiceDeps, 'db'>, row: Parameters<typeof toPublication>[0] | undefined): Promise<PublishedDocument | null> {
  if (!row || row.status !== 'published' || !row.published_version_id) return null;
  const p = toPublication(row);
  const v = await findVersion(deps.db, row.published_version_id);
  if (!v || v.status !== 'published') return null;
  return {
    ...summaryOf(p), summary: v.summary, bodyHtml: v.bodyHtml, publisher: v.publisher, disclosureMethod: v.disclosureMethod, validityNote: p.validityNote,
    versionNumber: v.number, updatedAt: v.publishedAt ?? p.updatedAt, attachments: await listVersionAttachments(deps.db, v.id),
  };
}

/** The published document with this 索引号, or null (unknown, unpublished or withdrawn). */
export async function getPublishedByIndexNumber(deps: Pick<ServiceDeps, 'db'>, indexNumber: string): Promise<PublishedDocument | null> {
  return documentOf(deps, await deps.db.selectFrom('publication').selectAll().where('index_number', '=', indexNumber).executeTakeFirst());
}

export async function getPublishedById(deps: Pick<ServiceDeps, 'db'>, id: string): Promise<PublishedDocument | null> {
  return documentOf(deps, await deps.db.selectFrom('publication').selectAll().where('id', '=', id).executeTakeFirst());
}

/** An attachment of the version in force of a published document, or null. */
export async function getPublishedAttachment(deps: Pick<ServiceDeps, 'db'>, publicationId: string, attachmentId: string): Promise<{ attachment: PublicationAttachment; content: Uint8Array } | null> {
  const row = await deps.db.selectFrom('publication').select(['status', 'published_version_id']).where('id', '=', publicationId).executeTakeFirst();
  if (!row || row.status !== 'published') return null;
  const a = await findAttachmentRow(deps.db, attachmentId);
  if (!a || a.publicationId !== publicationId || a.versionId !== row.published_version_id) return null;
  const content = await findFileContent(deps.db, a.sha256);
  return content ? { attachment: a, content } : null;
}

const publicKinds: Readonly<Record<string, PublicChangeKind>> = { published: 'published', changed: 'changed', withdrawn: 'withdrawn', validityChanged: 'validity' };

/** Public changes after the cursor `afterId` (0 = from the start), oldest first: the feed of caches and the search index. */
export async function listPublicChanges(deps: Pick<ServiceDeps, 'db'>, afterId = 0, limit = 500): Promise<PublicChange[]> {
  const rows = await listPublicEventRows(deps.db, afterId, Math.min(Math.max(limit, 1), 5000));
  const ids = [...new Set(rows.map((r) => r.publication_id))];
  const numbers = new Map<string, string | null>();
  if (ids.length) {
    for (const r of await deps.db.selectFrom('publication').select(['id', 'index_number']).where('id', 'in', ids).execute()) numbers.set(r.id, r.index_number);
  }
  return rows.map((r) => ({
    eventId: Number(r.id), kind: publicKinds[r.kind] ?? 'changed', publicationId: r.publication_id, agencyId: r.agency_id,
    indexNumber: numbers.get(r.publication_id) ?? null, at: r.at,
  }));
}
