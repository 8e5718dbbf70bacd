import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { findAuditEvents } from '../../src/db/audit.repository.js';
import { findSetting, putSetting } from '../../src/db/setting.repository.js';
import { systemActor, withTransaction } from '../../src/services/with-transaction.js';
import { testDatabases } from '../support/databases.js';
import { testServiceDeps, type TestDeps } from '../support/service-deps.js';

describe.each(testDatabases)('withTransaction on $name', (target) => {
  let handle: DatabaseHandle;
  let deps: TestDeps;
  beforeEach(async () => {
    handle = await target.create();
    deps = testServiceDeps(handle);
  });
  afterEach(() => handle.close());

  it('commits the change and its audit event with actor, instant, entity and before/after', async () => {
    await withTransaction(deps, { userId: null, name: '测试' }, async (trx, audit) => {
      await putSetting(trx, 'k', 'v1', audit.at);
      await audit.record({ action: 'setting.update', entityType: 'setting', entityId: 'k', agencyId: 'a1', before: null, after: { value: 'v1' }, requestId: 'r1' });
    });
    expect(await findSetting(deps.db, 'k')).toBe('v1');
    const [event] = await findAuditEvents(deps.db, { agencyIds: 'all', limit: 10 });
    expect(event).toMatchObject({
      at: '2026-03-02T02:00:00.000Z', actorId: null, actorName: '测试', action: 'setting.update', entityType: 'setting', entityId: 'k',
      agencyId: 'a1', before: null, after: { value: 'v1' }, requestId: 'r1',
    });
  });

  it('rolls back the change and the audit event together when the work fails', async () => {
    await expect(
      withTransaction(deps, systemActor(), async (trx, audit) => {
        await putSetting(trx, 'k', 'v1', audit.at);
        await audit.record({ action: 'setting.update', entityType: 'setting', entityId: 'k' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await findSetting(deps.db, 'k')).toBeNull();
    expect(await findAuditEvents(deps.db, { agencyIds: 'all', limit: 10 })).toEqual([]);
  });

  it('refuses (and rolls back) a write that recorded no audit event', async () => {
    await expect(withTransaction(deps, systemActor(), (trx, audit) => putSetting(trx, 'k', 'v', audit.at))).rejects.toThrow(/without an audit event/);
    expect(await findSetting(deps.db, 'k')).toBeNull();
  });

  it('joins the caller’s transaction when nested', async () => {
    await expect(
      withTransaction(deps, systemActor(), async (trx, audit) => {
        await audit.record({ action: 'outer', entityType: 'x', entityId: '1' });
        await withTransaction({ ...deps, db: trx }, systemActor(), async (inner, a2) => {
          await putSetting(inner, 'k', 'inner', a2.at);
          await a2.record({ action: 'inner', entityType: 'x', entityId: '2' });
        });
        throw new Error('outer fails');
      }),
    ).rejects.toThrow('outer fails');
    expect(await findSetting(deps.db, 'k')).toBeNull();
  });
});
