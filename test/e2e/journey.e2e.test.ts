/**
 * One request from end to end, in Chromium: a citizen applies on the portal with JavaScript off and
 * keeps the 查询码; staff confirm the receipt and send a 补正 notice in the console; the citizen reads
 * it by 查询码 and answers it on the portal; staff see the answer, draft a 予以公开 reply, submit it,
 * the 机关负责人 approves it and the handler issues it; the citizen sees the result and the reply
 * letter by 查询码 and downloads it (axe-core on that page, looked up once more with JavaScript on:
 * axe cannot run without it); the console's live table 三 counts one more 新收 and one more 予以公开
 * (自然人 and 总计) than before, as the API does. The clock moves forward between the steps, as days
 * pass between them in an office. Only the baseline (one earlier granted request) is arranged
 * through the services; every step of the journey goes through the pages.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIdNumber } from '../../src/core/people/id-documents.js';
import * as decision from '../../src/services/requests/decision.service.js';
import { seedAccessFixture, type AccessFixture } from '../support/access-fixture.js';
import { enterRequest, personFields, principalOfRole } from '../support/request-fixture.js';
import { choose, expectAccessible, login, startConsoleServer, waitForStillness, type ConsoleServer } from './console-harness.js';

let s: ConsoleServer;
let f: AccessFixture;
const year = 2026;
const at = (day: string) => s.t.clock.set(`${day}T02:00:00Z`);

/** A 居民身份证号码 from its first 17 digits with the GB 11643 check character. */
function residentId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

const citizen = {
  name: '陈思远',
  idNumber: residentId('50015519850716235'),
  phone: '13983001234',
  email: 'chensy@example.com',
  address: '重庆市梁平区梁山街道公园路18号',
  postalCode: '405200',
  description: '2025年本区中小学校舍安全排查整改情况',
  clarificationItems: '请写明需要哪些学校、哪个时间段的排查整改情况。',
  clarificationAnswer: '全区公办中小学，2025年1月至12月的排查整改情况。',
  howToObtain: '随本告知书以电子邮件附送排查整改情况汇总表。',
};

/** What the journey carries from step to step. */
const journey = { code: '', reference: '', requestId: '' };
/** Table 三 cells of the year, before and after: 新收 and 予以公开, 自然人 and 总计. */
interface Table3Cells { newReceivedPerson: number; newReceivedTotal: number; grantedPerson: number; grantedTotal: number }
let before: Table3Cells;

