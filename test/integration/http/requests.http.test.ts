/**
 * The request flow over HTTP (app.inject), on SQLite and PostgreSQL: a citizen applies on the portal
 * (CSRF form token, idempotent), staff handle it through 补正 and a reply via the API, the citizen
 * follows it by 查询码 and answers the 补正; letters download as DOCX and PDF.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture, type AccessFixture } from '../../support/access-fixture.js';
import { createTestApp, type TestApp, type TestClient } from '../../support/app.js';
import { testDatabases } from '../../support/databases.js';

const form = { 'content-type': 'application/x-www-form-urlencoded' };
const hidden = (html: string, name: string): string => {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!m) throw new Error(`no hidden ${name}`);
  return m[1]!;
};
const applicant = {
  applicantKind: 'naturalPerson', name: '王小明', idType: 'residentId', idNumber: '11010519491231002X', phone: '13900001111',
  email: 'wxm@example.com', address: '重庆市梁平区双桂街道人民路8号', description: '2025年本区学校食堂食品安全抽检结果', wantedForm: 'electronic', wantedDelivery: 'email',
};

describe.each(testDatabases)('requests over HTTP on $name', (target) => {
  let t: TestApp;
  let f: AccessFixture;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const db = await target.create();
    t = await createTestApp({ db, env: { CHROMIUM_PATH: '/usr/bin/chromium' } });
    f = await seedAccessFixture(t.deps);
    close = async () => {
      await t.close();
      await db.close();
    };
  });
  afterAll(() => close?.());

  async function apply(c: TestClient, over: Record<string, string> = {}) {
    const page = await c.get('/apply');
    expect(page.statusCode).toBe(200);
    const fields = { _csrf: hidden(page.body, '_csrf'), intakeKey: hidden(page.body, 'intakeKey'), agencyId: f.agencies.ownAgency, ...applicant, ...over };
    return { fields, res: await c.post('/apply', new URLSearchParams(fields).toString(), { headers: form }) };
  }

  it('apply → receipt → track → 补正 → reply, seen by the citizen; one request per submission', async () => {
    const citizen = t.client();
    const { fields, res } = await apply(citizen);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/apply/receipt');
    const again = await citizen.post('/apply', new URLSearchParams(fields).toString(), { headers: form }); // double click
    expect(again.statusCode).toBe(303);
    const receipt = await citizen.get('/apply/receipt');
    expect(receipt.statusCode).toBe(200);
    expect(receipt.body).toContain('不会重复登记');
    const code = /class="tracking-code"[^>]*>([^<]+)</.exec(receipt.body)![1]!;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    const rows = await t.deps.db.selectFrom('disclosure_request').selectAll().where('intake_key', '=', `portal:${fields.intakeKey}`).execute();
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({ status: 'registered', channel: 'internet', received_on: null });
    expect(row.tracking_hash).not.toContain(code);

    const trackPage = await citizen.get('/track');
    const track = (c: string) => citizen.post('/track', new URLSearchParams({ _csrf: hidden(trackPage.body, '_csrf'), code: c }).toString(), { headers: form });
    let status = await track(code.toLowerCase().replaceAll('-', ''));
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain(row.reference);
    expect(status.body).toContain('已登记（待确认收到）');
    for (const secret of ['11010519491231002X', '13900001111', '人民路8号', 'wxm@example.com', '王小明']) expect(status.body).not.toContain(secret);
    expect((await track('AAAA-BBBB-CCCC-DDDD-EEEE')).statusCode).toBe(404);

    const staff = await t.loginAs(f.users.handler.username, f.password);
    const head = await t.loginAs(f.users.head.username, f.password);
    const act = async (c: TestClient, action: string, body: Record<string, unknown>) => {
      const r = await c.post(`/api/requests/${row.id}/actions/${action}`, body);
      expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
      return r.json() as { request: { version: number; status: string }; letters: { id: string; kind: string; status: string }[]; allowedActions: string[] };
    };
    let d = await act(staff, 'confirmReceipt', { version: 1 });
    expect(d.request.status).toBe('inProgress');
    d = await act(staff, 'sendClarification', { version: d.request.version, items: '请写明抽检的学校范围', answerDueOn: '2026-03-20' });
    expect(d.allowedActions).not.toContain('sendClarification');
    expect((await staff.post(`/api/requests/${row.id}/actions/sendClarification`, { version: d.request.version, items: 'x', answerDueOn: '2026-03-20' })).statusCode).toBe(409);

    status = await track(code);
    expect(status.body).toContain('请写明抽检的学校范围');
    const answer = await citizen.post('/track/clarification', new URLSearchParams({ _csrf: hidden(status.body, '_csrf'), code, text: '全区公办中小学' }).toString(), { headers: form });
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('补正已提交');

    let detail = (await staff.get(`/api/requests/${row.id}`)).json() as typeof d & { events: { kind: string; data: { via?: string } }[] };
    expect(detail.request.status).toBe('inProgress');
    expect(detail.events.at(-1)).toMatchObject({ kind: 'clarificationAnswered', data: { via: 'portal' } });
    d = await act(staff, 'draftReply', { version: detail.request.version, basis: '36-2', values: { howToObtain: '信息见附件。' } });
    const letterId = d.letters.find((l) => l.kind === 'reply' && l.status === 'draft')!.id;
    const edited = await staff.patch(`/api/letters/${letterId}`, { version: 1, body: `${(await staff.get(`/api/letters/${letterId}`)).json<{ body: string }>().body}\n\n联系人：李老师。` });
    expect(edited.statusCode).toBe(200);
    d = await act(staff, 'submitReply', { version: d.request.version });
    expect((await staff.post(`/api/requests/${row.id}/actions/approveReply`, { version: d.request.version })).statusCode).toBe(403);
    d = await act(head, 'approveReply', { version: d.request.version });
    d = await act(staff, 'issueReply', { version: d.request.version });
    expect(d.request.status).toBe('replied');

    status = await track(code);
    expect(status.body).toContain('予以公开');
    expect(status.body).toContain('政府信息公开申请答复告知书');
    expect(status.body).toContain('联系人：李老师。');

    const docx = await staff.get(`/api/letters/${letterId}/file?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(docx.headers['content-disposition']).toContain("filename*=UTF-8''");
    const pdf = await staff.get(`/api/letters/${letterId}/file?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    detail = (await staff.get(`/api/requests/${row.id}`)).json();
    expect(detail.request.status).toBe('replied');
  }, 60_000);

  it('the form shows each problem by its field; a missing CSRF token is refused', async () => {
    const c = t.client();
    const { res } = await apply(c, { idNumber: '110105194912310021', wantedDelivery: '' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('校验位不正确');
    expect(res.body).toContain('请选择获取信息的方式');
    expect(res.body).toContain('value="王小明"');
    const noToken = await t.client().post('/apply', new URLSearchParams({ ...applicant, agencyId: f.agencies.ownAgency, intakeKey: 'k'.repeat(24) }).toString(), { headers: form });
    expect(noToken.statusCode).toBe(403);
  });

  it('lists mask personal data; another agency\'s request is not found', async () => {
    const staff = await t.loginAs(f.users.handler.username, f.password);
    const created = await staff.post('/api/requests', {
      agencyId: f.agencies.ownAgency, channel: 'inPerson', arrivedOn: '2026-03-02', applicant: { ...applicant, name: '赵大海', idNumber: '440524188001010014' },
    });
    expect(created.statusCode).toBe(201);
    const { request, trackingCode } = created.json() as { request: { id: string; applicant: { idNumber: string } }; trackingCode: string };
    expect(trackingCode).toMatch(/-/);
    expect(request.applicant.idNumber).toBe('440524188001010014'); // full on the creator's own view
    const list = await staff.get(`/api/requests?agencyId=${f.agencies.ownAgency}&status=inProgress`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('赵*');
    expect(list.body).not.toContain('赵大海');
    expect(list.body).not.toContain('440524188001010014');
    expect(list.body).not.toContain('13900001111');
    const worklist = (await staff.get('/api/requests/worklist')).json() as { items: { id: string; clock: { replyBy: string } | null }[] };
    expect(worklist.items.find((i) => i.id === request.id)?.clock?.replyBy).toBe('2026-03-30');

    const admin = await t.loginAs(f.users.admin.username, f.password);
    const foreign = await admin.post('/api/requests', { agencyId: f.agencies.otherAgency, channel: 'inPerson', arrivedOn: '2026-03-02', applicant });
    const foreignId = (foreign.json() as { request: { id: string } }).request.id;
    expect((await staff.get(`/api/requests/${foreignId}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/requests?agencyId=${f.agencies.otherAgency}`)).json()).toMatchObject({ total: 0 });
  });
});
