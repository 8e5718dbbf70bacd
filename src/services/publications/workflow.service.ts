/**
 * The review workflow: submit, recall, 保密审查 / 发布审查, and publishVersion — THE one function that
 * publishes (未经审核不得发布: it refuses unless publishBlockers is empty, and the database refuses the
 * rows again) — then withdrawal and validity changes of published items.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/errors.js';
import { publishedInTime } from '../../core/publications/deadline.js';
import { agencyIndexCode, formatIndexNumber } from '../../core/publications/index-number.js';
import { reviewKinds, type Publication, type ReviewDecision, type ReviewKind } from '../../core/publications/publication.js';
import {
  authorEvents, authorRoles, currentReviews, publishBlockers, reviewerRolesOf, reviewRefusal, statusAfterReview,
} from '../../core/publications/workflow.js';
import { findAgencyById } from '../../db/agency.repository.js';
import { listVersionAttachments } from '../../db/publication-attachment.repository.js';
import { findVersion, insertReviewRow, listPublicationEventRows, listReviews, nextIndexSeq, updateVersionRow } from '../../db/publication.repository.js';
import type { Principal } from '../authorization.js';
import type { ServiceDeps } from '../deps.js';
import { checkLegalDate } from '../requests/request-action.js';
import { mergeValidity, type ValidityInput } from './content.js';
import { loadPublicationPolicy } from './policy.service.js';
import { runPublicationAction } from './publication-action.js';

const invalid = (detail: string) => new AppError('REQUEST_INVALID', { detail });

/** Submits the open draft for 保密审查 and 发布审查 (a new review round). */
export async function submitForReview(deps: ServiceDeps, principal: Principal, id: string, input: { readonly version: number }): Promise<Publication> {
  return runPublicationAction(deps, principal, id, input.version, 'submit', authorRoles, async ({ trx, audit, open }) => {
    if (!open || open.status !== 'draft') throw new AppError('WRONG_STATE', { detail: '没有可提交的草稿' });
    const files = await listVersionAttachments(trx, open.id);
    if (open.title.trim() === '') throw invalid('标题不能为空');
    if (open.bodyHtml.trim() === '' && files.length === 0) throw invalid('正文和附件不能都为空');
    const round = open.reviewRound + 1;
    await updateVersionRow(trx, open.id, {
      status: 'submitted', review_round: round, submitted_by: principal.userId, submitted_at: audit.at,
      confidentiality_review_id: null, release_review_id: null, updated_at: audit.at,
    });
    return { event: 'submitted', versionId: open.id, data: { round } };
  });
}

/** Takes a submitted version back to draft (before both reviews approve it). */
export async function recallSubmission(deps: ServiceDeps, principal: Principal, id: string, input: { readonly version: number }): Promise<Publication> {
  return runPublicationAction(deps, principal, id, input.version, 'recall', authorRoles, async ({ trx, audit, open }) => {
    if (!open || open.status !== 'submitted') throw new AppError('WRONG_STATE', { detail: '只有待审查的稿件可以撤回' });
    await updateVersionRow(trx, open.id, { status: 'draft', confidentiality_review_id: null, release_review_id: null, updated_at: audit.at });
    return { event: 'recalled', versionId: open.id };
  });
}

export interface ReviewInput {
  readonly version: number;
  readonly kind: ReviewKind;
  readonly decision: ReviewDecision;
  readonly opinion?: string;
  /** The date of the review (default today). */
  readonly reviewedOn?: string;
}

/**
 * Records a 保密审查 or 发布审查 of the submitted version. Both approved → approved (publishable);
 * a rejection → back to draft. The author may not review (policy.separationOfDuties).
 * @throws AppError(FORBIDDEN | NOT_FOUND | CONFLICT | WRONG_STATE | REQUEST_INVALID)
 */
