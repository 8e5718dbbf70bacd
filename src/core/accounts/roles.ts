/**
 * Staff roles. What each role reaches is decided in one place (src/services/authorization.ts);
 * this file only names them, for the services, the API schemas and the console.
 */
export const roles = ['admin', 'supervisor', 'handler', 'head'] as const;

/** 系统管理员 · 主管部门 · 机关经办人 · 机关负责人 */
export type Role = (typeof roles)[number];

export const roleLabels: { readonly [R in Role]: string } = {
  admin: '系统管理员',
  supervisor: '主管部门',
  handler: '机关经办人',
  head: '机关负责人',
};

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (roles as readonly string[]).includes(value);

/** Every role but the administrator works for one agency (the supervisor: the root of what it oversees). */
export const roleNeedsAgency = (role: Role): boolean => role !== 'admin';
