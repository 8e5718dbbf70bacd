/** Access rules of the routes of part A: auth, agencies, users, audit, OpenAPI. One line per route. */
import { createUser } from '../../../../src/services/accounts.service.js';
import { createAgency } from '../../../../src/services/agencies.service.js';
import { login } from '../../../../src/services/auth.service.js';
import { systemPrincipal } from '../../../../src/services/authorization.js';
import { adminOnly, anyone, byRole, staff, withinReach, type AccessContext, type AccessRules } from '../../../support/access-matrix.js';

const sys = systemPrincipal('测试准备');
/** A throwaway handler account in the target agency. */
const targetUser = async (c: AccessContext) =>
  (await createUser(c.deps, sys, { username: `target-${c.unique}`, displayName: '目标账号', role: 'handler', agencyId: c.agencyId, password: c.fixture.password })).id;
/** A throwaway leaf agency below the target agency. */
const leafAgency = async (c: AccessContext) => (await createAgency(c.deps, sys, { name: `临时机关${c.unique}`, parentId: c.agencyId, kind: 'department' })).id;
/** own: the caller's own session; other: a session of another account. */
const sessionOf = async (c: AccessContext) =>
  c.where === 'own' && c.sessionId ? c.sessionId : (await login(c.deps, { username: (await createUser(c.deps, sys, { username: `other-${c.unique}`, displayName: '他人', role: 'handler', agencyId: c.agencyId, password: c.fixture.password })).username, password: c.fixture.password })).session.id;
const userManagement = byRole({ admin: 200, supervisor: [200, 404] }, 404);

export const accountAccessRules: AccessRules = {
  'GET /api/openapi.json': [anyone(200)],
  'POST /api/auth/login': [anyone(200), (c) => ({ payload: { username: c.fixture.users.handler.username, password: c.fixture.password } })],
  'POST /api/auth/logout': [staff(204)],
  'GET /api/auth/me': [staff(200)],
  'GET /api/auth/sessions': [staff(200)],
  'DELETE /api/auth/sessions/:sessionId': [byRole({}, [204, 404] as const), async (c) => ({ params: { sessionId: await sessionOf(c) } })],
  'POST /api/auth/password': [staff(204), (c) => ({ payload: { currentPassword: c.fixture.password, newPassword: `Another-pass-${c.unique}` } })],

  'GET /api/agencies': [staff(200)],
  'GET /api/agencies/directory': [staff(200)],
  'GET /api/agencies/:agencyId': [withinReach(200), (c) => ({ params: { agencyId: c.agencyId } })],
  'POST /api/agencies': [adminOnly(201), (c) => ({ payload: { name: `新机关${c.unique}`, parentId: c.agencyId, kind: 'department' } })],
  'PATCH /api/agencies/:agencyId': [byRole({ admin: 200, supervisor: [200, 404], head: [200, 404] }), (c) => ({ params: { agencyId: c.agencyId }, payload: { office: { phone: '023-53221234' } } })],
  'DELETE /api/agencies/:agencyId': [adminOnly(204), async (c) => ({ params: { agencyId: await leafAgency(c) } })],

  'GET /api/users': [byRole({ admin: 200, supervisor: 200 })],
  'GET /api/users/:userId': [userManagement, async (c) => ({ params: { userId: await targetUser(c) } })],
  'POST /api/users': [byRole({ admin: 201, supervisor: [201, 403] }), (c) => ({ payload: { username: `new-${c.unique}`, displayName: '新账号', role: 'handler', agencyId: c.agencyId, password: 'New-account-2026' } })],
  'PATCH /api/users/:userId': [userManagement, async (c) => ({ params: { userId: await targetUser(c) }, payload: { displayName: '改名' } })],
  'POST /api/users/:userId/password': [byRole({ admin: 204, supervisor: [204, 404] }, 404), async (c) => ({ params: { userId: await targetUser(c) }, payload: { password: 'Reset-pass-2026' } })],
  'POST /api/users/:userId/unlock': [userManagement, async (c) => ({ params: { userId: await targetUser(c) } })],
  'DELETE /api/users/:userId/sessions': [userManagement, async (c) => ({ params: { userId: await targetUser(c) } })],

  'GET /api/audit-events': [byRole({ admin: 200, supervisor: [200, 404] }), (c) => ({ query: { agencyId: c.agencyId } })],
};
