/**
 * Entering the table-二 register figures of an agency and year by hand (行政许可 / 行政处罚 / 行政强制
 * decisions, 行政事业性收费 amounts in 万元, and the 2019 format's item counts and 政府集中采购). A closed
 * report year is frozen: its figures cannot change until the year is reopened.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/errors.js';
import { isRegisterKind, normalizeAmountWan, registerKindFields, registerKindLabels, type RegisterKind } from '../../core/publications/registers.js';
import { deleteFigure, findFigure, findFigureById, listClosedYears, listFigures, upsertFigure, type RegisterFigure } from '../../db/register.repository.js';
import { canAccessAgency, requireAgencyAccess, requireRole, visibleAgencyIds, type Principal } from '../authorization.js';
import type { ServiceDeps } from '../deps.js';
import { withTransaction } from '../with-transaction.js';

/** Roles that enter and import register figures. */
export const registerRoles = ['handler', 'head', 'admin'] as const;

export interface FigureInput {
  readonly agencyId: string;
  readonly year: number;
  readonly kind: RegisterKind;
  readonly decisionCount?: number | null;
  readonly itemCount?: number | null;
  /** 万元 as a decimal string or number. */
  readonly amountWan?: string | number | null;
  readonly note?: string;
}

const invalid = (detail: string) => new AppError('REQUEST_INVALID', { detail });

/** The figures of the agencies in reach (or one agency) for some years. */
export async function listRegisterFigures(deps: ServiceDeps, principal: Principal, q: { readonly agencyId?: string; readonly year: number }): Promise<RegisterFigure[]> {
  const agencyIds = q.agencyId ? (canAccessAgency(principal, q.agencyId) ? [q.agencyId] : []) : visibleAgencyIds(principal);
  return listFigures(deps.db, agencyIds, [q.year]);
}

/** Checks a figure as the import does. */
function checkFigure(input: FigureInput, currentYear: number): { decisionCount: number | null; itemCount: number | null; amountWan: string | null; note: string } {
  if (!isRegisterKind(input.kind)) throw invalid('类别应为 licensing、otherServices、penalty、enforcement、fees 或 procurement');
  if (!Number.isInteger(input.year) || input.year < 2008 || input.year > currentYear) throw invalid(`年度应为 2008 至 ${currentYear}`);
  const count = (v: number | null | undefined, label: string) => {
    if (v === undefined || v === null) return null;
    if (!Number.isInteger(v) || v < 0 || v > 999_999_999) throw invalid(`${label}应为非负整数`);
    return v;
  };
  const fields = registerKindFields[input.kind];
  const decisionCount = count(input.decisionCount, '处理决定数量');
  const itemCount = count(input.itemCount, '项目数量');
  let amountWan: string | null = null;
  if (input.amountWan !== undefined && input.amountWan !== null && input.amountWan !== '') {
    amountWan = normalizeAmountWan(String(input.amountWan));
    if (amountWan === null) throw invalid('金额应为非负数（万元，最多 6 位小数）');
  }
  const label = registerKindLabels[input.kind];
  if (decisionCount !== null && !fields.decisions) throw invalid(`${label}不填处理决定数量`);
  if (amountWan !== null && !fields.amount) throw invalid(`${label}不填金额`);
  if (decisionCount === null && itemCount === null && amountWan === null) throw invalid('至少填写一个数字');
  const note = (input.note ?? '').trim();
  if (note.length > 500) throw invalid('备注不能超过 500 个字');
  return { decisionCount, itemCount, amountWan, note };
}

/** Enters (or replaces) one figure. @throws AppError(FORBIDDEN | NOT_FOUND | REQUEST_INVALID | WRONG_STATE) */
export async function saveRegisterFigure(deps: ServiceDeps, principal: Principal, input: FigureInput): Promise<RegisterFigure> {
  requireRole(principal, ...registerRoles);
  requireAgencyAccess(principal, input.agencyId, '该机关');
  const checked = checkFigure(input, Number(deps.clock.today().slice(0, 4)));
  return withTransaction(deps, principal, async (trx, audit) => {
    if ((await listClosedYears(trx, [input.agencyId])).has(`${input.agencyId}:${input.year}`)) {
      throw new AppError('WRONG_STATE', { detail: `${input.year}年度报告已关闭，登记数字已冻结` });
    }
    const before = await findFigure(trx, input.agencyId, input.year, input.kind);
    await upsertFigure(trx, {
      id: randomUUID(), agencyId: input.agencyId, year: input.year, kind: input.kind, ...checked, source: 'entry', importId: null,
      by: principal.userId, byName: principal.name, at: audit.at,
    });
    const after = (await findFigure(trx, input.agencyId, input.year, input.kind))!;
    await audit.record({ action: 'register.save', entityType: 'register_figure', entityId: after.id, agencyId: input.agencyId, before, after });
    return after;
  });
}

/** Removes a figure (the cell counts 0 again). */
export async function deleteRegisterFigure(deps: ServiceDeps, principal: Principal, id: string): Promise<void> {
  requireRole(principal, ...registerRoles);
  await withTransaction(deps, principal, async (trx, audit) => {
    const f = await findFigureById(trx, id);
    if (!f || !canAccessAgency(principal, f.agencyId)) throw new AppError('NOT_FOUND', { what: '该登记数字' });
    if ((await listClosedYears(trx, [f.agencyId])).has(`${f.agencyId}:${f.year}`)) throw new AppError('WRONG_STATE', { detail: `${f.year}年度报告已关闭，登记数字已冻结` });
    await deleteFigure(trx, id);
    await audit.record({ action: 'register.delete', entityType: 'register_figure', entityId: id, agencyId: f.agencyId, before: f });
  });
}
