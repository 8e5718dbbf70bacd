/**
 * Disclosure requests for tests: valid applicant fields, principals per role of the access fixture,
 * and a one-call received request (当面提交) to start a lifecycle from.
 */
import type { Role } from '../../src/core/accounts/roles.js';
import type { IntakeFields } from '../../src/core/requests/intake.js';
import type { RequestChannel } from '../../src/core/requests/request.js';
import { findUserById } from '../../src/db/user.repository.js';
import { resolvePrincipal, type Principal } from '../../src/services/authorization.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import { createStaffRequest, type IntakeResult } from '../../src/services/requests/intake.service.js';
import type { AccessFixture } from './access-fixture.js';

/** A natural person with a valid 身份证 (the GB 11643 example) who wants an electronic copy by e-mail. */
export const personFields = (over: Partial<Record<keyof IntakeFields, string>> = {}): IntakeFields => ({
  applicantKind: 'naturalPerson', name: '张三', idType: 'residentId', idNumber: '11010519491231002X', phone: '13812345678',
  email: 'zhangsan@example.com', address: '重庆市梁平区双桂街道人民路12号', postalCode: '405200',
  description: '2025年度本区义务教育阶段学校招生计划及划片范围', documentNumber: '', wantedForm: 'electronic', wantedDelivery: 'email', ...over,
});

/** A 商业企业 with a valid 统一社会信用代码. */
export const companyFields = (over: Partial<Record<keyof IntakeFields, string>> = {}): IntakeFields => ({
  ...personFields(), applicantKind: 'commercial', name: '重庆某某科技有限公司', idType: 'creditCode', idNumber: '91350100M000100Y43', contactPerson: '李四', ...over,
});

export async function principalOfRole(deps: ServiceDeps, fixture: AccessFixture, role: Role): Promise<Principal> {
  const user = await findUserById(deps.db, fixture.users[role].id);
  if (!user) throw new Error(`fixture user ${role} missing`);
  return resolvePrincipal(deps.db, user);
}

/** A request entered by staff; by default walk-in (received on arrival, so the clock runs). */
export async function enterRequest(
  deps: ServiceDeps, principal: Principal, agencyId: string,
  opts: { channel?: RequestChannel; arrivedOn?: string; fields?: IntakeFields; confirmedOn?: string; signedOn?: string } = {},
): Promise<IntakeResult> {
  return createStaffRequest(deps, principal, {
    agencyId, channel: opts.channel ?? 'inPerson', fields: opts.fields ?? personFields(), arrivedOn: opts.arrivedOn ?? deps.clock.today(),
    ...(opts.confirmedOn && { confirmedOn: opts.confirmedOn }), ...(opts.signedOn && { signedOn: opts.signedOn }),
  });
}
