/** Staff sessions. Only the SHA-256 of the cookie token is stored; the CSRF token lives beside it. */
import type { Kysely } from 'kysely';
import type { Database, UserSessionRow } from './schema.js';
import { toUserAccount, type UserAccount } from './user.repository.js';

export interface Session {
  readonly id: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  /** Absolute end (ISO). The idle end is lastSeenAt + the idle timeout. */
  readonly expiresAt: string;
  readonly ip: string;
  readonly userAgent: string;
}

export interface NewSession extends Session {
  readonly tokenHash: string;
}

const toSession = (row: UserSessionRow): Session => ({
  id: row.id,
  userId: row.user_id,
  csrfToken: row.csrf_token,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  expiresAt: row.expires_at,
  ip: row.ip,
  userAgent: row.user_agent,
});

export async function insertSession(db: Kysely<Database>, s: NewSession): Promise<void> {
  await db
    .insertInto('user_session')
    .values({
      id: s.id,
      token_hash: s.tokenHash,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: s.createdAt,
      last_seen_at: s.lastSeenAt,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute();
}

/** The session with this token hash and its user, in one query. */
export async function findSessionByTokenHash(db: Kysely<Database>, tokenHash: string): Promise<{ session: Session; user: UserAccount } | null> {
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('user_account as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select(['s.id as s_id', 's.token_hash', 's.user_id', 's.csrf_token', 's.created_at as s_created_at', 's.last_seen_at', 's.expires_at', 's.ip', 's.user_agent'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return null;
  const session = toSession({ ...row, id: row.s_id, created_at: row.s_created_at });
  return { session, user: toUserAccount(row) };
}

export async function findSessionById(db: Kysely<Database>, id: string): Promise<Session | null> {
  const row = await db.selectFrom('user_session').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSession(row) : null;
}

export async function listSessionsOfUser(db: Kysely<Database>, userId: string): Promise<Session[]> {
  const rows = await db.selectFrom('user_session').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
  return rows.map(toSession);
}

export async function touchSession(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<number> {
  const r = await db.deleteFrom('user_session').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Deletes every session of the user except `keepId`; returns how many. */
export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string, keepId?: string): Promise<number> {
  let q = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (keepId) q = q.where('id', '!=', keepId);
  return Number((await q.executeTakeFirst()).numDeletedRows);
}

/** Deletes sessions past their absolute end or idle since before `idleBefore`. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: string, idleBefore: string): Promise<number> {
  const r = await db
    .deleteFrom('user_session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleBefore)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
