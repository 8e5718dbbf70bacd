/**
 * Two agency trees and one account per role, for authorization tests:
 *
 *   districtA (government)            districtB (government)
 *     ├─ ownAgency (department)          └─ otherAgency (department)
 *     └─ townA (town)
 *
 * supervisor → districtA (reaches districtA, ownAgency, townA); handler, head → ownAgency; admin → none.
 * "own" = ownAgency (inside everyone's reach), "other" = otherAgency (outside all but the admin's).
 */
import type { Role } from '../../src/core/accounts/roles.js';
import { createUser } from '../../src/services/accounts.service.js';
import { createAgency } from '../../src/services/agencies.service.js';
import { systemPrincipal } from '../../src/services/authorization.js';
import type { AccountDeps } from '../../src/services/deps.js';

export const fixturePassword = 'Fixture-pass-2026';

export interface AccessFixture {
  readonly agencies: { readonly districtA: string; readonly ownAgency: string; readonly townA: string; readonly districtB: string; readonly otherAgency: string };
  readonly users: { readonly [R in Role]: { readonly id: string; readonly username: string } };
  readonly password: string;
  /** The agency id for "own" or "other". */
  agency(where: 'own' | 'other'): string;
}

export async function seedAccessFixture(deps: AccountDeps, suffix = ''): Promise<AccessFixture> {
  const sys = systemPrincipal('测试准备');
  const mk = (name: string, parentId: string | null, kind: 'government' | 'department' | 'town') =>
    createAgency(deps, sys, { name: `${name}${suffix}`, parentId, kind, office: { phone: '023-00000000' } });
  const districtA = await mk('甲区人民政府', null, 'government');
  const ownAgency = await mk('甲区教育委员会', districtA.id, 'department');
  const townA = await mk('甲区礼让镇人民政府', districtA.id, 'town');
  const districtB = await mk('乙区人民政府', null, 'government');
  const otherAgency = await mk('乙区教育委员会', districtB.id, 'department');
  const user = async (role: Role, agencyId: string | null) => {
    const u = await createUser(deps, sys, { username: `${role}${suffix}`.toLowerCase(), displayName: `测试${role}`, role, agencyId, password: fixturePassword });
    return { id: u.id, username: u.username };
  };
  const agencies = { districtA: districtA.id, ownAgency: ownAgency.id, townA: townA.id, districtB: districtB.id, otherAgency: otherAgency.id };
  return {
    agencies,
    users: {
      admin: await user('admin', null),
      supervisor: await user('supervisor', districtA.id),
      handler: await user('handler', ownAgency.id),
      head: await user('head', ownAgency.id),
    },
    password: fixturePassword,
    agency: (where) => (where === 'own' ? agencies.ownAgency : agencies.otherAgency),
  };
}
