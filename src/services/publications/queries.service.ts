/**
 * Reading publications in the console: the catalog with filters, one item with its versions, reviews,
 * attachments and history, the review queue, attachment files. Staff see the agencies in their reach
 * only (another agency's drafts answer NOT_FOUND).
 */
import { AppError } from '../../core/errors.js';
import { deadlineState, type PublicationDeadline } from '../../core/publications/deadline.js';
import type { Publication, PublicationAttachment, PublicationVersion, Review, ReviewKind } from '../../core/publications/publication.js';
import { reviewKinds } from '../../core/publications/publication.js';
import { authorEvents, currentReviews, publishBlockers, reviewerRolesOf, reviewRefusal } from '../../core/publications/workflow.js';
import { findAttachmentRow, findFileContent, listVersionAttachments } from '../../db/publication-attachment.repository.js';
import { listCatalogRows, listOpenVersionRows, type CatalogFilter, type CatalogRow } from '../../db/publication-query.repository.js';
import { findPublication, listPublicationEventRows, listReviews, listVersions } from '../../db/publication.repository.js';
import { canAccessAgency, visibleAgencyIds, type Principal } from '../authorization.js';
import { loadCalendar } from '../calendar.service.js';
import type { ServiceDeps } from '../deps.js';
import { loadPublicationPolicy } from './policy.service.js';

export interface PublicationEvent {
  readonly id: number;
  readonly kind: string;
  readonly versionId: string | null;
  readonly at: string;
  readonly actorName: string;
  readonly statusBefore: string | null;
  readonly statusAfter: string | null;
  readonly data: unknown;
}

export interface PublicationDetail {
  readonly publication: Publication;
  readonly versions: readonly PublicationVersion[];
  readonly reviews: readonly Review[];
  /** Attachments by version id. */
  readonly attachments: Readonly<Record<string, readonly PublicationAttachment[]>>;
  readonly events: readonly PublicationEvent[];
  /** The version being worked on, its deadline (第二十六条) and why it cannot be published yet. */
  readonly open: {
    readonly version: PublicationVersion;
    readonly deadline: PublicationDeadline;
    readonly publishBlockers: readonly string[];
    /** Review kinds still missing in the current round (submitted versions). */
    readonly pendingReviews: readonly ReviewKind[];
  } | null;
}

/** @throws AppError(NOT_FOUND) */
export async function getPublicationDetail(deps: ServiceDeps, principal: Principal, id: string): Promise<PublicationDetail> {
  const publication = await findPublication(deps.db, id);
  if (!publication || !canAccessAgency(principal, publication.agencyId)) throw new AppError('NOT_FOUND', { what: '该信息' });
  const versions = await listVersions(deps.db, id);
  const reviews = await listReviews(deps.db, { publicationId: id });
  const attachments: Record<string, PublicationAttachment[]> = {};
  for (const v of versions) attachments[v.id] = await listVersionAttachments(deps.db, v.id);
  const events = (await listPublicationEventRows(deps.db, id)).map((e) => ({
    id: Number(e.id), kind: e.kind, versionId: e.version_id, at: e.at, actorName: e.actor_name, statusBefore: e.status_before,
    statusAfter: e.status_after, data: JSON.parse(e.data) as unknown,
  }));
  const openVersion = [...versions].reverse().find((v) => v.status === 'draft' || v.status === 'submitted' || v.status === 'approved') ?? null;
  let open: PublicationDetail['open'] = null;
  if (openVersion) {
    const policy = await loadPublicationPolicy(deps);
    const calendar = await loadCalendar(deps);
    const round = currentReviews(openVersion, reviews);
    open = {
      version: openVersion,
      deadline: deadlineState(calendar, openVersion.formedOn, deps.clock.today(), policy.dueSoonWorkdays, policy.publishWithinWorkdays),
      publishBlockers: publishBlockers(openVersion, reviews),
      pendingReviews: openVersion.status === 'submitted' ? reviewKinds.filter((k) => !round[k]) : [],
    };
  }
  return { publication, versions, reviews, attachments, events, open };
}

export type CatalogQuery = Omit<CatalogFilter, 'agencyIds' | 'limit' | 'offset'> & { readonly agencyId?: string; readonly page?: number; readonly pageSize?: number };

