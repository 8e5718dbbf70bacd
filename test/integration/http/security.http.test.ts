import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/database.js';
import { findSetting } from '../../../src/db/setting.repository.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import { testDatabases } from '../../support/databases.js';

/** A public form route as the portal builds it: a page with the token, and a POST that checks it. */
const publicForm = (app: FastifyInstance) => {
  app.get('/test-form', async (_req, reply) => reply.type('text/html').send(`<input type="hidden" name="_csrf" value="${reply.formCsrfToken()}">`));
  app.post('/test-form', {
    config: { csrf: 'form', rateLimit: app.rateLimits.publicForm },
    schema: { body: Type.Object({ name: Type.String() }) },
  }, async (req) => ({ ok: true, name: (req.body as { name: string }).name }));
};
const tokenIn = (html: string) => /value="([^"]+)"/.exec(html)![1]!;
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe.each(testDatabases)('HTTP security on $name', (target) => {
  let handle: DatabaseHandle;
  let t: TestApp;
  beforeEach(async () => {
    handle = await target.create();
  });
  afterEach(async () => {
    await t?.close();
    await handle.close();
  });

  it('accepts a public form only with the signed token of this browser, for 24 hours', async () => {
    t = await createTestApp({ db: handle, extend: publicForm });
    const browser = t.client();
    const token = tokenIn((await browser.get('/test-form')).body);
    expect(browser.cookies.has('gk_form')).toBe(true);
    expect((await browser.post('/test-form', `name=张三&_csrf=${token}`, { headers: form })).json()).toEqual({ ok: true, name: '张三' });
    const missing = await browser.post('/test-form', 'name=张三', { headers: form });
    expect([missing.statusCode, missing.json().error.code]).toEqual([403, 'CSRF_INVALID']);
    const stranger = t.client(); // another browser (no nonce cookie, or its own)
    expect((await stranger.post('/test-form', `name=x&_csrf=${token}`, { headers: form })).statusCode).toBe(403);
    await stranger.get('/test-form');
    expect((await stranger.post('/test-form', `name=x&_csrf=${token}`, { headers: form })).statusCode).toBe(403);
    expect((await browser.post('/test-form', `name=x&_csrf=${token.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'))}`, { headers: form })).statusCode).toBe(403);
    t.clock.advance(24 * 3_600_000 + 1);
    expect((await browser.post('/test-form', `name=x&_csrf=${token}`, { headers: form })).statusCode).toBe(403);
  });

  it('rate-limits a public form per IP (RATE_LIMIT_FORMS per hour)', async () => {
    t = await createTestApp({ db: handle, extend: publicForm, env: { RATE_LIMIT_FORMS: '2' } });
    const browser = t.client();
    const token = tokenIn((await browser.get('/test-form')).body);
    const send = () => browser.post('/test-form', `name=x&_csrf=${token}`, { headers: form });
    expect([(await send()).statusCode, (await send()).statusCode, (await send()).statusCode]).toEqual([200, 200, 429]);
  });

  it('generates the session secret once and keeps it in the setting table (tokens survive a restart)', async () => {
    t = await createTestApp({ db: handle, extend: publicForm });
    const secret = await findSetting(handle.db, 'session_secret');
    expect(secret).toMatch(/^[A-Za-z0-9_-]{64}$/);
    const browser = t.client();
    const token = tokenIn((await browser.get('/test-form')).body);
    await t.close();
    t = await createTestApp({ db: handle, extend: publicForm });
    expect(await findSetting(handle.db, 'session_secret')).toBe(secret);
    const again = new (browser.constructor as new (app: FastifyInstance) => typeof browser)(t.app);
    for (const [k, v] of browser.cookies) again.cookies.set(k, v);
    expect((await again.post('/test-form', `name=x&_csrf=${token}`, { headers: form })).statusCode).toBe(200);
  });

  it('sends security headers: CSP without inline scripts, no framing, no caching of the API, no HSTS on plain HTTP', async () => {
    t = await createTestApp({ db: handle });
    const res = await t.client().get('/api/auth/me');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).not.toMatch(/upgrade-insecure-requests/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });

  it('serves the OpenAPI document and Swagger UI publicly, every API operation with a response schema', async () => {
    t = await createTestApp({ db: handle });
    const doc = (await t.client().get('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, codes: Object.keys(op.responses ?? {}) })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(20);
    expect(operations.filter((o) => !o.codes.some((c) => /^2/.test(c))).map((o) => `${o.method} ${o.path}`)).toEqual([]);
    expect(Object.keys(doc.paths).every((p) => p.startsWith('/api/'))).toBe(true);
    const ui = await t.client().get('/api/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger-ui');
    expect(ui.body).not.toMatch(/<script>(?!\s*<\/script>)/);
  });
});
