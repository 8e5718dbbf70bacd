/**
 * The security headers are computed once (plugins/security.ts) and must be EXACTLY what helmet's
 * own middleware sets on a real response for the same options — on every kind of route: cached
 * portal pages (first render, cache hit, 304), other portal pages and forms, the JSON API (200, 400,
 * 401, 404), Swagger UI, the console (index and a missing asset), static assets, unknown URLs. With
 * and without TLS. A route may ask for its own variant; the others keep the app's.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet from 'helmet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityOptions } from '../../../src/server/plugins/security.js';
import { seedAccessFixture, type AccessFixture } from '../../support/access-fixture.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import { testDatabases } from '../../support/databases.js';
import { publishNew } from '../../support/publication-fixture.js';
import { principalOfRole } from '../../support/request-fixture.js';

/** What helmet's middleware sets on a real node response (the reference, independent of our copy). */
function helmetReference(behindTls: boolean): Record<string, string> {
  const res = new ServerResponse(new IncomingMessage(new Socket()));
  helmet(securityOptions({ behindTls }))(res.req, res, (err?: unknown) => {
    if (err) throw err;
  });
  return Object.fromEntries(Object.entries(res.getHeaders()).map(([k, v]) => [k, String(v)]));
}

const plain = helmetReference(false);
const tls = helmetReference(true);
/** Every header name helmet may set in either configuration. */
const helmetNames = [...new Set([...Object.keys(plain), ...Object.keys(tls)])].sort();
const securityPart = (headers: Record<string, unknown>) =>
  Object.fromEntries(helmetNames.filter((h) => headers[h] !== undefined).map((h) => [h, String(headers[h])]));

describe.each(testDatabases)('security headers on every route kind ($name)', (target) => {
  let t: TestApp;
  let tlsApp: TestApp;
  let f: AccessFixture;
  let doc: string;
  let closeDb: () => Promise<void>;

  beforeAll(async () => {
    const db = await target.create();
    const extend = (app: TestApp['app']) => {
      app.get('/test-variant', { config: { securityHeaders: { contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"] } } } } }, async () => 'v');
      app.get('/test-none', { config: { securityHeaders: false } }, async () => 'n');
      app.get('/test-throws', async () => {
        throw new Error('boom');
      });
    };
    t = await createTestApp({ db, extend });
    tlsApp = await createTestApp({ db, env: { SECURE_COOKIES: 'true' } });
    f = await seedAccessFixture(t.deps);
    const handler = await principalOfRole(t.deps, f, 'handler');
    const head = await principalOfRole(t.deps, f, 'head');
    doc = (await publishNew(t.deps, handler, head, f.agencies.ownAgency, { title: '关于调整城乡低保标准的通知' })).id;
    closeDb = () => db.close();
  });
  afterAll(async () => {
    await t?.close();
    await tlsApp?.close();
    await closeDb?.();
  });

  const kinds = (): [string, 'GET' | 'POST', string, string?][] => {
    const a = f.agencies.ownAgency;
    return [
      ['portal home', 'GET', '/'], ['report checker', 'GET', '/check'], ['health', 'GET', '/healthz'],
      ['cached list', 'GET', '/zwgk'], ['cached column', 'GET', `/zwgk/${a}`], ['cached guide', 'GET', `/zwgk/${a}/guide`],
      ['cached catalog', 'GET', `/zwgk/${a}/catalog`], ['cached document', 'GET', `/zwgk/doc/${doc}`], ['cached search', 'GET', '/search?q=低保'],
      ['sitemap', 'GET', '/sitemap.xml'], ['cached page 404', 'GET', '/zwgk/doc/no-such-item'], ['bad agency 404', 'GET', '/zwgk/no-such/catalog'],
      ['apply form', 'GET', '/apply'], ['track form', 'GET', '/track'], ['portal css', 'GET', '/assets/portal.css'],
      ['unknown page', 'GET', '/no-such-page'], ['unknown API', 'GET', '/api/no-such'], ['API 401', 'GET', '/api/auth/me'],
      ['OpenAPI', 'GET', '/api/openapi.json'], ['Swagger UI', 'GET', '/api/docs'], ['API 400', 'POST', '/api/auth/login', '{"username":"x"}'],
      ['API bad JSON', 'POST', '/api/auth/login', '{bad'], ['console', 'GET', '/console/'], ['console deep link', 'GET', '/console/calendar'],
      ['console missing asset', 'GET', '/console/assets/missing.js'],
    ];
  };

  it('sends exactly helmet\'s headers on every route kind, on first render and from the cache', async () => {
    for (const [name, method, url, payload] of kinds()) {
      for (const round of [1, 2]) {
        const res = await t.app.inject({ method, url, headers: { accept: 'text/html', ...(payload && { 'content-type': 'application/json' }) }, ...(payload && { payload }) });
        expect(res.statusCode, `${name} ${url}`).toBeLessThan(500);
        expect(securityPart(res.headers), `${name} ${url} (#${round})`).toEqual(plain);
      }
    }
    const page = await t.app.inject({ method: 'GET', url: '/zwgk' });
    const notModified = await t.app.inject({ method: 'GET', url: '/zwgk', headers: { 'if-none-match': String(page.headers.etag) } });
    expect(notModified.statusCode).toBe(304);
    expect(securityPart(notModified.headers)).toEqual(plain);
    const crash = await t.app.inject({ method: 'GET', url: '/test-throws' });
    expect(crash.statusCode).toBe(500);
    expect(securityPart(crash.headers)).toEqual(plain);
  });

  it('behind TLS adds HSTS and upgrade-insecure-requests, the same on every route kind', async () => {
    expect(tls['strict-transport-security']).toBe('max-age=15552000');
    expect(tls['content-security-policy']).toContain('upgrade-insecure-requests');
    for (const [name, method, url, payload] of kinds()) {
      const res = await tlsApp.app.inject({ method, url, headers: { accept: 'text/html', ...(payload && { 'content-type': 'application/json' }) }, ...(payload && { payload }) });
      expect(securityPart(res.headers), `${name} ${url}`).toEqual(tls);
    }
  });

  it('gives a route its own variant (computed once) and leaves the others alone', async () => {
    const variant = await t.app.inject({ method: 'GET', url: '/test-variant' });
    expect(variant.headers['content-security-policy']).toBe("default-src 'none'");
    expect({ ...securityPart(variant.headers), 'content-security-policy': plain['content-security-policy'] }).toEqual(plain);
    const none = await t.app.inject({ method: 'GET', url: '/test-none' });
    expect(securityPart(none.headers)).toEqual({});
    expect(securityPart((await t.app.inject({ method: 'GET', url: '/zwgk' })).headers)).toEqual(plain);
  });

  it('keeps the API uncached and the portal pages cacheable', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).headers['cache-control']).toBe('no-store');
    expect((await t.app.inject({ method: 'GET', url: '/zwgk' })).headers['cache-control']).toBe('public, max-age=60');
  });
});
