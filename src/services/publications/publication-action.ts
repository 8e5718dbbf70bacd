/**
 * The one path of every publication write: authorize (role + agency reach), load the publication in
 * the transaction, check its version (CONFLICT), let the action do its work, bump the version, append
 * the event and record the audit event (before/after) — in ONE transaction (withTransaction); then,
 * after the commit, tell the listeners of public changes.
 */
import type { Kysely } from 'kysely';
import type { Role } from '../../core/accounts/roles.js';
import type { Calendar } from '../../core/calendar/calendar.js';
import { AppError } from '../../core/errors.js';
import { isUniqueViolation } from '../../db/constraint-errors.js';
import type { Publication, PublicationVersion } from '../../core/publications/publication.js';
import type { PublicationPolicy } from '../../core/publications/workflow.js';
import {
  findOpenVersion, findPublicationRow, findVersion, insertPublicationEvent, toPublication, updatePublicationIfVersion, type PublicationPatch,
} from '../../db/publication.repository.js';
import type { Database } from '../../db/schema.js';
import { canAccessAgency, requireRole, type Principal } from '../authorization.js';
import { loadCalendar } from '../calendar.service.js';
import type { ServiceDeps } from '../deps.js';
import { withTransaction, type Audit } from '../with-transaction.js';
import { loadPublicationPolicy } from './policy.service.js';
import { notifyPublicChange, type PublicChange, type PublicChangeKind } from './public-changes.js';

export interface PublicationRun {
  readonly trx: Kysely<Database>;
  readonly audit: Audit;
  readonly publication: Publication;
  /** The version being worked on (draft, submitted, approved), if any. */
  readonly open: PublicationVersion | null;
  /** The version shown on the portal (or last shown, when withdrawn), if any. */
  readonly shown: PublicationVersion | null;
  readonly policy: PublicationPolicy;
  readonly calendar: Calendar;
  readonly today: string;
}

export interface PublicationPlan {
  /** The event kind (e.g. "submitted", "reviewed", "published"). */
  readonly event: string;
  /** A public change for the portal and search, or none. */
  readonly publicChange?: PublicChangeKind;
  readonly versionId?: string | null;
  readonly patch?: PublicationPatch;
  readonly data?: Record<string, unknown>;
}

const snapshot = (p: Publication, open: PublicationVersion | null) => ({
  status: p.status, version: p.version, indexNumber: p.indexNumber, publishedVersionId: p.publishedVersionId, validity: p.validity,
  validityEndedOn: p.validityEndedOn, openVersion: open ? { id: open.id, number: open.number, status: open.status } : null,
});

const conflict = () => new AppError('CONFLICT', { detail: '该信息已被他人修改，请刷新后重试' });

/**
 * Runs one action on a publication. `work` may throw AppError; nothing is written then.
 * @throws AppError(FORBIDDEN | NOT_FOUND | CONFLICT | WRONG_STATE | REVIEW_REQUIRED | REQUEST_INVALID)
 */
export async function runPublicationAction(
  deps: ServiceDeps, principal: Principal, publicationId: string, expectedVersion: number, action: string, roles: readonly Role[],
  work: (run: PublicationRun) => Promise<PublicationPlan>,
): Promise<Publication> {
  requireRole(principal, ...roles);
  const policy = await loadPublicationPolicy(deps);
  const calendar = await loadCalendar(deps); // outside the transaction (SQLite has one connection)
  const today = deps.clock.today();
  let change: Omit<PublicChange, 'eventId'> | null = null;
  let eventId = 0;
  const saved = await withTransaction(deps, principal, async (trx, audit) => {
    const row = await findPublicationRow(trx, publicationId);
    if (!row || !canAccessAgency(principal, row.agency_id)) throw new AppError('NOT_FOUND', { what: '该信息' });
    const publication = toPublication(row);
    if (publication.version !== expectedVersion) throw conflict();
    const open = await findOpenVersion(trx, publicationId);
    const shown = publication.publishedVersionId ? await findVersion(trx, publication.publishedVersionId) : null;
    const plan = await work({ trx, audit, publication, open, shown, policy, calendar, today });
    let updated: boolean;
    try {
      updated = await updatePublicationIfVersion(trx, publicationId, expectedVersion, { ...plan.patch, updated_at: audit.at });
    } catch (err) {
      // a clashing 索引号 (e.g. after the pattern was changed) is a conflict, not a crash
      if (isUniqueViolation(err)) throw new AppError('CONFLICT', { detail: '索引号已被使用，请检查索引号格式设置' });
      throw err;
    }
    if (!updated) throw conflict();
    const after = toPublication((await findPublicationRow(trx, publicationId))!);
    const openAfter = await findOpenVersion(trx, publicationId);
    eventId = await insertPublicationEvent(trx, {
      publicationId, agencyId: publication.agencyId, versionId: plan.versionId ?? open?.id ?? null, kind: plan.event, public: plan.publicChange !== undefined,
      at: audit.at, actorId: principal.userId, actorName: principal.name, statusBefore: publication.status, statusAfter: after.status, data: plan.data,
    });
    await audit.record({
      action: `publication.${action}`, entityType: 'publication', entityId: publicationId, agencyId: publication.agencyId,
      before: snapshot(publication, open), after: { ...snapshot(after, openAfter), ...(plan.data && { detail: plan.data }) },
    });
    if (plan.publicChange) change = { kind: plan.publicChange, publicationId, agencyId: after.agencyId, indexNumber: after.indexNumber, at: audit.at };
    return after;
  });
  deps.logger.info({ publicationId, action, status: saved.status }, 'publication action');
  if (change) await notifyPublicChange(deps, { ...(change as Omit<PublicChange, 'eventId'>), eventId });
  return saved;
}
