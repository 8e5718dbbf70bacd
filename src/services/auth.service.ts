/**
 * Signing in and out. A session is a random 256-bit token (the cookie) of which only the SHA-256 is
 * stored; it ends after SESSION_IDLE_MINUTES without use or SESSION_MAX_HOURS after login. After
 * LOGIN_LOCKOUT_ATTEMPTS failed logins in a row an account is locked for LOGIN_LOCKOUT_MINUTES.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../core/errors.js';
import * as sessions from '../db/session.repository.js';
import type { Session } from '../db/session.repository.js';
import * as users from '../db/user.repository.js';
import { checkPassword } from './accounts.service.js';
import { resolvePrincipal, type Principal } from './authorization.js';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './auth-password-hash.js';
import type { AccountDeps } from './deps.js';
import { withTransaction } from './with-transaction.js';

export type { Session };

export interface LoginInput {
  readonly username: string;
  readonly password: string;
  readonly ip?: string;
  readonly userAgent?: string;
}

export interface SignedIn {
  /** The cookie value; shown once, never stored. */
  readonly token: string;
  readonly session: Session;
  readonly principal: Principal;
}

export interface Authenticated {
  readonly session: Session;
  readonly principal: Principal;
  /** When the session ends if unused (ISO). */
  readonly idleExpiresAt: string;
}

const minute = 60_000;
/** last_seen_at is written at most this often (a write per request would be wasteful). */
const touchEveryMs = minute;

export const hashSessionToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** @throws AppError(LOGIN_FAILED | ACCOUNT_LOCKED) */
export async function login(deps: AccountDeps, input: LoginInput): Promise<SignedIn> {
  const username = input.username.trim().toLowerCase();
  const found = await users.findCredentials(deps.db, username);
  if (!found) {
    await verifyPassword(input.password, await dummyHash(deps.auth.passwordHashCost));
    deps.logger.info({ username: username.slice(0, 40), ip: input.ip }, 'login failed: unknown user');
    throw new AppError('LOGIN_FAILED');
  }
  const { user } = found;
  const now = deps.clock.now();
  if (user.lockedUntil && user.lockedUntil > now.toISOString()) {
    throw new AppError('ACCOUNT_LOCKED', { minutes: Math.max(1, Math.ceil((Date.parse(user.lockedUntil) - now.getTime()) / minute)) });
  }
  const ok = await verifyPassword(input.password, found.passwordHash);
  if (!ok || !user.active) {
    await recordFailure(deps, user, input.ip ?? '');
    throw new AppError('LOGIN_FAILED');
  }
  const rehash = needsRehash(found.passwordHash, deps.auth.passwordHashCost) ? await hashPassword(input.password, deps.auth.passwordHashCost) : null;
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  const session: Session = {
    id: randomUUID(),
    userId: user.id,
    csrfToken: randomBytes(32).toString('base64url'),
    createdAt: at,
    lastSeenAt: at,
    expiresAt: new Date(now.getTime() + deps.auth.sessionMaxHours * 60 * minute).toISOString(),
    ip: (input.ip ?? '').slice(0, 64),
    userAgent: (input.userAgent ?? '').slice(0, 300),
  };
  const principal = await resolvePrincipal(deps.db, user);
  await withTransaction(deps, principal, async (trx, audit) => {
    await users.updateUserRow(trx, user.id, {
      failed_login_count: 0, locked_until: null, last_login_at: at, updated_at: at, ...(rehash && { password_hash: rehash }),
    });
    await sessions.insertSession(trx, { ...session, tokenHash: hashSessionToken(token) });
    await sessions.deleteExpiredSessions(trx, at, idleCutoff(deps, now));
    await audit.record({ action: 'auth.login', entityType: 'user', entityId: user.id, agencyId: user.agencyId, after: { sessionId: session.id, ip: session.ip } });
  });
  deps.logger.info({ userId: user.id, sessionId: session.id }, 'login');
  return { token, session, principal };
}

