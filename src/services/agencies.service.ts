/**
 * Agencies (机关): the tree of a government, its departments, towns and sub-districts, each with its
 * disclosure-office details (第十二条). Admins create, move and delete; a supervisor (within its
 * subtree) and a head (its own agency) may edit the short name and the office details.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../core/errors.js';
import { agencyKinds, emptyDisclosureOffice, type Agency, type AgencyKind, type DisclosureOffice } from '../core/agencies/agency.js';
import { sortAgenciesAsTree } from '../core/agencies/tree.js';
import * as repo from '../db/agency.repository.js';
import { isForeignKeyViolation, isUniqueViolation } from '../db/constraint-errors.js';
import { countUsersOfAgency } from '../db/user.repository.js';
import { requireAgencyAccess, requireRole, visibleAgencyIds, type Principal } from './authorization.js';
import type { ServiceDeps } from './deps.js';
import { withTransaction } from './with-transaction.js';
import { notifyPortalChange } from './search/data-version.js';

export interface CreateAgencyInput {
  readonly parentId: string | null;
  readonly kind: AgencyKind;
  readonly name: string;
  readonly shortName?: string;
  readonly creditCode?: string;
  readonly sortOrder?: number;
  readonly office?: Partial<DisclosureOffice>;
}

export interface UpdateAgencyInput {
  /** Admin only. */
  readonly parentId?: string | null;
  /** Admin only. */
  readonly kind?: AgencyKind;
  /** Admin only. */
  readonly name?: string;
  readonly shortName?: string;
  /** Admin only. */
  readonly creditCode?: string;
  /** Admin only. */
  readonly sortOrder?: number;
  readonly office?: Partial<DisclosureOffice>;
}

/** Minimal public facts of every agency, for the portal's agency picker and transfers. */
export type AgencyDirectoryEntry = Pick<Agency, 'id' | 'parentId' | 'kind' | 'name' | 'shortName'>;

const what = '该机关';

/** Ids of the agency and every agency below it. */
export const subtreeIds = (deps: Pick<ServiceDeps, 'db'>, agencyId: string): Promise<string[]> => repo.findSubtreeIds(deps.db, agencyId);

/** @throws AppError(NOT_FOUND) when missing or outside the principal's reach. */
export async function getAgency(deps: ServiceDeps, principal: Principal, id: string): Promise<Agency> {
  requireAgencyAccess(principal, id, what);
  const agency = await repo.findAgencyById(deps.db, id);
  if (!agency) throw new AppError('NOT_FOUND', { what });
  return agency;
}

/** The agencies the principal reaches, depth-first. */
export async function listAgencies(deps: ServiceDeps, principal: Principal): Promise<Agency[]> {
  return sortAgenciesAsTree(await repo.listAgencyRows(deps.db, visibleAgencyIds(principal)));
}

/** Every agency's public facts (no authorization: names and kinds are public). */
export async function listAgencyDirectory(deps: Pick<ServiceDeps, 'db'>): Promise<AgencyDirectoryEntry[]> {
  return sortAgenciesAsTree(await repo.listAgencyRows(deps.db, 'all')).map(({ id, parentId, kind, name, shortName }) => ({
    id, parentId, kind, name, shortName,
  }));
}

/** An agency by id or exact full name (for the command line); null when neither matches. */
export async function findAgencyByIdOrName(deps: Pick<ServiceDeps, 'db'>, ref: string): Promise<Agency | null> {
  return (await repo.findAgencyById(deps.db, ref)) ?? (await repo.findAgencyByName(deps.db, ref.trim()));
}

/** @throws AppError(FORBIDDEN | NOT_FOUND | CONFLICT | REQUEST_INVALID) */
export async function createAgency(deps: ServiceDeps, principal: Principal, input: CreateAgencyInput): Promise<Agency> {
  requireRole(principal, 'admin');
  const name = checkName(input.name);
  checkKind(input.kind);
  const id = randomUUID();
  const agency = await withTransaction(deps, principal, async (trx, audit) => {
    let path = `/${id}/`;
    if (input.parentId !== null) {
      const parent = await repo.findAgencyById(trx, input.parentId);
      if (!parent) throw new AppError('NOT_FOUND', { what: '上级机关' });
      path = `${parent.path}${id}/`;
    }
    await guardUnique(() =>
      repo.insertAgency(trx, {
        id, parentId: input.parentId, path, kind: input.kind, name,
        shortName: input.shortName?.trim() ?? '', creditCode: input.creditCode?.trim() ?? '', sortOrder: input.sortOrder ?? 0,
        office: { ...emptyDisclosureOffice, ...trimOffice(input.office) }, at: audit.at,
      }),
    );
    const created = await mustFind(trx, id);
    await audit.record({ action: 'agency.create', entityType: 'agency', entityId: id, agencyId: id, after: created });
    deps.logger.info({ agencyId: id }, 'agency created');
    return created;
  });
  notifyPortalChange(deps); // names and office details are on public pages
  return agency;
}

