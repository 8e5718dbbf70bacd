/**
 * /api/users: staff accounts. Admins manage all; a supervisor sees the accounts of its subtree and
 * manages their handler/head accounts; handlers and heads are refused (FORBIDDEN).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { roleLabels } from '../../../core/accounts/roles.js';
import * as accounts from '../../../services/accounts.service.js';
import { principalOf } from '../../plugins/auth.js';
import { NoContentSchema, errorResponses } from './shared.schemas.js';
import {
  CreateUserBodySchema, ResetPasswordBodySchema, SessionsEndedSchema, UpdateUserBodySchema, UserListSchema, UserParamsSchema, UserSchema, type UserView,
} from './users.schemas.js';

const tags = ['账号'];

export const toUserView = (u: accounts.UserAccount): UserView => ({
  id: u.id, username: u.username, displayName: u.displayName, role: u.role, roleLabel: roleLabels[u.role], agencyId: u.agencyId, active: u.active,
  lockedUntil: u.lockedUntil, lastLoginAt: u.lastLoginAt, passwordChangedAt: u.passwordChangedAt, createdAt: u.createdAt, updatedAt: u.updatedAt,
});

export const usersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.serviceDeps;

  app.get('/api/users', {
    schema: { tags, summary: '账号列表（系统管理员：全部；主管部门：所辖机关）', response: { 200: UserListSchema, ...errorResponses } },
  }, async (req) => ({ users: (await accounts.listUsers(deps, principalOf(req))).map(toUserView) }));

  app.get('/api/users/:userId', {
    schema: { tags, summary: '账号详情', params: UserParamsSchema, response: { 200: UserSchema, ...errorResponses } },
  }, async (req) => toUserView(await accounts.getUser(deps, principalOf(req), req.params.userId)));

  app.post('/api/users', {
    schema: { tags, summary: '新建账号', body: CreateUserBodySchema, response: { 201: UserSchema, ...errorResponses } },
  }, async (req, reply) => reply.code(201).send(toUserView(await accounts.createUser(deps, principalOf(req), req.body))));

  app.patch('/api/users/:userId', {
    schema: { tags, summary: '修改账号（姓名、角色、所属机关、启用/停用）', params: UserParamsSchema, body: UpdateUserBodySchema, response: { 200: UserSchema, ...errorResponses } },
  }, async (req) => toUserView(await accounts.updateUser(deps, principalOf(req), req.params.userId, req.body)));

  app.post('/api/users/:userId/password', {
    schema: { tags, summary: '重设密码（同时解除锁定并结束该账号全部会话）', params: UserParamsSchema, body: ResetPasswordBodySchema, response: { 204: NoContentSchema, ...errorResponses } },
  }, async (req, reply) => {
    await accounts.resetPassword(deps, principalOf(req), req.params.userId, req.body.password);
    return reply.code(204).send(null);
  });

  app.post('/api/users/:userId/unlock', {
    schema: { tags, summary: '解除登录锁定', params: UserParamsSchema, response: { 200: UserSchema, ...errorResponses } },
  }, async (req) => toUserView(await accounts.unlockUser(deps, principalOf(req), req.params.userId)));

  app.delete('/api/users/:userId/sessions', {
    schema: { tags, summary: '结束该账号的全部会话', params: UserParamsSchema, response: { 200: SessionsEndedSchema, ...errorResponses } },
  }, async (req) => ({ ended: await accounts.revokeUserSessions(deps, principalOf(req), req.params.userId) }));
};
