/**
 * GET /search — 全文检索 (keywords, agency with its subordinate bodies, 主题分类, year, 有效性, order,
 * page). A bad parameter shows the form with the message (400), never an error page. Cached per URL.
 */
import type { FastifyPluginAsync } from 'fastify';
import { agencyDepth } from '../../../core/agencies/agency.js';
import { appErrorMessage, isAppError } from '../../../core/errors.js';
import { validityLabels } from '../../../core/publications/publication.js';
import { renderSearchPage, type SearchForm } from '../../../portal/pages/search.js';
import { portalVersion } from '../../../services/search/data-version.js';
import { loadPortalContext } from '../../../services/search/public-context.js';
import { searchPublished } from '../../../services/search/search.service.js';
import { intParam, maxAge, queryOf, sendCached } from './disclosure-cache.js';

export const searchRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.serviceDeps;
  app.get('/search', async (request, reply) => {
    const q = queryOf(request);
    const form: SearchForm = {
      q: (q.q ?? '').slice(0, 100), agency: q.agency ?? '', topic: q.topic ?? '', year: q.year ?? '', validity: q.validity ?? '',
      sort: q.sort === 'date' ? 'date' : 'relevance',
    };
    return sendCached(app, request, reply, maxAge.list, async () => {
      const context = await loadPortalContext(deps, (await portalVersion(deps)).key);
      const thisYear = Number(deps.clock.today().slice(0, 4));
      const common = {
        form,
        agencies: context.agencies.map((a) => ({ id: a.id, name: a.name, depth: agencyDepth(a) })),
        topics: context.topics,
        years: Array.from({ length: 12 }, (_, i) => thisYear - i),
        validities: Object.entries(validityLabels),
      };
      const searching = [form.q, form.agency, form.topic, form.year, form.validity].some((v) => v.trim() !== '');
      if (!searching) return { body: renderSearchPage({ ...common, results: null }) };
      try {
        const r = await searchPublished(deps, {
          q: form.q, agencyId: form.agency || undefined, topic: form.topic || undefined, year: intParam(form.year), validity: form.validity || undefined,
          page: intParam(q.page) ?? 1, sort: form.sort,
        });
        return { body: renderSearchPage({ ...common, results: { items: r.items, total: r.total, totalIsExact: r.totalIsExact, page: r.page, pageCount: r.pageCount } }) };
      } catch (err) {
        if (!isAppError(err) || (err.code !== 'REQUEST_INVALID' && err.code !== 'NOT_FOUND')) throw err;
        return { status: 400, body: renderSearchPage({ ...common, results: null, error: appErrorMessage(err.code, err.params) }) };
      }
    });
  });
};
