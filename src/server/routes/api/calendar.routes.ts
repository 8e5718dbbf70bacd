/**
 * /api/calendar: the working-day calendar (节假日日历). Any staff member lists the years (official,
 * imported or provisional) and views a year month by month; the administrator imports a year's
 * notice (JSON or CSV, docs/calendar-import.md; nothing is stored when the file has an error, the
 * findings say which line) and removes an imported year.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { formatFinding } from '../../../core/messages.zh-CN.js';
import { calendarYearList, calendarYearView, importCalendarFile, removeCalendarYear } from '../../../services/calendar-admin.service.js';
import { principalOf } from '../../plugins/auth.js';
import { CalendarImportResultSchema, CalendarYearListSchema, CalendarYearParamsSchema, CalendarYearViewSchema } from './calendar.schemas.js';
import { wire } from './requests.schemas.js';
import { NoContentSchema, errorResponses } from './shared.schemas.js';
import { readUpload, registerMultipart } from './upload.js';

const tags = ['节假日日历'];
const importMaxBytes = 1024 * 1024;

export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.serviceDeps;
  const maxBytes = Math.min(app.deps.config.uploads.maxBytes, importMaxBytes);
  await registerMultipart(app, maxBytes);

  app.get('/api/calendar/years', {
    schema: { tags, summary: '各年份的放假安排状态：官方、已导入或暂定', response: { 200: CalendarYearListSchema, ...errorResponses } },
  }, async () => wire(await calendarYearList(deps)));

  app.get('/api/calendar/years/:year', {
    schema: { tags, summary: '某年的工作日历（逐月逐日：放假、调休上班、暂定及原因）', params: CalendarYearParamsSchema, response: { 200: CalendarYearViewSchema, ...errorResponses } },
  }, async (req) => wire(await calendarYearView(deps, req.params.year)));

  app.post('/api/calendar/import', {
    schema: {
      tags, summary: '导入放假安排通知（系统管理员；multipart/form-data：file = JSON 或 CSV，可选 format；或 JSON { fileName, contentBase64, format? }）：有错误则全部不导入，并逐行说明',
      consumes: ['multipart/form-data', 'application/json'], response: { 200: CalendarImportResultSchema, ...errorResponses },
    },
  }, async (req) => {
    const up = await readUpload(req, maxBytes);
    const r = await importCalendarFile(deps, principalOf(req), { fileName: up.fileName, content: up.content, ...(up.fields.format !== undefined && { format: up.fields.format }) });
    return {
      imported: r.imported, years: [...r.years], replacedImports: [...r.replacedImports], overriddenBase: [...r.overriddenBase],
      findings: r.findings.map((f) => ({ code: f.code, severity: f.severity, message: formatFinding(f), line: f.at.line ?? null, field: f.at.field ?? null })),
    };
  });

  app.delete('/api/calendar/years/:year', {
    schema: { tags, summary: '删除某年导入的放假安排（系统管理员），恢复为内置数据或暂定推算', params: CalendarYearParamsSchema, response: { 204: NoContentSchema, ...errorResponses } },
  }, async (req, reply) => {
    await removeCalendarYear(deps, principalOf(req), req.params.year);
    return reply.code(204).send(null);
  });
};
