import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { findAuditEvents } from '../../src/db/audit.repository.js';
import { resolvePrincipal, systemPrincipal } from '../../src/services/authorization.js';
import * as agencies from '../../src/services/agencies.service.js';
import { findUserByUsername } from '../../src/services/accounts.service.js';
import { seedAccessFixture, type AccessFixture } from '../support/access-fixture.js';
import { testDatabases } from '../support/databases.js';
import { testServiceDeps, type TestDeps } from '../support/service-deps.js';

describe.each(testDatabases)('agencies on $name', (target) => {
  let handle: DatabaseHandle;
  let deps: TestDeps;
  let f: AccessFixture;
  const admin = systemPrincipal('测试');
  const as = async (role: 'supervisor' | 'handler' | 'head') => resolvePrincipal(deps.db, (await findUserByUsername(deps, role))!);

  beforeEach(async () => {
    handle = await target.create();
    deps = testServiceDeps(handle);
    f = await seedAccessFixture(deps);
  });
  afterEach(() => handle.close());

  it('keeps a materialized path and answers subtreeIds with the agency and everything below it', async () => {
    const school = await agencies.createAgency(deps, admin, { name: '甲区教育考试院', parentId: f.agencies.ownAgency, kind: 'other' });
    expect(school.path).toBe(`/${f.agencies.districtA}/${f.agencies.ownAgency}/${school.id}/`);
    expect((await agencies.subtreeIds(deps, f.agencies.districtA)).sort()).toEqual([f.agencies.districtA, f.agencies.ownAgency, f.agencies.townA, school.id].sort());
    expect(await agencies.subtreeIds(deps, f.agencies.otherAgency)).toEqual([f.agencies.otherAgency]);
    expect(await agencies.subtreeIds(deps, 'no-such-agency')).toEqual([]);
  });

  it('moves a subtree by rewriting every path below it, and refuses a cycle', async () => {
    const school = await agencies.createAgency(deps, admin, { name: '甲区教育考试院', parentId: f.agencies.ownAgency, kind: 'other' });
    await agencies.updateAgency(deps, admin, f.agencies.ownAgency, { parentId: f.agencies.districtB });
    expect(await agencies.subtreeIds(deps, f.agencies.districtA)).not.toContain(school.id);
    expect((await agencies.subtreeIds(deps, f.agencies.districtB)).sort()).toEqual([f.agencies.districtB, f.agencies.otherAgency, f.agencies.ownAgency, school.id].sort());
    expect((await agencies.getAgency(deps, admin, school.id)).path).toBe(`/${f.agencies.districtB}/${f.agencies.ownAgency}/${school.id}/`);
    await expect(agencies.updateAgency(deps, admin, f.agencies.districtB, { parentId: school.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('lists agencies depth-first within the principal’s reach', async () => {
    const all = await agencies.listAgencies(deps, admin);
    // siblings by sort order, then by name in pinyin order: 甲 (jiǎ) before 乙 (yǐ), 教育 before 礼让
    expect(all.map((a) => a.id)).toEqual([f.agencies.districtA, f.agencies.ownAgency, f.agencies.townA, f.agencies.districtB, f.agencies.otherAgency]);
    expect((await agencies.listAgencies(deps, await as('supervisor'))).map((a) => a.id)).toEqual([f.agencies.districtA, f.agencies.ownAgency, f.agencies.townA]);
    expect((await agencies.listAgencies(deps, await as('handler'))).map((a) => a.id)).toEqual([f.agencies.ownAgency]);
    expect((await agencies.listAgencyDirectory(deps)).length).toBe(5);
  });

  it('hides an agency outside the reach (NOT_FOUND) and refuses tree changes to non-admins (FORBIDDEN)', async () => {
    const handler = await as('handler');
    await expect(agencies.getAgency(deps, handler, f.agencies.otherAgency)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(agencies.getAgency(deps, await as('supervisor'), f.agencies.otherAgency)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(agencies.updateAgency(deps, handler, f.agencies.ownAgency, { office: { phone: '1' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const head = await as('head');
    await expect(agencies.updateAgency(deps, head, f.agencies.ownAgency, { name: '改名' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const updated = await agencies.updateAgency(deps, head, f.agencies.ownAgency, { office: { officeHours: '工作日 9:00–17:00' } });
    expect(updated.office.officeHours).toBe('工作日 9:00–17:00');
    await expect(agencies.createAgency(deps, await as('supervisor'), { name: 'x', parentId: null, kind: 'other' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a duplicate name and deleting an agency that still has children or accounts', async () => {
    await expect(agencies.createAgency(deps, admin, { name: '甲区人民政府', parentId: null, kind: 'government' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(agencies.deleteAgency(deps, admin, f.agencies.districtA)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(agencies.deleteAgency(deps, admin, f.agencies.ownAgency)).rejects.toMatchObject({ code: 'CONFLICT' });
    await agencies.deleteAgency(deps, admin, f.agencies.townA);
    await expect(agencies.getAgency(deps, admin, f.agencies.townA)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('writes an audit event with before and after for every change', async () => {
    deps.clock.set('2026-03-03T01:00:00Z');
    await agencies.updateAgency(deps, await as('head'), f.agencies.ownAgency, { office: { phone: '023-53220000' } });
    await agencies.deleteAgency(deps, admin, f.agencies.townA);
    const events = await findAuditEvents(deps.db, { agencyIds: 'all', from: '2026-03-03T00:00:00Z', limit: 10 });
    expect(events.map((e) => e.action)).toEqual(['agency.delete', 'agency.update']);
    const [deleted, updated] = events;
    expect(updated).toMatchObject({ actorName: '测试head', entityId: f.agencies.ownAgency, agencyId: f.agencies.ownAgency });
    expect((updated!.before as { office: { phone: string } }).office.phone).toBe('023-00000000');
    expect((updated!.after as { office: { phone: string } }).office.phone).toBe('023-53220000');
    expect(deleted).toMatchObject({ entityId: f.agencies.townA, after: null });
    expect((deleted!.before as { name: string }).name).toBe('甲区礼让镇人民政府');
  });
});
