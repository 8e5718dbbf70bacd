/**
 * The annual report compiled from the records, on SQLite and PostgreSQL: a small hand-made history
 * across the 2024/2025 year end gives exactly the expected tables 三 and 四 (receipt date, reply date,
 * carried over and forward, 部分公开 once, appeals as at 31 December, a suit with the 复议机关 as
 * co-defendant counted by the original acting agency and left out by the 复议机关, which records it flagged);
 * the drill-down lists the records of a cell (masked); closing freezes a year (the services refuse its
 * dates, YEAR_CLOSED), a change made around them is caught (T3-CASES, T3-CARRY as errors), reopening is
 * the administrator's and audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { createUser } from '../../src/services/accounts.service.js';
import { resolvePrincipal, systemPrincipal, type Principal } from '../../src/services/authorization.js';
import { createAppeal, listAppeals, updateAppeal } from '../../src/services/requests/appeals.service.js';
import * as decision from '../../src/services/requests/decision.service.js';
import * as handling from '../../src/services/requests/handling.service.js';
import { confirmReceipt, submitPortalRequest } from '../../src/services/requests/intake.service.js';
import { withdrawRequest } from '../../src/services/requests/routing.service.js';
import { closeYear, listYearClosures, reopenYear } from '../../src/services/reports/closing.service.js';
import { compileAgencyReport } from '../../src/services/reports/compile.service.js';
import { drillDown } from '../../src/services/reports/drill-down.service.js';
import { fixturePassword, seedAccessFixture, type AccessFixture } from '../support/access-fixture.js';
import { testDatabases } from '../support/databases.js';
import { companyFields, enterRequest, personFields, principalOfRole } from '../support/request-fixture.js';
import { testServiceDeps, type TestDeps } from '../support/service-deps.js';
import { outcomeCode } from '../support/outcome.js';

const codeOf = (p: Promise<unknown>): Promise<string> => outcomeCode(p);
const zeros = [0, 0, 0, 0, 0, 0, 0];
const errorsOf = (findings: readonly { severity: string; code: string }[]) => findings.filter((f) => f.severity === 'error').map((f) => f.code);

describe.each(testDatabases)('annual report from the records on $name', (target) => {
  let handle: DatabaseHandle;
  let deps: TestDeps;
  let f: AccessFixture;
  let handler: Principal;
  let head: Principal;
  let supervisor: Principal;
  /** A handler of districtA, the 复议机关 of ownAgency (reaches districtA only). */
  let organHandler: Principal;
  let own: string;
  const admin = systemPrincipal('测试');
  const ids: Record<string, string> = {};
  const at = (day: string) => deps.clock.set(`${day}T02:00:00Z`);

  /** Walk-in request replied (approved by the head) with `basis` on `repliedOn`. */
  async function replied(key: string, receivedOn: string, repliedOn: string, basis: string, fields = personFields()) {
    at(receivedOn);
    const { request } = await enterRequest(deps, handler, own, { fields });
    ids[key] = request.id;
    at(repliedOn);
    await decision.draftReply(deps, handler, request.id, { version: 1, basis, values: { reason: '理由', howToObtain: '门户网站' } });
    await decision.submitReply(deps, handler, request.id, { version: 2 });
    await decision.approveReply(deps, head, request.id, { version: 3 });
    await decision.issueReply(deps, handler, request.id, { version: 4 });
  }

  beforeAll(async () => {
    handle = await target.create();
    deps = testServiceDeps(handle);
    f = await seedAccessFixture(deps);
    handler = await principalOfRole(deps, f, 'handler');
    head = await principalOfRole(deps, f, 'head');
    supervisor = await principalOfRole(deps, f, 'supervisor');
    organHandler = await resolvePrincipal(deps.db, await createUser(deps, admin, {
      username: 'organ-handler', displayName: '区政府经办人', role: 'handler', agencyId: f.agencies.districtA, password: fixturePassword,
    }));
    own = f.agencies.ownAgency;

    await replied('granted2024', '2024-03-04', '2024-03-10', '36-2');
    await replied('partialAcrossYearEnd', '2024-12-20', '2025-01-08', '37', companyFields());
    // 补正 not answered: closed as （六）1 on the lapse date
    at('2024-06-03');
    let r = (await enterRequest(deps, handler, own)).request;
    ids.lapsed = r.id;
    at('2024-06-04');
    r = await handling.sendClarification(deps, handler, r.id, { version: r.version, items: '请说明文号', answerDueOn: '2024-06-18' });
    at('2024-06-25');
    await handling.lapseClarification(deps, handler, r.id, { version: r.version });
    // submitted online on 30 December, receipt confirmed on 3 January: counted in 2025
    at('2024-12-30');
    const online = await submitPortalRequest(deps, { agencyId: own, fields: personFields({ applicantKind: 'legalService', name: '重庆某某律师事务所', idType: 'creditCode', idNumber: '91350100M000100Y43', contactPerson: '王律师' }), intakeKey: 'report-test-online-0001' });
    ids.online = online.request.id;
    at('2025-01-03');
    r = await confirmReceipt(deps, handler, online.request.id, { version: 1 });
    at('2025-01-10');
    await decision.draftReply(deps, handler, r.id, { version: r.version, basis: '36-4' });
    await decision.submitReply(deps, handler, r.id, { version: r.version + 1 });
    await decision.approveReply(deps, head, r.id, { version: r.version + 2 });
    await decision.issueReply(deps, handler, r.id, { version: r.version + 3 });
    // withdrawn after receipt: （六）3
    at('2025-02-03');
    r = (await enterRequest(deps, handler, own)).request;
    ids.withdrawn = r.id;
    at('2025-02-05');
    await withdrawRequest(deps, handler, r.id, { version: r.version, reason: '不再需要' });
    // appeals: a 2024 review decided in 2025 (pending in 2024's table), a 2025 suit after review with the 复议机关 (districtA)
    // as co-defendant — counted here, recorded flagged at districtA — and a 2025 suit decided in 2025
    at('2024-05-06');
    const review = await createAppeal(deps, handler, { requestId: ids.granted2024!, kind: 'review', filedOn: '2024-05-06' });
    ids.review = review.id;
    at('2025-01-20');
    await updateAppeal(deps, handler, review.id, { version: review.version, result: 'upheld', decidedOn: '2025-01-20' });
    at('2025-03-01');
    ids.suitAfterReview = (await createAppeal(deps, handler, { requestId: ids.granted2024!, kind: 'suitAfterReview', filedOn: '2025-03-01' })).id;
    ids.atReviewOrgan = (await createAppeal(deps, organHandler, {
      agencyId: f.agencies.districtA, kind: 'suitAfterReview', filedOn: '2025-03-01', reviewOrganCoDefendant: true, organ: '甲区人民法院',
    })).id;
    at('2025-04-01');
    const suit = await createAppeal(deps, handler, { requestId: ids.partialAcrossYearEnd!, kind: 'suitDirect', filedOn: '2025-04-01' });
    at('2025-06-01');
    await updateAppeal(deps, handler, suit.id, { version: suit.version, result: 'corrected', decidedOn: '2025-06-01' });
    at('2026-03-02');
  }, 120_000);
  afterAll(async () => handle?.close());

  it('counts 2024 by receipt and reply dates, with what is still open on 31 December carried forward', async () => {
    const c = await compileAgencyReport(deps, handler, own, 2024);
    const t3 = c.report.tables.table3;
    expect(t3.newReceived).toEqual([2, 1, 0, 0, 0, 0, 3]);
    expect(t3.carriedOver).toEqual(zeros);
    expect(t3.granted).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(t3.other_noSupplement).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(t3.total).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(t3.carriedForward).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(c.report.tables.table4.cases).toEqual([0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(c.report.tables.table2.regulations).toEqual([0, 0, 0]);
    expect(c.provenance).toMatchObject({ source: 'records', table2: 'registers', previous: null });
    expect(c.provenance.cells.table3.newReceived).toContain('2024年1月1日至12月31日');
    expect(errorsOf(c.findings)).toEqual([]);
    expect(c.report.sections.find((s) => s.key === 'requests')!.text).toContain('本年新收政府信息公开申请3件');
  });

  it('counts 2025: 上年结转 from 2024, the online request by its confirmation date, 部分公开 once, appeals filed in 2025 with the suit after review', async () => {
    const c = await compileAgencyReport(deps, handler, own, 2025);
    const t3 = c.report.tables.table3;
    expect(t3.newReceived).toEqual([1, 0, 0, 0, 1, 0, 2]);
    expect(t3.carriedOver).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(t3.partial).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(t3.unable_notHeld).toEqual([0, 0, 0, 0, 1, 0, 1]);
    expect(t3.other_other).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(t3.total).toEqual([1, 1, 0, 0, 1, 0, 3]);
    expect(t3.carriedForward).toEqual(zeros);
    expect(c.report.tables.table4.cases).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 1]);
    expect(errorsOf(c.findings)).toEqual([]);
  });

  it('a suit with the 复议机关 as co-defendant: the 复议机关 keeps its flagged record out of its table 四, the original agency counts it, and the flag on the original agency’s own record is refused', async () => {
    // the 复议机关's handler does not reach the department's request; an administrator may link the flagged record to it
    expect(await codeOf(createAppeal(deps, organHandler, { requestId: ids.granted2024!, kind: 'suitAfterReview', filedOn: '2025-03-01', reviewOrganCoDefendant: true }))).toBe('NOT_FOUND');
    const linked = await createAppeal(deps, admin, {
      agencyId: f.agencies.districtA, requestId: ids.granted2024!, kind: 'suitAfterReview', filedOn: '2025-03-02', reviewOrganCoDefendant: true,
    });
    const organ = await compileAgencyReport(deps, supervisor, f.agencies.districtA, 2025);
    expect(organ.report.tables.table4.cases).toEqual(Array(15).fill(0));
    expect(errorsOf(organ.findings)).toEqual([]);
    const kept = await listAppeals(deps, supervisor, { agencyId: f.agencies.districtA });
    expect(kept.items.map((a) => [a.id, a.requestId, a.reviewOrganCoDefendant]).sort()).toEqual([[ids.atReviewOrgan, null, true], [linked.id, ids.granted2024, true]].sort());
    const drilled = await drillDown(deps, supervisor, f.agencies.districtA, 2025, { table: 'table4', row: 'cases', column: 14 });
    expect(drilled.total).toBe(0);
    expect((await compileAgencyReport(deps, handler, own, 2025)).report.tables.table4.cases!.slice(10)).toEqual([0, 0, 0, 1, 1]);
    // the contradictory record — flagged, yet linked to a request of its own agency — counted by nobody: refused
    const refused = await createAppeal(deps, handler, { requestId: ids.granted2024!, kind: 'suitAfterReview', filedOn: '2025-03-01', reviewOrganCoDefendant: true }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'REQUEST_INVALID', params: { detail: expect.stringContaining('应计入本机关表四') } });
    expect(await codeOf(createAppeal(deps, admin, { agencyId: own, requestId: ids.granted2024!, kind: 'suitAfterReview', filedOn: '2025-03-01', reviewOrganCoDefendant: true }))).toBe('REQUEST_INVALID');
    expect(await codeOf(updateAppeal(deps, handler, ids.suitAfterReview!, { version: 1, reviewOrganCoDefendant: true }))).toBe('REQUEST_INVALID');
    // the 复议机关's record stays editable with its flag
    const edited = await updateAppeal(deps, organHandler, ids.atReviewOrgan!, { version: 1, note: '复议维持，复议机关为共同被告' });
    expect(edited).toMatchObject({ reviewOrganCoDefendant: true, version: 2 });
    expect((await listAppeals(deps, handler, { agencyId: own })).items.every((a) => !a.reviewOrganCoDefendant)).toBe(true);
  });

  it('lists the records of a cell with the applicant masked, and refuses cells and agencies it cannot show', async () => {
    const cell = await drillDown(deps, handler, own, 2024, { table: 'table3', row: 'newReceived', column: 6 });
    expect(cell.total).toBe(3);
    expect(cell.requests.map((r) => r.id).sort()).toEqual([ids.granted2024, ids.partialAcrossYearEnd, ids.lapsed].sort());
    expect(cell.requests.find((r) => r.id === ids.granted2024)!.applicantName).toBe('张*');
    expect(JSON.stringify(cell)).not.toContain('11010519491231002X');
    expect(cell.label).toBe('表三“一、本年新收政府信息公开申请数量”行“总计”栏');
    const forward = await drillDown(deps, handler, own, 2024, { table: 'table3', row: 'carriedForward', column: 1 });
    expect(forward.requests.map((r) => r.id)).toEqual([ids.partialAcrossYearEnd]);
    const pending = await drillDown(deps, handler, own, 2024, { table: 'table4', row: 'cases', column: 3 });
    expect(pending.appeals.map((a) => a.id)).toEqual([ids.review]);
    const afterReview = await drillDown(deps, handler, own, 2025, { table: 'table4', row: 'cases', column: 14 });
    expect(afterReview.appeals.map((a) => a.id)).toEqual([ids.suitAfterReview]);
    expect(await codeOf(drillDown(deps, handler, own, 2024, { table: 'table3', row: 'nonsense', column: 0 }))).toBe('REQUEST_INVALID');
    // table 二 drills down to the registers (no 规章 registered here)
    expect(await drillDown(deps, handler, own, 2024, { table: 'table2', row: 'regulations', column: 0 })).toMatchObject({ total: 0, documents: [] });
    expect(await codeOf(drillDown(deps, handler, f.agencies.otherAgency, 2024, { table: 'table3', row: 'total', column: 6 }))).toBe('NOT_FOUND');
    expect(await codeOf(compileAgencyReport(deps, handler, own, 2027))).toBe('REQUEST_INVALID');
  });

  it('closes 2024 (the head), serves it frozen, and catches a change recorded afterwards in 2024 and in 2025’s carry-over', async () => {
    expect(await codeOf(closeYear(deps, handler, own, 2024))).toBe('FORBIDDEN');
    expect(await codeOf(closeYear(deps, head, own, 2026))).toBe('WRONG_STATE');
    const closed = await closeYear(deps, head, own, 2024);
    expect(closed.closure).toMatchObject({ closedByName: head.name });
    expect(await codeOf(closeYear(deps, head, own, 2024))).toBe('CONFLICT');
    const audit = await handle.db.selectFrom('audit_event').select(['action', 'actor_name']).where('action', '=', 'report.close').execute();
    expect(audit).toEqual([{ action: 'report.close', actor_name: head.name }]);

    // the services refuse a request received in the closed year (closed years are frozen) …
    const refused = await enterRequest(deps, handler, own, { arrivedOn: '2024-11-05', fields: personFields({ name: '李四' }) }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'YEAR_CLOSED', params: { year: 2024 } });
    // … and a change that bypasses them (a direct database edit) is still caught: a 2025 walk-in moved into 2024
    const late = (await enterRequest(deps, handler, own, { arrivedOn: '2025-11-05', fields: personFields({ name: '李四' }) })).request;
    await handle.db.updateTable('disclosure_request').set({ arrived_on: '2024-11-05', received_on: '2024-11-05' }).where('id', '=', late.id).execute();
    const y2024 = await compileAgencyReport(deps, handler, own, 2024);
    expect(y2024.provenance.source).toBe('frozen');
    expect(y2024.report.tables.table3.newReceived).toEqual([2, 1, 0, 0, 0, 0, 3]);
    const cases = y2024.findings.filter((x) => x.code === 'T3-CASES');
    expect(cases.map((x) => `${x.at.row}:${x.at.column}`).sort()).toEqual(['carriedForward:0', 'carriedForward:6', 'newReceived:0', 'newReceived:6']);
    expect(cases.every((x) => x.severity === 'error')).toBe(true);
    const y2025 = await compileAgencyReport(deps, handler, own, 2025);
    expect(y2025.provenance.previous?.year).toBe(2024);
    const carry = y2025.findings.filter((x) => x.code === 'T3-CARRY');
    expect(carry.map((x) => [x.severity, x.at.column, x.params.expected, x.params.actual])).toEqual([['error', 0, 0, 1], ['error', 6, 1, 2]]);
    expect(await codeOf(closeYear(deps, head, own, 2025))).toBe('WRONG_STATE');
  });

  it('reopens a closed year (the administrator only, with a reason, audited); closing again freezes the records as they are now', async () => {
    expect(await codeOf(reopenYear(deps, head, own, 2024, '更正'))).toBe('FORBIDDEN');
    expect(await codeOf(reopenYear(deps, admin, own, 2024, ' '))).toBe('REQUEST_INVALID');
    expect(await codeOf(reopenYear(deps, admin, own, 2023, '更正'))).toBe('WRONG_STATE');
    const reopened = await reopenYear(deps, admin, own, 2024, '补录漏登的申请后重新编制');
    expect(reopened).toMatchObject({ reopenReason: '补录漏登的申请后重新编制', reopenedByName: admin.name });
    const live = await compileAgencyReport(deps, handler, own, 2024);
    expect(live.provenance.source).toBe('records');
    expect(live.report.tables.table3.newReceived).toEqual([3, 1, 0, 0, 0, 0, 4]);
    await closeYear(deps, admin, own, 2024);
    const y2025 = await compileAgencyReport(deps, handler, own, 2025);
    expect(errorsOf(y2025.findings)).toEqual([]);
    expect(y2025.report.tables.table3.carriedOver).toEqual([1, 1, 0, 0, 0, 0, 2]);
    const closures = await listYearClosures(deps, handler, own);
    expect(closures.map((c) => [c.year, c.reopenedAt === null])).toEqual([[2024, true], [2024, false]]);
    const audit = await handle.db.selectFrom('audit_event').select('action').where('action', 'in', ['report.close', 'report.reopen']).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['report.close', 'report.reopen', 'report.close']);
  });
});