export async function recordReview(deps: ServiceDeps, principal: Principal, id: string, input: ReviewInput): Promise<Publication> {
  const policy = await loadPublicationPolicy(deps);
  if (!(reviewKinds as readonly string[]).includes(input.kind)) throw invalid('审查类别应为 confidentiality（保密审查）或 release（发布审查）');
  if (input.decision !== 'approved' && input.decision !== 'rejected') throw invalid('审查结论应为 approved 或 rejected');
  const opinion = (input.opinion ?? '').trim();
  if (opinion.length > 2000) throw invalid('审查意见不能超过 2000 个字');
  if (input.decision === 'rejected' && opinion.length === 0) throw invalid('不同意发布时须写明审查意见');
  return runPublicationAction(deps, principal, id, input.version, 'review', reviewerRolesOf(policy), async ({ trx, audit, open, today }) => {
    if (!open) throw new AppError('WRONG_STATE', { detail: '没有待审查的稿件' });
    const reviews = await listReviews(trx, { versionId: open.id });
    const authors = (await listPublicationEventRows(trx, id))
      .filter((e) => e.version_id === open.id && authorEvents.includes(e.kind))
      .map((e) => e.actor_id).filter((x): x is string => x !== null);
    const refusal = reviewRefusal(open, reviews, input.kind, principal.userId, policy, authors);
    if (refusal) throw new AppError(refusal.kind === 'duty' ? 'FORBIDDEN' : 'WRONG_STATE', { detail: refusal.reason });
    const reviewedOn = checkLegalDate(input.reviewedOn ?? today, '审查日期', open.formedOn, today);
    const review = {
      id: randomUUID(), versionId: open.id, publicationId: id, agencyId: open.agencyId, kind: input.kind, decision: input.decision,
      round: open.reviewRound, opinion, reviewerId: principal.userId, reviewerName: principal.name, reviewedOn, at: audit.at,
    } as const;
    await insertReviewRow(trx, review);
    const round = { ...currentReviews(open, reviews), [input.kind]: review };
    const status = statusAfterReview(round);
    const refs = status === 'draft'
      ? { confidentiality_review_id: null, release_review_id: null }
      : input.decision === 'approved' ? { [input.kind === 'confidentiality' ? 'confidentiality_review_id' : 'release_review_id']: review.id } : {};
    await updateVersionRow(trx, open.id, { ...refs, status, updated_at: audit.at });
    return { event: 'reviewed', versionId: open.id, data: { reviewId: review.id, kind: input.kind, decision: input.decision, round: review.round, statusAfter: status } };
  });
}

/**
 * Publishes the approved version: THE only way a version reaches the portal. Refuses (REVIEW_REQUIRED)
 * unless both reviews of the version's current round approved it; gives the 索引号 at the first
 * publication; the previously shown version is kept as superseded.
 * @throws AppError(FORBIDDEN | NOT_FOUND | CONFLICT | WRONG_STATE | REVIEW_REQUIRED | REQUEST_INVALID)
 */
