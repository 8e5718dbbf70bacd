/**
 * Closing a report year (年度关闭): the year's figures, compiled from the records, are frozen with
 * who closed it and when; from then on the year is served frozen, and the next year's 上年结转 must
 * equal its 结转下年度继续办理 (T3-CARRY, an error). Only a year that has ended and whose report has
 * no error-level finding can be closed. Reopening (the administrator, with a reason) keeps the
 * closure on record. Both are audited.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/errors.js';
import { formatFinding } from '../../core/messages.zh-CN.js';
import { reportToJson } from '../../core/report/json.js';
import { isUniqueViolation } from '../../db/constraint-errors.js';
import { findClosure, insertClosure, listClosures, markReopened, type ReportClosure } from '../../db/report-closure.repository.js';
import { requireRole, type Principal } from '../authorization.js';
import type { ServiceDeps } from '../deps.js';
import { withTransaction } from '../with-transaction.js';
import { notifyPortalChange } from '../search/data-version.js';
import { agencyInReach, buildAgencyReport, checkReportYear, type CompiledReport } from './compile.service.js';

const entityId = (agencyId: string, year: number) => `${agencyId}/${year}`;

/** Summary of a closure for the audit log (the figures are in the row itself). */
const auditView = (c: Pick<ReportClosure, 'id' | 'year' | 'format' | 'closedAt' | 'closedByName'>) =>
  ({ closureId: c.id, year: c.year, format: c.format, closedAt: c.closedAt, closedBy: c.closedByName });

/**
 * Freezes an agency's figures of a year that has ended (机关负责人, 主管部门 or the administrator).
 * @throws AppError(FORBIDDEN | NOT_FOUND | REQUEST_INVALID | CONFLICT | WRONG_STATE)
 */
export async function closeYear(deps: ServiceDeps, principal: Principal, agencyId: string, year: number): Promise<CompiledReport> {
  requireRole(principal, 'head', 'supervisor', 'admin');
  const today = deps.clock.today();
  checkReportYear(year, today);
  if (year >= Number(today.slice(0, 4))) throw new AppError('WRONG_STATE', { detail: `${year}年度尚未结束，不能关闭` });
  const agency = await agencyInReach(deps.db, principal, agencyId);
  try {
    const closed = await withTransaction(deps, principal, async (trx, audit) => {
      if (await findClosure(trx, agency.id, year)) throw new AppError('CONFLICT', { detail: `${year}年度已经关闭` });
      const compiled = await buildAgencyReport(trx, agency, year);
      const errors = compiled.findings.filter((f) => f.severity === 'error');
      if (errors.length > 0) {
        throw new AppError('WRONG_STATE', { detail: `年度报告有错误，不能关闭：${errors.slice(0, 3).map(formatFinding).join('；')}${errors.length > 3 ? ` 等 ${errors.length} 处` : ''}` });
      }
      const closure = {
        id: randomUUID(), agencyId: agency.id, year, format: compiled.report.format, report: reportToJson(compiled.report, { withSections: true }),
        closedBy: principal.userId, closedByName: principal.name, closedAt: audit.at,
      };
      await insertClosure(trx, closure);
      await audit.record({
        action: 'report.close', entityType: 'report', entityId: entityId(agency.id, year), agencyId: agency.id,
        after: { ...auditView(closure), tables: closure.report.tables },
      });
      deps.logger.info({ agencyId: agency.id, year, closureId: closure.id }, 'report year closed');
      return { ...compiled, closure: { id: closure.id, closedAt: closure.closedAt, closedBy: closure.closedBy, closedByName: closure.closedByName }, provenance: { ...compiled.provenance, source: 'frozen' as const } };
    });
    notifyPortalChange(deps); // the portal lists the report at once (its page cache follows the data version)
    return closed;
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', { detail: `${year}年度已经关闭` });
    throw err;
  }
}

/**
 * Reopens a closed year (the administrator only, with a reason); the closure stays on record.
 * @throws AppError(FORBIDDEN | NOT_FOUND | REQUEST_INVALID | WRONG_STATE)
 */
export async function reopenYear(deps: ServiceDeps, principal: Principal, agencyId: string, year: number, reason: string): Promise<ReportClosure> {
  requireRole(principal, 'admin');
  checkReportYear(year, deps.clock.today());
  const why = (reason ?? '').trim();
  if (!why) throw new AppError('REQUEST_INVALID', { detail: '请填写重新打开的理由' });
  if ([...why].length > 500) throw new AppError('REQUEST_INVALID', { detail: '理由不能超过 500 个字' });
  const agency = await agencyInReach(deps.db, principal, agencyId);
  const reopened = await withTransaction(deps, principal, async (trx, audit) => {
    const closure = await findClosure(trx, agency.id, year);
    if (!closure) throw new AppError('WRONG_STATE', { detail: `${year}年度尚未关闭` });
    const by = { userId: principal.userId, name: principal.name, at: audit.at, reason: why };
    if (!(await markReopened(trx, closure.id, by))) throw new AppError('CONFLICT', { detail: '该年度已被他人重新打开' });
    const after: ReportClosure = { ...closure, reopenedBy: by.userId, reopenedByName: by.name, reopenedAt: by.at, reopenReason: why };
    await audit.record({
      action: 'report.reopen', entityType: 'report', entityId: entityId(agency.id, year), agencyId: agency.id,
      before: auditView(closure), after: { ...auditView(closure), reopenedAt: by.at, reopenedBy: by.name, reason: why },
    });
    deps.logger.info({ agencyId: agency.id, year, closureId: closure.id }, 'report year reopened');
    return after;
  });
  notifyPortalChange(deps);
  return reopened;
}

/** Closures of an agency (in force and reopened), newest first, without their figures. */
export async function listYearClosures(deps: ServiceDeps, principal: Principal, agencyId: string): Promise<Omit<ReportClosure, 'report'>[]> {
  const agency = await agencyInReach(deps.db, principal, agencyId);
  return (await listClosures(deps.db, agency.id)).map(({ report: _report, ...rest }) => rest);
}
