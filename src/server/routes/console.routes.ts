/**
 * The staff console (React SPA built by Vite into dist/console/) at /console/:
 * - /console/assets/* are content-hashed: cached for a year, immutable; a missing one is a 404
 *   (never index.html, which a browser would try to run as a script);
 * - any other path without a file extension is a screen of the app: index.html (no-cache), so
 *   deep links such as /console/requests/… work after a reload;
 * - /console redirects to /console/.
 * The global CSP (plugins/security.ts) already suits the bundle: scripts only from 'self' (Vite emits
 * no inline script), inline styles allowed for antd's CSS-in-JS. The data comes from /api/ with the
 * session cookie; the page itself is public (it holds no data) and shows the login screen.
 * The directory is found from this module in both layouts: <root>/src/server/routes (tests, tsx) and
 * <root>/dist/server/routes (built) → <root>/dist/console.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

export const consoleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'dist', 'console');

const notBuilt = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>控制台尚未构建</title></head>
<body><main><h1>工作人员控制台尚未构建</h1><p>请在项目目录运行 <code>npm run build</code>（或 <code>npm start</code>，它会自动构建）后刷新本页。</p></main></body></html>`;

/** A file inside the console directory, or null (missing, a directory, or outside it). */
const fileIn = (root: string, rel: string): string | null => {
  const full = resolve(root, rel);
  if (!full.startsWith(root + sep)) return null;
  try {
    return statSync(full).isFile() ? full : null;
  } catch {
    return null;
  }
};

export const consoleRoutes: FastifyPluginAsync = async (app) => {
  const root = consoleDir;
  await app.register(fastifyStatic, { root, serve: false, decorateReply: true });

  app.get('/console', { schema: { hide: true } }, async (_req, reply) => reply.redirect('/console/'));

  app.get<{ Params: { '*': string } }>('/console/*', { schema: { hide: true } }, async (req, reply) => {
    const rel = req.params['*'];
    if (rel.startsWith('assets/')) {
      if (!fileIn(root, rel)) return reply.callNotFound();
      return reply.sendFile(rel, { maxAge: 365 * 24 * 3600 * 1000, immutable: true });
    }
    if (extname(rel) !== '') {
      // favicon and other root files Vite copies from public/
      if (!fileIn(root, rel)) return reply.callNotFound();
      return reply.sendFile(rel, { maxAge: 3600 * 1000 });
    }
    if (!existsSync(join(root, 'index.html'))) {
      return reply.code(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(notBuilt);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
};
