/** The request lifecycle through the services, on SQLite and PostgreSQL: every outcome, the guards, the lapses. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../src/core/errors.js';
import { outcomeKeys, replyBases, type OutcomeKey } from '../../../src/core/requests/outcomes.js';
import { outcomeOfBasis, requestPolicy } from '../../../src/core/requests/policy.js';
import type { DatabaseHandle } from '../../../src/db/database.js';
import type { Principal } from '../../../src/services/authorization.js';
import * as decision from '../../../src/services/requests/decision.service.js';
import * as fees from '../../../src/services/requests/fee-actions.service.js';
import * as handling from '../../../src/services/requests/handling.service.js';
import { confirmReceipt } from '../../../src/services/requests/intake.service.js';
import { getRequestDetail } from '../../../src/services/requests/queries.service.js';
import * as routing from '../../../src/services/requests/routing.service.js';
import { seedAccessFixture, type AccessFixture } from '../../support/access-fixture.js';
import { testDatabases } from '../../support/databases.js';
import { enterRequest, personFields, principalOfRole } from '../../support/request-fixture.js';
import { testServiceDeps, type TestDeps } from '../../support/service-deps.js';
import { outcomeCode } from '../../support/outcome.js';

const code = (p: Promise<unknown>): Promise<string> => outcomeCode(p);

describe.each(testDatabases)('request lifecycle on $name', (target) => {
  let handle: DatabaseHandle;
  let deps: TestDeps;
  let f: AccessFixture;
  let handler: Principal;
  let head: Principal;
  let own: string;

  beforeAll(async () => {
    handle = await target.create();
    deps = testServiceDeps(handle); // today 2026-03-02 (Monday)
    f = await seedAccessFixture(deps);
    handler = await principalOfRole(deps, f, 'handler');
    head = await principalOfRole(deps, f, 'head');
    own = f.agencies.ownAgency;
  });
  afterAll(async () => handle.close());

  const at = (day: string) => deps.clock.set(`${day}T02:00:00Z`);

  it('walk-in → reply drafted, approved by the head, issued: 予以公开 on the issue date', async () => {
    at('2026-03-02');
    const { request } = await enterRequest(deps, handler, own);
    expect(request).toMatchObject({ status: 'inProgress', receivedOn: '2026-03-02', replyBy: '2026-03-30' });
    const letter = await decision.draftReply(deps, handler, request.id, { version: 1, basis: '36-2' });
    expect(letter).toMatchObject({ status: 'draft', outcome: 'granted', basis: '36-2' });
    let r = await decision.submitReply(deps, handler, request.id, { version: 2 });
    expect(r.status).toBe('awaitingApproval');
    expect(await code(decision.approveReply(deps, handler, request.id, { version: 3 }))).toBe('FORBIDDEN');
    r = await decision.approveReply(deps, head, request.id, { version: 3 });
    expect(r.status).toBe('approved');
    at('2026-03-05');
    r = await decision.issueReply(deps, handler, request.id, { version: 4 });
    expect(r).toMatchObject({ status: 'replied', outcome: 'granted', outcomeBasis: '36-2', repliedOn: '2026-03-05' });
    const detail = await getRequestDetail(deps, handler, request.id);
    expect(detail.events.map((e) => e.kind)).toEqual(['registered', 'received', 'replySubmitted', 'replyApproved', 'replied']);
    expect(detail.clock).toMatchObject({ status: 'replied', repliedOn: '2026-03-05', overdue: false });
    expect(detail.letters.find((l) => l.id === letter.id)).toMatchObject({ status: 'issued', issuedOn: '2026-03-05' });
    expect(await code(routing.withdrawRequest(deps, handler, request.id, { version: r.version }))).toBe('WRONG_STATE');
  });

  it('every table-三 outcome is reachable, each request counted in exactly one', async () => {
    at('2026-03-02');
    const quick = { ...deps, requestPolicy: requestPolicy({ replyApproval: 'none' }) };
    const reached = new Set<OutcomeKey>();
    for (const b of replyBases) {
      const { request } = await enterRequest(quick, handler, own);
      await decision.draftReply(quick, handler, request.id, { version: 1, basis: b.key, values: { reason: '依法说明的理由', howToObtain: '本机关门户网站', responsibleAgency: '乙区教育委员会', clarificationSentOn: '2026-03-02' } });
      const r = await decision.issueReply(quick, handler, request.id, { version: 2 });
      expect(r.outcome, b.key).toBe(outcomeOfBasis(b));
      reached.add(r.outcome!);
    }
    // the closings: lapsed 补正, lapsed fee, withdrawal
    const a = (await enterRequest(deps, handler, own)).request;
    await handling.sendClarification(deps, handler, a.id, { version: 1, items: '请写明文件名称', answerDueOn: '2026-03-10' });
    at('2026-03-11');
    reached.add((await handling.lapseClarification(deps, handler, a.id, { version: 2 })).outcome!);
    at('2026-03-02');
    const w = (await enterRequest(deps, handler, own)).request;
    reached.add((await routing.withdrawRequest(deps, handler, w.id, { version: 1, reason: '申请人书面撤回' })).outcome!);
    for (let i = 0; i < 11; i += 1) await enterRequest(deps, handler, own, { fields: personFields({ idNumber: '440524188001010014' }) });
    const feeReq = (await enterRequest(deps, handler, own, { fields: personFields({ idNumber: '440524188001010014' }) })).request;
    await fees.sendFeeNotice(deps, handler, feeReq.id, { version: 1, method: 'perItem' });
    at('2026-04-01');
    reached.add((await fees.lapseFee(deps, handler, feeReq.id, { version: 2 })).outcome!);
    expect([...reached].sort()).toEqual([...outcomeKeys].sort());
  });

  it('补正: once, within 7 working days; answered restarts the clock; lapse only after the deadline', async () => {
    at('2026-03-02');
    const { request } = await enterRequest(deps, handler, own, { channel: 'internet' });
    expect(request).toMatchObject({ status: 'registered', receivedOn: null });
    expect(await code(handling.sendClarification(deps, handler, request.id, { version: 1, items: 'x', answerDueOn: '2026-03-09' }))).toBe('WRONG_STATE');
    at('2026-03-03');
    let r = await confirmReceipt(deps, handler, request.id, { version: 1 });
    expect(r).toMatchObject({ status: 'inProgress', receivedOn: '2026-03-03' });
    r = await handling.sendClarification(deps, handler, request.id, { version: 2, items: '请补充文号', answerDueOn: '2026-03-13' });
    expect(r.status).toBe('awaitingClarification');
    expect(await code(handling.lapseClarification(deps, handler, request.id, { version: 3 }))).toBe('WRONG_STATE');
    at('2026-03-06');
    r = await handling.answerClarification(deps, handler, request.id, { version: 3, text: '文号为渝梁教发〔2025〕1号' });
    expect(r).toMatchObject({ status: 'inProgress', replyBy: '2026-04-03' }); // 20 wd from 03-06 (清明 04-04…06 after)
    expect(await code(handling.sendClarification(deps, handler, r.id, { version: 4, items: '再补充', answerDueOn: '2026-03-20' }))).toBe('WRONG_STATE');

    at('2026-03-02');
    const late = (await enterRequest(deps, handler, own)).request;
    at('2026-03-12'); // 7 wd from 03-02 is 03-11
    expect(await code(handling.sendClarification(deps, handler, late.id, { version: 1, items: 'x', answerDueOn: '2026-03-20' }))).toBe('WRONG_STATE');
  });

  it('extension: only the head, ≤ 20 working days in total, before the deadline', async () => {
    at('2026-03-02');
    const { request } = await enterRequest(deps, handler, own);
    expect(await code(handling.approveExtension(deps, handler, request.id, { version: 1, workdays: 10, reason: '信息量大' }))).toBe('FORBIDDEN');
    let r = await handling.approveExtension(deps, head, request.id, { version: 1, workdays: 15, reason: '信息量大，需要检索多年档案' });
    expect(r.replyBy).toBe('2026-04-21'); // 03-30 + 15 wd (清明 04-04…06)
    expect(await code(handling.approveExtension(deps, head, request.id, { version: 2, workdays: 6, reason: '再延' }))).toBe('REQUEST_INVALID');
    r = await handling.approveExtension(deps, head, request.id, { version: 2, workdays: 5, reason: '再延' });
    expect(r.replyBy).toBe('2026-04-28');
    const other = (await enterRequest(deps, handler, own)).request;
    at('2026-03-31');
    expect(await code(handling.approveExtension(deps, head, other.id, { version: 1, workdays: 5, reason: '太晚' }))).toBe('WRONG_STATE');
  });

  it('consultation pauses the clock until answered; two open ones need an id', async () => {
    at('2026-03-02');
    const { request } = await enterRequest(deps, handler, own);
    at('2026-03-05');
    await handling.sendConsultation(deps, handler, request.id, { version: 1, party: 'thirdParty', addressee: '某公司' });
    let r = await handling.sendConsultation(deps, handler, request.id, { version: 2, party: 'agency', addressee: '甲区财政局' });
    expect(r.status).toBe('consulting');
    at('2026-03-12');
    expect(await code(handling.answerConsultation(deps, handler, request.id, { version: 3, opinion: 'agree' }))).toBe('REQUEST_INVALID');
    const detail = await getRequestDetail(deps, handler, request.id);
    const ids = detail.events.filter((e) => e.kind === 'consultationSent').map((e) => e.data.consultationId!);
    r = await handling.answerConsultation(deps, handler, request.id, { version: 3, consultationId: ids[0], opinion: 'agree' });
    expect(r.status).toBe('consulting');
    expect(await code(handling.expireConsultation(deps, handler, request.id, { version: 4 }))).toBe('WRONG_STATE'); // limit not reached
    r = await handling.answerConsultation(deps, handler, request.id, { version: 4, opinion: 'object', text: '涉及商业秘密' });
    expect(r).toMatchObject({ status: 'inProgress', replyBy: '2026-04-07' }); // rules.md §2.10 third-party example
  });

  it('fees: nothing to charge for the first ten in a month; payment resumes the clock', async () => {
    at('2026-03-02');
    const first = (await enterRequest(deps, handler, own, { fields: personFields({ idNumber: '110105198001010016' }) })).request;
    expect(await code(fees.sendFeeNotice(deps, handler, first.id, { version: 1, method: 'perItem' }))).toBe('REQUEST_INVALID');
    let r = await fees.sendFeeNotice(deps, handler, first.id, { version: 1, method: 'perPage', pages: 80 });
    expect(r.status).toBe('awaitingFee');
    const notice = (await getRequestDetail(deps, handler, first.id)).letters.find((l) => l.kind === 'feeNotice')!;
    expect(notice.body).toContain('500元');
    at('2026-03-09');
    r = await fees.recordFeePayment(deps, handler, first.id, { version: 2 });
    expect(r.status).toBe('inProgress');
    expect(r.replyBy! > '2026-03-30').toBe(true);
  });

  it('transfer: before receipt the request moves; after receipt it closes here and opens there', async () => {
    at('2026-03-02');
    const unconfirmed = (await enterRequest(deps, handler, own, { channel: 'email' })).request;
    const moved = await routing.transferRequest(deps, handler, unconfirmed.id, { version: 1, toAgencyId: f.agencies.townA });
    expect(moved).toMatchObject({ agencyId: f.agencies.townA, status: 'registered', outcome: null });
    const received = (await enterRequest(deps, handler, own)).request;
    const closed = await routing.transferRequest(deps, handler, received.id, { version: 1, toAgencyId: f.agencies.otherAgency, reason: '该信息由乙区教育委员会制作' });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'unable_notHeld', outcomeBasis: '36-5', repliedOn: '2026-03-02' });
    const forwarded = await handle.db.selectFrom('disclosure_request').selectAll().where('transferred_from_id', '=', received.id).executeTakeFirstOrThrow();
    expect(forwarded).toMatchObject({ agency_id: f.agencies.otherAgency, status: 'registered', received_on: null });
    const letter = (await getRequestDetail(deps, handler, received.id)).letters[0]!;
    expect(letter.body).toContain('乙区教育委员会');
    expect(letter.body).toContain('第三十六条第（五）项');
  });

  it('refuses actions in the wrong state and stale versions', async () => {
    at('2026-03-02');
    const { request } = await enterRequest(deps, handler, own, { channel: 'fax' });
    expect(await code(decision.issueReply(deps, handler, request.id, { version: 1 }))).toBe('WRONG_STATE');
    expect(await code(fees.recordFeePayment(deps, handler, request.id, { version: 1 }))).toBe('WRONG_STATE');
    expect(await code(handling.answerClarification(deps, handler, request.id, { version: 1 }))).toBe('WRONG_STATE');
    expect(await code(confirmReceipt(deps, handler, request.id, { version: 7 }))).toBe('CONFLICT');
    expect(await code(confirmReceipt(deps, handler, request.id, { version: 1, on: '2026-03-01' }))).toBe('REQUEST_INVALID'); // before arrival
    const r = await routing.voidRequest(deps, handler, request.id, { version: 1, reason: '重复登记' });
    expect(r).toMatchObject({ status: 'voided', outcome: null, repliedOn: null });
  });
});

describe.each(testDatabases)('concurrent actions on $name', (target) => {
  it('two actions on the same version: one wins, the other is CONFLICT, nothing half-written', async () => {
    const handle = await target.create();
    try {
      const deps = testServiceDeps(handle);
      const f = await seedAccessFixture(deps);
      const handler = await principalOfRole(deps, f, 'handler');
      const { request } = await enterRequest(deps, handler, f.agencies.ownAgency);
      const results = await Promise.allSettled([
        handling.requestReason(deps, handler, request.id, { version: 1, text: '一' }),
        routing.withdrawRequest(deps, handler, request.id, { version: 1, reason: '二' }),
        handling.sendConsultation(deps, handler, request.id, { version: 1, party: 'thirdParty', addressee: '三' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect((r.reason as AppError).code).toBe('CONFLICT');
      const events = await handle.db.selectFrom('request_event').select('seq').where('request_id', '=', request.id).execute();
      expect(events.map((e) => Number(e.seq)).sort()).toEqual([1, 2, 3]);
      const row = await handle.db.selectFrom('disclosure_request').select('version').where('id', '=', request.id).executeTakeFirstOrThrow();
      expect(Number(row.version)).toBe(2);
    } finally {
      await handle.close();
    }
  });
});
