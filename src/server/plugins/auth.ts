/**
 * Staff authentication: reads the session cookie, loads the session and its principal, and denies
 * every /api/ route to anonymous callers unless the route says `config: { access: 'public' }`
 * (default-deny, so a new route is protected without anyone remembering to protect it).
 * Routes outside /api/ (portal pages, assets) load no session unless they say `access: 'staff'`.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import type { Principal } from '../../services/authorization.js';
import { authenticate, type Session } from '../../services/auth.service.js';
import type { AccountDeps } from '../../services/deps.js';

export type RouteAccess = 'staff' | 'public';
export type RouteCsrf = 'session' | 'form' | 'none';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route: 'staff' (a valid session; the default under /api/) or 'public'. */
    access?: RouteAccess;
    /**
     * CSRF for POST/PUT/PATCH/DELETE: 'session' (default; the session's token in `x-csrf-token` or
     * the `_csrf` field whenever a session authenticates the call), 'form' (the signed anonymous
     * token of a public form, see plugins/csrf.ts), or 'none' (login only).
     */
    csrf?: RouteCsrf;
  }
  interface FastifyRequest {
    /** The signed-in staff user, or null. */
    principal: Principal | null;
    session: Session | null;
    /** When the session ends if unused (ISO), for /api/auth/me. */
    sessionIdleExpiresAt: string | null;
  }
}

export const sessionCookieName = 'gk_session';

/** The access a route requires: its own config, else 'staff' under /api/ and nothing elsewhere. */
export function routeAccess(request: FastifyRequest): RouteAccess | null {
  const configured = request.routeOptions.config?.access;
  if (configured) return configured;
  return request.url.startsWith('/api/') && !request.is404 ? 'staff' : null;
}

export async function registerAuth(app: FastifyInstance, deps: AccountDeps & { readonly secureCookies: boolean }): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('principal', null);
  app.decorateRequest('session', null);
  app.decorateRequest('sessionIdleExpiresAt', null);
  app.addHook('onRequest', async (request, reply) => {
    const access = routeAccess(request);
    if (access === null) return;
    const token = request.cookies[sessionCookieName];
    if (token) {
      const found = await authenticate(deps, token);
      if (found) {
        request.principal = found.principal;
        request.session = found.session;
        request.sessionIdleExpiresAt = found.idleExpiresAt;
      } else {
        clearSessionCookie(reply, deps.secureCookies);
      }
    }
    if (access === 'staff' && !request.principal) throw new AppError('AUTH_REQUIRED');
  });
}

/** The signed-in principal. @throws AppError(AUTH_REQUIRED) */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('AUTH_REQUIRED');
  return request.principal;
}

/** The current session. @throws AppError(AUTH_REQUIRED) */
export function sessionOf(request: FastifyRequest): Session {
  if (!request.session) throw new AppError('AUTH_REQUIRED');
  return request.session;
}

export function setSessionCookie(reply: FastifyReply, token: string, opts: { maxAgeSeconds: number; secure: boolean }): void {
  reply.setCookie(sessionCookieName, token, { httpOnly: true, sameSite: 'lax', secure: opts.secure, path: '/', maxAge: opts.maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(sessionCookieName, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
