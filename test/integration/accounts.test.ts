import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { findAuditEvents } from '../../src/db/audit.repository.js';
import * as accounts from '../../src/services/accounts.service.js';
import { login } from '../../src/services/auth.service.js';
import { resolvePrincipal, systemPrincipal, type Principal } from '../../src/services/authorization.js';
import { seedAccessFixture, type AccessFixture } from '../support/access-fixture.js';
import { testDatabases } from '../support/databases.js';
import { testServiceDeps, type TestDeps } from '../support/service-deps.js';

describe.each(testDatabases)('accounts on $name', (target) => {
  let handle: DatabaseHandle;
  let deps: TestDeps;
  let f: AccessFixture;
  let supervisor: Principal;
  const admin = systemPrincipal('测试');
  const newHandler = (agencyId: string, username = 'xiaowang') =>
    ({ username, displayName: '小王', role: 'handler', agencyId, password: 'Kaiyuan-2026-pass' }) as const;

  beforeEach(async () => {
    handle = await target.create();
    deps = testServiceDeps(handle);
    f = await seedAccessFixture(deps);
    supervisor = await resolvePrincipal(deps.db, (await accounts.findUserByUsername(deps, 'supervisor'))!);
  });
  afterEach(() => handle.close());

  it('creates an account with a lower-cased username and refuses a duplicate', async () => {
    const u = await accounts.createUser(deps, admin, { ...newHandler(f.agencies.ownAgency), username: 'XiaoWang' });
    expect(u).toMatchObject({ username: 'xiaowang', role: 'handler', agencyId: f.agencies.ownAgency, active: true, lockedUntil: null });
    await expect(accounts.createUser(deps, admin, newHandler(f.agencies.ownAgency))).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('enforces the password policy, the username pattern and an agency for non-admin roles', async () => {
    await expect(accounts.createUser(deps, admin, { ...newHandler(f.agencies.ownAgency), password: 'short' })).rejects.toMatchObject({ code: 'PASSWORD_WEAK' });
    await expect(accounts.createUser(deps, admin, { ...newHandler(f.agencies.ownAgency), password: 'xiaowang-123456' })).rejects.toMatchObject({
      code: 'PASSWORD_WEAK', params: { reason: '不能包含用户名' },
    });
    await expect(accounts.createUser(deps, admin, { ...newHandler(f.agencies.ownAgency), username: '小王' })).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
    await expect(accounts.createUser(deps, admin, { ...newHandler(f.agencies.ownAgency), agencyId: null })).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
    await expect(accounts.createUser(deps, admin, newHandler('no-such-agency'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets a supervisor manage handler/head accounts of its subtree only', async () => {
    const inReach = await accounts.createUser(deps, supervisor, newHandler(f.agencies.townA));
    expect(inReach.agencyId).toBe(f.agencies.townA);
    await expect(accounts.createUser(deps, supervisor, newHandler(f.agencies.otherAgency, 'bbb1'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(accounts.createUser(deps, supervisor, { ...newHandler(f.agencies.townA, 'bbb2'), role: 'supervisor' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(accounts.updateUser(deps, supervisor, inReach.id, { agencyId: f.agencies.otherAgency })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(accounts.updateUser(deps, supervisor, f.users.supervisor.id, { displayName: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const outside = await accounts.createUser(deps, admin, newHandler(f.agencies.otherAgency, 'outside'));
    await expect(accounts.getUser(deps, supervisor, outside.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await accounts.listUsers(deps, supervisor)).map((u) => u.username).sort()).toEqual(['handler', 'head', 'supervisor', 'xiaowang']);
  });

  it('disabling an account ends its sessions and blocks its login', async () => {
    const u = await accounts.createUser(deps, admin, newHandler(f.agencies.ownAgency));
    await login(deps, { username: u.username, password: 'Kaiyuan-2026-pass' });
    await accounts.updateUser(deps, admin, u.id, { active: false });
    expect(await handle.db.selectFrom('user_session').selectAll().where('user_id', '=', u.id).execute()).toEqual([]);
    await expect(login(deps, { username: u.username, password: 'Kaiyuan-2026-pass' })).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
  });

  it('a password reset clears the lockout and ends the sessions', async () => {
    const u = await accounts.createUser(deps, admin, newHandler(f.agencies.ownAgency));
    await login(deps, { username: u.username, password: 'Kaiyuan-2026-pass' });
    for (let i = 0; i < 5; i += 1) await login(deps, { username: u.username, password: 'wrong' }).catch(() => {});
    expect((await accounts.getUser(deps, admin, u.id)).lockedUntil).not.toBeNull();
    await accounts.resetPassword(deps, supervisor, u.id, 'Brand-new-pass-1');
    expect((await accounts.getUser(deps, admin, u.id)).lockedUntil).toBeNull();
    expect(await handle.db.selectFrom('user_session').selectAll().where('user_id', '=', u.id).execute()).toEqual([]);
    await expect(login(deps, { username: u.username, password: 'Brand-new-pass-1' })).resolves.toMatchObject({ principal: { userId: u.id } });
  });

  it('audits each write with before/after snapshots that never contain the password hash', async () => {
    deps.clock.set('2026-04-01T00:00:00Z');
    const u = await accounts.createUser(deps, supervisor, newHandler(f.agencies.ownAgency));
    await accounts.updateUser(deps, supervisor, u.id, { displayName: '王小明', role: 'head' });
    const events = await findAuditEvents(deps.db, { agencyIds: [f.agencies.ownAgency], entityType: 'user', entityId: u.id, limit: 10 });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([['user.update', f.users.supervisor.id], ['user.create', f.users.supervisor.id]]);
    expect(events[0]!.before).toMatchObject({ displayName: '小王', role: 'handler' });
    expect(events[0]!.after).toMatchObject({ displayName: '王小明', role: 'head' });
    expect(JSON.stringify(events)).not.toMatch(/scrypt|password_hash|passwordHash/);
  });
});
