/**
 * Agencies: a tree stored as a materialized path ("/<root>/…/<id>/"), so a subtree is one portable
 * `path LIKE prefix%` query. Ids are app-made UUIDs (no LIKE wildcards in a path).
 */
import { sql, type Kysely, type Updateable } from 'kysely';
import type { Agency, AgencyKind, DisclosureOffice } from '../core/agencies/agency.js';
import type { AgencyRow, AgencyTable, Database } from './schema.js';

/** An agency as written: its fields, and the time of the write (created and updated at once). */
export interface AgencyRecord extends Omit<Agency, 'createdAt' | 'updatedAt'> {
  readonly at: string;
}

export function toAgency(row: AgencyRow): Agency {
  return {
    id: row.id,
    parentId: row.parent_id,
    path: row.path,
    kind: row.kind as AgencyKind,
    name: row.name,
    shortName: row.short_name || row.name,
    creditCode: row.credit_code,
    sortOrder: row.sort_order,
    office: {
      officeName: row.office_name,
      address: row.address,
      officeHours: row.office_hours,
      phone: row.phone,
      fax: row.fax,
      email: row.email,
      website: row.website,
      postalCode: row.postal_code,
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const officeColumns = (o: Partial<DisclosureOffice>): Updateable<AgencyTable> => ({
  ...(o.officeName !== undefined && { office_name: o.officeName }),
  ...(o.address !== undefined && { address: o.address }),
  ...(o.officeHours !== undefined && { office_hours: o.officeHours }),
  ...(o.phone !== undefined && { phone: o.phone }),
  ...(o.fax !== undefined && { fax: o.fax }),
  ...(o.email !== undefined && { email: o.email }),
  ...(o.website !== undefined && { website: o.website }),
  ...(o.postalCode !== undefined && { postal_code: o.postalCode }),
});

export async function insertAgency(db: Kysely<Database>, a: AgencyRecord): Promise<void> {
  await db
    .insertInto('agency')
    .values({
      id: a.id,
      parent_id: a.parentId,
      path: a.path,
      kind: a.kind,
      name: a.name,
      short_name: a.shortName,
      credit_code: a.creditCode,
      sort_order: a.sortOrder,
      ...officeColumns(a.office),
      created_at: a.at,
      updated_at: a.at,
    })
    .execute();
}

export async function findAgencyById(db: Kysely<Database>, id: string): Promise<Agency | null> {
  const row = await db.selectFrom('agency').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAgency(row) : null;
}

export async function findAgencyByName(db: Kysely<Database>, name: string): Promise<Agency | null> {
  const row = await db.selectFrom('agency').selectAll().where('name', '=', name).executeTakeFirst();
  return row ? toAgency(row) : null;
}

/** Agencies ordered by sort order then name; 'all' or only the given ids. */
export async function listAgencyRows(db: Kysely<Database>, ids: 'all' | readonly string[]): Promise<Agency[]> {
  if (ids !== 'all' && ids.length === 0) return [];
  let q = db.selectFrom('agency').selectAll();
  if (ids !== 'all') q = q.where('id', 'in', ids);
  const rows = await q.orderBy('sort_order').orderBy('name').execute();
  return rows.map(toAgency);
}

/** Ids of the agency and every agency below it (empty when it does not exist). */
export async function findSubtreeIds(db: Kysely<Database>, agencyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('agency')
    .select('id')
    .where(sql<boolean>`path like (select a.path from agency a where a.id = ${agencyId}) || '%'`)
    .execute();
  return rows.map((r) => r.id);
}

export async function countChildAgencies(db: Kysely<Database>, id: string): Promise<number> {
  const row = await db.selectFrom('agency').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateAgencyRow(db: Kysely<Database>, id: string, patch: Updateable<AgencyTable>): Promise<void> {
  await db.updateTable('agency').set(patch).where('id', '=', id).execute();
}

/** Rewrites the path prefix of a whole subtree (after a move). */
export async function replacePathPrefix(db: Kysely<Database>, oldPrefix: string, newPrefix: string, at: string): Promise<void> {
  await db
    .updateTable('agency')
    .set({
      path: sql<string>`cast(${newPrefix} as text) || substr(path, cast(${oldPrefix.length + 1} as integer))`,
      updated_at: at,
    })
    .where('path', 'like', `${oldPrefix}%`)
    .execute();
}

export async function deleteAgencyRow(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('agency').where('id', '=', id).execute();
}
