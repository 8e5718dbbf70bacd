/**
 * GET /sitemap.xml (a sitemap index), /sitemap/columns.xml (the platform and every column's parts),
 * /sitemap/items-<n>.xml (published items, 50,000 per file). Cached per data version and host.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { AppError } from '../../../core/errors.js';
import { sitemapColumns, sitemapIndex, sitemapItems } from '../../../services/portal/sitemap.service.js';
import { maxAge, sendCached } from './disclosure-cache.js';

const xml = 'application/xml; charset=utf-8';
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export const sitemapRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.serviceDeps;
  app.get('/sitemap.xml', async (request, reply) =>
    sendCached(app, request, reply, maxAge.list, async () => ({ body: await sitemapIndex(deps, originOf(request)), contentType: xml }), `${originOf(request)}/sitemap.xml`));

  app.get<{ Params: { file: string } }>('/sitemap/:file', async (request, reply) => {
    const file = request.params.file;
    const origin = originOf(request);
    const items = /^items-(\d{1,4})\.xml$/.exec(file);
    if (file !== 'columns.xml' && !items) throw new AppError('NOT_FOUND', { what: '该站点地图' });
    return sendCached(app, request, reply, maxAge.list, async () => ({
      body: items ? await sitemapItems(deps, origin, Number(items[1])) : await sitemapColumns(deps, origin),
      contentType: xml,
    }), `${origin}${request.url}`);
  });
};
