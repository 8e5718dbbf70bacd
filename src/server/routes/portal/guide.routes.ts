/** GET /zwgk/:agencyId/guide — 政府信息公开指南, generated from the agency's office details and its own texts. Cached. */
import type { FastifyPluginAsync } from 'fastify';
import { renderGuidePage } from '../../../portal/pages/disclosure-guide.js';
import { loadGuide } from '../../../services/portal/column.service.js';
import { maxAge, sendCached } from './disclosure-cache.js';

export const guideRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { agencyId: string } }>('/zwgk/:agencyId/guide', async (request, reply) =>
    sendCached(app, request, reply, maxAge.list, async () => {
      const g = await loadGuide(app.serviceDeps, request.params.agencyId);
      return {
        body: renderGuidePage({
          agency: { id: g.agency.id, name: g.agency.name }, office: g.agency.office, parentName: g.parentName, article20Items: g.article20Items,
          topics: g.topics, texts: g.texts, updatedOn: g.updatedOn, columnHref: `/zwgk/${encodeURIComponent(g.agency.id)}`,
        }),
      };
    }));
};
