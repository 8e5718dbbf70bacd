/**
 * Security headers. One CSP for the portal, the console and /api/docs:
 * - scripts only from this origin (the portal needs none; the console and Swagger UI are bundles);
 * - inline styles allowed (Ant Design's CSS-in-JS and ECharts inject <style>/style attributes);
 * - images from self and data: URLs; no plugins; never framed; forms post to self only;
 * - upgrade-insecure-requests and HSTS only behind TLS (SECURE_COOKIES), else a plain-HTTP
 *   installation on a LAN address would have its assets rewritten to https and break.
 * API answers are never cached (they carry personal data).
 *
 * The headers are helmet's, but computed ONCE: helmet's middleware runs a single time against a
 * recording response when the app (or a route with its own variant) is registered, and every
 * request only copies the resulting header set onto the reply in an onRequest hook — on every
 * route, 404s and errors included. (@fastify/helmet rebuilt the whole middleware, CSP parsing
 * included, on every request.) A route may ask for another variant with
 * `config: { securityHeaders: { …helmet options over the app's } }` (or `false` for none); each
 * distinct variant is computed once at registration.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Helmet options merged over the app's for this route, or false for no security headers. */
    securityHeaders?: Readonly<HelmetOptions> | false;
    /** Set at registration from `securityHeaders` (do not set it yourself). */
    securityHeaderSet?: SecurityHeaderSet;
  }
}

/** Lower-case header name → value, as helmet would set them. */
export type SecurityHeaderSet = Readonly<Record<string, string>>;

/** The app's helmet options. */
export function securityOptions(opts: { readonly behindTls: boolean }): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        ...(opts.behindTls ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: opts.behindTls ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  };
}

/**
 * The headers helmet sets for these options: its middleware run once against a response that only
 * records setHeader/removeHeader. (Our directives are constants; a directive given as a function of
 * the request would be evaluated once here, so none may be.)
 */
export function computeSecurityHeaders(options: Readonly<HelmetOptions>): SecurityHeaderSet {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
      return recorder;
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown = null;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) failure = err;
  });
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return Object.freeze(headers);
}

export async function registerSecurity(app: FastifyInstance, opts: { readonly behindTls: boolean }): Promise<void> {
  const base = securityOptions(opts);
  const appHeaders = computeSecurityHeaders(base);
  const none: SecurityHeaderSet = Object.freeze({});
  const variants = new Map<string, SecurityHeaderSet>();
  const variantOf = (over: Readonly<HelmetOptions>): SecurityHeaderSet => {
    const key = JSON.stringify(over);
    let set = variants.get(key);
    if (!set) variants.set(key, (set = computeSecurityHeaders({ ...base, ...over } as HelmetOptions)));
    return set;
  };

  app.addHook('onRoute', (route) => {
    const wanted = route.config?.securityHeaders;
    if (wanted === undefined) return;
    route.config = { ...route.config, securityHeaderSet: wanted === false ? none : variantOf(wanted) };
  });

  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(request.routeOptions.config.securityHeaderSet ?? appHeaders);
    done();
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}
