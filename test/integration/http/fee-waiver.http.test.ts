/**
 * 减免 on the fee notice over the API (the console's form sends `waiver`), on both dialects: a
 * reduction is charged and printed on the notice with its reason and kept in the event; a full
 * waiver means no fee notice (a clear Chinese refusal); a reduction above the assessed fee or a
 * waiver without a reason is refused and nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture, type AccessFixture } from '../../support/access-fixture.js';
import { createTestApp, type TestApp, type TestClient } from '../../support/app.js';
import { testDatabases } from '../../support/databases.js';
import { enterRequest, principalOfRole } from '../../support/request-fixture.js';

interface Detail { request: { id: string; version: number; status: string } }
interface Events { events: { kind: string; data: { amount?: number; fee?: { assessed: number; charged: number; waiver: unknown } } }[] }

describe.each(testDatabases)('fee notice with 减免 on $name', (target) => {
  let t: TestApp;
  let f: AccessFixture;
  let handler: TestClient;
  let closeDb: () => Promise<void>;
  const newRequest = async () => (await enterRequest(t.deps, await principalOfRole(t.deps, f, 'handler'), f.agencies.ownAgency, { arrivedOn: '2026-02-02' })).request;
  const send = (r: { id: string; version: number }, body: Record<string, unknown>) =>
    handler.post(`/api/requests/${r.id}/actions/sendFeeNotice`, { version: r.version, on: '2026-02-03', method: 'perPage', pages: 80, ...body });

  beforeAll(async () => {
    const db = await target.create();
    closeDb = () => db.close();
    t = await createTestApp({ db });
    f = await seedAccessFixture(t.deps);
    handler = await t.loginAs(f.users.handler.username, f.password);
  });
  afterAll(async () => {
    await t?.close();
    await closeDb?.();
  });

  it('charges the reduced amount, prints the reason on the notice and keeps the decision in the event', async () => {
    const r = await newRequest();
    const res = await send(r, { waiver: { kind: 'reduce', amount: 100, reason: '申请人为低保户', basis: '本机关信息处理费减免规定第三条' } });
    expect(res.statusCode).toBe(200);
    expect((res.json() as Detail).request.status).toBe('awaitingFee');
    const events = (await handler.get(`/api/requests/${r.id}/events`)).json() as Events;
    const notice = events.events.find((e) => e.kind === 'feeNoticeSent')!;
    expect(notice.data.amount).toBe(100);
    expect(notice.data.fee).toMatchObject({ assessed: 500, charged: 100, waiver: { kind: 'reduce', amount: 100, reason: '申请人为低保户', basis: '本机关信息处理费减免规定第三条' } });
    const letters = (await handler.get(`/api/requests/${r.id}/letters`)).json() as { letters: { kind: string; body: string }[] };
    const letter = letters.letters.find((l) => l.kind === 'feeNotice')!;
    expect(letter.body).toContain('100');
    expect(letter.body).toContain('减免后收取，理由：申请人为低保户');
  });

  it('refuses a full waiver (no notice to send), a reduction above the fee and a waiver without a reason; nothing changes', async () => {
    const r = await newRequest();
    const waive = await send(r, { waiver: { kind: 'waive', reason: '申请人经济困难' } });
    expect([waive.statusCode, waive.json().error.code]).toEqual([400, 'REQUEST_INVALID']);
    expect(waive.json().error.message).toContain('已决定免收，不收取信息处理费，无需发出收费通知');
    const tooMuch = await send(r, { waiver: { kind: 'reduce', amount: 501, reason: '核减' } });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.message).toContain('500');
    const noReason = await send(r, { waiver: { kind: 'reduce', amount: 10, reason: '  ' } });
    expect(noReason.statusCode).toBe(400);
    const after = (await handler.get(`/api/requests/${r.id}`)).json() as Detail;
    expect([after.request.status, after.request.version]).toEqual(['inProgress', r.version]);
  });
});
