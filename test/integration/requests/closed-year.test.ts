/**
 * Closed years are frozen, on SQLite and PostgreSQL: once 2025 is closed for an agency, the request and
 * appeal services refuse every date that would change its 2025 report (YEAR_CLOSED, naming the year and
 * the way out), accept the same work dated in 2026 or at another agency, leave the frozen figures equal
 * to the records, and accept 2025 dates again once the administrator reopens the year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError} from '../../../src/core/errors.js';
import { appErrorMessage, appErrorStatus } from '../../../src/core/errors.js';
import type { DisclosureRequest } from '../../../src/core/requests/request.js';
import type { DatabaseHandle } from '../../../src/db/database.js';
import { systemPrincipal, type Principal } from '../../../src/services/authorization.js';
import { createAppeal, deleteAppeal, updateAppeal } from '../../../src/services/requests/appeals.service.js';
import * as decision from '../../../src/services/requests/decision.service.js';
import * as handling from '../../../src/services/requests/handling.service.js';
import { confirmReceipt, createStaffRequest, submitPortalRequest } from '../../../src/services/requests/intake.service.js';
import { withdrawRequest } from '../../../src/services/requests/routing.service.js';
import { closeYear, reopenYear } from '../../../src/services/reports/closing.service.js';
import { compileAgencyReport } from '../../../src/services/reports/compile.service.js';
import { seedAccessFixture, type AccessFixture } from '../../support/access-fixture.js';
import { testDatabases } from '../../support/databases.js';
import { enterRequest, personFields, principalOfRole } from '../../support/request-fixture.js';
import { testServiceDeps, type TestDeps } from '../../support/service-deps.js';
import { outcomeCode } from '../../support/outcome.js';

/** The AppError a call fails with (its code and year), or 'OK'. */
const outcome = (p: Promise<unknown>): Promise<string> => outcomeCode(p, (e) => e.code === 'YEAR_CLOSED' ? `YEAR_CLOSED ${String(e.params.year)}` : e.code);

