/**
 * 政府信息公开年报: GET /zwgk/:agencyId/reports (the list), /reports/:year (a report as a page, from the
 * report engine), /reports/:year/download/:to (docx | pdf | json). Published = a closed year.
 */
import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../../../core/errors.js';
import { renderReportListPage, renderReportPage } from '../../../portal/pages/disclosure-reports.js';
import { isReportDownload, listPublishedReports, loadPublishedReport, renderPublishedReport } from '../../../services/portal/annual-reports.service.js';
import { intParam, maxAge, sendCached } from './disclosure-cache.js';
import { attachmentDisposition } from './document.routes.js';

const yearOf = (v: string): number => {
  const year = intParam(v);
  if (year === undefined || !Number.isInteger(year)) throw new AppError('NOT_FOUND', { what: '该年度报告' });
  return year;
};

export const portalReportsRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.serviceDeps;

  app.get<{ Params: { agencyId: string } }>('/zwgk/:agencyId/reports', async (request, reply) =>
    sendCached(app, request, reply, maxAge.list, async () => ({ body: renderReportListPage(await listPublishedReports(deps, request.params.agencyId)) })));

  app.get<{ Params: { agencyId: string; year: string } }>('/zwgk/:agencyId/reports/:year', async (request, reply) =>
    sendCached(app, request, reply, maxAge.report, async () => {
      const r = await loadPublishedReport(deps, request.params.agencyId, yearOf(request.params.year));
      return { body: renderReportPage({ agency: r.agency, year: r.year, title: r.title, bodyHtml: r.bodyHtml, publishedOn: r.publishedOn }) };
    }));

  app.get<{ Params: { agencyId: string; year: string; to: string } }>('/zwgk/:agencyId/reports/:year/download/:to', async (request, reply) => {
    const to = request.params.to;
    if (!isReportDownload(to)) throw new AppError('NOT_FOUND', { what: '该下载格式' });
    const year = yearOf(request.params.year);
    return sendCached(app, request, reply, maxAge.report, async () => {
      const file = await renderPublishedReport(deps, request.params.agencyId, year, to, { chromiumPath: app.deps.config.chromiumPath });
      return { body: file.bytes, contentType: file.mimeType, headers: { 'content-disposition': attachmentDisposition(file.fileName) } };
    });
  });
};
