/** /api/reports over HTTP: the compiled report's JSON, the drill-down (masked), closing and reopening, the OpenAPI entries. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture, type AccessFixture } from '../../support/access-fixture.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import { testDatabases } from '../../support/databases.js';
import { enterRequest, personFields, principalOfRole } from '../../support/request-fixture.js';

describe.each(testDatabases)('/api/reports on $name', (target) => {
  let t: TestApp;
  let f: AccessFixture;
  let close: () => Promise<void>;
  let own: string;

  beforeAll(async () => {
    const db = await target.create();
    t = await createTestApp({ db });
    f = await seedAccessFixture(t.deps);
    own = f.agencies.ownAgency;
    t.clock.set('2025-06-02T02:00:00Z');
    await enterRequest(t.deps, await principalOfRole(t.deps, f, 'handler'), own, { fields: personFields({ name: '欧阳娜娜' }) });
    t.clock.set('2026-03-02T02:00:00Z');
    close = async () => {
      await t.close();
      await db.close();
    };
  });
  afterAll(() => close?.());

  it('answers the compiled report in the JSON contract with findings, prose and how each cell is counted', async () => {
    const c = await t.loginAs(f.users.handler.username, f.password);
    const res = await c.get(`/api/reports/${own}/2025`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      tables: { table3: Record<string, number[]>; table4: number[] };
      sections: { key: string; text: string }[];
      provenance: { cells: { table3: Record<string, string> } };
      findings: unknown;
    };
    expect(body).toMatchObject({ agencyId: own, year: 2025, format: '2021', hasErrors: false, closure: null, provenance: { source: 'records', table2: 'registers' } });
    expect(body.tables.table3.newReceived).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(body.tables.table3.carriedForward).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(body.tables.table4).toHaveLength(15);
    expect(body.sections.find((s) => s.key === 'requests')!.text).toContain('结转下年度继续办理1件');
    expect(body.provenance.cells.table3.carriedForward).toContain('2025年12月31日以前收到');
    expect(Array.isArray(body.findings)).toBe(true);
  });

  it('lists a cell’s requests with the applicant masked', async () => {
    const c = await t.loginAs(f.users.handler.username, f.password);
    const res = await c.get(`/api/reports/${own}/2025/cells?table=table3&row=carriedForward&column=0`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { total: number; requests: Record<string, unknown>[]; definition: string };
    expect(body.total).toBe(1);
    expect(body.requests[0]).toMatchObject({ applicantName: '欧阳**', applicantKind: 'naturalPerson' });
    expect(Object.keys(body.requests[0]!)).not.toContain('idNumber');
    expect((await c.get(`/api/reports/${own}/2025/cells?table=table3&row=carriedForward&column=99`)).statusCode).toBe(400);
  });

  it('closes the year (head), serves it frozen, and reopens it (administrator, with a reason)', async () => {
    const head = await t.loginAs(f.users.head.username, f.password);
    const closed = await head.post(`/api/reports/${own}/2025/close`);
    expect(closed.statusCode).toBe(201);
    expect(closed.json()).toMatchObject({ provenance: { source: 'frozen' }, closure: { closedByName: '测试head' } });
    expect((await head.post(`/api/reports/${own}/2025/close`)).statusCode).toBe(409);
    expect((await head.get(`/api/reports/${own}/2025`)).json()).toMatchObject({ provenance: { source: 'frozen' } });
    const admin = await t.loginAs(f.users.admin.username, f.password);
    expect((await admin.post(`/api/reports/${own}/2025/reopen`, {})).statusCode).toBe(400);
    const reopened = await admin.post(`/api/reports/${own}/2025/reopen`, { reason: '补录后重新编制' });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ year: 2025, reopenReason: '补录后重新编制' });
    const closures = (await head.get(`/api/reports/${own}/closures`)).json() as { closures: { reopenedAt: string | null }[] };
    expect(closures.closures).toHaveLength(1);
    expect(closures.closures[0]!.reopenedAt).not.toBeNull();
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await t.client().get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/reports/{agencyId}/{year}', '/api/reports/{agencyId}/{year}/cells', '/api/reports/{agencyId}/{year}/close']));
  });
});
