/**
 * Publishing over HTTP (app.inject) on SQLite and PostgreSQL: the API never publishes without both
 * approvals — not with a forged body, not before review, not by the author reviewing; multipart
 * attachments; the register import (multipart) and the template download round trip; OpenAPI.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture, type AccessFixture } from '../../support/access-fixture.js';
import { createTestApp, type TestApp, type TestClient } from '../../support/app.js';
import { testDatabases } from '../../support/databases.js';

function multipart(file: { name: string; type: string; bytes: Uint8Array }, fields: Record<string, string> = {}) {
  const boundary = '----gkboundary7MA4YWxkTrZu0gW';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), Buffer.from(file.bytes), Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(testDatabases)('publications over HTTP on $name', (target) => {
  let t: TestApp;
  let f: AccessFixture;
  let handler: TestClient;
  let head: TestClient;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const db = await target.create();
    t = await createTestApp({ db });
    f = await seedAccessFixture(t.deps);
    handler = await t.loginAs(f.users.handler.username, f.password);
    head = await t.loginAs(f.users.head.username, f.password);
    close = async () => {
      await t.close();
      await db.close();
    };
  });
  afterAll(() => close?.());

  const body = (over: Record<string, unknown> = {}) => ({
    agencyId: f.agencies.ownAgency, title: '关于公布2026年第一批行政许可事项的通知', bodyHtml: '<p>全文</p><img src=x onerror=alert(1)>',
    documentNumber: '甲教发〔2026〕5号', writtenOn: '2026-02-27', formedOn: '2026-02-27', topic: '10', genre: 'notice', docType: 'normativeDocument', ...over,
  });
  const act = (c: TestClient, id: string, action: string, payload: Record<string, unknown>) => c.post(`/api/publications/${id}/actions/${action}`, payload);

  it('publishes only after both reviews; forged fields, early publishing and self-review are refused', async () => {
    // fields the schemas do not know are dropped: a forged status publishes nothing
    const created = await handler.post('/api/publications', body({ status: 'published', indexNumber: 'X/2026-99999' }));
    expect(created.statusCode).toBe(201);
    let p = created.json() as { id: string; version: number; status: string; indexNumber: string | null };
    expect(p).toMatchObject({ status: 'draft', indexNumber: null });
    const forged = await handler.patch(`/api/publications/${p.id}`, { version: p.version, status: 'published', publishedVersionId: 'x' });
    expect(forged.json()).toMatchObject({ status: 'draft', publishedVersionId: null });
    p = forged.json();
    expect((await handler.patch(`/api/publications/${p.id}`, { version: p.version, docType: 'law' })).statusCode).toBe(400);
    const early = await act(handler, p.id, 'publish', { version: p.version, status: 'approved' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: { code: 'REVIEW_REQUIRED' } });

    const file = multipart({ name: '许可事项目录.txt', type: 'text/plain', bytes: new TextEncoder().encode('许可事项目录') }, { version: String(p.version) });
    const up = await handler.post(`/api/publications/${p.id}/attachments`, file.payload, { headers: file.headers });
    expect(up.statusCode).toBe(201);
    const attachment = up.json() as { id: string; sha256: string };
    const download = await handler.get(`/api/publication-attachments/${attachment.id}/file`);
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('许可事项目录');
    const fake = multipart({ name: 'x.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('not a pdf') }, { version: String(p.version + 1) });
    expect((await handler.post(`/api/publications/${p.id}/attachments`, fake.payload, { headers: fake.headers })).statusCode).toBe(415);

    p = (await handler.get(`/api/publications/${p.id}`)).json().publication;
    p = (await act(handler, p.id, 'submit', { version: p.version })).json();
    expect((await act(handler, p.id, 'review', { version: p.version, kind: 'release', decision: 'approved' })).statusCode).toBe(403);
    expect((await act(head, p.id, 'review', { version: p.version, kind: 'both', decision: 'approved' })).statusCode).toBe(400);
    p = (await act(head, p.id, 'review', { version: p.version, kind: 'release', decision: 'approved', opinion: '同意' })).json();
    expect((await act(handler, p.id, 'publish', { version: p.version })).statusCode).toBe(409);
    p = (await act(head, p.id, 'review', { version: p.version, kind: 'confidentiality', decision: 'approved', opinion: '不涉密' })).json();
    const done = await act(handler, p.id, 'publish', { version: p.version });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'published', indexNumber: expect.stringMatching(/\/2026-00001$/) });
    const detail = (await handler.get(`/api/publications/${p.id}`)).json() as { versions: { bodyHtml: string }[]; open: unknown };
    expect(detail.versions[0]!.bodyHtml).toBe('<p>全文</p>');
    expect(detail.open).toBeNull();

    // the head drafting is not the head reviewing
    const own = (await head.post('/api/publications', body({ title: '负责人起草' }))).json() as { id: string; version: number };
    const sub = (await act(head, own.id, 'submit', { version: own.version })).json() as { version: number };
    const self = await act(head, own.id, 'review', { version: sub.version, kind: 'confidentiality', decision: 'approved' });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toContain('审查与起草分离');
  });

  it('lists the catalog, the review queue and the deadlines, within reach', async () => {
    const cat = (await handler.get('/api/publications?status=published')).json() as { items: { agencyId: string }[]; total: number };
    expect(cat.total).toBeGreaterThanOrEqual(1);
    expect((await handler.get(`/api/publications?agencyId=${f.agencies.otherAgency}`)).json()).toMatchObject({ total: 0, items: [] });
    expect((await head.get('/api/publications/review-queue')).statusCode).toBe(200);
    const d = (await handler.get('/api/publications/deadlines?all=true')).json() as { items: { title: string }[] };
    expect(d.items.map((i) => i.title)).toContain('负责人起草');
    const vocab = (await handler.get('/api/publications/settings/vocabularies?vocabulary=genre')).json() as { terms: { code: string; label: string }[] };
    expect(vocab.terms.find((x) => x.code === 'notice')?.label).toBe('通知');
  });

  it('imports register figures from an uploaded spreadsheet and serves the template', async () => {
    const tpl = await handler.get(`/api/registers/template?agencyId=${f.agencies.ownAgency}&year=2025`);
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(2).getCell(1).value).toBe('甲区教育委员会');
    const up = multipart({ name: '模板.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: tpl.rawPayload });
    const r = await handler.post('/api/registers/import', up.payload, { headers: up.headers });
    expect(r.json()).toMatchObject({ imported: true, count: 4, findings: [] });
    const bad = multipart({ name: 'bad.csv', type: 'text/csv', bytes: new TextEncoder().encode('机关,年度,类别,处理决定数量\n甲区教育委员会,2025,行政许可,1\n甲区教育委员会,2025,行政处罚,x\n') });
    const refused = (await handler.post('/api/registers/import', bad.payload, { headers: bad.headers })).json() as { imported: boolean; findings: { line: number; code: string; message: string }[] };
    expect(refused.imported).toBe(false);
    expect(refused.findings).toEqual([expect.objectContaining({ line: 3, code: 'REG-NUMBER', message: expect.stringContaining('不是非负整数') })]);
    const figures = (await handler.get(`/api/registers?year=2025&agencyId=${f.agencies.ownAgency}`)).json() as { figures: { kind: string; decisionCount: number | null }[] };
    expect(figures.figures.find((x) => x.kind === 'licensing')?.decisionCount).toBe(120);
    const report = (await handler.get(`/api/reports/${f.agencies.ownAgency}/2025`)).json() as { tables: { table2: Record<string, unknown> } };
    expect(report.tables.table2).toMatchObject({ licensing: 120, penalty: 35, enforcement: 0, feesWan: 12.35 });
  });

  it('documents every route in OpenAPI', async () => {
    const doc = (await handler.get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    for (const path of ['/api/publications', '/api/publications/{publicationId}/actions/publish', '/api/publications/deadlines', '/api/registers/import', '/api/registers/template']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
