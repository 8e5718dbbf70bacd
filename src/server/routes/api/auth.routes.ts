/** /api/auth: password login into a cookie session, logout, the current user, own sessions and password. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { roleLabels } from '../../../core/accounts/roles.js';
import { listAgencies } from '../../../services/agencies.service.js';
import * as auth from '../../../services/auth.service.js';
import type { Principal } from '../../../services/authorization.js';
import { clearSessionCookie, principalOf, sessionOf, setSessionCookie } from '../../plugins/auth.js';
import { ChangePasswordBodySchema, LoginBodySchema, MeSchema, SessionListSchema, SessionParamsSchema, type MeResponse } from './auth.schemas.js';
import { NoContentSchema, errorResponses } from './shared.schemas.js';

const tags = ['登录'];

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.serviceDeps;
  const secure = app.deps.config.secureCookies;

  const me = async (principal: Principal, session: auth.Session, idleExpiresAt: string): Promise<MeResponse> => {
    const visible = await listAgencies(deps, principal);
    return {
      user: {
        id: principal.userId, username: principal.username, displayName: principal.name, role: principal.role, roleLabel: roleLabels[principal.role],
        agencyId: principal.agencyId, agencyName: visible.find((a) => a.id === principal.agencyId)?.name ?? null,
      },
      csrfToken: session.csrfToken,
      visibleAgencies: visible.map(({ id, parentId, kind, name, shortName }) => ({ id, parentId, kind, name, shortName })),
      session: { id: session.id, createdAt: session.createdAt, expiresAt: session.expiresAt, idleExpiresAt },
    };
  };

  app.post('/api/auth/login', {
    schema: { tags, summary: '登录（成功后设置会话 Cookie）', security: [], body: LoginBodySchema, response: { 200: MeSchema, ...errorResponses } },
    config: { access: 'public', csrf: 'none', rateLimit: app.rateLimits.login },
  }, async (req, reply) => {
    const signedIn = await auth.login(deps, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? '' });
    setSessionCookie(reply, signedIn.token, { maxAgeSeconds: deps.auth.sessionMaxHours * 3600, secure });
    const idle = new Date(Date.parse(signedIn.session.lastSeenAt) + deps.auth.sessionIdleMinutes * 60_000).toISOString();
    return me(signedIn.principal, signedIn.session, idle);
  });

  app.post('/api/auth/logout', {
    schema: { tags, summary: '退出登录', response: { 204: NoContentSchema, ...errorResponses } },
  }, async (req, reply) => {
    await auth.logout(deps, principalOf(req), sessionOf(req).id);
    clearSessionCookie(reply, secure);
    return reply.code(204).send(null);
  });

  app.get('/api/auth/me', {
    schema: { tags, summary: '当前用户、可见机关与 CSRF 令牌', response: { 200: MeSchema, ...errorResponses } },
  }, async (req) => me(principalOf(req), sessionOf(req), idleEnd(req)));

  app.get('/api/auth/sessions', {
    schema: { tags, summary: '本人的登录会话', response: { 200: SessionListSchema, ...errorResponses } },
  }, async (req) => {
    const current = sessionOf(req).id;
    const list = await auth.listOwnSessions(deps, principalOf(req));
    return { sessions: list.map(({ csrfToken: _csrf, userId: _user, ...s }) => ({ ...s, current: s.id === current })) };
  });

  app.delete('/api/auth/sessions/:sessionId', {
    schema: { tags, summary: '结束本人的某个会话', params: SessionParamsSchema, response: { 204: NoContentSchema, ...errorResponses } },
  }, async (req, reply) => {
    await auth.revokeOwnSession(deps, principalOf(req), req.params.sessionId);
    if (req.params.sessionId === sessionOf(req).id) clearSessionCookie(reply, secure);
    return reply.code(204).send(null);
  });

  app.post('/api/auth/password', {
    schema: { tags, summary: '修改本人密码（结束本人的其他会话）', body: ChangePasswordBodySchema, response: { 204: NoContentSchema, ...errorResponses } },
  }, async (req, reply) => {
    await auth.changeOwnPassword(deps, principalOf(req), { sessionId: sessionOf(req).id, ...req.body });
    return reply.code(204).send(null);
  });
};

const idleEnd = (req: FastifyRequest): string => req.sessionIdleExpiresAt ?? sessionOf(req).expiresAt;
