/** Staff accounts. The password hash never leaves this file except through findCredentials. */
import type { Kysely, Updateable } from 'kysely';
import type { Role } from '../core/accounts/roles.js';
import type { Database, UserAccountRow, UserAccountTable } from './schema.js';

export interface UserAccount {
  readonly id: string;
  /** Login name, lower-case. */
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly agencyId: string | null;
  readonly active: boolean;
  readonly failedLoginCount: number;
  /** ISO instant until which logins are refused, or null. */
  readonly lockedUntil: string | null;
  readonly lastLoginAt: string | null;
  readonly passwordChangedAt: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface UserCredentials {
  readonly user: UserAccount;
  readonly passwordHash: string;
}

export interface NewUserAccount {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly agencyId: string | null;
  readonly passwordHash: string;
  readonly at: string;
}

export function toUserAccount(row: UserAccountRow): UserAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    agencyId: row.agency_id,
    active: Number(row.active) === 1,
    failedLoginCount: Number(row.failed_login_count),
    lockedUntil: row.locked_until,
    lastLoginAt: row.last_login_at,
    passwordChangedAt: row.password_changed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertUser(db: Kysely<Database>, u: NewUserAccount): Promise<void> {
  await db
    .insertInto('user_account')
    .values({
      id: u.id,
      username: u.username,
      display_name: u.displayName,
      role: u.role,
      agency_id: u.agencyId,
      password_hash: u.passwordHash,
      password_changed_at: u.at,
      created_at: u.at,
      updated_at: u.at,
    })
    .execute();
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserAccount | null> {
  const row = await db.selectFrom('user_account').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUserAccount(row) : null;
}

export async function findCredentials(db: Kysely<Database>, username: string): Promise<UserCredentials | null> {
  const row = await db.selectFrom('user_account').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
  return row ? { user: toUserAccount(row), passwordHash: row.password_hash } : null;
}

export async function findCredentialsById(db: Kysely<Database>, id: string): Promise<UserCredentials | null> {
  const row = await db.selectFrom('user_account').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { user: toUserAccount(row), passwordHash: row.password_hash } : null;
}

/** Users ordered by username; 'all', or only those of the given agencies (admins without agency excluded). */
export async function listUserRows(db: Kysely<Database>, agencyIds: 'all' | readonly string[]): Promise<UserAccount[]> {
  if (agencyIds !== 'all' && agencyIds.length === 0) return [];
  let q = db.selectFrom('user_account').selectAll();
  if (agencyIds !== 'all') q = q.where('agency_id', 'in', agencyIds);
  return (await q.orderBy('username').execute()).map(toUserAccount);
}

export async function countUsersOfAgency(db: Kysely<Database>, agencyId: string): Promise<number> {
  const row = await db
    .selectFrom('user_account')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agency_id', '=', agencyId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('user_account').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateUserRow(db: Kysely<Database>, id: string, patch: Updateable<UserAccountTable>): Promise<void> {
  await db.updateTable('user_account').set(patch).where('id', '=', id).execute();
}

/** Adds one failed login atomically and returns the new count. */
export async function incrementFailedLogins(db: Kysely<Database>, id: string, at: string): Promise<number> {
  const row = await db
    .updateTable('user_account')
    .set((eb) => ({ failed_login_count: eb('failed_login_count', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .returning('failed_login_count')
    .executeTakeFirstOrThrow();
  return Number(row.failed_login_count);
}
