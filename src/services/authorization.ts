/**
 * The one authorization module. Every service (not only the routes) asks it before reading or
 * writing. Who reaches what:
 *   admin      — every agency;
 *   supervisor — its agency and every agency below it (attach it to the government it oversees);
 *   handler    — its own agency;  head — its own agency (and approves extensions and replies).
 * A record outside the user's reach is answered NOT_FOUND (its existence is not revealed); an action
 * the role may not take is FORBIDDEN.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../core/errors.js';
import { roleLabels, type Role } from '../core/accounts/roles.js';
import { findSubtreeIds } from '../db/agency.repository.js';
import type { Database } from '../db/schema.js';
import type { UserAccount } from '../db/user.repository.js';
import type { Actor } from './with-transaction.js';

/** The agencies a principal reaches: all of them, or this set of ids. */
export type AgencyReach = 'all' | ReadonlySet<string>;

/** The signed-in staff user (or the system) with what it reaches; it is also the audit actor. */
export interface Principal extends Actor {
  readonly username: string;
  readonly role: Role;
  readonly agencyId: string | null;
  readonly reach: AgencyReach;
}

/** Computes the principal of an account (one subtree query for a supervisor). */
export async function resolvePrincipal(db: Kysely<Database>, user: UserAccount): Promise<Principal> {
  const base = { userId: user.id, name: user.displayName, username: user.username, role: user.role, agencyId: user.agencyId };
  if (user.role === 'admin') return { ...base, reach: 'all' };
  if (!user.agencyId) return { ...base, reach: new Set() };
  if (user.role === 'supervisor') return { ...base, reach: new Set(await findSubtreeIds(db, user.agencyId)) };
  return { ...base, reach: new Set([user.agencyId]) };
}

/** The machine itself (CLI, start-up, demo): an administrator without a user id. */
export const systemPrincipal = (name = '系统（命令行）'): Principal => ({
  userId: null,
  name,
  username: 'system',
  role: 'admin',
  agencyId: null,
  reach: 'all',
});

/** Whether the principal reaches the agency; a record without agency is reached by 'all' only. */
export function canAccessAgency(principal: Principal, agencyId: string | null): boolean {
  if (principal.reach === 'all') return true;
  return agencyId !== null && principal.reach.has(agencyId);
}

/** For SQL filters: 'all', or the ids (`where agency_id in (…)`). */
export function visibleAgencyIds(principal: Principal): 'all' | readonly string[] {
  return principal.reach === 'all' ? 'all' : [...principal.reach];
}

/** @throws AppError(FORBIDDEN) unless the principal has one of the roles. */
export function requireRole(principal: Principal, ...allowed: readonly Role[]): void {
  if (!allowed.includes(principal.role)) {
    throw new AppError('FORBIDDEN', { detail: `需要${allowed.map((r) => roleLabels[r]).join('或')}权限` });
  }
}

/** @throws AppError(NOT_FOUND) when the agency (of a record) is outside the principal's reach. */
export function requireAgencyAccess(principal: Principal, agencyId: string | null, what = '该记录'): void {
  if (!canAccessAgency(principal, agencyId)) throw new AppError('NOT_FOUND', { what });
}

/** Whether the principal may create, change, reset or disable this account. */
export function canManageUser(principal: Principal, target: { readonly role: Role; readonly agencyId: string | null }): boolean {
  if (principal.role === 'admin') return true;
  if (principal.role !== 'supervisor') return false;
  return (target.role === 'handler' || target.role === 'head') && canAccessAgency(principal, target.agencyId);
}

/** Whether the principal may see this account (admins see all; supervisors their subtree's accounts). */
export function canSeeUser(principal: Principal, target: { readonly id: string; readonly agencyId: string | null }): boolean {
  if (principal.userId === target.id) return true;
  if (principal.role === 'admin') return true;
  return principal.role === 'supervisor' && canAccessAgency(principal, target.agencyId);
}