export interface CatalogPage {
  readonly items: readonly CatalogRow[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

const paging = (page?: number, pageSize?: number) => {
  const size = Math.min(Math.max(Math.trunc(pageSize ?? 20), 1), 200);
  const p = Math.max(Math.trunc(page ?? 1), 1);
  return { page: p, pageSize: size, limit: size, offset: (p - 1) * size };
};

/** The staff catalog: publications in reach (or one agency of it), newest change first. */
export async function listPublications(deps: ServiceDeps, principal: Principal, q: CatalogQuery): Promise<CatalogPage> {
  const { page, pageSize, limit, offset } = paging(q.page, q.pageSize);
  let agencyIds = visibleAgencyIds(principal);
  if (q.agencyId) agencyIds = canAccessAgency(principal, q.agencyId) ? [q.agencyId] : [];
  const { agencyId: _a, page: _p, pageSize: _s, ...filter } = q;
  const found = await listCatalogRows(deps.db, { ...filter, agencyIds, limit, offset });
  return { items: found.rows, total: found.total, page, pageSize };
}

export interface ReviewQueueItem {
  readonly publicationId: string;
  /** The publication's version (for the review action). */
  readonly version: number;
  readonly agencyId: string;
  readonly versionId: string;
  readonly number: number;
  readonly title: string;
  readonly formedOn: string;
  readonly publishBy: string;
  readonly submittedAt: string | null;
  readonly isChange: boolean;
  readonly pendingReviews: readonly ReviewKind[];
  /** Whether this user may review it now (not the author, role allowed). */
  readonly canReview: boolean;
  readonly refusal: string | null;
}

/** Submitted versions in reach with the reviews still missing; reviewers only see what they may review first. */
export async function listReviewQueue(deps: ServiceDeps, principal: Principal): Promise<ReviewQueueItem[]> {
  const policy = await loadPublicationPolicy(deps);
  const rows = await listOpenVersionRows(deps.db, visibleAgencyIds(principal), ['submitted']);
  const mayReview = reviewerRolesOf(policy).includes(principal.role);
  const out: ReviewQueueItem[] = [];
  for (const r of rows) {
    const reviews = await listReviews(deps.db, { versionId: r.versionId });
    const round = currentReviews({ id: r.versionId, reviewRound: r.reviewRound }, reviews);
    const pending = reviewKinds.filter((k) => !round[k]);
    const version = { id: r.versionId, status: r.status, reviewRound: r.reviewRound, createdBy: r.createdBy, submittedBy: r.submittedBy };
    const authors = (await listPublicationEventRows(deps.db, r.publicationId))
      .filter((e) => e.version_id === r.versionId && authorEvents.includes(e.kind)).map((e) => e.actor_id).filter((x): x is string => x !== null);
    const refusal = mayReview
      ? (pending.map((k) => reviewRefusal(version, reviews, k, principal.userId, policy, authors)).find((x) => x !== null)?.reason ?? null)
      : '您的角色不能审查';
    out.push({
      publicationId: r.publicationId, version: r.publicationVersion, agencyId: r.agencyId, versionId: r.versionId, number: r.number, title: r.title,
      formedOn: r.formedOn, publishBy: r.publishBy, submittedAt: r.submittedAt, isChange: r.publicationStatus !== 'draft', pendingReviews: pending,
      canReview: refusal === null && pending.length > 0, refusal,
    });
  }
  return out.sort((a, b) => Number(b.canReview) - Number(a.canReview) || a.publishBy.localeCompare(b.publishBy));
}

/** A file of any version of a publication in reach. @throws AppError(NOT_FOUND) */
export async function getPublicationAttachmentFile(deps: ServiceDeps, principal: Principal, attachmentId: string): Promise<{ attachment: PublicationAttachment; content: Uint8Array }> {
  const a = await findAttachmentRow(deps.db, attachmentId);
  if (!a || !canAccessAgency(principal, a.agencyId)) throw new AppError('NOT_FOUND', { what: '该附件' });
  const content = await findFileContent(deps.db, a.sha256);
  if (!content) throw new AppError('NOT_FOUND', { what: '该附件' });
  return { attachment: a, content };
}
