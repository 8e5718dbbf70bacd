/**
 * The database itself refuses a published publication without approved 保密审查 and 发布审查 of the
 * exact version shown (constraints of migration 2026_11_29_100000), whatever code writes the rows.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/database.js';
import type { Database } from '../../../src/db/schema.js';
import { testDatabases } from '../../support/databases.js';

const at = '2026-03-02T02:00:00.000Z';

async function seed(db: Kysely<Database>) {
  await db.insertInto('agency').values({ id: 'ag', parent_id: null, path: '/ag/', kind: 'government', name: '甲区', created_at: at, updated_at: at }).execute();
  const version = (id: string, pub: string, number: number) => ({
    id, publication_id: pub, agency_id: 'ag', number, status: 'draft' as const, title: '标题', formed_on: '2026-03-02', publish_by: '2026-03-30',
    created_at: at, updated_at: at,
  });
  await db.insertInto('publication').values({ id: 'p1', agency_id: 'ag', status: 'draft', created_at: at, updated_at: at }).execute();
  await db.insertInto('publication_version').values([version('v1', 'p1', 1), version('v2', 'p1', 2)]).execute();
  const review = (id: string, versionId: string, kind: 'confidentiality' | 'release', decision: 'approved' | 'rejected', round = 1) => ({
    id, version_id: versionId, publication_id: 'p1', agency_id: 'ag', kind, decision, round, reviewer_name: '审核人', reviewed_on: '2026-03-02', at,
  });
  await db.insertInto('publication_review').values([
    review('c1', 'v1', 'confidentiality', 'approved'), review('r1', 'v1', 'release', 'approved'),
    review('c2', 'v2', 'confidentiality', 'approved'), review('r2x', 'v2', 'release', 'rejected'),
  ]).execute();
}

describe.each(testDatabases)('publication review guard in the database ($name)', (target) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  beforeAll(async () => {
    handle = await target.create();
    db = handle.db;
    await seed(db);
  });
  afterAll(async () => handle.close());

  const fails = (p: Promise<unknown>) => expect(p).rejects.toThrow(/constraint/i);

  it('refuses a version marked published without both review references', async () => {
    await fails(db.updateTable('publication_version').set({ status: 'published' }).where('id', '=', 'v1').execute());
    await fails(db.updateTable('publication_version').set({ status: 'approved', confidentiality_review_id: 'c1' }).where('id', '=', 'v1').execute());
  });

  it('refuses references to a rejected review, a review of another version or of the wrong kind', async () => {
    await fails(db.updateTable('publication_version').set({ confidentiality_review_id: 'c2', release_review_id: 'r2x' }).where('id', '=', 'v2').execute());
    await fails(db.updateTable('publication_version').set({ confidentiality_review_id: 'c1', release_review_id: 'r1' }).where('id', '=', 'v2').execute());
    await fails(db.updateTable('publication_version').set({ confidentiality_review_id: 'r1', release_review_id: 'c1' }).where('id', '=', 'v1').execute());
  });

  it('refuses a published publication without a reviewed version, or naming reviews the version does not hold', async () => {
    await fails(db.updateTable('publication').set({ status: 'published', index_number: 'X/2026-00001' }).where('id', '=', 'p1').execute());
    await fails(db.updateTable('publication').set({
      status: 'published', index_number: 'X/2026-00001', published_version_id: 'v2', published_confidentiality_review_id: 'c2', published_release_review_id: 'r2x',
    }).where('id', '=', 'p1').execute());
  });

  it('accepts the approved path, and then an approving review cannot be turned into a rejection', async () => {
    await db.updateTable('publication_version').set({ status: 'approved', confidentiality_review_id: 'c1', release_review_id: 'r1' }).where('id', '=', 'v1').execute();
    await db.updateTable('publication_version').set({ status: 'published' }).where('id', '=', 'v1').execute();
    await db.updateTable('publication').set({
      status: 'published', index_number: 'X/2026-00001', published_version_id: 'v1', published_confidentiality_review_id: 'c1', published_release_review_id: 'r1',
    }).where('id', '=', 'p1').execute();
    const row = await db.selectFrom('publication').select(['status', 'published_version_id']).where('id', '=', 'p1').executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'published', published_version_id: 'v1' });
    await fails(db.updateTable('publication_review').set({ decision: 'rejected' }).where('id', '=', 'c1').execute());
    await fails(db.deleteFrom('publication_review').where('id', '=', 'r1').execute());
    // pointing the published publication at the unreviewed version fails
    await fails(db.updateTable('publication').set({ published_version_id: 'v2' }).where('id', '=', 'p1').execute());
    await fails(db.updateTable('publication').set({ published_confidentiality_review_id: null }).where('id', '=', 'p1').execute());
  });
});
