/**
 * Staff accounts. Admins manage every account; a supervisor manages the handler and head accounts
 * of the agencies in its subtree (and sees every account there); handlers and heads manage none.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../core/errors.js';
import { checkPasswordPolicy } from '../core/accounts/password-policy.js';
import { isRole, roleNeedsAgency, type Role } from '../core/accounts/roles.js';
import { findAgencyById } from '../db/agency.repository.js';
import { isUniqueViolation } from '../db/constraint-errors.js';
import { deleteSessionsOfUser } from '../db/session.repository.js';
import * as repo from '../db/user.repository.js';
import type { UserAccount } from '../db/user.repository.js';
import { canManageUser, canSeeUser, requireRole, visibleAgencyIds, type Principal } from './authorization.js';
import { hashPassword } from './auth-password-hash.js';
import type { AccountDeps, ServiceDeps } from './deps.js';
import { withTransaction, type Audit } from './with-transaction.js';

export type { UserAccount };

export interface CreateUserInput {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly agencyId: string | null;
  readonly password: string;
}

export interface UpdateUserInput {
  readonly displayName?: string;
  readonly role?: Role;
  readonly agencyId?: string | null;
  readonly active?: boolean;
}

const what = '该账号';
const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,31}$/;

/** What the audit log keeps of an account (never the hash). */
const snapshot = (u: UserAccount) => ({
  username: u.username, displayName: u.displayName, role: u.role, agencyId: u.agencyId, active: u.active, lockedUntil: u.lockedUntil,
});

/** @throws AppError(FORBIDDEN) */
export async function listUsers(deps: ServiceDeps, principal: Principal): Promise<UserAccount[]> {
  requireRole(principal, 'admin', 'supervisor');
  return repo.listUserRows(deps.db, visibleAgencyIds(principal));
}

/** @throws AppError(NOT_FOUND) when missing or not visible to the principal. */
export async function getUser(deps: ServiceDeps, principal: Principal, id: string): Promise<UserAccount> {
  const user = await repo.findUserById(deps.db, id);
  if (!user || !canSeeUser(principal, user)) throw new AppError('NOT_FOUND', { what });
  return user;
}

/** @throws AppError(FORBIDDEN | NOT_FOUND | CONFLICT | PASSWORD_WEAK | REQUEST_INVALID) */
export async function createUser(deps: AccountDeps, principal: Principal, input: CreateUserInput): Promise<UserAccount> {
  requireRole(principal, 'admin', 'supervisor');
  const username = input.username.trim().toLowerCase();
  if (!usernamePattern.test(username)) {
    throw new AppError('REQUEST_INVALID', { detail: '用户名应为 3–32 位小写字母、数字或 . _ -，并以字母或数字开头' });
  }
  const displayName = checkDisplayName(input.displayName);
  checkRoleAndAgency(input.role, input.agencyId);
  if (!canManageUser(principal, input)) throw new AppError('FORBIDDEN', { detail: '只能为所辖机关创建经办人或负责人账号' });
  checkPassword(input.password, username);
  const passwordHash = await hashPassword(input.password, deps.auth.passwordHashCost);
  const id = randomUUID();
  return withTransaction(deps, principal, async (trx, audit) => {
    if (input.agencyId !== null && !(await findAgencyById(trx, input.agencyId))) throw new AppError('NOT_FOUND', { what: '所属机关' });
    try {
      await repo.insertUser(trx, { id, username, displayName, role: input.role, agencyId: input.agencyId, passwordHash, at: audit.at });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('CONFLICT', { detail: `用户名“${username}”已被使用` }, { cause: err });
      throw err;
    }
    const created = await mustFind(trx, id);
    await record(audit, 'user.create', created, null);
    deps.logger.info({ userId: id, role: input.role }, 'user created');
    return created;
  });
}

/** @throws AppError(FORBIDDEN | NOT_FOUND | REQUEST_INVALID) */
export async function updateUser(deps: ServiceDeps, principal: Principal, id: string, input: UpdateUserInput): Promise<UserAccount> {
  return withTransaction(deps, principal, async (trx, audit) => {
    const before = await manageable(trx, principal, id);
    const next = { role: input.role ?? before.role, agencyId: input.agencyId === undefined ? before.agencyId : input.agencyId };
    checkRoleAndAgency(next.role, next.agencyId);
    if (!canManageUser(principal, next)) throw new AppError('FORBIDDEN', { detail: '只能把账号设为所辖机关的经办人或负责人' });
    if (principal.userId === id && (input.active === false || (input.role !== undefined && input.role !== before.role))) {
      throw new AppError('FORBIDDEN', { detail: '不能停用自己的账号或更改自己的角色' });
    }
    if (next.agencyId !== null && next.agencyId !== before.agencyId && !(await findAgencyById(trx, next.agencyId))) {
      throw new AppError('NOT_FOUND', { what: '所属机关' });
    }
    await repo.updateUserRow(trx, id, {
      ...(input.displayName !== undefined && { display_name: checkDisplayName(input.displayName) }),
      ...(input.role !== undefined && { role: input.role }),
      ...(input.agencyId !== undefined && { agency_id: input.agencyId }),
      ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
      updated_at: audit.at,
    });
    // a disabled account, or one whose reach changed, must sign in again
    if (input.active === false || next.role !== before.role || next.agencyId !== before.agencyId) await deleteSessionsOfUser(trx, id);
    const after = await mustFind(trx, id);
    await record(audit, 'user.update', after, before);
    return after;
  });
}

