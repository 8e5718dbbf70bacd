import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/database.js';
import { findAuditEvents } from '../../../src/db/audit.repository.js';
import { seedAccessFixture, type AccessFixture } from '../../support/access-fixture.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import { testDatabases } from '../../support/databases.js';

describe.each(testDatabases)('HTTP login, sessions and CSRF on $name', (target) => {
  let handle: DatabaseHandle;
  let t: TestApp;
  let f: AccessFixture;
  const open = async (env: Record<string, string> = {}) => {
    t = await createTestApp({ db: handle, env: { SESSION_IDLE_MINUTES: '30', ...env } });
    f = await seedAccessFixture(t.deps);
  };
  beforeEach(async () => {
    handle = await target.create();
  });
  afterEach(async () => {
    await t?.close();
    await handle.close();
  });

  it('sets an HttpOnly SameSite=Lax session cookie and answers /me with role, agencies and CSRF token', async () => {
    await open();
    const c = t.client();
    const res = await c.post('/api/auth/login', { username: 'supervisor', password: f.password });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^gk_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(cookie).not.toMatch(/Secure/);
    const me = (await c.get('/api/auth/me')).json();
    expect(me.user).toMatchObject({ username: 'supervisor', role: 'supervisor', roleLabel: '主管部门', agencyName: '甲区人民政府' });
    expect(me.visibleAgencies.map((a: { id: string }) => a.id)).toEqual([f.agencies.districtA, f.agencies.ownAgency, f.agencies.townA]);
    expect(me.csrfToken).toHaveLength(43);
  });

  it('marks the cookie Secure behind TLS (SECURE_COOKIES) and only then sends HSTS', async () => {
    await open({ SECURE_COOKIES: 'true' });
    const res = await t.client().post('/api/auth/login', { username: 'admin', password: f.password });
    expect(String(res.headers['set-cookie'])).toMatch(/Secure/);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(res.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
  });

  it('answers 401 LOGIN_FAILED, then 423 ACCOUNT_LOCKED after 5 failures, with Chinese messages', async () => {
    await open();
    const c = t.client();
    for (let i = 0; i < 5; i += 1) {
      const r = await c.post('/api/auth/login', { username: 'head', password: 'Wrong-pass-123' });
      expect(r.statusCode).toBe(401);
      expect(r.json()).toEqual({ error: { code: 'LOGIN_FAILED', message: '用户名或密码不正确' } });
    }
    const locked = await c.post('/api/auth/login', { username: 'head', password: f.password });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.message).toBe('连续登录失败次数过多，账号已临时锁定，请 15 分钟后再试');
    t.clock.advance(15 * 60_000);
    expect((await c.post('/api/auth/login', { username: 'head', password: f.password })).statusCode).toBe(200);
  });

  it('rate-limits login attempts per client IP (RATE_LIMIT_LOGIN per minute)', async () => {
    await open({ RATE_LIMIT_LOGIN: '3' });
    const statuses: number[] = [];
    // a forged X-Forwarded-For does not give a fresh address (TRUST_PROXY is off by default)
    for (let i = 0; i < 4; i += 1) {
      const r = await t.client().post('/api/auth/login', { username: 'nobody', password: 'x' }, { headers: { 'x-forwarded-for': `203.0.113.${i}` } });
      statuses.push(r.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await t.client().post('/api/auth/login', { username: 'admin', password: f.password });
    expect(limited.json().error.code).toBe('RATE_LIMITED');
  });

  it('refuses a state-changing request without the CSRF token, or with a wrong one', async () => {
    await open();
    const c = await t.loginAs('admin', f.password);
    const patch = (headers: Record<string, string>) =>
      c.patch(`/api/agencies/${f.agencies.townA}`, { shortName: '礼让镇' }, { csrf: false, headers });
    const without = await patch({});
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('CSRF_INVALID');
    expect((await patch({ 'x-csrf-token': 'x'.repeat(43) })).statusCode).toBe(403);
    expect((await patch({ 'x-csrf-token': c.csrfToken! })).statusCode).toBe(200);
    // the token of another session does not do
    const other = await t.loginAs('admin', f.password);
    expect((await patch({ 'x-csrf-token': other.csrfToken! })).statusCode).toBe(403);
  });

  it('accepts the session token as the _csrf field of a server-rendered form', async () => {
    await open();
    const c = await t.loginAs('handler', f.password);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    expect((await c.post('/api/auth/logout', '_csrf=wrong', { csrf: false, headers: form })).statusCode).toBe(403);
    expect((await c.post('/api/auth/logout', `_csrf=${c.csrfToken}`, { csrf: false, headers: form })).statusCode).toBe(204);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('accepts login only as JSON (a cross-site HTML form cannot log a victim in)', async () => {
    await open();
    const r = await t.client().post('/api/auth/login', `username=admin&password=${f.password}`, { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('CSRF_INVALID');
  });

  it('ends an idle session: 401 AUTH_REQUIRED and the cookie is cleared', async () => {
    await open();
    const c = await t.loginAs('handler', f.password);
    t.clock.advance(29 * 60_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const r = await c.get('/api/auth/me');
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('AUTH_REQUIRED');
    expect(c.cookies.has('gk_session')).toBe(false);
  });

  it('records who did a write made over HTTP in the audit log', async () => {
    await open();
    const c = await t.loginAs('head', f.password);
    expect((await c.patch(`/api/agencies/${f.agencies.ownAgency}`, { office: { fax: '023-53229999' } })).statusCode).toBe(200);
    const [e] = await findAuditEvents(t.deps.db, { agencyIds: [f.agencies.ownAgency], action: 'agency.update', limit: 1 });
    expect(e).toMatchObject({ actorId: f.users.head.id, actorName: '测试head', entityId: f.agencies.ownAgency });
    expect((e!.after as { office: { fax: string } }).office.fax).toBe('023-53229999');
    const audit = await (await t.loginAs('supervisor', f.password)).get(`/api/audit-events?agencyId=${f.agencies.ownAgency}&action=agency.update`);
    expect(audit.json().events[0]).toMatchObject({ actorId: f.users.head.id, action: 'agency.update' });
  });
});
