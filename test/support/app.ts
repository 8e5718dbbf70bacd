/**
 * HTTP tests: `createTestApp({ db })` builds the real app (never listening) on a test database, with
 * a movable clock, cheap password hashing and generous rate limits; `client()` is a cookie jar over
 * app.inject() that sends the session's CSRF token on every state-changing request.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { fixedClock } from '../../src/clock.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { buildApp } from '../../src/server/app.js';
import type { AccountDeps } from '../../src/services/deps.js';

/**
 * A config for tests: in-memory defaults, cheap scrypt, no demo (and `gongkai demo` without its
 * generated requests: they take minutes; tests that want some ask for a few), silent logs; override
 * any env variable.
 */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    DATABASE_URL: ':memory:',
    GONGKAI_DEMO: 'false',
    GONGKAI_DEMO_REQUESTS: '0',
    PASSWORD_HASH_COST: '10',
    RATE_LIMIT_LOGIN: '100000',
    RATE_LIMIT_FORMS: '100000',
    LOG_LEVEL: 'silent',
    ...env,
  });
}

export interface TestApp {
  readonly app: FastifyInstance;
  /** What services receive: use it to arrange data directly through the services. */
  readonly deps: AccountDeps;
  readonly clock: ReturnType<typeof fixedClock>;
  /** A fresh anonymous client (its own cookie jar). */
  client(): TestClient;
  /** A client signed in through POST /api/auth/login. @throws when the login fails */
  loginAs(username: string, password: string): Promise<TestClient>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  readonly db: DatabaseHandle;
  readonly clock?: ReturnType<typeof fixedClock>;
  /** Environment variables for loadConfig (see testConfig). */
  readonly env?: Record<string, string>;
  /** Register extra (test-only) routes before the app is ready. */
  readonly extend?: (app: FastifyInstance) => void | Promise<void>;
}

export async function createTestApp(opts: TestAppOptions): Promise<TestApp> {
  const config = testConfig(opts.env);
  const clock = opts.clock ?? fixedClock('2026-03-02T02:00:00Z');
  const logger = createLogger(config);
  const app = await buildApp({ config, logger, db: opts.db, clock });
  await opts.extend?.(app);
  await app.ready();
  const testApp: TestApp = {
    app,
    deps: app.serviceDeps,
    clock,
    client: () => new TestClient(app),
    loginAs: async (username, password) => {
      const c = new TestClient(app);
      const res = await c.post('/api/auth/login', { username, password });
      if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
      return c;
    },
    close: () => app.close(),
  };
  return testApp;
}

type Payload = InjectOptions['payload'];
export interface SendOptions {
  readonly headers?: Record<string, string>;
  /** false: do not add the CSRF header (to test that it is required). */
  readonly csrf?: boolean;
}

/** A browser-like client: keeps cookies, learns the CSRF token from login and /api/auth/me. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  csrfToken: string | null = null;

  constructor(private readonly app: FastifyInstance) {}

  get = (url: string, o?: SendOptions) => this.request('GET', url, undefined, o);
  post = (url: string, payload?: Payload, o?: SendOptions) => this.request('POST', url, payload, o);
  patch = (url: string, payload?: Payload, o?: SendOptions) => this.request('PATCH', url, payload, o);
  put = (url: string, payload?: Payload, o?: SendOptions) => this.request('PUT', url, payload, o);
  delete = (url: string, o?: SendOptions) => this.request('DELETE', url, undefined, o);

  async request(method: InjectOptions['method'], url: string, payload?: Payload, o: SendOptions = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...o.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(String(method));
    if (unsafe && o.csrf !== false && this.csrfToken && !headers['x-csrf-token']) headers['x-csrf-token'] = this.csrfToken;
    const res = await this.app.inject({ method, url, headers, ...(payload !== undefined && { payload }) });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const gone = c.value === '' || c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= Date.now());
      if (gone) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    if (res.statusCode === 200 && (url === '/api/auth/login' || url === '/api/auth/me')) this.csrfToken = (res.json() as { csrfToken: string }).csrfToken;
    return res;
  }
}
