/**
 * Serving portal pages from the page cache: one rendered copy per URL and data version (the LRU of
 * services/portal/page-cache.ts), validators on every answer (ETag from the bytes, Last-Modified
 * from the data version) with 304 for a matching If-None-Match / If-Modified-Since, and
 * Cache-Control public with a short max-age for lists and a longer one for documents. The security
 * headers are the app's, set for every route by plugins/security.ts (computed once, not per request).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PageCache, strongEtag, type CachedPage } from '../../../services/portal/page-cache.js';
import { portalVersion } from '../../../services/search/data-version.js';

/** Seconds browsers and proxies may reuse a page without asking. */
export const maxAge = { list: 60, document: 300, report: 3600 } as const;

const caches = new WeakMap<object, PageCache>();

/** The page cache of an app's database (one per process and database). */
export function pageCacheOf(app: FastifyInstance): PageCache {
  let cache = caches.get(app.serviceDeps.db);
  if (!cache) caches.set(app.serviceDeps.db, (cache = new PageCache()));
  return cache;
}

/** Whether the client's copy is current (RFC 9110 §13.1: If-None-Match wins over If-Modified-Since). */
export function isFresh(request: FastifyRequest, etag: string, lastModified: string): boolean {
  const inm = request.headers['if-none-match'];
  if (inm !== undefined) return inm.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === etag);
  const ims = request.headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && Date.parse(lastModified) <= since;
}

export interface Rendered {
  readonly body: string | Uint8Array;
  readonly contentType?: string;
  /** Default 200; any other status is sent once, uncached, with no-store. */
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Answers from the cache, or renders (`render` may throw AppError: the error handler answers and
 * nothing is cached). `key` defaults to the URL (path and query string).
 */
export async function sendCached(
  app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, seconds: number, render: () => Promise<Rendered>, key = request.url,
): Promise<FastifyReply> {
  const version = await portalVersion(app.serviceDeps);
  const cache = pageCacheOf(app);
  let page: CachedPage | undefined = cache.get(version.key, key);
  if (!page) {
    const rendered = await render();
    if (rendered.status !== undefined && rendered.status !== 200) {
      return reply.code(rendered.status).type(rendered.contentType ?? 'text/html; charset=utf-8').header('cache-control', 'no-store').send(rendered.body);
    }
    const body = typeof rendered.body === 'string' ? Buffer.from(rendered.body, 'utf8') : Buffer.from(rendered.body);
    page = {
      status: 200, body, contentType: rendered.contentType ?? 'text/html; charset=utf-8', etag: strongEtag(body),
      lastModified: version.lastModified, cacheControl: `public, max-age=${seconds}`, ...(rendered.headers && { headers: rendered.headers }),
    };
    cache.set(version.key, key, page);
  }
  reply.header('etag', page.etag).header('last-modified', page.lastModified).header('cache-control', page.cacheControl);
  if (page.headers) reply.headers(page.headers);
  if (isFresh(request, page.etag, page.lastModified)) return reply.code(304).send();
  return reply.code(page.status).type(page.contentType).send(page.body);
}

/** Query string values as strings (arrays and others ignored). */
export function queryOf(request: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((request.query ?? {}) as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** A whole number from a query value: undefined when blank; NaN when malformed (the service rejects it). */
export const intParam = (v: string | undefined): number | undefined => (v === undefined || v.trim() === '' ? undefined : /^\d{1,6}$/.test(v.trim()) ? Number(v.trim()) : Number.NaN);
