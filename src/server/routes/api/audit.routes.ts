/** /api/audit-events: the audit log (系统管理员: all; 主管部门: its subtree). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { queryAuditEvents } from '../../../services/audit.service.js';
import { principalOf } from '../../plugins/auth.js';
import { AuditEventListSchema, AuditQuerySchema } from './audit.schemas.js';
import { errorResponses } from './shared.schemas.js';

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.serviceDeps;
  app.get('/api/audit-events', {
    schema: { tags: ['审计日志'], summary: '审计日志（新的在前）', querystring: AuditQuerySchema, response: { 200: AuditEventListSchema, ...errorResponses } },
  }, async (req) => {
    const limit = req.query.limit ?? 100;
    const from = req.query.from && new Date(req.query.from).toISOString();
    const to = req.query.to && new Date(req.query.to).toISOString();
    const events = await queryAuditEvents(deps, principalOf(req), { ...req.query, from, to, limit });
    return { events, nextBeforeId: events.length === limit ? (events.at(-1)?.id ?? null) : null };
  });
};