/** The session and principal of a cookie token, or null when unknown, expired or the account is disabled. */
export async function authenticate(deps: AccountDeps, token: string): Promise<Authenticated | null> {
  if (!token || token.length > 100) return null;
  const found = await sessions.findSessionByTokenHash(deps.db, hashSessionToken(token));
  if (!found) return null;
  const { session, user } = found;
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const idleExpiresAt = new Date(Date.parse(session.lastSeenAt) + deps.auth.sessionIdleMinutes * minute).toISOString();
  if (session.expiresAt <= nowIso || idleExpiresAt <= nowIso || !user.active) {
    await sessions.deleteSession(deps.db, session.id);
    return null;
  }
  let current = session;
  if (now.getTime() - Date.parse(session.lastSeenAt) >= touchEveryMs) {
    await sessions.touchSession(deps.db, session.id, nowIso);
    current = { ...session, lastSeenAt: nowIso };
  }
  const idleEnd = new Date(Date.parse(current.lastSeenAt) + deps.auth.sessionIdleMinutes * minute).toISOString();
  return { session: current, principal: await resolvePrincipal(deps.db, user), idleExpiresAt: idleEnd < session.expiresAt ? idleEnd : session.expiresAt };
}

/** Ends the session. */
export async function logout(deps: AccountDeps, principal: Principal, sessionId: string): Promise<void> {
  await withTransaction(deps, principal, async (trx, audit) => {
    await sessions.deleteSession(trx, sessionId);
    await audit.record({ action: 'auth.logout', entityType: 'user', entityId: principal.userId ?? 'system', agencyId: principal.agencyId, after: { sessionId } });
  });
}

/** The principal's own sessions, newest first. */
export async function listOwnSessions(deps: AccountDeps, principal: Principal): Promise<Session[]> {
  return principal.userId ? sessions.listSessionsOfUser(deps.db, principal.userId) : [];
}

/** Ends one of the principal's own sessions. @throws AppError(NOT_FOUND) */
export async function revokeOwnSession(deps: AccountDeps, principal: Principal, sessionId: string): Promise<void> {
  const s = await sessions.findSessionById(deps.db, sessionId);
  if (!s || s.userId !== principal.userId) throw new AppError('NOT_FOUND', { what: '该会话' });
  await withTransaction(deps, principal, async (trx, audit) => {
    await sessions.deleteSession(trx, sessionId);
    await audit.record({ action: 'auth.session_revoke', entityType: 'user', entityId: s.userId, agencyId: principal.agencyId, after: { sessionId } });
  });
}

/** Changes one's own password (the current one is required) and ends one's other sessions. @throws AppError(LOGIN_FAILED | PASSWORD_WEAK) */
export async function changeOwnPassword(
  deps: AccountDeps,
  principal: Principal,
  input: { readonly sessionId: string; readonly currentPassword: string; readonly newPassword: string },
): Promise<void> {
  const found = principal.userId ? await users.findCredentialsById(deps.db, principal.userId) : null;
  if (!found) throw new AppError('AUTH_REQUIRED');
  if (!(await verifyPassword(input.currentPassword, found.passwordHash))) throw new AppError('LOGIN_FAILED');
  checkPassword(input.newPassword, found.user.username);
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_WEAK', { reason: '新密码不能与当前密码相同' });
  const hash = await hashPassword(input.newPassword, deps.auth.passwordHashCost);
  await withTransaction(deps, principal, async (trx, audit) => {
    await users.updateUserRow(trx, found.user.id, { password_hash: hash, password_changed_at: audit.at, updated_at: audit.at });
    const ended = await sessions.deleteSessionsOfUser(trx, found.user.id, input.sessionId);
    await audit.record({ action: 'user.password_change', entityType: 'user', entityId: found.user.id, agencyId: found.user.agencyId, after: { otherSessionsEnded: ended } });
  });
}

async function recordFailure(deps: AccountDeps, user: users.UserAccount, ip: string): Promise<void> {
  const actor = { userId: null, name: `未登录用户（${ip || '未知地址'}）` };
  await withTransaction(deps, actor, async (trx, audit) => {
    const count = await users.incrementFailedLogins(trx, user.id, audit.at);
    const locks = count >= deps.auth.lockoutThreshold;
    if (locks) {
      const until = new Date(Date.parse(audit.at) + deps.auth.lockoutMinutes * minute).toISOString();
      await users.updateUserRow(trx, user.id, { failed_login_count: 0, locked_until: until, updated_at: audit.at });
    }
    await audit.record({
      action: locks ? 'auth.locked' : 'auth.login_failed', entityType: 'user', entityId: user.id, agencyId: user.agencyId, after: { failedLogins: count, ip },
    });
    deps.logger.info({ userId: user.id, count, locked: locks }, 'login failed');
  });
}

const idleCutoff = (deps: AccountDeps, now: Date): string => new Date(now.getTime() - deps.auth.sessionIdleMinutes * minute).toISOString();
