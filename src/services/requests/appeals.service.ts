/**
 * 行政复议 and 行政诉讼 about requests (table 四): recorded by the agency whose act is challenged,
 * linked to the request when there is one. `reviewOrganCoDefendant` marks a suit in which this agency
 * is only the 复议机关 named co-defendant: kept on record, not counted in its own table 四 (rules §1.6);
 * the original acting agency records the same suit without the flag and counts it. So the flag is
 * refused on a record linked to a request of the record's own agency (that agency made the act).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/errors.js';
import { appealKinds, appealResults, type Appeal, type AppealKind, type AppealResult } from '../../core/requests/records.js';
import { deleteAppealRow, findAppeal, insertAppeal, listAppealRows, updateAppealIfVersion, type AppealPatch } from '../../db/appeal.repository.js';
import { findRequestRow } from '../../db/request.repository.js';
import { findAgencyById } from '../../db/agency.repository.js';
import { canAccessAgency, requireAgencyAccess, requireRole, visibleAgencyIds, type Principal } from '../authorization.js';
import type { ServiceDeps } from '../deps.js';
import { assertYearsOpen } from '../reports/closed-years.js';
import { withTransaction } from '../with-transaction.js';
import { checkLegalDate } from './request-action.js';
import type { Page } from './queries.service.js';

export interface AppealInput {
  readonly agencyId?: string;
  readonly requestId?: string | null;
  readonly kind: AppealKind;
  readonly result?: AppealResult;
  readonly filedOn: string;
  readonly decidedOn?: string | null;
  readonly reviewOrganCoDefendant?: boolean;
  readonly caseNumber?: string;
  readonly organ?: string;
  readonly note?: string;
}

const text = (v: string | undefined, max: number, label: string): string => {
  const s = (v ?? '').trim();
  if ([...s].length > max) throw new AppError('REQUEST_INVALID', { detail: `${label}不能超过 ${max} 个字` });
  return s;
};

function checkCoherent(a: { kind: AppealKind; result: AppealResult; filedOn: string; decidedOn: string | null; reviewOrganCoDefendant: boolean }, today: string): void {
  if (!appealKinds.includes(a.kind)) throw new AppError('REQUEST_INVALID', { detail: '类型应为 review、suitDirect 或 suitAfterReview' });
  if (!appealResults.includes(a.result)) throw new AppError('REQUEST_INVALID', { detail: '结果应为 upheld、corrected、other 或 pending' });
  checkLegalDate(a.filedOn, '立案（申请）日期', null, today);
  if (a.decidedOn !== null) checkLegalDate(a.decidedOn, '审结日期', a.filedOn, today);
  if (a.result === 'pending' && a.decidedOn !== null) throw new AppError('REQUEST_INVALID', { detail: '尚未审结的案件不应有审结日期' });
  if (a.result !== 'pending' && a.decidedOn === null) throw new AppError('REQUEST_INVALID', { detail: '已审结的案件请填写审结日期' });
  if (a.reviewOrganCoDefendant && a.kind !== 'suitAfterReview') throw new AppError('REQUEST_INVALID', { detail: '复议机关作共同被告只适用于复议后起诉的行政诉讼' });
}

/** The flag on a record linked to the agency's own request would leave the suit counted by nobody (rules §1.6). */
function checkCoDefendantRole(reviewOrganCoDefendant: boolean, agencyId: string, requestAgencyId: string | null): void {
  if (reviewOrganCoDefendant && requestAgencyId === agencyId) {
    throw new AppError('REQUEST_INVALID', {
      detail: '关联的申请由本机关办理，本机关是作出原行政行为的机关，该诉讼应计入本机关表四，不能标为“仅作为复议机关共同被告”；复议机关作共同被告的案件由复议机关登记时勾选',
    });
  }
}

type Counted = Pick<Appeal, 'kind' | 'result' | 'filedOn' | 'decidedOn' | 'reviewOrganCoDefendant'>;

/**
 * The dates whose years an update changes in table 四 (closed years are frozen): the filing year's row
 * when the kind, co-defendant flag or filing date changes; the decision's year when the result or the
 * decision date changes (a case decided after 31 Dec counts as 尚未审结 in its filing year).
 */
function frozenDates(before: Counted, next: Counted): (string | null)[] {
  const dates: (string | null)[] = [];
  if (before.kind !== next.kind || before.reviewOrganCoDefendant !== next.reviewOrganCoDefendant || before.filedOn !== next.filedOn) dates.push(before.filedOn, next.filedOn);
  if (before.result !== next.result || before.decidedOn !== next.decidedOn) dates.push(before.decidedOn, next.decidedOn);
  return dates;
}

