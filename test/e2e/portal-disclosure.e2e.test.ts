/**
 * The 政府信息公开 portal in Chromium: every page type passes axe-core with no violation (home,
 * platform, column, 指南, 制度, catalog, document, search results, 年报 list and page, 依申请公开,
 * apply, track, check) and on the error pages (404, 400); with JavaScript off, an item published through the services (as staff) is
 * found with the site's search box and opened, its metadata block and attachment shown.
 */
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/services/authorization.js';
import { addPublicationAttachment, createPublication } from '../../src/services/publications/editing.service.js';
import { getPublicationDetail } from '../../src/services/publications/queries.service.js';
import { closeYear } from '../../src/services/reports/closing.service.js';
import { updatePortalText } from '../../src/services/portal/column.service.js';
import { seedAccessFixture, type AccessFixture } from '../support/access-fixture.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { launchBrowser } from '../support/browser.js';
import { sqliteTestDatabase } from '../support/databases.js';
import { publicationInput, publishNew, reviewAndPublish } from '../support/publication-fixture.js';
import { principalOfRole } from '../support/request-fixture.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
interface AxeResult { violations: { id: string; impact: string; nodes: { html: string; target: string[] }[] }[]; passes: { id: string }[] }

async function axe(page: Page): Promise<AxeResult> {
  await page.addScriptTag({ path: axePath });
  return (await page.evaluate(
    'axe.run(document).then((r) => ({ violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ html: n.html.slice(0, 200), target: n.target })) })), passes: r.passes.map((p) => ({ id: p.id })) }))',
  )) as AxeResult;
}

