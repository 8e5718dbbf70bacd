/**
 * The portal's 政府信息公开 pages over HTTP: validators and 304s, cache lifetimes, the same security
 * headers as the rest of the site, invalidation when something is published or a text edited,
 * the sitemap, bad input answered with a page (never a crash), downloads named properly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../../src/services/authorization.js';
import { updatePortalText } from '../../../src/services/portal/column.service.js';
import { createPublication } from '../../../src/services/publications/editing.service.js';
import { publishVersion, recordReview, setValidity, submitForReview } from '../../../src/services/publications/workflow.service.js';
import { closeYear } from '../../../src/services/reports/closing.service.js';
import { seedAccessFixture, type AccessFixture } from '../../support/access-fixture.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import { sqliteTestDatabase } from '../../support/databases.js';
import { publicationInput, publishNew } from '../../support/publication-fixture.js';
import { principalOfRole } from '../../support/request-fixture.js';

describe('portal 政府信息公开 pages over HTTP', () => {
  let t: TestApp;
  let closeDb: () => Promise<void>;
  let f: AccessFixture;
  let handler: Principal;
  let head: Principal;
  let first: string;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...headers } });

  beforeAll(async () => {
    const db = await sqliteTestDatabase.create();
    closeDb = () => db.close();
    t = await createTestApp({ db });
    f = await seedAccessFixture(t.deps);
    handler = await principalOfRole(t.deps, f, 'handler');
    head = await principalOfRole(t.deps, f, 'head');
    first = (await publishNew(t.deps, handler, head, f.agencies.ownAgency, { title: '关于调整城乡低保标准的通知' })).id;
  });
  afterAll(async () => {
    await t?.close();
    await closeDb?.();
  });

  it('sends validators, answers 304 to a client that has the page, and keeps lists shorter than documents', async () => {
    const list = await get('/zwgk');
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('public, max-age=60');
    const etag = String(list.headers.etag);
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect(Date.parse(String(list.headers['last-modified']))).not.toBeNaN();
    expect((await get('/zwgk', { 'if-none-match': etag })).statusCode).toBe(304);
    expect((await get('/zwgk', { 'if-none-match': `W/${etag}` })).statusCode).toBe(304);
    expect((await get('/zwgk', { 'if-modified-since': String(list.headers['last-modified']) })).statusCode).toBe(304);
    expect((await get('/zwgk', { 'if-none-match': '"other"' })).statusCode).toBe(200);
    const doc = await get(`/zwgk/doc/${first}`);
    expect(doc.headers['cache-control']).toBe('public, max-age=300');
  });

  it('carries the same security headers as every other page, also when answering 404', async () => {
    const reference = await t.app.inject({ method: 'GET', url: '/healthz' });
    for (const url of ['/zwgk', `/zwgk/doc/${first}`, '/search?q=低保', '/zwgk/no-such-agency/catalog', '/zwgk/doc/no-such-item']) {
      const res = await get(url);
      for (const h of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'cross-origin-opener-policy']) {
        expect(res.headers[h], `${url} ${h}`).toBe(reference.headers[h]);
      }
    }
    const missing = await get('/zwgk/no-such-agency/catalog');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('NOT_FOUND');
  });

  it('shows a new publication and an edited text at once (a new data version)', async () => {
    const before = await get('/zwgk');
    await publishNew(t.deps, handler, head, f.agencies.ownAgency, { title: '关于开展春季森林防火检查的通知', documentNumber: '甲教发〔2026〕9号' });
    const after = await get('/zwgk');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body).toContain('关于开展春季森林防火检查的通知');
    expect((await get('/zwgk', { 'if-none-match': String(before.headers.etag) })).statusCode).toBe(200);
    expect((await get('/search?q=森林防火')).body).toContain('<mark>森林防火</mark>');

    await updatePortalText(t.deps, head, f.agencies.ownAgency, 'guide.access', '也可以到区档案馆查阅。');
    const guide = await get(`/zwgk/${f.agencies.ownAgency}/guide`);
    expect(guide.body).toContain('也可以到区档案馆查阅。');
    for (const label of ['工作机构名称', '办公地址', '办公时间', '联系电话', '传真号码', '互联网联系方式']) expect(guide.body).toContain(label);
    await expect(updatePortalText(t.deps, handler, f.agencies.ownAgency, 'guide.access', 'x')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updatePortalText(t.deps, head, f.agencies.otherAgency, 'guide.access', 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(updatePortalText(t.deps, head, f.agencies.ownAgency, 'guide.nope', 'x')).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
  });

  it('filters the catalog by 体裁, year and 有效性: a matching item is listed, the others are not', async () => {
    const own = f.agencies.ownAgency;
    // a 通告 written, reviewed and published in 2025 (published late, back-dated by its review and publication dates)
    const draft = await createPublication(t.deps, handler, publicationInput(own, {
      title: '关于公布2025年学区划分的通告', genre: 'publicNotice', documentNumber: '甲教发〔2025〕7号', writtenOn: '2025-05-20', formedOn: '2025-05-20',
    }));
    let cur = await submitForReview(t.deps, handler, draft.id, { version: draft.version });
    cur = await recordReview(t.deps, head, draft.id, { version: cur.version, kind: 'confidentiality', decision: 'approved', reviewedOn: '2025-05-26' });
    cur = await recordReview(t.deps, head, draft.id, { version: cur.version, kind: 'release', decision: 'approved', reviewedOn: '2025-05-26' });
    const notice2025 = (await publishVersion(t.deps, handler, draft.id, { version: cur.version, publishedOn: '2025-05-27' })).id;
    // a 通知 of 2026 repealed after publication
    const repealed = await publishNew(t.deps, handler, head, own, { title: '关于印发校车安全管理办法的通知', genre: 'notice', documentNumber: '甲教发〔2026〕5号' });
    await setValidity(t.deps, head, repealed.id, { version: repealed.version, validity: 'repealed', validityEndedOn: '2026-03-01', validityNote: '被甲教发〔2026〕9号废止' });
    // `first` is a 通知 of 2026, valid

    const listed = async (query: string) => {
      const res = await get(`/zwgk/${own}/catalog?${query}`);
      expect(res.statusCode, query).toBe(200);
      return [...res.body.matchAll(/<a href="\/zwgk\/doc\/([^"]+)">/g)].map((m) => m[1]);
    };
    const all = await listed('');
    for (const id of [first, notice2025, repealed.id]) expect(all).toContain(id);

    const genre = await listed('genre=publicNotice');
    expect(genre).toContain(notice2025);
    expect(genre).not.toContain(first);
    expect(genre).not.toContain(repealed.id);
    const notices = await listed('genre=notice');
    expect(notices).toEqual(expect.arrayContaining([first, repealed.id]));
    expect(notices).not.toContain(notice2025);

    expect(await listed('year=2025')).toEqual([notice2025]);
    const year2026 = await listed('year=2026');
    expect(year2026).toEqual(expect.arrayContaining([first, repealed.id]));
    expect(year2026).not.toContain(notice2025);

    expect(await listed('validity=repealed')).toEqual([repealed.id]);
    const valid = await listed('validity=valid');
    expect(valid).toEqual(expect.arrayContaining([first, notice2025]));
    expect(valid).not.toContain(repealed.id);
    expect(await listed('validity=expired')).toEqual([]);

    // filters combine
    expect(await listed('genre=notice&validity=repealed&year=2026')).toEqual([repealed.id]);
    expect(await listed('genre=publicNotice&year=2026')).toEqual([]);
  });

  it('lists the columns and the published items in the sitemap', async () => {
    const index = await get('/sitemap.xml');
    expect(index.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(index.body).toContain('<sitemapindex');
    expect(index.body).toContain('http://localhost:80/sitemap/columns.xml');
    const items = await get('/sitemap/items-1.xml');
    expect(items.body).toContain(`/zwgk/doc/${first}</loc>`);
    const columns = await get('/sitemap/columns.xml');
    for (const part of ['guide', 'system', 'catalog', 'reports', 'apply']) expect(columns.body).toContain(`/zwgk/${f.agencies.ownAgency}/${part}</loc>`);
    expect((await get('/sitemap/items-9.xml')).statusCode).toBe(404);
    expect((await get('/sitemap/other.xml')).statusCode).toBe(404);
  });

  it('answers bad parameters with a page and a message, never a crash', async () => {
    const year = await get('/search?q=低保&year=abc');
    expect(year.statusCode).toBe(400);
    expect(year.body).toContain('年份应为');
    expect(year.headers['cache-control']).toBe('no-store');
    expect((await get('/search?q=低保&page=99999')).statusCode).toBe(400);
    expect((await get('/search?agency=nope&q=x')).statusCode).toBe(400);
    expect((await get(`/zwgk/${f.agencies.ownAgency}/catalog?year=x`)).statusCode).toBe(400);
    expect((await get(`/zwgk/${f.agencies.ownAgency}/catalog?page=0`)).statusCode).toBe(400);
    expect((await get(`/zwgk/${f.agencies.ownAgency}/reports/2025`)).statusCode).toBe(404);
    expect((await get(`/zwgk/${f.agencies.ownAgency}/reports/abcd/download/json`)).statusCode).toBe(404);
  });

  it('serves a closed year as the published annual report, with downloads named after the agency and year', async () => {
    // the list is cached before the year closes: closing must make it stale at once (not after the version check interval)
    expect((await get(`/zwgk/${f.agencies.ownAgency}/reports`)).body).not.toContain('甲区教育委员会2025年政府信息公开工作年度报告');
    await closeYear(t.deps, await principalOfRole(t.deps, f, 'admin'), f.agencies.ownAgency, 2025);
    const list = await get(`/zwgk/${f.agencies.ownAgency}/reports`);
    expect(list.body).toContain('甲区教育委员会2025年政府信息公开工作年度报告');
    const page = await get(`/zwgk/${f.agencies.ownAgency}/reports/2025`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('class="report-table"');
    const json = await get(`/zwgk/${f.agencies.ownAgency}/reports/2025/download/json`);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('甲区教育委员会2025年政府信息公开工作年度报告.json')}`);
    expect(JSON.parse(json.body)).toMatchObject({ year: 2025 });
    const again = await get(`/zwgk/${f.agencies.ownAgency}/reports/2025/download/json`);
    expect(again.headers['content-disposition']).toBe(json.headers['content-disposition']);
    expect((await get(`/zwgk/${f.agencies.ownAgency}/reports/2025/download/exe`)).statusCode).toBe(404);
  });

  it('prints the published annual report as a PDF (Chromium)', async () => {
    const pdf = await get(`/zwgk/${f.agencies.ownAgency}/reports/2025/download/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('甲区教育委员会2025年政府信息公开工作年度报告.pdf')}`);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(10_000);
    expect((await get(`/zwgk/${f.agencies.ownAgency}/reports/2024/download/pdf`)).statusCode).toBe(404);
  }, 60_000);

  it('shows a column with its five fixed parts, each a working page', async () => {
    const own = f.agencies.ownAgency;
    const parts = [
      ['guide', '政府信息公开指南'], ['system', '政府信息公开制度'], ['catalog', '法定主动公开内容'], ['reports', '政府信息公开年报'], ['apply', '依申请公开'],
    ] as const;
    const column = await get(`/zwgk/${own}`);
    expect(column.statusCode).toBe(200);
    const cards = column.body.slice(column.body.indexOf('class="entry-list column-parts"'));
    expect(cards.length).toBeLessThan(column.body.length);
    const cardLinks = [...cards.slice(0, cards.indexOf('</ul>')).matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(cardLinks).toEqual(parts.map(([part, title]) => [`/zwgk/${own}/${part}`, title]));
    for (const [part, title] of parts) {
      const page = await get(`/zwgk/${own}/${part}`);
      expect(page.statusCode, part).toBe(200);
      expect(page.body, part).toContain(`<a href="/zwgk/${own}/${part}" aria-current="page">${title}</a>`);
    }
    // the platform page shows the same parts for each government at the top
    const platform = await get('/zwgk');
    for (const [part, title] of parts) expect(platform.body).toContain(`<a href="/zwgk/${f.agencies.districtA}/${part}">${title}</a>`);
  });
});
