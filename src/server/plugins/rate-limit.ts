/**
 * Rate limits per client IP (in memory, per process) for login and public forms, from the config.
 * Nothing is limited by default; a route opts in with `config: { rateLimit: app.rateLimits.publicForm }`.
 * Per-account lockout is separate (services/auth.service.ts).
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { RateLimitConfig } from '../../config.js';
import { AppError } from '../../core/errors.js';

export interface RouteRateLimit {
  readonly max: number;
  readonly timeWindow: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Route-level limits: `config: { rateLimit: app.rateLimits.login }`. */
    rateLimits: { readonly login: RouteRateLimit; readonly publicForm: RouteRateLimit };
  }
}

export async function registerRateLimit(app: FastifyInstance, config: RateLimitConfig): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });
  app.decorate('rateLimits', {
    login: { max: config.login.max, timeWindow: config.login.windowMs },
    publicForm: { max: config.publicForm.max, timeWindow: config.publicForm.windowMs },
  });
}
