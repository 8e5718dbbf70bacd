/** /api/reports: an agency's annual report compiled from the records, drill-down, closing and reopening years. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { closeYear, listYearClosures, reopenYear } from '../../../services/reports/closing.service.js';
import { compileAgencyReport } from '../../../services/reports/compile.service.js';
import { drillDown } from '../../../services/reports/drill-down.service.js';
import { compiledReportToJson } from '../../../services/reports/report-view.js';
import { principalOf } from '../../plugins/auth.js';
import { wire } from './requests.schemas.js';
import {
  AgencyParamsSchema, CellQuerySchema, CellRecordsSchema, ClosureListSchema, ClosureSchema, CompiledReportSchema, ReopenBodySchema, ReportParamsSchema,
} from './reports.schemas.js';
import { errorResponses } from './shared.schemas.js';

const tags = ['年度报告'];

export const reportsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.serviceDeps;

  app.get('/api/reports/:agencyId/:year', {
    schema: {
      tags, summary: '按办理记录生成的年度报告（表三、表四）及检查结果；已关闭的年度返回冻结的数字',
      params: ReportParamsSchema, response: { 200: CompiledReportSchema, ...errorResponses },
    },
  }, async (req) => wire(compiledReportToJson(await compileAgencyReport(deps, principalOf(req), req.params.agencyId, req.params.year))));

  app.get('/api/reports/:agencyId/:year/cells', {
    schema: {
      tags, summary: '单元格明细：计入该单元格的申请或案件', params: ReportParamsSchema, querystring: CellQuerySchema,
      response: { 200: CellRecordsSchema, ...errorResponses },
    },
  }, async (req) => wire(await drillDown(deps, principalOf(req), req.params.agencyId, req.params.year, req.query)));

  app.post('/api/reports/:agencyId/:year/close', {
    schema: {
      tags, summary: '关闭年度：冻结该年度的数字（机关负责人、主管部门或系统管理员）', params: ReportParamsSchema,
      response: { 201: CompiledReportSchema, ...errorResponses },
    },
  }, async (req, reply) => reply.code(201).send(wire(compiledReportToJson(await closeYear(deps, principalOf(req), req.params.agencyId, req.params.year)))));

  app.post('/api/reports/:agencyId/:year/reopen', {
    schema: {
      tags, summary: '重新打开已关闭的年度（系统管理员，须说明理由）', params: ReportParamsSchema, body: ReopenBodySchema,
      response: { 200: ClosureSchema, ...errorResponses },
    },
  }, async (req) => {
    const { report: _report, ...closure } = await reopenYear(deps, principalOf(req), req.params.agencyId, req.params.year, req.body.reason);
    return closure;
  });

  app.get('/api/reports/:agencyId/closures', {
    schema: { tags, summary: '年度关闭记录（含已重新打开的）', params: AgencyParamsSchema, response: { 200: ClosureListSchema, ...errorResponses } },
  }, async (req) => ({ closures: await listYearClosures(deps, principalOf(req), req.params.agencyId) }));
};
