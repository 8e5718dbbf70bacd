/** Chinese labels the console shows for API values (roles and agency kinds come from core). */
export { roleLabels, roles } from '../../core/accounts/roles.js';
export { agencyKindLabels, agencyKinds, disclosureOfficeFields, disclosureOfficeLabels } from '../../core/agencies/agency.js';

/** Audit actions (audit_event.action) → what happened. Unknown actions show as recorded. */
export const auditActionLabels: Readonly<Record<string, string>> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号因连续登录失败被锁定',
  'auth.session_revoke': '结束会话',
  'user.create': '新建账号',
  'user.update': '修改账号',
  'user.unlock': '解除锁定',
  'user.password_reset': '重设密码',
  'user.password_change': '修改本人密码',
  'user.sessions_revoke': '结束账号全部会话',
  'agency.create': '新建机关',
  'agency.update': '修改机关',
  'agency.delete': '删除机关',
  'calendar.import': '导入节假日安排',
  'calendar.remove': '删除导入的节假日安排',
  'setting.create': '新建系统设置',
  'setting.update': '修改系统设置',
};

export const entityTypeLabels: Readonly<Record<string, string>> = {
  user: '账号',
  agency: '机关',
  calendar_year: '节假日年度',
  setting: '系统设置',
  request: '依申请公开',
  letter: '告知书',
  appeal: '复议诉讼',
  publication: '主动公开',
  report: '年度报告',
};

export const auditActionLabel = (action: string): string => auditActionLabels[action] ?? action;
export const entityTypeLabel = (type: string): string => entityTypeLabels[type] ?? type;

/** "2026-03-02T02:00:00.000Z" → "2026-03-02 10:00" in the browser's zone (Beijing for our users). */
export const formatInstant = (iso: string | null | undefined, withSeconds = false): string => {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  const base = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
  return withSeconds ? `${base}:${p(d.getSeconds())}` : base;
};
