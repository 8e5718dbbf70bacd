/**
 * The publishing workflow (未经审核不得发布):
 *
 *   version: draft ──submit──▶ submitted ──review × 2 (保密审查 + 发布审查, both approved)──▶ approved ──publish──▶ published
 *              ▲  recall / any rejection ◀┘                                                        (the previous one → superseded)
 *   publication: draft ──publish v1──▶ published ──withdraw──▶ withdrawn
 *                published | withdrawn ──startChange──▶ new draft version (reviewed again before it replaces the text shown)
 *
 * `publishBlockers` is THE gate: the one service function that publishes refuses unless it is empty,
 * and the database refuses the same rows again (see the publications migration).
 */
import type { Role } from '../accounts/roles.js';
import type { PublicationStatus, PublicationVersion, Review, ReviewKind, VersionStatus } from './publication.js';
import { reviewKindLabels, reviewKinds } from './publication.js';

/** Installation policy of the workflow (setting `publications.policy`; defaults below). */
export interface PublicationPolicy {
  /** 索引号 pattern: {agencyCode} {year} {month} {seq:N} (N digits, zero-padded). */
  readonly indexPattern: string;
  /** Per-agency code for {agencyCode} (default: the agency's 统一社会信用代码, else a short id). */
  readonly agencyCodes: Readonly<Record<string, string>>;
  /** Roles that may record 保密审查 / 发布审查 (admins always may; supervisors never write). */
  readonly reviewerRoles: readonly Role[];
  /** The author (creator or submitter of the version) may not review it. */
  readonly separationOfDuties: boolean;
  /** 保密审查 and 发布审查 must be recorded by two different people. */
  readonly distinctReviewers: boolean;
  /** Working days before the 20-wd deadline from which an item counts as "due soon". */
  readonly dueSoonWorkdays: number;
  /** 第二十六条: working days from formation or change to publication. */
  readonly publishWithinWorkdays: number;
}

export const defaultPublicationPolicy: PublicationPolicy = Object.freeze<PublicationPolicy>({
  indexPattern: '{agencyCode}/{year}-{seq:5}',
  agencyCodes: {},
  reviewerRoles: ['head'],
  separationOfDuties: true,
  distinctReviewers: false,
  dueSoonWorkdays: 5,
  publishWithinWorkdays: 20,
});

/** Roles that write drafts, submit them, publish approved versions. */
export const authorRoles: readonly Role[] = ['handler', 'head', 'admin'];

/** Roles that review under the policy (admin always). */
export const reviewerRolesOf = (policy: PublicationPolicy): readonly Role[] =>
  [...new Set<Role>([...policy.reviewerRoles.filter((r) => r !== 'supervisor'), 'admin'])];

/** Events whose actor counts as an author of the version (separation of duties). */
export const authorEvents: readonly string[] = ['created', 'edited', 'changeStarted', 'attachmentAdded', 'attachmentRemoved', 'submitted'];

/** Versions still being worked on (at most one per publication). */
export const openVersionStatuses: readonly VersionStatus[] = ['draft', 'submitted', 'approved'];

/** Why a version cannot be published now (Chinese reasons); empty = it may be published. */
export function publishBlockers(version: Pick<PublicationVersion, 'id' | 'status' | 'reviewRound' | 'confidentialityReviewId' | 'releaseReviewId'>, reviews: readonly Review[]): string[] {
  const out: string[] = [];
  if (version.status !== 'approved') out.push(version.status === 'published' ? '该版本已发布' : '该版本尚未通过保密审查和发布审查');
  for (const kind of reviewKinds) {
    const ref = kind === 'confidentiality' ? version.confidentialityReviewId : version.releaseReviewId;
    const r = ref ? reviews.find((x) => x.id === ref) : undefined;
    const label = reviewKindLabels[kind];
    if (!r) out.push(`缺少${label}意见`);
    else if (r.versionId !== version.id || r.kind !== kind) out.push(`${label}意见不属于该版本`);
    else if (r.decision !== 'approved') out.push(`${label}未同意发布`);
    else if (r.round !== version.reviewRound) out.push(`${label}意见不是本次提交的审查意见`);
  }
  return [...new Set(out)];
}

/** The reviews of the version's current round, by kind. */
export function currentReviews(version: Pick<PublicationVersion, 'id' | 'reviewRound'>, reviews: readonly Review[]): Partial<Record<ReviewKind, Review>> {
  const out: Partial<Record<ReviewKind, Review>> = {};
  for (const r of reviews) if (r.versionId === version.id && r.round === version.reviewRound) out[r.kind] = r;
  return out;
}

/** Why a review may not be recorded: the version's state, or the separation of duties. */
export interface ReviewRefusal {
  readonly kind: 'state' | 'duty';
  readonly reason: string;
}

/**
 * Why this reviewer may not record this review now (null = may).
 * @param reviewer the user id of the reviewer (null = the system).
 * @param authors users who created, edited or submitted the version (besides createdBy/submittedBy).
 */
export function reviewRefusal(
  version: Pick<PublicationVersion, 'id' | 'status' | 'reviewRound' | 'createdBy' | 'submittedBy'>,
  reviews: readonly Review[], kind: ReviewKind, reviewer: string | null, policy: PublicationPolicy, authors: readonly string[] = [],
): ReviewRefusal | null {
  if (version.status !== 'submitted') return { kind: 'state', reason: '只有已提交审查的版本可以审查' };
  const current = currentReviews(version, reviews);
  if (current[kind]) return { kind: 'state', reason: `本轮${reviewKindLabels[kind]}已有意见` };
  if (policy.separationOfDuties && reviewer !== null && (reviewer === version.createdBy || reviewer === version.submittedBy || authors.includes(reviewer))) {
    return { kind: 'duty', reason: '起草、修改或提交该版本的人员不能审查本人的稿件（审查与起草分离）' };
  }
  const other = current[kind === 'confidentiality' ? 'release' : 'confidentiality'];
  if (policy.distinctReviewers && reviewer !== null && other && other.reviewerId === reviewer) {
    return { kind: 'duty', reason: '保密审查和发布审查应由不同人员进行' };
  }
  return null;
}

/** The version state after a review of the current round is recorded. */
export function statusAfterReview(reviewsOfRound: Partial<Record<ReviewKind, Pick<Review, 'decision'>>>): VersionStatus {
  const decisions = reviewKinds.map((k) => reviewsOfRound[k]?.decision);
  if (decisions.includes('rejected')) return 'draft';
  return decisions.every((d) => d === 'approved') ? 'approved' : 'submitted';
}

/** Whether a new change (version) may be started on a publication in this state. */
export const canStartChange = (status: PublicationStatus): boolean => status === 'published' || status === 'withdrawn';
