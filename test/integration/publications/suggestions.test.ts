/**
 * 依申请转主动 (第四十四条) through the services on SQLite and PostgreSQL: released requests of several
 * applicants for the same information become a suggestion listing them; a draft made from it
 * (sourceRequestIds) takes them out of the suggestions; other agencies' requests are never mixed in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/database.js';
import type { Principal } from '../../../src/services/authorization.js';
import { createPublication } from '../../../src/services/publications/editing.service.js';
import { listPublicationSuggestions } from '../../../src/services/publications/suggestions.service.js';
import * as decision from '../../../src/services/requests/decision.service.js';
import { seedAccessFixture, type AccessFixture } from '../../support/access-fixture.js';
import { testDatabases } from '../../support/databases.js';
import { publicationInput } from '../../support/publication-fixture.js';
import { companyFields, enterRequest, personFields, principalOfRole } from '../../support/request-fixture.js';
import { testServiceDeps, type TestDeps } from '../../support/service-deps.js';

describe.each(testDatabases)('依申请转主动 suggestions on $name', (target) => {
  let handle: DatabaseHandle;
  let deps: TestDeps;
  let f: AccessFixture;
  let handler: Principal;
  let head: Principal;
  let admin: Principal;

  beforeAll(async () => {
    handle = await target.create();
    deps = testServiceDeps(handle);
    f = await seedAccessFixture(deps);
    handler = await principalOfRole(deps, f, 'handler');
    head = await principalOfRole(deps, f, 'head');
    admin = await principalOfRole(deps, f, 'admin');
  });
  afterAll(async () => handle.close());

  /** A request answered with `basis` (36-2 予以公开, 36-4 本机关不掌握 …). */
  async function answered(agencyId: string, by: Principal, approver: Principal, fields: ReturnType<typeof personFields>, basis: string) {
    const { request } = await enterRequest(deps, by, agencyId, { fields, arrivedOn: '2026-02-02' });
    await decision.draftReply(deps, by, request.id, { version: request.version, basis, values: { howToObtain: '见附件' } });
    const sub = await decision.submitReply(deps, by, request.id, { version: request.version + 1 });
    const ok = await decision.approveReply(deps, approver, request.id, { version: sub.version });
    return decision.issueReply(deps, by, request.id, { version: ok.version });
  }

  it('suggests information released to several applicants, with the requests, and drops it once a draft uses them', async () => {
    const own = f.agencies.ownAgency;
    const subject = '2025年度城区老旧小区改造计划';
    const a = await answered(own, handler, head, personFields({ description: `申请公开${subject}`, documentNumber: '甲府办发〔2025〕12号' }), '36-2');
    const b = await answered(own, handler, head, companyFields({ description: '请提供老旧小区改造计划的文件', documentNumber: '甲府办发[2025]12号' }), '36-2');
    const c = await answered(own, handler, head, personFields({ name: '李四', idNumber: '110105198001010016', description: `关于${subject}的相关信息` }), '36-2');
    // the same information refused (本机关不掌握) is not released: not part of it
    const refused = await answered(own, handler, head, personFields({ name: '王五', idNumber: '110105198001010032', description: `申请公开${subject}` }), '36-4');
    // an unrelated single request
    await answered(own, handler, head, personFields({ description: '申请公开本机关2024年部门决算' }), '36-2');
    // the same words at another agency are never grouped with ours
    const elsewhere = await answered(f.agencies.otherAgency, admin, admin, personFields({ name: '赵六', idNumber: '110105198001010059', description: `申请公开${subject}` }), '36-2');

    const s = await listPublicationSuggestions(deps, handler);
    expect(s).toHaveLength(1);
    expect(s[0]!.agencyId).toBe(own);
    expect(s[0]!.requests.map((r) => r.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(s[0]!.requests.map((r) => r.id)).not.toContain(refused.id);
    expect(s[0]!.applicantCount).toBe(3);
    expect(s[0]!.links.map((l) => l.reason)).toContain('documentNumber');

    // starting a draft from the suggestion (依申请公开转主动公开) takes those requests out
    await createPublication(deps, handler, publicationInput(own, { title: subject, disclosureMethod: 'fromRequests', sourceRequestIds: s[0]!.requests.map((r) => r.id) }));
    expect(await listPublicationSuggestions(deps, handler)).toEqual([]);
    // one applicant at the other agency is no suggestion; and a draft cannot name another agency's request
    expect(await listPublicationSuggestions(deps, admin, { agencyId: f.agencies.otherAgency })).toEqual([]);
    await expect(createPublication(deps, handler, publicationInput(own, { sourceRequestIds: [elsewhere.id] }))).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
  });
});