/** @throws AppError(FORBIDDEN | NOT_FOUND | CONFLICT | REQUEST_INVALID) */
export async function updateAgency(deps: ServiceDeps, principal: Principal, id: string, input: UpdateAgencyInput): Promise<Agency> {
  requireRole(principal, 'admin', 'supervisor', 'head');
  requireAgencyAccess(principal, id, what);
  const adminFields = (['parentId', 'kind', 'name', 'creditCode', 'sortOrder'] as const).filter((k) => input[k] !== undefined);
  if (adminFields.length > 0) requireRole(principal, 'admin');
  if (input.kind !== undefined) checkKind(input.kind);
  const agency = await withTransaction(deps, principal, async (trx, audit) => {
    const before = await repo.findAgencyById(trx, id);
    if (!before) throw new AppError('NOT_FOUND', { what });
    if (input.parentId !== undefined && input.parentId !== before.parentId) await move(trx, before, input.parentId, audit.at);
    await guardUnique(() =>
      repo.updateAgencyRow(trx, id, {
        ...(input.kind !== undefined && { kind: input.kind }),
        ...(input.name !== undefined && { name: checkName(input.name) }),
        ...(input.shortName !== undefined && { short_name: input.shortName.trim() }),
        ...(input.creditCode !== undefined && { credit_code: input.creditCode.trim() }),
        ...(input.sortOrder !== undefined && { sort_order: input.sortOrder }),
        ...repo.officeColumns(trimOffice(input.office)),
        updated_at: audit.at,
      }),
    );
    const after = await mustFind(trx, id);
    await audit.record({ action: 'agency.update', entityType: 'agency', entityId: id, agencyId: id, before, after });
    return after;
  });
  notifyPortalChange(deps); // names and office details are on public pages
  return agency;
}

/** Deletes an agency without children, accounts or records. @throws AppError(FORBIDDEN | NOT_FOUND | CONFLICT) */
export async function deleteAgency(deps: ServiceDeps, principal: Principal, id: string): Promise<void> {
  requireRole(principal, 'admin');
  await withTransaction(deps, principal, async (trx, audit) => {
    const before = await repo.findAgencyById(trx, id);
    if (!before) throw new AppError('NOT_FOUND', { what });
    if ((await repo.countChildAgencies(trx, id)) > 0) throw new AppError('CONFLICT', { detail: '该机关下还有下级机关' });
    if ((await countUsersOfAgency(trx, id)) > 0) throw new AppError('CONFLICT', { detail: '该机关下还有工作人员账号' });
    await audit.record({ action: 'agency.delete', entityType: 'agency', entityId: id, agencyId: id, before });
    try {
      await repo.deleteAgencyRow(trx, id);
    } catch (err) {
      if (isForeignKeyViolation(err)) throw new AppError('CONFLICT', { detail: '该机关已有业务记录，不能删除' }, { cause: err });
      throw err;
    }
  });
  notifyPortalChange(deps);
}

async function move(trx: ServiceDeps['db'], agency: Agency, parentId: string | null, at: string): Promise<void> {
  let newPath = `/${agency.id}/`;
  if (parentId !== null) {
    const parent = await repo.findAgencyById(trx, parentId);
    if (!parent) throw new AppError('NOT_FOUND', { what: '上级机关' });
    if (parent.path.startsWith(agency.path)) throw new AppError('CONFLICT', { detail: '不能把机关移到它自己或其下级机关之下' });
    newPath = `${parent.path}${agency.id}/`;
  }
  await repo.updateAgencyRow(trx, agency.id, { parent_id: parentId });
  await repo.replacePathPrefix(trx, agency.path, newPath, at);
}

const mustFind = async (db: ServiceDeps['db'], id: string): Promise<Agency> => {
  const a = await repo.findAgencyById(db, id);
  if (!a) throw new Error(`agency ${id} missing inside its own transaction`);
  return a;
};

function checkName(name: string): string {
  const n = name.trim();
  if (n.length === 0 || n.length > 100) throw new AppError('REQUEST_INVALID', { detail: '机关名称应为 1–100 个字符' });
  return n;
}

function checkKind(kind: string): void {
  if (!(agencyKinds as readonly string[]).includes(kind)) throw new AppError('REQUEST_INVALID', { detail: `未知的机关类型“${kind}”` });
}

function trimOffice(o: Partial<DisclosureOffice> | undefined): Partial<DisclosureOffice> {
  if (!o) return {};
  return Object.fromEntries(Object.entries(o).filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, (v as string).trim()]));
}

async function guardUnique(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', { detail: '已有同名机关' }, { cause: err });
    throw err;
  }
}

