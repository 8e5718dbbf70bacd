/**
 * The staff console in Chromium, request side: the worklist by due date with overdue / due-soon
 * marks and filters, a request page (clock with explanation, actions from allowedActions, letters,
 * timeline), the approval step seen only by the 机关负责人, staff intake with its 查询码, the live
 * tables 三/四 with drill-down, the charts — and axe-core on each screen.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture, type AccessFixture } from '../support/access-fixture.js';
import { companyFields, enterRequest, principalOfRole } from '../support/request-fixture.js';
import { choose, expectAccessible, login, startConsoleServer, type ConsoleServer } from './console-harness.js';

let s: ConsoleServer;
let f: AccessFixture;
const ids: Record<'overdue' | 'running' | 'unconfirmed', string> = { overdue: '', running: '', unconfirmed: '' };

beforeAll(async () => {
  s = await startConsoleServer(async (t) => {
    f = await seedAccessFixture(t.deps);
    const handler = await principalOfRole(t.deps, f, 'handler');
    // the test clock says 2026-03-02: received 2026-01-05 is long overdue, 2026-02-06 still running
    ids.overdue = (await enterRequest(t.deps, handler, f.agencies.ownAgency, { arrivedOn: '2026-01-05' })).request.id;
    ids.running = (await enterRequest(t.deps, handler, f.agencies.ownAgency, { arrivedOn: '2026-02-06', fields: companyFields() })).request.id;
    ids.unconfirmed = (await enterRequest(t.deps, handler, f.agencies.ownAgency, { channel: 'email', arrivedOn: '2026-03-02' })).request.id;
  });
}, 180_000);
afterAll(() => s?.close());

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');
const detailOf = async (id: string) => {
  const c = await s.t.loginAs(f.users.handler.username, f.password);
  return (await c.get(`/api/requests/${id}`)).json() as { request: { status: string; reference: string }; letters: { status: string }[]; allowedActions: string[] };
};

describe('staff console: requests', () => {
  it('shows a handler the worklist by due date with the overdue mark, and filters it', async () => {
    const { page } = await s.open();
    await login(page, f.users.handler.username, f.password);
    await page.getByRole('heading', { name: /依申请公开待办/ }).waitFor();
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '办理工作台' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('依申请公开办理');
    await expect.poll(() => rows(page).count()).toBe(3);
    const first = rows(page).first();
    await expect(first.textContent()).resolves.toContain((await detailOf(ids.overdue)).request.reference);
    await expect(first.textContent()).resolves.toMatch(/逾期 \d+ 个工作日/);
    await expect(first.getByText('逾期', { exact: true }).count()).resolves.toBe(1);
    await expectAccessible(page, 'worklist');

    await page.getByRole('button', { name: /^逾期/ }).click();
    await expect.poll(() => rows(page).count()).toBe(1);
    await page.getByRole('button', { name: /^待确认收到/ }).click();
    await expect.poll(() => rows(page).count()).toBe(1);
    await expect(rows(page).first().textContent()).resolves.toContain('已登记（待确认收到）');
  });

  it('opens a request: applicant, clock with its explanation, actions from the API; drafts a reply and submits it', async () => {
    const { page } = await s.open('/console/requests');
    await login(page, f.users.handler.username, f.password);
    const reference = (await detailOf(ids.overdue)).request.reference;
    await page.getByRole('link', { name: reference }).click();
    await expect.poll(() => heading(page).textContent()).toBe(`申请 ${reference}`);
    await expect(page.getByText('张三（自然人）').count()).resolves.toBe(1);
    await expect(page.getByText(/已逾期 \d+ 个工作日/).count()).resolves.toBe(1);
    await expect(page.getByText('计算说明').count()).resolves.toBe(1);
    await expect(page.getByText(/收到申请之日：2026-01-05/).count()).resolves.toBe(1);
    const allowed = (await detailOf(ids.overdue)).allowedActions;
    expect(allowed).toContain('draftReply');
    expect(allowed).not.toContain('approveReply');
    await expect(page.getByRole('button', { name: '起草答复告知书' }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: '审批通过答复' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'request');

    await page.getByRole('button', { name: '起草答复告知书' }).click();
    const dialog = page.getByRole('dialog', { name: '起草答复告知书' });
    await choose(dialog, '答复依据', '可以公开：提供');
    await dialog.getByLabel('获取方式、途径').fill('随本告知书附送电子文本。');
    await expectAccessible(page, 'action dialog');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByRole('tab', { name: '文书（1）' }).click();
    await expect.poll(async () => (await detailOf(ids.overdue)).letters.map((l) => l.status)).toEqual(['draft']);
    await expect(page.getByRole('link', { name: /下载 DOCX/ }).count()).resolves.toBe(1);

    await page.getByRole('button', { name: '提交审批' }).click();
    await page.getByRole('dialog', { name: '提交审批' }).getByRole('button', { name: '确定' }).click();
    await expect.poll(async () => (await detailOf(ids.overdue)).request.status).toBe('awaitingApproval');
    await expect.poll(() => page.getByText('待审批答复').count()).toBeGreaterThan(0);
    await page.getByRole('tab', { name: /办理记录/ }).click();
    await expect(page.getByText('答复提交审批').count()).resolves.toBe(1);
  });

  it('lets the 机关负责人 approve the reply (a button the handler never saw)', async () => {
    const { page } = await s.open(`/console/requests/${ids.overdue}`);
    await login(page, f.users.head.username, f.password);
    await page.getByRole('button', { name: '审批通过答复' }).click();
    const dialog = page.getByRole('dialog', { name: '审批通过答复' });
    await dialog.getByLabel('审批意见').fill('同意。');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect.poll(async () => (await detailOf(ids.overdue)).request.status).toBe('approved');
  });

  it('confirms the receipt of an e-mailed request', async () => {
    const { page } = await s.open(`/console/requests/${ids.unconfirmed}`);
    await login(page, f.users.handler.username, f.password);
    await expect.poll(() => page.getByText('尚未确认收到申请', { exact: false }).count()).toBe(1);
    await page.getByRole('button', { name: '确认收到申请' }).click();
    await page.getByRole('dialog', { name: '确认收到申请' }).getByRole('button', { name: '确定' }).click();
    await expect.poll(async () => (await detailOf(ids.unconfirmed)).request.status).toBe('inProgress');
    await expect.poll(() => page.getByText('剩余工作日').count()).toBe(1);
  });

  it('registers a walk-in request and shows its 查询码 once', async () => {
    const { page } = await s.open('/console/requests/new');
    await login(page, f.users.handler.username, f.password);
    await expect.poll(() => heading(page).textContent()).toBe('登记申请');
    await expectAccessible(page, 'intake');
    await page.getByLabel('姓名').fill('李四');
    await page.getByLabel('证件号码').fill('110105194912310021');
    await page.getByLabel('联系电话').click();
    await expect.poll(() => page.getByText(/校验/).count()).toBeGreaterThan(0);
    await page.getByLabel('证件号码').fill('11010519491231002X');
    await page.getByLabel(/所需政府信息的名称/).fill('本区2025年城市道路维修计划');
    await page.getByRole('button', { name: '登记申请' }).last().click();
    // 获取方式 defaults to 邮寄: the address is required, said next to the field
    await page.getByText('选择邮寄时请填写通信地址').waitFor();
    await page.getByLabel('通信地址').fill('甲区人民路 8 号');
    await page.getByRole('button', { name: '登记申请' }).last().click();
    await page.getByText(/查询码：/).waitFor();
    const c = await s.t.loginAs(f.users.handler.username, f.password);
    const list = (await c.get(`/api/requests?agencyId=${f.agencies.ownAgency}&q=${encodeURIComponent('道路维修')}`)).json() as { total: number };
    expect(list.total).toBe(1);
  });

  it('shows the live table 三 with drill-down to the requests counted in a cell', async () => {
    const { page } = await s.open('/console/reports');
    await login(page, f.users.handler.username, f.password);
    const cell = page.getByRole('button', { name: /^一、本年新收政府信息公开申请数量 · .*总计：\d+（查看明细）$/ });
    await cell.waitFor();
    const count = Number((await cell.textContent())?.trim());
    expect(count).toBe(4);
    await expectAccessible(page, 'report tables');
    await cell.click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('统计口径').waitFor();
    await expect.poll(() => drawer.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(4);
    await expectAccessible(page, 'drill-down');
  });

  it('draws the charts (by month, outcome, applicant kind) with their figures as tables', async () => {
    const { page } = await s.open('/console/reports/charts');
    await login(page, f.users.handler.username, f.password);
    await expect.poll(() => page.locator('div[role="img"] svg').count()).toBe(3);
    await expect.poll(() => page.getByRole('img', { name: /各月新收申请合计 4 件/ }).count()).toBe(1);
    await expect(page.getByRole('img', { name: /商业企业 1 件/ }).count()).resolves.toBe(1);
    await expectAccessible(page, 'charts');
  });
});
