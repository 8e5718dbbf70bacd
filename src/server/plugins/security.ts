/**
 * Security headers (helmet). One CSP for the portal, the console and /api/docs:
 * - scripts only from this origin (the portal needs none; the console and Swagger UI are bundles);
 * - inline styles allowed (Ant Design's CSS-in-JS and ECharts inject <style>/style attributes);
 * - images from self and data: URLs; no plugins; never framed; forms post to self only;
 * - upgrade-insecure-requests and HSTS only behind TLS (SECURE_COOKIES), else a plain-HTTP
 *   installation on a LAN address would have its assets rewritten to https and break.
 * API answers are never cached (they carry personal data).
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export async function registerSecurity(app: FastifyInstance, opts: { readonly behindTls: boolean }): Promise<void> {
  await app.register(helmet, {
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
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) reply.header('cache-control', 'no-store');
  });
}