/** Sets a new password for another account, clears its lockout and ends its sessions. @throws AppError(FORBIDDEN | NOT_FOUND | PASSWORD_WEAK) */
export async function resetPassword(deps: AccountDeps, principal: Principal, id: string, password: string): Promise<void> {
  const target = await manageable(deps.db, principal, id);
  checkPassword(password, target.username);
  const passwordHash = await hashPassword(password, deps.auth.passwordHashCost);
  await withTransaction(deps, principal, async (trx, audit) => {
    const before = await manageable(trx, principal, id);
    await repo.updateUserRow(trx, id, {
      password_hash: passwordHash, password_changed_at: audit.at, failed_login_count: 0, locked_until: null, updated_at: audit.at,
    });
    const ended = await deleteSessionsOfUser(trx, id);
    await audit.record({
      action: 'user.password_reset', entityType: 'user', entityId: id, agencyId: before.agencyId, before: snapshot(before), after: { sessionsEnded: ended },
    });
  });
}

/** Clears a lockout. @throws AppError(FORBIDDEN | NOT_FOUND) */
export async function unlockUser(deps: ServiceDeps, principal: Principal, id: string): Promise<UserAccount> {
  return withTransaction(deps, principal, async (trx, audit) => {
    const before = await manageable(trx, principal, id);
    await repo.updateUserRow(trx, id, { failed_login_count: 0, locked_until: null, updated_at: audit.at });
    const after = await mustFind(trx, id);
    await record(audit, 'user.unlock', after, before);
    return after;
  });
}

/** Ends every session of an account. @throws AppError(FORBIDDEN | NOT_FOUND) */
export async function revokeUserSessions(deps: ServiceDeps, principal: Principal, id: string): Promise<number> {
  return withTransaction(deps, principal, async (trx, audit) => {
    const target = await manageable(trx, principal, id);
    const ended = await deleteSessionsOfUser(trx, id);
    await audit.record({ action: 'user.sessions_revoke', entityType: 'user', entityId: id, agencyId: target.agencyId, after: { sessionsEnded: ended } });
    return ended;
  });
}

/** Whether any staff account exists (start-up hint for an empty installation). */
export const hasAnyAccount = async (deps: Pick<ServiceDeps, 'db'>): Promise<boolean> => (await repo.countUsers(deps.db)) > 0;

/** An account by login name (command line). */
export const findUserByUsername = async (deps: Pick<ServiceDeps, 'db'>, username: string): Promise<UserAccount | null> =>
  (await repo.findCredentials(deps.db, username))?.user ?? null;

/** @throws AppError(PASSWORD_WEAK) */
export function checkPassword(password: string, username: string): void {
  const reason = checkPasswordPolicy(password, { username });
  if (reason) throw new AppError('PASSWORD_WEAK', { reason });
}

async function manageable(db: ServiceDeps['db'], principal: Principal, id: string): Promise<UserAccount> {
  const user = await repo.findUserById(db, id);
  if (!user || !canSeeUser(principal, user)) throw new AppError('NOT_FOUND', { what });
  if (!canManageUser(principal, user)) throw new AppError('FORBIDDEN', { detail: '无权管理该账号' });
  return user;
}

const record = (audit: Audit, action: string, after: UserAccount, before: UserAccount | null) =>
  audit.record({ action, entityType: 'user', entityId: after.id, agencyId: after.agencyId, before: before && snapshot(before), after: snapshot(after) });

const mustFind = async (db: ServiceDeps['db'], id: string): Promise<UserAccount> => {
  const u = await repo.findUserById(db, id);
  if (!u) throw new Error(`user ${id} missing inside its own transaction`);
  return u;
};

function checkDisplayName(name: string): string {
  const n = name.trim();
  if (n.length === 0 || n.length > 50) throw new AppError('REQUEST_INVALID', { detail: '姓名应为 1–50 个字符' });
  return n;
}

function checkRoleAndAgency(role: Role, agencyId: string | null): void {
  if (!isRole(role)) throw new AppError('REQUEST_INVALID', { detail: `未知的角色“${String(role)}”` });
  if (roleNeedsAgency(role) && agencyId === null) throw new AppError('REQUEST_INVALID', { detail: '该角色必须指定所属机关' });
}
