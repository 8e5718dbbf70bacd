/**
 * buildApp(deps) → a Fastify instance that never listens (tests use inject(); main.ts listens).
 * Order: ecosystem plugins → ours → decorators → hooks → routes.
 */
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { DatabaseHandle } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { AccountDeps } from '../services/deps.js';
import { ensureSessionSecret } from '../services/settings.service.js';
import { registerErrorHandler } from './plugins/error-handler.js';
import { registerAuth } from './plugins/auth.js';
import { registerCsrf } from './plugins/csrf.js';
import { registerOpenApi } from './plugins/openapi.js';
import { registerRateLimit } from './plugins/rate-limit.js';
import { registerRouteCatalog } from './plugins/route-catalog.js';
import { registerSecurity } from './plugins/security.js';
import { renderErrorPage } from '../portal/error-page.js';
import { routes } from './routes/index.js';

export interface AppDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly db: DatabaseHandle;
  readonly clock: Clock;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    /** What services receive ({ db, clock, logger, auth }). */
    serviceDeps: AccountDeps;
  }
}

const packageVersion = (): string => {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
};

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.config.uploads.maxBytes,
    // per-IP rate limits would be trivial to dodge if any client could set X-Forwarded-For
    trustProxy: deps.config.http.trustProxy,
    genReqId: () => crypto.randomUUID(),
  });
  registerRouteCatalog(app);
  await registerSecurity(app, { behindTls: deps.config.secureCookies });
  await app.register(formbody, { bodyLimit: deps.config.uploads.maxBytes });
  await registerRateLimit(app, deps.config.rateLimit);
  const serviceDeps: AccountDeps = { db: deps.db.db, clock: deps.clock, logger: deps.logger, auth: deps.config.auth };
  app.decorate('deps', deps);
  app.decorate('serviceDeps', serviceDeps);
  const secret = await ensureSessionSecret(serviceDeps, deps.config.sessionSecret);
  await registerAuth(app, { ...serviceDeps, secureCookies: deps.config.secureCookies });
  registerCsrf(app, { secret, clock: deps.clock, secureCookies: deps.config.secureCookies });
  await registerOpenApi(app, { version: packageVersion() });
  registerErrorHandler(app, renderErrorPage);
  app.get('/healthz', async () => ({ ok: true }));
  for (const route of routes) await app.register(route);
  return app;
}
