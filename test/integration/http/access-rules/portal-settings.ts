/** Access rules of the portal settings (column texts, search synonyms) and the holiday calendar. One line per route. */
import { importCalendarNotice } from '../../../../src/services/calendar.service.js';
import { systemPrincipal } from '../../../../src/services/authorization.js';
import { addSynonymGroup } from '../../../../src/services/search/synonyms.service.js';
import { adminOnly, byRole, staff, withinReach, type AccessContext, type AccessRules } from '../../../support/access-matrix.js';

const sys = systemPrincipal('测试准备');

/** A valid notice of one year, as a JSON file. */
export const calendarNotice = (year: number): string => JSON.stringify({
  year,
  source: { title: `国务院办公厅关于${year}年部分节假日安排的通知`, url: 'https://www.gov.cn/zhengce/' },
  holidays: [{ name: '元旦', from: `${year}-01-01`, to: `${year}-01-01` }],
  makeupWorkdays: [],
});
const noticeUpload = (year: number) => ({ fileName: `${year}.json`, contentBase64: Buffer.from(calendarNotice(year)).toString('base64') });

export const portalSettingsAccessRules: AccessRules = {
  'GET /api/portal-texts/:agencyId': [withinReach(200), (c) => ({ params: { agencyId: c.agencyId } })],
  'PUT /api/portal-texts/:agencyId/:key': [byRole({ admin: 200, supervisor: [200, 404], head: [200, 404] }, 403),
    (c) => ({ params: { agencyId: c.agencyId, key: 'guide.scope' }, payload: { body: `本机关主动公开的范围（${c.unique}）。` } })],

  'GET /api/search/synonyms': [adminOnly(200)],
  'POST /api/search/synonyms': [adminOnly(201), (c) => ({ payload: { phrases: [`测试局${c.unique}`, `测试管理局${c.unique}`] } })],
  'DELETE /api/search/synonyms/:groupId': [adminOnly(204), async (c: AccessContext) => ({
    params: { groupId: (await addSynonymGroup(c.deps, sys, [`删除局${c.unique}`, `删除管理局${c.unique}`])).id },
  })],

  'GET /api/calendar/years': [staff(200)],
  'GET /api/calendar/years/:year': [staff(200), () => ({ params: { year: '2026' } })],
  'POST /api/calendar/import': [adminOnly(200), () => ({ payload: noticeUpload(2031) })],
  'DELETE /api/calendar/years/:year': [adminOnly(204), async (c: AccessContext) => {
    await importCalendarNotice(c.deps, sys, calendarNotice(2032), 'json');
    return { params: { year: '2032' } };
  }],
};