beforeAll(async () => {
  s = await startConsoleServer(async (t) => {
    f = await seedAccessFixture(t.deps);
    const handler = await principalOfRole(t.deps, f, 'handler');
    const head = await principalOfRole(t.deps, f, 'head');
    // earlier this year: one walk-in request by a natural person, granted — table 三 does not start at zero
    t.clock.set('2026-02-02T02:00:00Z');
    const { request } = await enterRequest(t.deps, handler, f.agencies.ownAgency, { fields: personFields() });
    t.clock.set('2026-02-10T02:00:00Z');
    await decision.draftReply(t.deps, handler, request.id, { version: 1, basis: '36-2', values: { howToObtain: '门户网站' } });
    await decision.submitReply(t.deps, handler, request.id, { version: 2 });
    await decision.approveReply(t.deps, head, request.id, { version: 3 });
    await decision.issueReply(t.deps, handler, request.id, { version: 4 });
    t.clock.set('2026-03-02T02:00:00Z'); // a Monday
  });
}, 180_000);
afterAll(() => s?.close());

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** A portal page in a browser without JavaScript, as the citizen may have. */
async function portal(path: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await s.browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${s.baseUrl}${path}`);
  return { context, page };
}

/** The citizen's status page: the 查询码 typed into /track. */
async function track(page: Page): Promise<void> {
  await page.goto(`${s.baseUrl}/track`);
  await page.getByLabel('查询码').fill(journey.code);
  await page.getByRole('button', { name: '查询' }).click();
  await expect.poll(() => heading(page).textContent()).toBe('申请办理情况');
  await page.getByRole('heading', { level: 2, name: `申请编号 ${journey.reference}` }).waitFor();
}

/** The value after 「label：」 in a definition list on the portal (当前状态, 办理结果, …). */
async function fact(page: Page, label: string): Promise<string> {
  return (await page.locator('dl.facts > div', { has: page.locator('dt', { hasText: label }) }).locator('dd').innerText()).trim();
}

/** The value of the item `label` in the console's 申请信息 (a bordered antd Descriptions: label th, value td next to it). */
const described = (page: Page, label: string): Locator =>
  page.locator('th.ant-descriptions-item-label').filter({ hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::td[1]');

/** A console page for a staff member, signed in. */
async function consoleAs(role: 'handler' | 'head', path: string): Promise<Page> {
  const { page } = await s.open(path);
  await login(page, f.users[role].username, f.password);
  return page;
}

/** Runs the action button `label` of the open request page and confirms its dialog (after `fill`). */
async function act(page: Page, label: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: label });
  await dialog.waitFor();
  await fill?.(dialog);
  await waitForStillness(page);
  await dialog.getByRole('button', { name: '确定' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** The request as the API sees it (a cross-check of what the screens show). */
async function detail(): Promise<{ request: { status: string; outcome: string | null; receivedOn: string | null }; events: { kind: string }[] }> {
  const c = await s.t.loginAs(f.users.handler.username, f.password);
  return (await c.get(`/api/requests/${journey.requestId}`)).json();
}

/** Reads table 三 on /console/reports (the handler's agency, this year) the way a screen reader names its cells. */
async function table3InConsole(): Promise<Table3Cells> {
  const page = await consoleAs('handler', '/console/reports');
  await page.getByRole('table', { name: /^表三/ }).waitFor();
  const cell = async (row: string, column: string) => {
    const button = page.getByRole('button', { name: new RegExp(`^${row} · .*${column}：\\d+（查看明细）$`) });
    await button.waitFor();
    return Number((await button.textContent())?.trim());
  };
  const cells = {
    newReceivedPerson: await cell('一、本年新收政府信息公开申请数量', '自然人'),
    newReceivedTotal: await cell('一、本年新收政府信息公开申请数量', '总计'),
    grantedPerson: await cell('（一）予以公开', '自然人'),
    grantedTotal: await cell('（一）予以公开', '总计'),
  };
  await page.context().close();
  return cells;
}

/** The same cells from GET /api/reports/:agencyId/:year. */
async function table3FromApi(): Promise<Table3Cells> {
  const c = await s.t.loginAs(f.users.handler.username, f.password);
  const res = await c.get(`/api/reports/${f.agencies.ownAgency}/${year}`);
  expect(res.statusCode).toBe(200);
  const t3 = (res.json() as { tables: { table3: Record<string, number[]> } }).tables.table3;
  return { newReceivedPerson: t3.newReceived![0]!, newReceivedTotal: t3.newReceived![6]!, grantedPerson: t3.granted![0]!, grantedTotal: t3.granted![6]! };
}

describe('a request from the portal to the reply, through 补正, and into table 三', () => {
  it('step 1 — the console shows table 三 before: 新收 and 予以公开 of the year', async () => {
    before = await table3InConsole();
    expect(before).toEqual(await table3FromApi());
    expect(before).toEqual({ newReceivedPerson: 1, newReceivedTotal: 1, grantedPerson: 1, grantedTotal: 1 });
  });

  it('step 2 — a citizen applies on the portal without JavaScript and gets a 查询码', async () => {
    expect(checkIdNumber('residentId', citizen.idNumber).problem).toBeNull();
    const { context, page } = await portal(`/zwgk/${f.agencies.ownAgency}/apply`);
    await page.getByRole('link', { name: '在线申请' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('申请公开政府信息');
    // came from the agency's 依申请公开 column: the agency is chosen already
    expect(await page.getByLabel('向哪个机关申请').inputValue()).toBe(f.agencies.ownAgency);
    await page.getByRole('radio', { name: '自然人', exact: true }).check();
    await page.getByLabel('姓名或者名称').fill(citizen.name);
    await page.getByLabel('身份证明类型').selectOption({ label: '居民身份证' });
    await page.getByLabel('证件号码').fill(citizen.idNumber);
    await page.getByLabel('联系电话').fill(citizen.phone);
    await page.getByLabel('电子邮箱').fill(citizen.email);
    await page.getByLabel('通信地址').fill(citizen.address);
    await page.getByLabel('邮政编码').fill(citizen.postalCode);
    await page.getByLabel('所需政府信息的名称或特征性描述').fill(citizen.description);
    await page.getByRole('radio', { name: '电子文本', exact: true }).check();
    await page.getByRole('radio', { name: '电子邮件', exact: true }).check();
    await page.getByRole('button', { name: '提交申请' }).click();

    await expect.poll(() => heading(page).textContent()).toBe('申请已提交');
    expect(new URL(page.url()).pathname).toBe('/apply/receipt');
    journey.code = (await page.locator('.tracking-code').innerText()).trim();
    expect(journey.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    journey.reference = await fact(page, '申请编号');
    expect(await fact(page, '受理机关')).toBe('甲区教育委员会');
    expect(await fact(page, '提交日期')).toBe('2026-03-02');
    expect(await fact(page, '当前状态')).toBe('已登记（待确认收到）');
    await context.close();
  });

  it('step 3 — the handler finds it in the worklist, confirms the receipt and sends a 补正 notice', async () => {
    at('2026-03-03');
    const page = await consoleAs('handler', '/console/');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '办理工作台' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('依申请公开办理');
    await page.getByRole('button', { name: /^待确认收到/ }).click();
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { has: page.getByRole('link', { name: journey.reference }) });
    await expect(row.textContent()).resolves.toContain('已登记（待确认收到）');
    await row.getByRole('link', { name: journey.reference }).click();
    await expect.poll(() => heading(page).textContent()).toBe(`申请 ${journey.reference}`);
    journey.requestId = /\/console\/requests\/([^/?#]+)$/.exec(page.url())![1]!;
    // what the citizen typed, in full for the handler
    await page.getByText(`${citizen.name}（自然人）`).waitFor();
    await page.getByText(`居民身份证 ${citizen.idNumber}`).waitFor();
    await page.getByText(citizen.description).waitFor();
    expect(await described(page, '提交方式').innerText()).toBe('互联网');

    await act(page, '确认收到申请');
    await page.getByText('剩余工作日').waitFor();
    await expect.poll(() => described(page, '收到申请之日').innerText()).toContain('2026年3月3日');
    await expect.poll(async () => (await detail()).request).toMatchObject({ status: 'inProgress', receivedOn: '2026-03-03' });

    await act(page, '发出补正通知', async (dialog) => {
      await dialog.getByLabel('需要补正的事项').fill(citizen.clarificationItems);
      const due = dialog.getByLabel('补正期限');
      await due.click();
      await due.fill('2026-03-17');
      await due.press('Enter');
      await expect.poll(() => due.inputValue()).toBe('2026-03-17');
    });
    await expect.poll(async () => (await detail()).request.status).toBe('awaitingClarification');
    await page.getByRole('tab', { name: /办理记录/ }).click();
    await page.getByText(citizen.clarificationItems).waitFor();
    await expect(page.getByRole('button', { name: '发出补正通知' }).count()).resolves.toBe(0); // once only (第三十条)
    await page.context().close();
  }, 60_000);

  it('step 4 — the citizen reads the 补正 notice by 查询码 and answers it on the portal', async () => {
    at('2026-03-05');
    const { context, page } = await portal('/track');
    await track(page);
    expect(await fact(page, '当前状态')).toBe('补正中');
    const clarification = page.locator('section', { has: page.getByRole('heading', { level: 2, name: '需要补正' }) });
    expect(await clarification.innerText()).toContain(citizen.clarificationItems);
    expect(await clarification.innerText()).toContain('2026-03-17');
    await clarification.getByLabel('补正内容').fill(citizen.clarificationAnswer);
    await clarification.getByRole('button', { name: '提交补正' }).click();
    await page.getByRole('status').filter({ hasText: '补正已提交' }).waitFor();
    expect(await fact(page, '当前状态')).toBe('办理中');
    expect(await page.getByRole('heading', { name: '需要补正' }).count()).toBe(0);
    await context.close();
  });

  it('step 5 — staff see the answer, draft a 予以公开 reply, submit it; the 机关负责人 approves; the handler issues it', async () => {
    at('2026-03-09');
    const page = await consoleAs('handler', `/console/requests/${journey.requestId}`);
    await expect.poll(() => heading(page).textContent()).toBe(`申请 ${journey.reference}`);
    // the 补正 arrived through the portal: in the timeline with its text
    await page.getByText(citizen.clarificationAnswer).waitFor();
    await page.getByText('申请人通过门户网站提交').waitFor();
    expect((await detail()).events.at(-1)?.kind).toBe('clarificationAnswered');

    await act(page, '起草答复告知书', async (dialog) => {
      await choose(dialog, '答复依据', '可以公开：提供');
      await dialog.getByLabel('获取方式、途径').fill(citizen.howToObtain);
    });
    // the 补正 notice was the first letter; the draft reply is the second
    await page.getByRole('tab', { name: '文书（2）' }).click();
    const draft = page.locator('.ant-table-tbody tr', { hasText: '政府信息公开申请答复告知书' });
    await draft.getByText('草稿', { exact: true }).waitFor();
    await expect(page.locator('.ant-table-tbody tr', { hasText: '政府信息公开申请补正告知书' }).getByText('已发出', { exact: true }).count()).resolves.toBe(1);
    await act(page, '提交审批');
    await expect.poll(async () => (await detail()).request.status).toBe('awaitingApproval');
    await expect(page.getByRole('button', { name: '审批通过答复' }).count()).resolves.toBe(0);
    await page.context().close();

    const headPage = await consoleAs('head', `/console/requests/${journey.requestId}`);
    await act(headPage, '审批通过答复', async (dialog) => {
      await dialog.getByLabel('审批意见').fill('同意公开。');
    });
    await expect.poll(async () => (await detail()).request.status).toBe('approved');
    await headPage.context().close();

    const issuer = await consoleAs('handler', `/console/requests/${journey.requestId}`);
    await act(issuer, '发出答复');
    await expect.poll(async () => (await detail()).request).toMatchObject({ status: 'replied', outcome: 'granted' });
    // the request page shows the outcome and the reply date
    await expect.poll(() => described(issuer, '办理结果').innerText()).toMatch(/^予以公开（依据：/);
    await expect.poll(() => described(issuer, '答复日期').innerText()).toBe('2026年3月9日');
    await issuer.context().close();
  }, 60_000);

  it('step 6 — the citizen sees the result and the reply letter by 查询码', async () => {
    at('2026-03-10');
    const { context, page } = await portal('/track');
    await track(page);
    expect(await fact(page, '当前状态')).toBe('已答复');
    expect(await fact(page, '办理结果')).toBe('予以公开');
    expect(await fact(page, '答复日期')).toBe('2026-03-09');
    const letters = page.locator('section', { has: page.getByRole('heading', { level: 2, name: '文书' }) });
    await letters.getByRole('heading', { level: 3, name: /政府信息公开申请答复告知书/ }).waitFor();
    expect(await letters.innerText()).toContain(citizen.howToObtain);
    // the reply (and the 补正 notice before it) as files for the citizen to keep
    expect(await letters.getByRole('link', { name: /^下载 PDF：/ }).count()).toBe(2);
    const [download] = await Promise.all([page.waitForEvent('download'), letters.getByRole('link', { name: '下载 Word（DOCX）：政府信息公开申请答复告知书' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    expect(readFileSync((await download.path())!).subarray(0, 2).toString()).toBe('PK');
    const timeline = await page.locator('ol.timeline').innerText();
    for (const step of ['2026-03-03', '2026-03-05', '2026-03-09']) expect(timeline).toContain(step);
    // the 查询码 page never shows the applicant's identity document
    expect(await page.locator('main').innerText()).not.toContain(citizen.idNumber);
    await context.close();

    // axe-core needs JavaScript in the page (its run awaits timers, which never fire with it off):
    // the same status page, looked up again in a browser with JavaScript on, is audited there
    const audit = await s.open('/track');
    await track(audit.page);
    expect(await fact(audit.page, '办理结果')).toBe('予以公开');
    await expectAccessible(audit.page, 'portal track page with the reply');
    await audit.context.close();
  }, 60_000);

  it('step 7 — table 三 counts one more 新收 and one more 予以公开 (自然人 and 总计)', async () => {
    const after = await table3InConsole();
    expect(after).toEqual({
      newReceivedPerson: before.newReceivedPerson + 1, newReceivedTotal: before.newReceivedTotal + 1,
      grantedPerson: before.grantedPerson + 1, grantedTotal: before.grantedTotal + 1,
    });
    expect(await table3FromApi()).toEqual(after);
  });
});
