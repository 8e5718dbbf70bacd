/** GET /zwgk/:agencyId/catalog — 法定主动公开内容 (item, topic, genre, year, validity, page). Cached per URL. */
import type { FastifyPluginAsync } from 'fastify';
import { renderCatalogPage } from '../../../portal/pages/disclosure-catalog.js';
import { loadCatalog } from '../../../services/portal/document.service.js';
import { intParam, maxAge, queryOf, sendCached } from './disclosure-cache.js';

export const catalogRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { agencyId: string } }>('/zwgk/:agencyId/catalog', async (request, reply) =>
    sendCached(app, request, reply, maxAge.list, async () => {
      const q = queryOf(request);
      const filters = { item: intParam(q.item), topic: q.topic || undefined, genre: q.genre || undefined, year: intParam(q.year), validity: q.validity || undefined };
      const c = await loadCatalog(app.serviceDeps, { agencyId: request.params.agencyId, ...filters, page: intParam(q.page) });
      return {
        body: renderCatalogPage({
          agency: c.agency, filters, facets: c.facets, total: c.results.total, totalIsExact: c.results.totalIsExact, page: c.results.page, pageCount: c.results.pageCount,
          rows: c.results.items.map((i) => ({
            itemId: i.itemId, title: i.title, indexNumber: i.indexNumber, documentNumber: i.documentNumber, summary: i.summary,
            writtenOn: i.writtenOn, publishedOn: i.publishedOn, validity: i.validity, validityLabel: i.validityLabel,
          })),
        }),
      };
    }));
};
