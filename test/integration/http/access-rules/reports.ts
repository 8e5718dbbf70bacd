/** Access rules of /api/reports (annual reports from the records, drill-down, closing years). One line per route. */
import { findClosure } from '../../../../src/db/report-closure.repository.js';
import { systemPrincipal } from '../../../../src/services/authorization.js';
import { closeYear, reopenYear } from '../../../../src/services/reports/closing.service.js';
import { adminOnly, byRole, withinReach, type AccessContext, type AccessRules } from '../../../support/access-matrix.js';

const sys = systemPrincipal('测试准备');
const year = '2025';
const params = (c: AccessContext) => ({ agencyId: c.agencyId, year });
/** The target agency's 2025 open (reopened if an earlier case closed it), so each case can close it. */
const openYear = async (c: AccessContext) => {
  if (await findClosure(c.deps.db, c.agencyId, Number(year))) await reopenYear(c.deps, sys, c.agencyId, Number(year), '权限测试');
  return { params: params(c) };
};
/** The target agency's 2025 closed, so each case can reopen it. */
const closedYear = async (c: AccessContext) => {
  if (!(await findClosure(c.deps.db, c.agencyId, Number(year)))) await closeYear(c.deps, sys, c.agencyId, Number(year));
  return { params: params(c), payload: { reason: '更正后重新关闭' } };
};

export const reportAccessRules: AccessRules = {
  'GET /api/reports/:agencyId/:year': [withinReach(200), (c) => ({ params: params(c) })],
  'GET /api/reports/:agencyId/:year/cells': [withinReach(200), (c) => ({ params: params(c), query: { table: 'table3', row: 'newReceived', column: '0' } })],
  'POST /api/reports/:agencyId/:year/close': [byRole({ admin: 201, supervisor: [201, 404], head: [201, 404] }), openYear],
  'POST /api/reports/:agencyId/:year/reopen': [adminOnly(200), closedYear],
  'GET /api/reports/:agencyId/closures': [withinReach(200), (c) => ({ params: { agencyId: c.agencyId } })],
};
