/**
 * CSRF protection for every state-changing request (POST/PUT/PATCH/DELETE):
 * - a session-authenticated call must carry the session's synchronizer token, as the header
 *   `x-csrf-token` (the console) or the form field `_csrf` (server-rendered staff forms);
 * - a public form (route config `csrf: 'form'`) must carry a signed anonymous token in `_csrf`:
 *   render it with `reply.formCsrfToken()` (which also sets the `gk_form` nonce cookie);
 * - a session-less call to a public /api/ route must be JSON (a cross-site form cannot send that
 *   without a CORS preflight, which this server never grants); `csrf: 'none'` (login) keeps only this rule.
 * Tokens are compared in constant time.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../clock.js';
import { AppError } from '../../core/errors.js';

declare module 'fastify' {
  interface FastifyReply {
    /** A signed anonymous CSRF token for a public form's hidden `_csrf` field (sets the nonce cookie when missing). */
    formCsrfToken(): string;
  }
}

export const csrfHeaderName = 'x-csrf-token';
export const csrfFieldName = '_csrf';
export const formNonceCookieName = 'gk_form';
/** A public form token is accepted for this long after the page was rendered. */
export const formTokenMaxAgeMs = 24 * 3_600_000;

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const sameToken = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The token the client sent: the header, else the `_csrf` field of a parsed (or multipart) body. */
export function submittedCsrfToken(request: FastifyRequest): string {
  const header = request.headers[csrfHeaderName];
  if (typeof header === 'string' && header) return header;
  const body = request.body as Record<string, unknown> | null | undefined;
  const field = body && typeof body === 'object' ? body[csrfFieldName] : undefined;
  if (typeof field === 'string') return field;
  if (field && typeof field === 'object' && 'value' in field && typeof field.value === 'string') return field.value;
  return '';
}

export interface FormTokens {
  issue(nonce: string): string;
  verify(nonce: string, token: string): boolean;
}

/** Signed anonymous form tokens: "<issued ms>.<HMAC-SHA256(secret, nonce.issued)>". */
export function formTokens(secret: string, clock: Clock): FormTokens {
  const sign = (nonce: string, issued: number) => createHmac('sha256', secret).update(`form:${nonce}.${issued}`).digest('base64url');
  return {
    issue: (nonce) => {
      const issued = clock.now().getTime();
      return `${issued}.${sign(nonce, issued)}`;
    },
    verify: (nonce, token) => {
      const [issuedText, mac] = token.split('.');
      const issued = Number(issuedText);
      if (!nonce || !mac || !Number.isSafeInteger(issued)) return false;
      const age = clock.now().getTime() - issued;
      if (age < -5 * 60_000 || age > formTokenMaxAgeMs) return false;
      return sameToken(mac, sign(nonce, issued));
    },
  };
}

export function registerCsrf(app: FastifyInstance, opts: { readonly secret: string; readonly clock: Clock; readonly secureCookies: boolean }): void {
  const tokens = formTokens(opts.secret, opts.clock);
  app.decorateReply('formCsrfToken', function (this: FastifyReply) {
    let nonce = this.request.cookies[formNonceCookieName];
    if (!nonce || nonce.length > 64) {
      nonce = randomBytes(18).toString('base64url');
      this.setCookie(formNonceCookieName, nonce, { httpOnly: true, sameSite: 'lax', secure: opts.secureCookies, path: '/' });
      // the token just issued must verify on this same request's cookie jar too
      this.request.cookies[formNonceCookieName] = nonce;
    }
    return tokens.issue(nonce);
  });

  app.addHook('preValidation', async (request) => {
    if (!unsafe.has(request.method)) return;
    const mode = request.routeOptions.config?.csrf ?? 'session';
    if (mode === 'form') {
      const nonce = request.cookies[formNonceCookieName] ?? '';
      if (!tokens.verify(nonce, submittedCsrfToken(request))) throw new AppError('CSRF_INVALID');
      return;
    }
    if (mode === 'session' && request.session) {
      if (!sameToken(submittedCsrfToken(request), request.session.csrfToken)) throw new AppError('CSRF_INVALID');
      return;
    }
    // no session token to check (login, or a public API call): only JSON, which needs a CORS preflight cross-site
    if (request.url.startsWith('/api/') && !isJson(request)) throw new AppError('CSRF_INVALID');
  });
}

const isJson = (request: FastifyRequest): boolean => /^application\/json\b/i.test(request.headers['content-type'] ?? '');
