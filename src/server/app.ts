/**
 * buildApp(deps) → a Fastify instance that never listens (tests use inject(); main.ts listens).
 * Order: ecosystem plugins → ours → decorators → hooks → routes.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import formbody from '@fastify/formbody';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { DatabaseHandle } from '../db/database.js';
import type { Clock } from '../clock.js';
import { registerErrorHandler } from './plugins/error-handler.js';
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
  }
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.config.uploads.maxBytes,
    trustProxy: true,
    disableRequestLogging: false,
    genReqId: () => crypto.randomUUID(),
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(formbody, { bodyLimit: deps.config.uploads.maxBytes });
  app.decorate('deps', deps);
  registerErrorHandler(app, renderErrorPage);
  app.get('/healthz', async () => ({ ok: true }));
  for (const route of routes) await app.register(route);
  return app;
}
