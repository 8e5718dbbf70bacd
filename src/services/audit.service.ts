/** Reading the audit log: administrators see everything, supervisors the events of their subtree. */
import { AppError } from '../core/errors.js';
import { findAuditEvents, type AuditEvent, type AuditFilter } from '../db/audit.repository.js';
import { canAccessAgency, requireRole, visibleAgencyIds, type Principal } from './authorization.js';
import type { ServiceDeps } from './deps.js';

export type { AuditEvent };

export type AuditQuery = Omit<AuditFilter, 'agencyIds' | 'limit'> & {
  /** Only this agency (must be within reach). */
  readonly agencyId?: string;
  /** 1–500, default 100. */
  readonly limit?: number;
};

/** Newest first. @throws AppError(FORBIDDEN | NOT_FOUND) */
export async function queryAuditEvents(deps: ServiceDeps, principal: Principal, query: AuditQuery): Promise<AuditEvent[]> {
  requireRole(principal, 'admin', 'supervisor');
  if (query.agencyId !== undefined && !canAccessAgency(principal, query.agencyId)) throw new AppError('NOT_FOUND', { what: '该机关' });
  const limit = Math.min(Math.max(query.limit ?? 100, 1), 500);
  const { agencyId, ...rest } = query;
  return findAuditEvents(deps.db, { ...rest, agencyIds: agencyId !== undefined ? [agencyId] : visibleAgencyIds(principal), limit });
}