describe.each(testDatabases)('closed years are frozen on $name', (target) => {
  let handle: DatabaseHandle;
  let deps: TestDeps;
  let f: AccessFixture;
  let handler: Principal;
  let head: Principal;
  let own: string;
  const admin = systemPrincipal('测试');
  const at = (day: string) => deps.clock.set(`${day}T02:00:00Z`);
  let open: DisclosureRequest; // received 2025-12-29, still open: carried forward into 2026
  let online: DisclosureRequest; // submitted 2025-12-30, receipt not yet confirmed
  let pendingAppeal: { id: string; version: number }; // filed 2025, not decided
  let decidedAppeal: { id: string; version: number }; // filed and decided in 2025

  beforeAll(async () => {
    handle = await target.create();
    deps = testServiceDeps(handle);
    f = await seedAccessFixture(deps);
    handler = await principalOfRole(deps, f, 'handler');
    head = await principalOfRole(deps, f, 'head');
    own = f.agencies.ownAgency;
    at('2025-03-03');
    const granted = (await enterRequest(deps, handler, own)).request;
    at('2025-03-20');
    await decision.draftReply(deps, handler, granted.id, { version: granted.version, basis: '36-2', values: { reason: '理由', howToObtain: '门户网站' } });
    await decision.submitReply(deps, handler, granted.id, { version: granted.version + 1 });
    await decision.approveReply(deps, head, granted.id, { version: granted.version + 2 });
    await decision.issueReply(deps, handler, granted.id, { version: granted.version + 3 });
    at('2025-05-06');
    pendingAppeal = await createAppeal(deps, handler, { requestId: granted.id, kind: 'review', filedOn: '2025-05-06' });
    at('2025-06-01');
    const suit = await createAppeal(deps, handler, { requestId: granted.id, kind: 'suitDirect', filedOn: '2025-06-01' });
    at('2025-09-01');
    decidedAppeal = await updateAppeal(deps, handler, suit.id, { version: suit.version, result: 'upheld', decidedOn: '2025-09-01' });
    at('2025-12-29');
    open = (await enterRequest(deps, handler, own, { fields: personFields({ name: '李四' }) })).request;
    at('2025-12-30');
    online = (await submitPortalRequest(deps, { agencyId: own, fields: personFields({ name: '王五' }), intakeKey: 'closed-year-online-0001' })).request;
    at('2026-03-02');
    await closeYear(deps, head, own, 2025);
  }, 120_000);
  afterAll(async () => handle?.close());

  it('names the year and how to reopen it, as a 409', () => {
    const message = appErrorMessage('YEAR_CLOSED', { year: 2025, what: '将“发出答复”的日期定在该年度内' });
    expect(message).toBe('2025年度已关闭（年度报告数据已冻结），不能将“发出答复”的日期定在该年度内；如确需更正，系统管理员可重新打开该年度');
    expect(appErrorStatus('YEAR_CLOSED')).toBe(409);
  });

  it('refuses request actions dated in the closed year and accepts them dated in 2026', async () => {
    expect(await outcome(confirmReceipt(deps, handler, online.id, { version: online.version, on: '2025-12-31' }))).toBe('YEAR_CLOSED 2025');
    const refused = await confirmReceipt(deps, handler, online.id, { version: online.version, on: '2025-12-31' }).then(() => null, (e: unknown) => e as AppError);
    expect(appErrorMessage(refused!.code, refused!.params)).toMatch(/^2025年度已关闭.*“确认收到申请”.*系统管理员可重新打开该年度$/);
    const received = await confirmReceipt(deps, handler, online.id, { version: online.version, on: '2026-01-05' });
    expect(received.receivedOn).toBe('2026-01-05');

    expect(await outcome(handling.sendClarification(deps, handler, open.id, { version: open.version, items: '请说明文号', answerDueOn: '2026-01-15', on: '2025-12-31' }))).toBe('YEAR_CLOSED 2025');
    // closing it in 2025 would move it from 结转下年度 to an outcome row of the closed year
    expect(await outcome(withdrawRequest(deps, handler, open.id, { version: open.version, reason: '不再需要', on: '2025-12-31' }))).toBe('YEAR_CLOSED 2025');
    await decision.draftReply(deps, handler, open.id, { version: open.version, basis: '36-2', values: { reason: '理由', howToObtain: '门户网站' } });
    await decision.submitReply(deps, handler, open.id, { version: open.version + 1 });
    await decision.approveReply(deps, head, open.id, { version: open.version + 2 });
    const replied = await decision.issueReply(deps, handler, open.id, { version: open.version + 3 });
    expect([replied.status, replied.repliedOn]).toEqual(['replied', '2026-03-02']);
  });

  it('refuses intake received in the closed year, but not a letter that arrived in it and was received in 2026', async () => {
    const entry = (over: Partial<Parameters<typeof createStaffRequest>[2]>) =>
      createStaffRequest(deps, handler, { agencyId: own, channel: 'inPerson', fields: personFields({ name: '赵六' }), arrivedOn: '2025-12-15', ...over });
    expect(await outcome(entry({}))).toBe('YEAR_CLOSED 2025');
    expect(await outcome(entry({ channel: 'email', arrivedOn: '2025-12-30', confirmedOn: '2025-12-31' }))).toBe('YEAR_CLOSED 2025');
    const mail = await entry({ channel: 'registeredMail', arrivedOn: '2025-12-31', signedOn: '2026-01-04' });
    expect([mail.request.arrivedOn, mail.request.receivedOn]).toEqual(['2025-12-31', '2026-01-04']);
    const unconfirmed = await entry({ channel: 'email', arrivedOn: '2025-12-31' });
    expect(unconfirmed.request.status).toBe('registered');
    // the freeze is per agency: another agency's 2025 is still open
    const elsewhere = await createStaffRequest(deps, admin, { agencyId: f.agencies.otherAgency, channel: 'inPerson', fields: personFields(), arrivedOn: '2025-12-15' });
    expect(elsewhere.request.receivedOn).toBe('2025-12-15');
  });

  it('refuses appeals filed or decided in the closed year and changes to what table 四 counted, but not later decisions or notes', async () => {
    expect(await outcome(createAppeal(deps, handler, { agencyId: own, kind: 'review', filedOn: '2025-11-01' }))).toBe('YEAR_CLOSED 2025');
    expect(await outcome(createAppeal(deps, handler, { agencyId: own, kind: 'review', filedOn: '2026-01-10' }))).toBe('OK');
    expect(await outcome(updateAppeal(deps, handler, pendingAppeal.id, { version: pendingAppeal.version, kind: 'suitDirect' }))).toBe('YEAR_CLOSED 2025');
    expect(await outcome(updateAppeal(deps, handler, pendingAppeal.id, { version: pendingAppeal.version, result: 'upheld', decidedOn: '2025-12-20' }))).toBe('YEAR_CLOSED 2025');
    // decided in 2026: 2025's table 四 still shows it 尚未审结, so the closed year is unchanged
    const decidedLater = await updateAppeal(deps, handler, pendingAppeal.id, { version: pendingAppeal.version, result: 'corrected', decidedOn: '2026-02-10' });
    expect(decidedLater.result).toBe('corrected');
    expect(await outcome(updateAppeal(deps, handler, decidedAppeal.id, { version: decidedAppeal.version, result: 'other' }))).toBe('YEAR_CLOSED 2025');
    expect(await outcome(updateAppeal(deps, handler, decidedAppeal.id, { version: decidedAppeal.version, note: '补充备注' }))).toBe('OK');
    expect(await outcome(deleteAppeal(deps, handler, decidedAppeal.id))).toBe('YEAR_CLOSED 2025');
  });

  it('leaves the frozen 2025 figures equal to the records', async () => {
    const y2025 = await compileAgencyReport(deps, handler, own, 2025);
    expect(y2025.provenance.source).toBe('frozen');
    expect(y2025.findings.filter((x) => x.severity === 'error')).toEqual([]);
    const y2026 = await compileAgencyReport(deps, handler, own, 2026);
    expect(y2026.findings.filter((x) => x.code === 'T3-CARRY')).toEqual([]);
  });

  it('accepts 2025 dates again once the administrator reopens the year', async () => {
    await reopenYear(deps, admin, own, 2025, '补录漏登的复议案件');
    const late = await createAppeal(deps, handler, { agencyId: own, kind: 'review', filedOn: '2025-11-01' });
    expect(late.filedOn).toBe('2025-11-01');
  });
});