export async function publishVersion(
  deps: ServiceDeps, principal: Principal, id: string, input: { readonly version: number; readonly publishedOn?: string },
): Promise<Publication> {
  return runPublicationAction(deps, principal, id, input.version, 'publish', authorRoles, async ({ trx, audit, publication, open, shown, policy, calendar, today }) => {
    if (!open) throw new AppError('REVIEW_REQUIRED', { detail: '没有经审查同意的待发布版本' });
    // re-read the version inside the transaction: the gate judges the stored rows, not the caller's view
    const version = await findVersion(trx, open.id);
    const reviews = await listReviews(trx, { versionId: open.id });
    const blockers = version ? publishBlockers(version, reviews) : ['版本不存在'];
    if (!version || blockers.length) throw new AppError('REVIEW_REQUIRED', { detail: blockers.join('；') });
    const reviewedOn = reviews.filter((r) => r.round === version.reviewRound).reduce((m, r) => (r.reviewedOn > m ? r.reviewedOn : m), version.formedOn);
    const publishedOn = checkLegalDate(input.publishedOn ?? today, '发布日期', reviewedOn, today);
    let indexNumber = publication.indexNumber;
    let indexYear: number | null = null;
    let indexSeq: number | null = null;
    if (!indexNumber) {
      const agency = await findAgencyById(trx, publication.agencyId);
      if (!agency) throw new AppError('NOT_FOUND', { what: '该机关' });
      indexYear = Number(publishedOn.slice(0, 4));
      indexSeq = await nextIndexSeq(trx, publication.agencyId, indexYear);
      try {
        indexNumber = formatIndexNumber(policy.indexPattern, { agencyCode: agencyIndexCode(agency, policy.agencyCodes), year: indexYear, month: Number(publishedOn.slice(5, 7)), seq: indexSeq });
      } catch (err) {
        throw new AppError('CONFLICT', { detail: `无法按索引号格式生成索引号：${(err as Error).message}` });
      }
    }
    await updateVersionRow(trx, version.id, { status: 'published', published_by: principal.userId, published_at: audit.at, published_on: publishedOn, updated_at: audit.at });
    if (shown && shown.id !== version.id) await updateVersionRow(trx, shown.id, { status: 'superseded', updated_at: audit.at });
    const first = publication.status === 'draft';
    const patch = {
      status: 'published' as const, published_version_id: version.id,
      published_confidentiality_review_id: version.confidentialityReviewId, published_release_review_id: version.releaseReviewId,
      ...(indexYear !== null && { index_number: indexNumber, index_year: indexYear, index_seq: indexSeq }),
      title: version.title, document_number: version.documentNumber, topic: version.topic, genre: version.genre, doc_type: version.docType,
      article20_item: version.article20Item, written_on: version.writtenOn, published_on: publishedOn,
      first_published_on: publication.firstPublishedOn ?? publishedOn, withdrawn_on: null, withdrawn_reason: '',
    };
    return {
      event: first ? 'published' : 'changed', publicChange: first ? 'published' : 'changed', versionId: version.id, patch,
      data: { number: version.number, indexNumber, publishedOn, publishBy: version.publishBy, inTime: publishedInTime(calendar, version.formedOn, publishedOn, policy.publishWithinWorkdays) },
    };
  });
}

/** Takes a published item off the portal (撤回), with a reason. Reviewer roles. */
export async function withdrawPublication(
  deps: ServiceDeps, principal: Principal, id: string, input: { readonly version: number; readonly reason: string; readonly on?: string },
): Promise<Publication> {
  const policy = await loadPublicationPolicy(deps);
  const reason = input.reason.trim();
  if (reason.length === 0 || reason.length > 500) throw invalid('撤回原因应为1至500个字');
  return runPublicationAction(deps, principal, id, input.version, 'withdraw', reviewerRolesOf(policy), async ({ publication, today }) => {
    if (publication.status !== 'published') throw new AppError('WRONG_STATE', { detail: '只有已发布的信息可以撤回' });
    const on = checkLegalDate(input.on ?? today, '撤回日期', publication.publishedOn, today);
    return { event: 'withdrawn', publicChange: 'withdrawn', patch: { status: 'withdrawn', withdrawn_on: on, withdrawn_reason: reason }, data: { on, reason } };
  });
}

/** Changes the 有效性 of a published (or withdrawn) item: 失效 / 废止 with the date, or back to 有效. Reviewer roles. */
export async function setValidity(deps: ServiceDeps, principal: Principal, id: string, input: ValidityInput & { readonly version: number }): Promise<Publication> {
  const policy = await loadPublicationPolicy(deps);
  return runPublicationAction(deps, principal, id, input.version, 'setValidity', reviewerRolesOf(policy), async ({ publication, today }) => {
    if (publication.status === 'draft') throw new AppError('WRONG_STATE', { detail: '未发布信息的有效性请在草稿中修改' });
    const v = mergeValidity(publication, input, today, publication.writtenOn);
    return {
      event: 'validityChanged', ...(publication.status === 'published' && { publicChange: 'validity' as const }), versionId: publication.publishedVersionId,
      patch: { validity: v.validity, effective_on: v.effectiveOn, validity_ended_on: v.validityEndedOn, validity_note: v.validityNote },
      data: { before: publication.validity, after: v.validity, validityEndedOn: v.validityEndedOn },
    };
  });
}
