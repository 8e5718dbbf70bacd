import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { findAuditEvents } from '../../src/db/audit.repository.js';
import { findCredentials } from '../../src/db/user.repository.js';
import * as auth from '../../src/services/auth.service.js';
import { seedAccessFixture, type AccessFixture } from '../support/access-fixture.js';
import { testDatabases } from '../support/databases.js';
import { testServiceDeps, type TestDeps } from '../support/service-deps.js';

const minutes = (n: number) => n * 60_000;

describe.each(testDatabases)('login and sessions on $name', (target) => {
  let handle: DatabaseHandle;
  let deps: TestDeps;
  let f: AccessFixture;
  const attempt = (password: string, username = 'handler') => auth.login(deps, { username, password, ip: '10.0.0.9' });

  beforeEach(async () => {
    handle = await target.create();
    deps = testServiceDeps(handle, { SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '8' });
    f = await seedAccessFixture(deps);
  });
  afterEach(() => handle.close());

  it('signs in with the right password (any case of the username) and stores only the token hash', async () => {
    const s = await attempt(f.password, 'Handler');
    expect(s.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.principal).toMatchObject({ userId: f.users.handler.id, role: 'handler', agencyId: f.agencies.ownAgency });
    const rows = await handle.db.selectFrom('user_session').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(auth.hashSessionToken(s.token));
    expect(JSON.stringify(rows)).not.toContain(s.token);
    expect((await auth.authenticate(deps, s.token))?.principal.userId).toBe(f.users.handler.id);
  });

  it('answers LOGIN_FAILED for a wrong password and for an unknown user alike', async () => {
    await expect(attempt('Wrong-password-1')).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    await expect(attempt(f.password, 'nobody')).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    const [event] = await findAuditEvents(deps.db, { agencyIds: 'all', action: 'auth.login_failed', limit: 5 });
    expect(event).toMatchObject({ entityId: f.users.handler.id, actorId: null, after: { failedLogins: 1, ip: '10.0.0.9' } });
  });

  it('locks the account after 5 failures in a row for 15 minutes, even for the right password, then lets it in', async () => {
    for (let i = 0; i < 4; i += 1) await expect(attempt('Wrong-password-1')).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    await expect(attempt('Wrong-password-1')).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    await expect(attempt(f.password)).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED', params: { minutes: 15 } });
    deps.clock.advance(minutes(14));
    await expect(attempt(f.password)).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED', params: { minutes: 1 } });
    deps.clock.advance(minutes(1));
    await expect(attempt(f.password)).resolves.toMatchObject({ principal: { userId: f.users.handler.id } });
    expect((await findAuditEvents(deps.db, { agencyIds: 'all', action: 'auth.locked', limit: 5 })).length).toBe(1);
  });

  it('a success resets the failure count', async () => {
    for (let i = 0; i < 4; i += 1) await attempt('Wrong-password-1').catch(() => {});
    await attempt(f.password);
    for (let i = 0; i < 4; i += 1) await attempt('Wrong-password-1').catch(() => {});
    await expect(attempt(f.password)).resolves.toBeDefined();
  });

  it('ends a session after the idle timeout, and after the absolute lifetime even when used', async () => {
    const idle = await attempt(f.password);
    deps.clock.advance(minutes(29));
    expect(await auth.authenticate(deps, idle.token)).not.toBeNull();
    deps.clock.advance(minutes(29));
    expect(await auth.authenticate(deps, idle.token)).not.toBeNull();
    deps.clock.advance(minutes(31));
    expect(await auth.authenticate(deps, idle.token)).toBeNull();

    const busy = await attempt(f.password);
    for (let i = 1; i < 24; i += 1) {
      deps.clock.advance(minutes(20));
      expect(await auth.authenticate(deps, busy.token), `after ${i * 20} minutes`).not.toBeNull();
    }
    deps.clock.advance(minutes(20)); // 8 hours after login
    expect(await auth.authenticate(deps, busy.token)).toBeNull();
  });

  it('logout, revoking a session and changing the password end sessions', async () => {
    const a = await attempt(f.password);
    const b = await attempt(f.password);
    const c = await attempt(f.password);
    await auth.logout(deps, a.principal, a.session.id);
    expect(await auth.authenticate(deps, a.token)).toBeNull();
    await expect(auth.revokeOwnSession(deps, (await attempt(f.password, 'head')).principal, b.session.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await auth.changeOwnPassword(deps, b.principal, { sessionId: b.session.id, currentPassword: f.password, newPassword: 'Changed-pass-2026' });
    expect(await auth.authenticate(deps, b.token)).not.toBeNull();
    expect(await auth.authenticate(deps, c.token)).toBeNull();
    await expect(attempt(f.password)).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    await expect(attempt('Changed-pass-2026')).resolves.toBeDefined();
  });

  it('rehashes a password stored with a lower cost at the next login', async () => {
    const stronger = { ...deps, auth: { ...deps.auth, passwordHashCost: 11 } };
    await auth.login(stronger, { username: 'handler', password: f.password });
    expect((await findCredentials(deps.db, 'handler'))!.passwordHash).toMatch(/^scrypt\$11\$8\$3\$/);
    await expect(attempt(f.password)).resolves.toBeDefined();
  });
});
