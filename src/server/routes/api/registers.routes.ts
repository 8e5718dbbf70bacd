/**
 * /api/registers: the table-二 register figures per agency and year — list, enter, delete, import a
 * spreadsheet (XLSX/CSV, all or nothing, problems by line) and download the template.
 */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { formatFinding } from '../../../core/messages.zh-CN.js';
import { getAgency } from '../../../services/agencies.service.js';
import { importRegisterFile, registerTemplateCsv, registerTemplateXlsx } from '../../../services/registers/register-import.service.js';
import { deleteRegisterFigure, listRegisterFigures, saveRegisterFigure } from '../../../services/registers/registers.service.js';
import { principalOf } from '../../plugins/auth.js';
import {
  FigureBodySchema, FigureListQuerySchema, FigureListSchema, FigureParamsSchema, FigureSchema, ImportResultSchema, TemplateQuerySchema,
} from './registers.schemas.js';
import { attachmentDisposition } from './requests-letters.routes.js';
import { wire } from './requests.schemas.js';
import { NoContentSchema, errorResponses } from './shared.schemas.js';
import { readUpload, registerMultipart } from './upload.js';

const tags = ['主动公开：表二登记'];
const FileSchema = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: '模板文件' });
const importMaxBytes = 10 * 1024 * 1024;

export const registersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.serviceDeps;
  const maxBytes = Math.min(app.deps.config.uploads.maxBytes, importMaxBytes);
  await registerMultipart(app, maxBytes);

  app.get('/api/registers', {
    schema: { tags, summary: '某年度的登记数字（本人可见机关，或指定机关）', querystring: FigureListQuerySchema, response: { 200: FigureListSchema, ...errorResponses } },
  }, async (req) => wire({ figures: await listRegisterFigures(deps, principalOf(req), req.query) }));

  app.put('/api/registers', {
    schema: { tags, summary: '登记（或替换）一个机关一个年度一个类别的数字；已关闭的年度不能修改', body: FigureBodySchema, response: { 200: FigureSchema, ...errorResponses } },
  }, async (req) => wire(await saveRegisterFigure(deps, principalOf(req), req.body)));

  app.delete('/api/registers/:figureId', {
    schema: { tags, summary: '删除登记数字', params: FigureParamsSchema, response: { 204: NoContentSchema, ...errorResponses } },
  }, async (req, reply) => {
    await deleteRegisterFigure(deps, principalOf(req), req.params.figureId);
    return reply.code(204).send(null);
  });

  app.post('/api/registers/import', {
    schema: {
      tags, summary: '导入登记数字（multipart/form-data：file = XLSX 或 CSV；或 JSON { fileName, contentBase64 }）：任一行有错误则全部不导入，并逐行说明原因',
      consumes: ['multipart/form-data', 'application/json'], response: { 200: ImportResultSchema, ...errorResponses },
    },
  }, async (req) => {
    const up = await readUpload(req, maxBytes);
    const r = await importRegisterFile(deps, principalOf(req), { fileName: up.fileName, content: up.content });
    return {
      imported: r.imported, importId: r.importId, count: r.count,
      findings: r.findings.map((f) => ({ code: f.code, severity: f.severity, message: formatFinding(f), line: f.at.line ?? null, field: f.at.field ?? null })),
    };
  });

  app.get('/api/registers/template', {
    schema: { tags, summary: '下载导入模板（XLSX 或 CSV）', querystring: TemplateQuerySchema, response: { 200: FileSchema, ...errorResponses } },
  }, async (req, reply) => {
    const principal = principalOf(req);
    const year = req.query.year ?? Number(deps.clock.today().slice(0, 4)) - 1;
    const agency = req.query.agencyId ? (await getAgency(deps, principal, req.query.agencyId)).name : undefined;
    const opts = { year, ...(agency && { agency }) };
    if (req.query.format === 'csv') {
      return reply.header('content-disposition', attachmentDisposition('表二登记数字导入模板.csv')).type('text/csv; charset=utf-8').send(Buffer.from(registerTemplateCsv(opts), 'utf8'));
    }
    return reply.header('content-disposition', attachmentDisposition('表二登记数字导入模板.xlsx'))
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(Buffer.from(await registerTemplateXlsx(opts)));
  });
};
