/**
 * The portal settings over the API, on both dialects: an agency's column texts (指南 paragraphs,
 * 制度) read by its staff and written by head/supervisor/admin — the portal page changes at once
 * (the page cache is keyed by the data version the write bumps), an empty text brings the built-in
 * wording back, bad input is a Chinese 400 — and the search synonym groups (administrator): a group
 * makes one name find the other, removing it stops that.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditEvents } from '../../../src/db/audit.repository.js';
import { seedAccessFixture, type AccessFixture } from '../../support/access-fixture.js';
import { createTestApp, type TestApp, type TestClient } from '../../support/app.js';
import { testDatabases } from '../../support/databases.js';
import { publishNew } from '../../support/publication-fixture.js';
import { principalOfRole } from '../../support/request-fixture.js';

interface Texts {
  agency: { id: string; name: string };
  texts: { key: string; label: string; body: string; updatedAt: string | null; updatedBy: string | null; pageUrl: string }[];
  canEdit: boolean;
  guideUrl: string;
  systemUrl: string;
  maxLength: number;
}

describe.each(testDatabases)('portal settings API on $name', (target) => {
  let t: TestApp;
  let f: AccessFixture;
  let head: TestClient;
  let handler: TestClient;
  let admin: TestClient;
  let closeDb: () => Promise<void>;
  const page = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

  beforeAll(async () => {
    const db = await target.create();
    closeDb = () => db.close();
    t = await createTestApp({ db });
    f = await seedAccessFixture(t.deps);
    head = await t.loginAs(f.users.head.username, f.password);
    handler = await t.loginAs(f.users.handler.username, f.password);
    admin = await t.loginAs(f.users.admin.username, f.password);
  });
  afterAll(async () => {
    await t?.close();
    await closeDb?.();
  });

  it('edits the 指南 paragraphs and the 制度 text; the portal pages change at once; an empty text restores the default', async () => {
    const a = f.agencies.ownAgency;
    const initial = (await head.get(`/api/portal-texts/${a}`)).json() as Texts;
    expect(initial.agency.name).toBe('甲区教育委员会');
    expect(initial.canEdit).toBe(true);
    expect(initial.texts.map((x) => x.key)).toEqual(['guide.intro', 'guide.scope', 'guide.access', 'guide.request', 'guide.remedy', 'system']);
    expect(initial.texts.every((x) => x.body === '' && x.updatedAt === null)).toBe(true);
    expect(initial.guideUrl).toBe(`/zwgk/${a}/guide`);
    expect(initial.texts.find((x) => x.key === 'system')?.pageUrl).toBe(`/zwgk/${a}/system`);

    // warm the page cache, then edit: the next answer is the new page (another ETag)
    const before = await page(`/zwgk/${a}/guide`);
    expect(before.body).toContain('主动公开涉及公众利益调整');
    const res = await head.put(`/api/portal-texts/${a}/guide.scope`, { body: '本机关主动公开教育收费标准。\r\n\r\n  以及招生政策。  ' });
    expect(res.statusCode).toBe(200);
    const saved = (res.json() as Texts).texts.find((x) => x.key === 'guide.scope')!;
    expect(saved).toMatchObject({ body: '本机关主动公开教育收费标准。\n\n  以及招生政策。', updatedBy: '测试head' });
    expect(saved.updatedAt).not.toBeNull();
    const after = await page(`/zwgk/${a}/guide`);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body).toContain('<p>本机关主动公开教育收费标准。</p>');
    expect(after.body).toContain('<p>以及招生政策。</p>');
    expect(after.body).not.toContain('主动公开涉及公众利益调整');

    const system = await page(`/zwgk/${a}/system`);
    await head.put(`/api/portal-texts/${a}/system`, { body: '第一条 为规范本机关政府信息公开工作，制定本制度。' });
    const systemAfter = await page(`/zwgk/${a}/system`);
    expect(systemAfter.headers.etag).not.toBe(system.headers.etag);
    expect(systemAfter.body).toContain('第一条 为规范本机关政府信息公开工作，制定本制度。');

    // the texts are escaped on the page (plain text, never HTML)
    await head.put(`/api/portal-texts/${a}/guide.access`, { body: '<script>alert(1)</script>查阅室' });
    expect((await page(`/zwgk/${a}/guide`)).body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;查阅室');

    const cleared = (await head.put(`/api/portal-texts/${a}/guide.scope`, { body: '   ' })).json() as Texts;
    expect(cleared.texts.find((x) => x.key === 'guide.scope')).toMatchObject({ body: '', updatedAt: null });
    expect((await page(`/zwgk/${a}/guide`)).body).toContain('主动公开涉及公众利益调整');

    const events = await findAuditEvents(t.deps.db, { agencyIds: 'all', action: 'portal.text.update', limit: 10 });
    expect(events.map((e) => e.entityId)).toContain(`${a}/guide.scope`);
  });

  it('lets the handler read but not write; refuses other agencies, unknown keys and texts that are too long', async () => {
    const a = f.agencies.ownAgency;
    const read = (await handler.get(`/api/portal-texts/${a}`)).json() as Texts;
    expect(read.canEdit).toBe(false);
    const denied = await handler.put(`/api/portal-texts/${a}/guide.intro`, { body: '经办人改的' });
    expect([denied.statusCode, denied.json().error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await head.get(`/api/portal-texts/${f.agencies.otherAgency}`)).statusCode).toBe(404);
    expect((await head.put(`/api/portal-texts/${f.agencies.otherAgency}/guide.intro`, { body: 'x' })).statusCode).toBe(404);
    const unknown = await head.put(`/api/portal-texts/${a}/guide.nope`, { body: 'x' });
    expect(unknown.statusCode).toBe(400);
    const long = await head.put(`/api/portal-texts/${a}/guide.intro`, { body: '字'.repeat(20_001) });
    expect([long.statusCode, long.json().error.code]).toEqual([400, 'REQUEST_INVALID']);
    expect(long.json().error.message).toContain('不能超过 20000 个字');
    expect((await admin.get('/api/portal-texts/no-such-agency')).statusCode).toBe(404);
  });

  it('manages synonym groups (administrator): one name then finds documents written with the other', async () => {
    const handlerP = await principalOfRole(t.deps, f, 'handler');
    const headP = await principalOfRole(t.deps, f, 'head');
    await publishNew(t.deps, handlerP, headP, f.agencies.ownAgency, { title: '区科学技术委员会关于科技项目申报的通知' });
    const search = async (q: string) => (await page(`/search?q=${encodeURIComponent(q)}`)).body;
    expect(await search('区科委')).not.toContain('科技项目申报');

    expect((await head.get('/api/search/synonyms')).statusCode).toBe(403);
    const bad = await admin.post('/api/search/synonyms', { phrases: ['只有一个'] });
    expect([bad.statusCode, bad.json().error.message]).toEqual([400, expect.stringContaining('2 至 20 个名称')]);
    const created = await admin.post('/api/search/synonyms', { phrases: ['区科委', ' 区科学技术委员会 ', '区科委'] });
    expect(created.statusCode).toBe(201);
    const group = created.json() as { id: string; phrases: string[] };
    expect(group.phrases).toEqual(['区科委', '区科学技术委员会']);
    expect(((await admin.get('/api/search/synonyms')).json() as { groups: { id: string }[] }).groups.map((g) => g.id)).toContain(group.id);
    expect(await search('区科委')).toContain('科技项目申报');

    expect((await admin.delete(`/api/search/synonyms/${group.id}`)).statusCode).toBe(204);
    expect(await search('区科委')).not.toContain('科技项目申报');
    expect((await admin.delete(`/api/search/synonyms/${group.id}`)).statusCode).toBe(404);
  });
});
