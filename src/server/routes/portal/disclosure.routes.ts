/**
 * The 政府信息公开 platform: GET /zwgk (every agency's column), GET /zwgk/:agencyId (one column),
 * GET /zwgk/:agencyId/system (政府信息公开制度), GET /zwgk/:agencyId/apply (依申请公开). Cached pages.
 */
import type { FastifyPluginAsync } from 'fastify';
import { renderColumnPage, renderDisclosureHomePage } from '../../../portal/pages/disclosure-column.js';
import { renderSystemPage } from '../../../portal/pages/disclosure-guide.js';
import { renderApplyInfoPage } from '../../../portal/pages/disclosure-reports.js';
import { loadColumn, loadDisclosureHome, loadGuide } from '../../../services/portal/column.service.js';
import { maxAge, sendCached } from './disclosure-cache.js';

export const disclosureRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.serviceDeps;

  app.get('/zwgk', async (request, reply) =>
    sendCached(app, request, reply, maxAge.list, async () => {
      const d = await loadDisclosureHome(deps);
      return { body: renderDisclosureHomePage(d) };
    }));

  app.get<{ Params: { agencyId: string } }>('/zwgk/:agencyId', async (request, reply) =>
    sendCached(app, request, reply, maxAge.list, async () => {
      const c = await loadColumn(deps, request.params.agencyId);
      return { body: renderColumnPage(c) };
    }));

  app.get<{ Params: { agencyId: string } }>('/zwgk/:agencyId/system', async (request, reply) =>
    sendCached(app, request, reply, maxAge.list, async () => {
      const g = await loadGuide(deps, request.params.agencyId);
      return { body: renderSystemPage({ agency: { id: g.agency.id, name: g.agency.name }, text: g.texts.system }) };
    }));

  app.get<{ Params: { agencyId: string } }>('/zwgk/:agencyId/apply', async (request, reply) =>
    sendCached(app, request, reply, maxAge.list, async () => {
      const g = await loadGuide(deps, request.params.agencyId);
      return { body: renderApplyInfoPage({ agency: { id: g.agency.id, name: g.agency.name }, office: g.agency.office }) };
    }));
};

