/** Intake (idempotency, 第三十一条 receipt dates), masking, reach, audit, worklist clocks, attachments, appeals — on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/database.js';
import type { Principal } from '../../../src/services/authorization.js';
import { createAppeal, listAppeals, updateAppeal } from '../../../src/services/requests/appeals.service.js';
import { addAttachment, deleteAttachment, getAttachmentFile } from '../../../src/services/requests/attachments.service.js';
import * as decision from '../../../src/services/requests/decision.service.js';
import * as handling from '../../../src/services/requests/handling.service.js';
import { confirmReceipt, submitPortalRequest } from '../../../src/services/requests/intake.service.js';
import { exportLetter } from '../../../src/services/requests/letter-export.service.js';
import { getRequestDetail, getWorklist, listRequests } from '../../../src/services/requests/queries.service.js';
import { trackRequest } from '../../../src/services/requests/portal.service.js';
import { seedAccessFixture, type AccessFixture } from '../../support/access-fixture.js';
import { testDatabases } from '../../support/databases.js';
import { companyFields, enterRequest, personFields, principalOfRole } from '../../support/request-fixture.js';
import { testServiceDeps, type TestDeps } from '../../support/service-deps.js';
import { outcomeCode } from '../../support/outcome.js';

const code = (p: Promise<unknown>): Promise<string> => outcomeCode(p);

describe.each(testDatabases)('requests: intake, access, worklist on $name', (target) => {
  let handle: DatabaseHandle;
  let deps: TestDeps;
  let f: AccessFixture;
  let handler: Principal;
  let supervisor: Principal;
  let own: string;

  beforeAll(async () => {
    handle = await target.create();
    deps = testServiceDeps(handle);
    f = await seedAccessFixture(deps);
    handler = await principalOfRole(deps, f, 'handler');
    supervisor = await principalOfRole(deps, f, 'supervisor');
    own = f.agencies.ownAgency;
  });
  afterAll(async () => handle.close());
  const at = (day: string) => deps.clock.set(`${day}T02:00:00Z`);

  it('a burst of identical portal submissions (same key) creates one request, all answered with its code', async () => {
    at('2026-03-02');
    const key = 'burst-key-0123456789';
    const results = await Promise.all(Array.from({ length: 8 }, () => submitPortalRequest(deps, { agencyId: own, fields: personFields(), intakeKey: key })));
    expect(new Set(results.map((r) => r.request.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.trackingCode)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    const n = await handle.db.selectFrom('disclosure_request').select((eb) => eb.fn.countAll<number>().as('n')).where('intake_key', '=', `portal:${key}`).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
    expect((await trackRequest(deps, results[0]!.trackingCode!)).reference).toBe(results[0]!.request.reference);
    expect(await code(submitPortalRequest(deps, { agencyId: own, fields: personFields({ description: '另一份完全不同的申请内容' }), intakeKey: key }))).toBe('CONFLICT');
  });

  it('第三十一条: receipt date by channel, confirmation events for ordinary mail, internet, e-mail and fax', async () => {
    at('2026-03-06');
    const inPerson = (await enterRequest(deps, handler, own, { arrivedOn: '2026-03-04' })).request;
    expect(inPerson.receivedOn).toBe('2026-03-04');
    const mail = (await enterRequest(deps, handler, own, { channel: 'registeredMail', arrivedOn: '2026-03-04', signedOn: '2026-03-05' })).request;
    expect(mail.receivedOn).toBe('2026-03-05');
    for (const channel of ['ordinaryMail', 'internet', 'email', 'fax'] as const) {
      const r = (await enterRequest(deps, handler, own, { channel, arrivedOn: '2026-03-04' })).request;
      expect(r, channel).toMatchObject({ status: 'registered', receivedOn: null, replyBy: null });
      const confirmed = await confirmReceipt(deps, handler, r.id, { version: r.version, on: '2026-03-05' });
      expect(confirmed).toMatchObject({ status: 'inProgress', receivedOn: '2026-03-05', replyBy: '2026-04-02' });
    }
    const faxConfirmedAtEntry = (await enterRequest(deps, handler, own, { channel: 'fax', arrivedOn: '2026-03-04', confirmedOn: '2026-03-04' })).request;
    expect(faxConfirmedAtEntry.receivedOn).toBe('2026-03-04');
    expect(await code(enterRequest(deps, handler, own, { channel: 'registeredMail', arrivedOn: '2026-03-05', signedOn: '2026-03-04' }))).toBe('REQUEST_INVALID');
    expect(await code(enterRequest(deps, handler, own, { arrivedOn: '2026-03-07' }))).toBe('REQUEST_INVALID'); // the future
    expect(await code(enterRequest(deps, handler, own, { fields: personFields({ idNumber: '110105194912310021' }) }))).toBe('REQUEST_INVALID');
    expect((await enterRequest(deps, handler, own, { fields: companyFields() })).request.applicant).toMatchObject({ kind: 'commercial', idType: 'creditCode' });
  });

  it('lists are masked; details are full within reach; other agencies are not found; supervisors read but do not act', async () => {
    at('2026-03-02');
    const mine = (await enterRequest(deps, handler, own, { fields: personFields({ name: '钱多多' }) })).request;
    const page = await listRequests(deps, handler, { text: mine.reference });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ applicantName: '钱**', reference: mine.reference });
    expect(JSON.stringify(page)).not.toMatch(/11010519491231002X|13812345678|人民路12号|zhangsan@/);
    expect((await getRequestDetail(deps, handler, mine.id)).request.applicant.idNumber).toBe('11010519491231002X');
    expect((await getRequestDetail(deps, supervisor, mine.id)).request.id).toBe(mine.id);
    expect(await code(handling.requestReason(deps, supervisor, mine.id, { version: mine.version }))).toBe('FORBIDDEN');

    const admin = await principalOfRole(deps, f, 'admin');
    const foreign = (await enterRequest(deps, admin, f.agencies.otherAgency)).request;
    expect(await code(getRequestDetail(deps, handler, foreign.id))).toBe('NOT_FOUND');
    expect(await code(handling.requestReason(deps, handler, foreign.id, { version: foreign.version }))).toBe('NOT_FOUND');
    expect(await code(enterRequest(deps, handler, f.agencies.otherAgency))).toBe('NOT_FOUND');
    expect((await listRequests(deps, handler, { agencyId: f.agencies.otherAgency })).total).toBe(0);
    expect((await listRequests(deps, handler)).items.every((i) => i.agencyId === own)).toBe(true);
  });

  it('every action leaves an audit event with the state before and after, in the same transaction', async () => {
    at('2026-03-02');
    const r = (await enterRequest(deps, handler, own)).request;
    await handling.sendClarification(deps, handler, r.id, { version: r.version, items: '请补充文号', answerDueOn: '2026-03-13' });
    const rows = await handle.db.selectFrom('audit_event').selectAll().where('request_id', '=', r.id).orderBy('id').execute();
    expect(rows.map((x) => x.action)).toEqual(['request.create', 'request.sendClarification']);
    const last = rows[1]!;
    expect(JSON.parse(last.before_json!)).toMatchObject({ status: 'inProgress', version: 1 });
    expect(JSON.parse(last.after_json!)).toMatchObject({ status: 'awaitingClarification', version: 2, events: [{ kind: 'clarificationSent' }] });
    expect(last).toMatchObject({ actor_id: handler.userId, agency_id: own, entity_type: 'request' });
    // a refused action writes nothing
    expect(await code(handling.sendClarification(deps, handler, r.id, { version: 2, items: 'x', answerDueOn: '2026-03-20' }))).toBe('WRONG_STATE');
    expect(await handle.db.selectFrom('request_event').select('seq').where('request_id', '=', r.id).execute()).toHaveLength(3);
  });

  it('the worklist: live clocks, most pressing first, overdue and due-soon flags, pages', async () => {
    const admin = await principalOfRole(deps, f, 'admin');
    at('2026-02-02');
    const old = (await enterRequest(deps, admin, f.agencies.townA, { arrivedOn: '2026-02-02' })).request; // due 2026-03-06 (春节 02-15…23 skipped, 02-14 and 02-28 worked)
    at('2026-03-02');
    const fresh = (await enterRequest(deps, admin, f.agencies.townA, { arrivedOn: '2026-03-02' })).request; // due 03-30
    const unconfirmed = (await enterRequest(deps, admin, f.agencies.townA, { channel: 'internet' })).request;
    at('2026-03-05');
    let wl = await getWorklist(deps, supervisor, { agencyId: f.agencies.townA });
    expect(wl.items.map((i) => i.id)).toEqual([unconfirmed.id, old.id, fresh.id]);
    const oldItem = wl.items[1]!;
    expect(old.replyBy).toBe('2026-03-06');
    expect(oldItem.clock).toMatchObject({ replyBy: '2026-03-06', workdaysLeft: 1, dueSoon: true, overdue: false });
    expect(oldItem.flags).toEqual(['dueSoon']);
    expect(wl.items[0]!.flags).toEqual(['unconfirmed']);
    expect(wl.counts).toEqual({ open: 3, overdue: 0, dueSoon: 1, unconfirmed: 1 });
    at('2026-03-11');
    wl = await getWorklist(deps, supervisor, { agencyId: f.agencies.townA, flag: 'overdue' });
    expect(wl.items.map((i) => i.id)).toEqual([old.id]);
    expect(wl.items[0]!.clock).toMatchObject({ overdue: true, overdueWorkdays: 3 }); // 03-09, 03-10, 03-11
    expect((await getWorklist(deps, supervisor, { agencyId: f.agencies.townA, pageSize: 1, page: 3 })).items.map((i) => i.id)).toEqual([fresh.id]);
    expect((await getWorklist(deps, handler, { agencyId: f.agencies.townA })).total).toBe(0); // not in the handler's reach
  });

  it('attachments: whitelisted types by content, hashed; released files go out with the reply and stay', async () => {
    at('2026-03-02');
    const r = (await enterRequest(deps, handler, own)).request;
    const pdf = new TextEncoder().encode('%PDF-1.4\n% test\n');
    const a = await addAttachment(deps, handler, r.id, { fileName: '../../抽检结果.pdf', content: pdf, purpose: 'released' });
    expect(a).toMatchObject({ fileName: '抽检结果.pdf', mediaType: 'application/pdf', sizeBytes: pdf.length });
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from((await getAttachmentFile(deps, handler, a.id)).content).toString()).toBe('%PDF-1.4\n% test\n');
    expect(await code(addAttachment(deps, handler, r.id, { fileName: 'x.pdf', content: new TextEncoder().encode('not a pdf'), purpose: 'released' }))).toBe('ATTACHMENT_TYPE_UNSUPPORTED');
    expect(await code(addAttachment(deps, handler, r.id, { fileName: 'x.exe', content: new Uint8Array([0x4d, 0x5a]), purpose: 'other' }))).toBe('ATTACHMENT_TYPE_UNSUPPORTED');
    const quick = { ...deps, requestPolicy: { ...(await import('../../../src/core/requests/policy.js')).defaultRequestPolicy, replyApproval: 'none' as const } };
    await decision.draftReply(quick, handler, r.id, { version: 1, basis: '36-2' });
    const issued = await decision.issueReply(quick, handler, r.id, { version: 2 });
    expect(issued.status).toBe('replied');
    expect(await code(deleteAttachment(deps, handler, a.id))).toBe('WRONG_STATE');
    const letter = (await getRequestDetail(deps, handler, r.id)).letters.find((l) => l.kind === 'reply')!;
    const docx = await exportLetter(deps, handler, letter.id, 'docx', { chromiumPath: '/usr/bin/chromium' });
    expect(Buffer.from(docx.bytes.subarray(0, 2)).toString()).toBe('PK');
    expect(docx.fileName).toBe(`${r.reference}-答复告知书.docx`);
  });

  it('appeals: table-四 kinds and results; the co-defendant flag only for suits after review', async () => {
    at('2026-03-02');
    const r = (await enterRequest(deps, handler, own)).request;
    const review = await createAppeal(deps, handler, { requestId: r.id, kind: 'review', filedOn: '2026-02-10' });
    expect(review).toMatchObject({ agencyId: own, result: 'pending', reviewOrganCoDefendant: false });
    expect(await code(createAppeal(deps, handler, { agencyId: own, kind: 'review', filedOn: '2026-02-10', reviewOrganCoDefendant: true }))).toBe('REQUEST_INVALID');
    expect(await code(createAppeal(deps, handler, { agencyId: own, kind: 'suitDirect', filedOn: '2026-02-10', result: 'upheld' }))).toBe('REQUEST_INVALID'); // no decision date
    const suit = await createAppeal(deps, handler, { agencyId: own, kind: 'suitAfterReview', filedOn: '2026-02-11', reviewOrganCoDefendant: true, organ: '梁平区人民法院' });
    const decided = await updateAppeal(deps, handler, suit.id, { version: 1, result: 'corrected', decidedOn: '2026-02-28' });
    expect(decided).toMatchObject({ result: 'corrected', decidedOn: '2026-02-28', version: 2, reviewOrganCoDefendant: true });
    expect(await code(updateAppeal(deps, handler, suit.id, { version: 1, note: 'stale' }))).toBe('CONFLICT');
    expect((await listAppeals(deps, handler, { requestId: r.id })).items.map((a) => a.id)).toEqual([review.id]);
    expect(await code(createAppeal(deps, handler, { agencyId: f.agencies.otherAgency, kind: 'review', filedOn: '2026-02-10' }))).toBe('NOT_FOUND');
  });
});