/** @throws AppError(FORBIDDEN | NOT_FOUND | REQUEST_INVALID | YEAR_CLOSED) */
export async function createAppeal(deps: ServiceDeps, principal: Principal, input: AppealInput): Promise<Appeal> {
  requireRole(principal, 'handler', 'head', 'admin');
  return withTransaction(deps, principal, async (trx, audit) => {
    let agencyId = input.agencyId ?? null;
    const requestId = input.requestId ?? null;
    let requestAgencyId: string | null = null;
    if (requestId) {
      const r = await findRequestRow(trx, requestId);
      if (!r || !canAccessAgency(principal, r.agency_id)) throw new AppError('NOT_FOUND', { what: '该申请' });
      requestAgencyId = r.agency_id;
      agencyId ??= r.agency_id;
    }
    if (!agencyId) throw new AppError('REQUEST_INVALID', { detail: '请指明机关或关联的申请' });
    requireAgencyAccess(principal, agencyId, '该机关');
    if (!(await findAgencyById(trx, agencyId))) throw new AppError('NOT_FOUND', { what: '该机关' });
    const a: Appeal = {
      id: randomUUID(), agencyId, requestId, kind: input.kind, result: input.result ?? 'pending', filedOn: input.filedOn, decidedOn: input.decidedOn ?? null,
      reviewOrganCoDefendant: input.reviewOrganCoDefendant === true, caseNumber: text(input.caseNumber, 100, '案号'), organ: text(input.organ, 100, '复议机关或法院'),
      note: text(input.note, 2000, '备注'), version: 1, createdAt: audit.at, updatedAt: audit.at,
    };
    checkCoherent(a, deps.clock.today());
    checkCoDefendantRole(a.reviewOrganCoDefendant, agencyId, requestAgencyId);
    await assertYearsOpen(trx, agencyId, [a.filedOn, a.decidedOn], '登记立案或审结日期在该年度内的行政复议、行政诉讼', deps.clock.today());
    await insertAppeal(trx, a);
    await audit.record({ action: 'appeal.create', entityType: 'appeal', entityId: a.id, agencyId, requestId, after: a });
    return a;
  });
}

export async function updateAppeal(
  deps: ServiceDeps, principal: Principal, id: string, input: Partial<Omit<AppealInput, 'agencyId' | 'requestId'>> & { readonly version: number },
): Promise<Appeal> {
  requireRole(principal, 'handler', 'head', 'admin');
  return withTransaction(deps, principal, async (trx, audit) => {
    const before = await findAppeal(trx, id);
    if (!before || !canAccessAgency(principal, before.agencyId)) throw new AppError('NOT_FOUND', { what: '该复议或诉讼记录' });
    if (before.version !== input.version) throw new AppError('CONFLICT', { detail: '该记录已被他人修改，请刷新后重试' });
    const next = {
      kind: input.kind ?? before.kind, result: input.result ?? before.result, filedOn: input.filedOn ?? before.filedOn,
      decidedOn: input.decidedOn === undefined ? before.decidedOn : input.decidedOn,
      reviewOrganCoDefendant: input.reviewOrganCoDefendant ?? before.reviewOrganCoDefendant,
    };
    checkCoherent(next, deps.clock.today());
    if (next.reviewOrganCoDefendant && before.requestId) {
      checkCoDefendantRole(true, before.agencyId, (await findRequestRow(trx, before.requestId))?.agency_id ?? null);
    }
    await assertYearsOpen(trx, before.agencyId, frozenDates(before, next), '更改该年度内立案或审结的行政复议、行政诉讼在年度报告中的类型、结果或日期', deps.clock.today());
    const patch: AppealPatch = {
      kind: next.kind, result: next.result, filed_on: next.filedOn, decided_on: next.decidedOn, review_organ_co_defendant: next.reviewOrganCoDefendant ? 1 : 0,
      ...(input.caseNumber !== undefined && { case_number: text(input.caseNumber, 100, '案号') }),
      ...(input.organ !== undefined && { organ: text(input.organ, 100, '复议机关或法院') }),
      ...(input.note !== undefined && { note: text(input.note, 2000, '备注') }),
      updated_at: audit.at,
    };
    if (!(await updateAppealIfVersion(trx, id, before.version, patch))) throw new AppError('CONFLICT', { detail: '该记录已被他人修改，请刷新后重试' });
    const after = (await findAppeal(trx, id))!;
    await audit.record({ action: 'appeal.update', entityType: 'appeal', entityId: id, agencyId: before.agencyId, requestId: before.requestId, before, after });
    return after;
  });
}

export async function deleteAppeal(deps: ServiceDeps, principal: Principal, id: string): Promise<void> {
  requireRole(principal, 'handler', 'head', 'admin');
  await withTransaction(deps, principal, async (trx, audit) => {
    const before = await findAppeal(trx, id);
    if (!before || !canAccessAgency(principal, before.agencyId)) throw new AppError('NOT_FOUND', { what: '该复议或诉讼记录' });
    await assertYearsOpen(trx, before.agencyId, [before.filedOn], '删除该年度内立案的行政复议、行政诉讼', deps.clock.today());
    await deleteAppealRow(trx, id);
    await audit.record({ action: 'appeal.delete', entityType: 'appeal', entityId: id, agencyId: before.agencyId, requestId: before.requestId, before });
  });
}

export async function getAppeal(deps: ServiceDeps, principal: Principal, id: string): Promise<Appeal> {
  const a = await findAppeal(deps.db, id);
  if (!a || !canAccessAgency(principal, a.agencyId)) throw new AppError('NOT_FOUND', { what: '该复议或诉讼记录' });
  return a;
}

export async function listAppeals(
  deps: ServiceDeps, principal: Principal,
  q: { agencyId?: string; requestId?: string; kind?: AppealKind; filedFrom?: string; filedTo?: string; page?: number; pageSize?: number } = {},
): Promise<Page<Appeal>> {
  const pageSize = Math.min(Math.max(Math.trunc(q.pageSize ?? 50), 1), 500);
  const page = Math.max(Math.trunc(q.page ?? 1), 1);
  const agencyIds = q.agencyId === undefined ? visibleAgencyIds(principal) : canAccessAgency(principal, q.agencyId) ? [q.agencyId] : [];
  const { rows, total } = await listAppealRows(deps.db, { ...q, agencyIds, limit: pageSize, offset: (page - 1) * pageSize });
  return { items: rows, total, page, pageSize };
}
