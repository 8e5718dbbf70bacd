/**
 * Demo staff accounts, one or more per role. Their passwords are random per database (printed once
 * when created, stored hashed) unless GONGKAI_DEMO_PASSWORD gives one for all of them.
 */
import { randomInt } from 'node:crypto';
import { checkPasswordPolicy } from '../../core/accounts/password-policy.js';
import type { Role } from '../../core/accounts/roles.js';
import { demoAgencyNames as n } from './district.js';

export interface DemoAccountSpec {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** Full agency name; null for the administrator. */
  readonly agency: string | null;
}

export const demoAccounts: readonly DemoAccountSpec[] = [
  { username: 'admin', displayName: '管理员（演示）', role: 'admin', agency: null },
  // the 主管部门 is attached to the government it oversees, so it reaches every agency of the district
  { username: 'zhuguan', displayName: '陈静（区政府办公室）', role: 'supervisor', agency: n.government },
  { username: 'zwfw.jingban', displayName: '李明（区政务服务办）', role: 'handler', agency: n.serviceOffice },
  { username: 'zwfw.fuze', displayName: '王强（区政务服务办）', role: 'head', agency: n.serviceOffice },
  { username: 'zjw.jingban', displayName: '赵敏（区住房城乡建委）', role: 'handler', agency: n.housing },
  { username: 'zjw.fuze', displayName: '刘洋（区住房城乡建委）', role: 'head', agency: n.housing },
  { username: 'lsjd.jingban', displayName: '周丽（梁山街道）', role: 'handler', agency: n.liangshan },
];

const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password of 4 groups of 4 unambiguous characters (≈ 91 bits), e.g. "k7Qm-2xPa-Rt8n-Vb3e". */
export function randomDemoPassword(): string {
  for (;;) {
    const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join(''));
    const password = groups.join('-');
    if (checkPasswordPolicy(password) === null) return password;
  }
}
