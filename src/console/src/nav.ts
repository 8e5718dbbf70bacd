/**
 * The console's screens: path pattern, menu entry, who may see it and which API feature it needs.
 * The side menu and the router both read this list, so a hidden screen is also unreachable.
 */
import type { Feature } from './api/features.js';
import type { Role } from './api/types.js';
import type { Session } from './session.js';

export type MenuGroup = 'home' | 'requests' | 'reports' | 'publications' | 'admin' | 'audit' | 'calendar';

export interface ScreenDef {
  readonly key: string;
  readonly pattern: string;
  /** Menu label; screens without one (a request's own page) are reached by links. */
  readonly menu?: string;
  readonly group: MenuGroup;
  readonly roles?: readonly Role[];
  readonly feature?: Feature;
}

export const groupLabels: Readonly<Record<MenuGroup, string>> = {
  home: '工作台',
  requests: '依申请公开',
  reports: '年度报告',
  publications: '主动公开',
  admin: '机构与账号',
  audit: '审计日志',
  calendar: '节假日日历',
};

export const screens: readonly ScreenDef[] = [
  { key: 'home', pattern: '/', menu: '工作台', group: 'home' },
  { key: 'worklist', pattern: '/requests', menu: '办理工作台', group: 'requests', feature: 'requests' },
  { key: 'intake', pattern: '/requests/new', menu: '登记申请', group: 'requests', feature: 'intake', roles: ['admin', 'handler', 'head'] },
  { key: 'request', pattern: '/requests/:requestId', group: 'requests', feature: 'requests' },
  { key: 'reports', pattern: '/reports', menu: '报告表格（实时统计）', group: 'reports', feature: 'reports' },
  { key: 'charts', pattern: '/reports/charts', menu: '申请统计图表', group: 'reports', feature: 'reports' },
  { key: 'catalog', pattern: '/publications', menu: '信息目录', group: 'publications', feature: 'publications' },
  { key: 'publicationNew', pattern: '/publications/new', group: 'publications', feature: 'publications', roles: ['admin', 'handler', 'head'] },
  { key: 'reviewQueue', pattern: '/publications/review', menu: '审查队列', group: 'publications', feature: 'publications', roles: ['admin', 'handler', 'head'] },
  { key: 'pubDeadlines', pattern: '/publications/deadlines', menu: '公开期限提醒', group: 'publications', feature: 'publications' },
  { key: 'suggestions', pattern: '/publications/suggestions', menu: '依申请转主动', group: 'publications', feature: 'publications' },
  { key: 'registers', pattern: '/publications/registers', menu: '表二登记数字', group: 'publications', feature: 'registers' },
  { key: 'pubSettings', pattern: '/publications/settings', menu: '词表与发布规则', group: 'publications', feature: 'publications', roles: ['admin'] },
  { key: 'portalTexts', pattern: '/publications/guide', menu: '公开指南与制度', group: 'publications', feature: 'portalTexts' },
  { key: 'synonyms', pattern: '/publications/synonyms', menu: '检索同义词', group: 'publications', feature: 'synonyms', roles: ['admin'] },
  { key: 'publication', pattern: '/publications/:publicationId', group: 'publications', feature: 'publications' },
  { key: 'agencies', pattern: '/agencies', menu: '机关与公开工作机构', group: 'admin' },
  { key: 'users', pattern: '/users', menu: '工作人员账号', group: 'admin', roles: ['admin', 'supervisor'] },
  { key: 'audit', pattern: '/audit', menu: '审计日志', group: 'audit', roles: ['admin', 'supervisor'] },
  { key: 'account', pattern: '/account', group: 'home' },
  { key: 'calendar', pattern: '/calendar', menu: '节假日日历', group: 'calendar', feature: 'calendar' },
  { key: 'calendarYear', pattern: '/calendar/:year', group: 'calendar', feature: 'calendar' },
];

export const canSee = (s: ScreenDef, session: Session): boolean =>
  (!s.roles || s.roles.includes(session.me.user.role)) && (!s.feature || session.features.has(s.feature));