describe('政府信息公开 portal in Chromium', () => {
  let t: TestApp;
  let closeDb: () => Promise<void>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let f: AccessFixture;
  let handler: Principal;
  let head: Principal;
  let docId: string;

  beforeAll(async () => {
    const db = await sqliteTestDatabase.create();
    closeDb = () => db.close();
    t = await createTestApp({ db });
    f = await seedAccessFixture(t.deps);
    handler = await principalOfRole(t.deps, f, 'handler');
    head = await principalOfRole(t.deps, f, 'head');
    const own = f.agencies.ownAgency;
    for (let i = 1; i <= 25; i++) {
      await publishNew(t.deps, handler, head, own, {
        title: `关于做好第${i}批城乡低保资金发放工作的通知`, documentNumber: `甲教发〔2026〕${i}号`, topic: i % 2 ? '16' : '10', article20Item: 11,
        summary: `第${i}批低保资金发放安排`, bodyHtml: `<p>各镇乡（街道）：</p><p>现将第${i}批城乡低保资金发放工作有关事项通知如下。</p>`,
      });
    }
    const withFile = await createPublication(t.deps, handler, publicationInput(own, { title: '关于公布2026年义务教育阶段学校招生范围的通告', genre: 'publicNotice', topic: '10' }));
    await addPublicationAttachment(t.deps, handler, withFile.id, { version: withFile.version, fileName: '招生范围一览表.txt', content: new TextEncoder().encode('学校,范围\n') });
    docId = (await reviewAndPublish(t.deps, handler, head, (await getPublicationDetail(t.deps, handler, withFile.id)).publication)).id;
    await closeYear(t.deps, await principalOfRole(t.deps, f, 'admin'), own, 2025);
    await updatePortalText(t.deps, head, own, 'guide.intro', '本指南由甲区教育委员会编制。\n\n每年更新一次。');
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    page = await context.newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await closeDb?.();
  });

  it('has no accessibility violations on any page type (axe-core)', async () => {
    const own = f.agencies.ownAgency;
    const pages = [
      '/', '/zwgk', `/zwgk/${own}`, `/zwgk/${own}/guide`, `/zwgk/${own}/system`, `/zwgk/${own}/catalog`, `/zwgk/${own}/catalog?topic=16&page=2`,
      `/zwgk/doc/${docId}`, '/search', '/search?q=低保', '/search?q=没有这样的词语', `/zwgk/${own}/reports`, `/zwgk/${own}/reports/2025`,
      `/zwgk/${own}/apply`, '/apply', '/track', '/check',
    ];
    const audit = await browser.newContext({ bypassCSP: true, locale: 'zh-CN' });
    try {
      const p = await audit.newPage();
      const seenRules = new Set<string>();
      for (const url of pages) {
        const res = await p.goto(`${base}${url}`);
        expect(res?.status(), url).toBe(200);
        const result = await axe(p);
        expect(result.violations, url).toEqual([]);
        for (const r of result.passes) seenRules.add(r.id);
      }
      for (const rule of ['color-contrast', 'label', 'landmark-one-main', 'page-has-heading-one', 'heading-order', 'bypass', 'link-name', 'th-has-data-cells']) expect(seenRules).toContain(rule);
    } finally {
      await audit.close();
    }
  });

  it('has no accessibility violations on the error pages (404, 400), each saying what went wrong', async () => {
    const own = f.agencies.ownAgency;
    // a missing item, agency or page (404), a bad filter on the catalog (400, the error page) and on the
    // search (400, the search form with the message)
    const errorPages: [url: string, status: number, text: string][] = [
      ['/zwgk/doc/no-such-item', 404, 'NOT_FOUND'], ['/zwgk/no-such-agency/catalog', 404, 'NOT_FOUND'], ['/no-such-page', 404, 'NOT_FOUND'],
      [`/zwgk/${own}/catalog?year=abc`, 400, 'REQUEST_INVALID'], ['/search?year=abc', 400, '年份应为'],
    ];
    const audit = await browser.newContext({ bypassCSP: true, locale: 'zh-CN' });
    try {
      const p = await audit.newPage();
      for (const [url, status, text] of errorPages) {
        const res = await p.goto(`${base}${url}`);
        expect(res?.status(), url).toBe(status);
        expect(await p.locator('main').innerText(), url).toContain(text);
        expect(await p.getByRole('heading', { level: 1 }).count(), url).toBe(1);
        const result = await axe(p);
        expect(result.violations, url).toEqual([]);
        expect(result.passes.map((r) => r.id), url).toEqual(expect.arrayContaining(['landmark-one-main', 'page-has-heading-one', 'color-contrast']));
      }
    } finally {
      await audit.close();
    }
  });

  it('finds an item published by staff with the search box, without JavaScript, and opens it', async () => {
    const published = await publishNew(t.deps, handler, head, f.agencies.ownAgency, {
      title: '关于开展2026年粮食安全宣传周活动的通知', documentNumber: '甲教发〔2026〕88号', topic: '05', article20Item: 3,
      summary: '粮食安全宣传周活动安排', bodyHtml: '<p>为增强全社会节粮意识，决定开展粮食安全宣传周活动。</p>',
    });
    await page.goto(`${base}/zwgk`);
    await page.getByRole('searchbox', { name: '全文检索' }).fill('粮食安全宣传周');
    await page.getByRole('button', { name: '检索' }).click();
    await page.getByRole('heading', { level: 2, name: '检索结果' }).waitFor();
    expect(await page.getByRole('status').innerText()).toContain('共找到 1 条');
    const result = page.getByRole('link', { name: '关于开展2026年粮食安全宣传周活动的通知' });
    expect(await result.locator('mark').first().innerText()).toBe('粮食安全宣传周');
    await result.click();
    await page.getByRole('heading', { level: 1, name: '关于开展2026年粮食安全宣传周活动的通知' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/zwgk/doc/${published.id}`);
    const meta = await page.locator('dl.meta-block').innerText();
    for (const text of [published.indexNumber!, '甲教发〔2026〕88号', '甲区教育委员会', '农业、林业、水利', '有效']) expect(meta).toContain(text);

    // 文号 in another bracket style finds it first
    await page.goto(`${base}/search?q=${encodeURIComponent('甲教发[2026]88号')}`);
    expect(await page.locator('.item-list .item-title a').first().innerText()).toBe('关于开展2026年粮食安全宣传周活动的通知');

    // the catalog lists it, and the document with an attachment offers the file
    await page.goto(`${base}/zwgk/${f.agencies.ownAgency}/catalog?topic=05`);
    expect(await page.getByRole('table').getByRole('link').allInnerTexts()).toEqual(['关于开展2026年粮食安全宣传周活动的通知']);
    await page.goto(`${base}/zwgk/doc/${docId}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '招生范围一览表.txt' }).click()]);
    expect(download.suggestedFilename()).toBe('招生范围一览表.txt');
  });

  it('pages through a catalog and reads the annual report with its downloads', async () => {
    await page.goto(`${base}/zwgk/${f.agencies.ownAgency}/catalog`);
    await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '下一页' }).click();
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    await page.goto(`${base}/zwgk/${f.agencies.ownAgency}/reports`);
    await page.getByRole('link', { name: /2025年政府信息公开工作年度报告/ }).click();
    expect(await page.getByRole('table').count()).toBeGreaterThanOrEqual(3);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Word 文档（DOCX）' }).click()]);
    expect(download.suggestedFilename()).toBe('甲区教育委员会2025年政府信息公开工作年度报告.docx');
  });
});
