/**
 * The staff console in Chromium, 主动公开 side: a handler writes an item in the editor and submits
 * it; the publish button appears only after the 机关负责人 recorded both reviews (保密审查, 发布审查)
 * from the review queue; publishing gives the 索引号; table-二 figures are entered on the registers
 * screen — and axe-core on each screen. The published item is then found with the public portal's search
 * and opened there with its 索引号.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture, type AccessFixture } from '../support/access-fixture.js';
import { choose, expectAccessible, login, startConsoleServer, type ConsoleServer } from './console-harness.js';

let s: ConsoleServer;
let f: AccessFixture;
const title = '甲区教育委员会关于2026年义务教育阶段招生工作的通知';

beforeAll(async () => {
  s = await startConsoleServer(async (t) => {
    f = await seedAccessFixture(t.deps);
  });
}, 180_000);
afterAll(() => s?.close());

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const api = async (username: string) => s.t.loginAs(username, f.password);
const publicationId = async () => {
  const c = await api(f.users.handler.username);
  const page = (await c.get(`/api/publications?agencyId=${f.agencies.ownAgency}`)).json() as { items: { id: string; title: string }[] };
  return page.items.find((i) => i.title === title)?.id;
};
const detail = async (id: string) => (await (await api(f.users.handler.username)).get(`/api/publications/${id}`)).json() as {
  publication: { status: string; indexNumber: string | null }; open: { version: { status: string } } | null;
};

describe('staff console: proactive disclosure', () => {
  it('lets a handler write an item in the editor and submit it for review', async () => {
    const { page } = await s.open('/console/publications');
    await login(page, f.users.handler.username, f.password);
    await expect.poll(() => heading(page).textContent()).toBe('主动公开信息');
    await expectAccessible(page, 'catalog');
    await page.getByRole('button', { name: '新建信息' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('新建主动公开信息');
    await page.getByRole('textbox', { name: '标题' }).fill(title);
    await page.getByLabel('文号').fill('甲教发〔2026〕3号');
    await choose(page, '文件类型', '行政规范性文件');
    const body = page.getByRole('textbox', { name: '正文' });
    await body.click();
    await page.keyboard.type('各学校：现将2026年招生工作有关事项通知如下。');
    await expectAccessible(page, 'editor');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => heading(page).textContent()).toBe(title);
    const id = await publicationId();
    expect(id).toBeDefined();
    await expect(page.getByText('各学校：现将2026年招生工作有关事项通知如下。').count()).resolves.toBe(1);
    await expect(page.getByText('尚不能发布').count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: '发布', exact: true }).count()).resolves.toBe(0);
    await expectAccessible(page, 'publication (draft)');

    await page.getByRole('button', { name: '提交审查' }).click();
    await page.getByRole('dialog', { name: '提交审查' }).getByRole('button', { name: '确定' }).click();
    await expect.poll(async () => (await detail(id!)).open?.version.status).toBe('submitted');
    // the author is not a reviewer (and the default policy gives reviews to the 机关负责人)
    await expect(page.getByRole('button', { name: '登记审查意见' }).count()).resolves.toBe(0);
  });

  it('lets the 机关负责人 record both reviews from the queue; then the handler publishes and gets the 索引号', async () => {
    const id = (await publicationId())!;
    const head = await s.open('/console/publications/review');
    await login(head.page, f.users.head.username, f.password);
    await expect.poll(() => heading(head.page).textContent()).toBe('审查队列');
    await expectAccessible(head.page, 'review queue');
    await head.page.getByRole('link', { name: title }).click();
    for (const kind of ['保密审查', '发布审查']) {
      await head.page.getByRole('button', { name: '登记审查意见' }).click();
      const dialog = head.page.getByRole('dialog', { name: '登记审查意见' });
      await choose(dialog, '审查类别', kind);
      await dialog.getByLabel('审查意见').fill(`${kind}同意。`);
      await dialog.getByRole('button', { name: '确定' }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
    }
    await expect.poll(async () => (await detail(id)).open?.version.status).toBe('approved');

    const { page } = await s.open(`/console/publications/${id}`);
    await login(page, f.users.handler.username, f.password);
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByRole('dialog', { name: '发布' }).getByRole('button', { name: '确定' }).click();
    await expect.poll(async () => (await detail(id)).publication.status).toBe('published');
    const indexNumber = (await detail(id)).publication.indexNumber;
    expect(indexNumber).toBeTruthy();
    await expect.poll(() => page.getByText(indexNumber!, { exact: true }).count()).toBe(1);
    await page.getByRole('tab', { name: /审查意见/ }).click();
    await expect(page.getByText('保密审查同意。').count()).resolves.toBe(1);
    await expectAccessible(page, 'publication (published)');

    // published through the console, the item is on the public portal at once: found by the site search
    // (the query marked in its title) and opened with its 索引号
    const word = '义务教育阶段招生';
    const results = await page.goto(`${s.baseUrl}/search?q=${encodeURIComponent(word)}`);
    expect(results?.status()).toBe(200);
    expect(await page.getByRole('status').innerText()).toContain('共找到 1 条');
    const hit = page.locator('.item-list .item-title a');
    await expect(hit.count()).resolves.toBe(1);
    expect(await hit.innerText()).toBe(title);
    expect(await hit.getAttribute('href')).toBe(`/zwgk/doc/${id}`);
    expect(await hit.locator('mark').allInnerTexts()).toEqual([word]);
    await hit.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/zwgk/doc/${id}`);
    const meta = await page.locator('dl.meta-block').innerText();
    for (const text of [indexNumber!, '甲教发〔2026〕3号']) expect(meta).toContain(text);
    await expect(page.getByText('各学校：现将2026年招生工作有关事项通知如下。').count()).resolves.toBe(1);
  });

  it('shows the deadline dashboard and records a table-二 figure', async () => {
    const { page } = await s.open('/console/publications/deadlines');
    await login(page, f.users.handler.username, f.password);
    await expect.poll(() => heading(page).textContent()).toBe('公开期限提醒');
    await expectAccessible(page, 'deadlines');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '表二登记数字' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('表二登记数字');
    await page.getByLabel('行政许可处理决定数量').fill('37');
    await page.getByRole('button', { name: '保存：行政许可' }).click();
    const c = await api(f.users.handler.username);
    await expect.poll(async () => ((await c.get(`/api/registers?agencyId=${f.agencies.ownAgency}&year=2026`)).json() as { figures: { kind: string; decisionCount: number | null }[] })
      .figures.find((x) => x.kind === 'licensing')?.decisionCount).toBe(37);
    await expectAccessible(page, 'registers');
  });

  it('shows table 二 on the report screen, drillable to the published document and the register figure', async () => {
    const { page } = await s.open('/console/reports');
    await login(page, f.users.handler.username, f.password);
    const licensing = page.getByRole('button', { name: /^行政许可 · .*：37（查看明细）$/ });
    await licensing.waitFor();
    await expectAccessible(page, 'report with table 二');
    await licensing.click();
    const drawer = page.getByRole('dialog');
    await expect.poll(() => drawer.getByRole('cell', { name: '37', exact: true }).count()).toBe(1);
    await drawer.getByRole('button', { name: 'Close' }).or(drawer.getByRole('button', { name: '关闭' })).first().click();
    const made = page.getByRole('button', { name: /^行政规范性文件 · .*本年制发件数：1（查看明细）$/ });
    await made.click();
    await expect.poll(() => page.getByRole('dialog').getByRole('link', { name: title }).count()).toBe(1);
  });

  it('lets an administrator add a 主题分类 term, which then appears in the editor', async () => {
    const { page } = await s.open('/console/publications/settings');
    await login(page, f.users.admin.username, f.password);
    await expect.poll(() => heading(page).textContent()).toBe('主动公开设置');
    await page.getByLabel('新代码').fill('edu-enroll');
    await page.getByRole('textbox', { name: /^名称 ?:?$/ }).fill('招生入学');
    await page.getByRole('button', { name: '添加' }).click();
    await page.getByRole('textbox', { name: '名称：edu-enroll' }).waitFor();
    await expectAccessible(page, 'publication settings');
    const c = await api(f.users.handler.username);
    const terms = (await c.get('/api/publications/settings/vocabularies?vocabulary=topic')).json() as { terms: { code: string; label: string }[] };
    expect(terms.terms).toContainEqual(expect.objectContaining({ code: 'edu-enroll', label: '招生入学' }));
    await page.goto(`${s.baseUrl}/console/publications/new`);
    await choose(page, '主题分类', '招生入学');
  });
});
