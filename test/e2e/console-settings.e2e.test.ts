/**
 * The staff console in Chromium, settings side: the menu shows the new screens (their API exists);
 * 公开指南与制度 (a head edits a 指南 paragraph and the 制度 text, sees the paragraphs previewed, and
 * the portal page changes; a handler only reads), 检索同义词 (administrator adds and removes a
 * group), 节假日日历 (a year month by month with 休/班 in text; the administrator imports a notice,
 * sees an erroneous file refused by line, removes the import), the fee notice's 减免 — and
 * axe-core on each screen (no serious or critical violation).
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture, type AccessFixture } from '../support/access-fixture.js';
import { enterRequest, principalOfRole } from '../support/request-fixture.js';
import { expectAccessible, login, startConsoleServer, type ConsoleServer } from './console-harness.js';

let s: ConsoleServer;
let f: AccessFixture;
let requestId = '';

beforeAll(async () => {
  s = await startConsoleServer(async (t) => {
    f = await seedAccessFixture(t.deps);
    const handler = await principalOfRole(t.deps, f, 'handler');
    requestId = (await enterRequest(t.deps, handler, f.agencies.ownAgency, { arrivedOn: '2026-02-02' })).request.id;
  });
}, 180_000);
afterAll(() => s?.close());

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const menu = (page: Page) => page.getByRole('navigation', { name: '主菜单' });
const polite = (page: Page) => page.getByTestId('live-polite').textContent();
const assertive = (page: Page) => page.getByTestId('live-assertive').textContent();

/**
 * Picks an option of a plain (not searchable) antd Select in a dialog: opens it, waits until the
 * dropdown has finished its opening motion (a click during it can be lost), clicks the option and
 * checks the select shows it.
 */
async function pick(scope: Locator, label: string, text: string): Promise<void> {
  const page = scope.page();
  const combobox = scope.getByRole('combobox', { name: label, exact: true });
  await combobox.click();
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-enter"]):not([class*="-appear"])', { hasText: text });
  await open.locator('.ant-select-item-option', { hasText: text }).first().click();
  const select = scope.locator('.ant-select', { has: page.getByRole('combobox', { name: label, exact: true }) }).first();
  await expect.poll(() => select.innerText()).toContain(text);
}

const notice2027 = JSON.stringify({
  year: 2027,
  source: { title: '国务院办公厅关于2027年部分节假日安排的通知', url: 'https://www.gov.cn/zhengce/2027' },
  holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }, { name: '春节', from: '2027-02-05', to: '2027-02-12' }],
  makeupWorkdays: [{ name: '春节', date: '2027-02-20' }],
});

describe('staff console: portal texts, synonyms, holiday calendar, fee waiver', () => {
  it('shows the new menu entries by role (the API behind them exists)', async () => {
    const { page } = await s.open();
    await login(page, f.users.admin.username, f.password);
    const adminItems = (await menu(page).getByRole('menuitem').allTextContents()).join('|');
    for (const item of ['公开指南与制度', '检索同义词', '节假日日历']) expect(adminItems).toContain(item);
    const other = await s.open();
    await login(other.page, f.users.handler.username, f.password);
    const handlerItems = (await menu(other.page).getByRole('menuitem').allTextContents()).join('|');
    expect(handlerItems).toContain('公开指南与制度');
    expect(handlerItems).toContain('节假日日历');
    expect(handlerItems).not.toContain('检索同义词');
  });

  it('lets the 机关负责人 edit the 指南 and the 制度 with a preview; the portal pages change at once', async () => {
    const agency = f.agencies.ownAgency;
    const before = await (await fetch(`${s.baseUrl}/zwgk/${agency}/guide`)).text();
    expect(before).toContain('主动公开涉及公众利益调整');
    const { page } = await s.open('/console/publications/guide');
    await login(page, f.users.head.username, f.password);
    await expect.poll(() => heading(page).textContent()).toBe('公开指南与制度');
    const scope = page.getByRole('textbox', { name: '指南：主动公开范围' });
    await scope.waitFor();
    await expect(page.getByRole('link', { name: /在门户查看甲区教育委员会政府信息公开指南/ }).getAttribute('href')).resolves.toBe(`/zwgk/${agency}/guide`);
    await expectAccessible(page, 'portal texts');

    await scope.fill('本机关主动公开教育收费标准。\n\n以及中小学招生政策。');
    const preview = page.getByRole('region', { name: '指南：主动公开范围预览' });
    await expect.poll(() => preview.getByRole('paragraph').allTextContents()).toEqual(['预览（门户上分为 2 段）', '本机关主动公开教育收费标准。', '以及中小学招生政策。']);
    await expectAccessible(page, 'portal texts (editing)');
    await page.getByRole('button', { name: '保存：指南：主动公开范围' }).click();
    await expect.poll(() => polite(page)).toContain('已保存“指南：主动公开范围”，门户页面已更新');
    const after = await (await fetch(`${s.baseUrl}/zwgk/${agency}/guide`)).text();
    expect(after).toContain('<p>本机关主动公开教育收费标准。</p>');
    expect(after).toContain('<p>以及中小学招生政策。</p>');
    expect(after).not.toContain('主动公开涉及公众利益调整');

    await page.getByRole('tab', { name: '政府信息公开制度' }).click();
    await page.getByRole('textbox', { name: '政府信息公开制度' }).fill('第一条 为规范本机关政府信息公开工作，制定本制度。');
    await page.getByRole('button', { name: '保存：政府信息公开制度' }).click();
    await expect.poll(() => polite(page)).toContain('已保存“政府信息公开制度”');
    expect(await (await fetch(`${s.baseUrl}/zwgk/${agency}/system`)).text()).toContain('第一条 为规范本机关政府信息公开工作，制定本制度。');

    const reader = await s.open('/console/publications/guide');
    await login(reader.page, f.users.handler.username, f.password);
    const readOnly = reader.page.getByRole('textbox', { name: '指南：主动公开范围' });
    await expect.poll(() => readOnly.inputValue()).toBe('本机关主动公开教育收费标准。\n\n以及中小学招生政策。');
    await expect(readOnly.getAttribute('readonly')).resolves.not.toBeNull();
    await expect(reader.page.getByRole('button', { name: /^保存：/ }).count()).resolves.toBe(0);
    await expect(reader.page.getByText('您可以查看这些文字；修改请联系本机关负责人或系统管理员。').count()).resolves.toBe(1);
  });

  it('lets the administrator add and remove a search synonym group', async () => {
    const { page } = await s.open('/console/publications/synonyms');
    await login(page, f.users.admin.username, f.password);
    await expect.poll(() => heading(page).textContent()).toBe('检索同义词');
    await page.getByText('尚未配置同义词组').waitFor();
    await expectAccessible(page, 'synonyms');
    await page.getByLabel('可互换的名称').fill('区科委、区科学技术委员会');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await expect.poll(() => polite(page)).toContain('已添加同义词组：区科委、区科学技术委员会');
    await page.getByRole('cell', { name: '区科委、区科学技术委员会', exact: true }).waitFor();
    await expectAccessible(page, 'synonyms (one group)');
    await page.getByRole('button', { name: '删除同义词组：区科委、区科学技术委员会' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => polite(page)).toContain('已删除同义词组');
    await page.getByText('尚未配置同义词组').waitFor();
  });

  it('shows any staff member a year month by month, with 休 and 班 in text and the status', async () => {
    const { page } = await s.open('/console/calendar');
    await login(page, f.users.handler.username, f.password);
    await expect.poll(() => heading(page).textContent()).toBe('节假日日历');
    await page.getByRole('heading', { name: '2026 年工作日历' }).waitFor();
    const feb = page.getByRole('table', { name: '2月（16个工作日）' });
    const shown = (date: string) => page.locator(`td[data-date="${date}"] > span[aria-hidden="true"]`).innerText();
    await expect(shown('2026-02-14')).resolves.toBe('14班');
    await expect(shown('2026-02-16')).resolves.toBe('16休');
    await expect(shown('2026-02-24')).resolves.toBe('24');
    await expect(feb.locator('td[data-date="2026-02-14"] .gk-visually-hidden').textContent()).resolves.toBe('14日 星期六 春节调休上班');
    await expect(page.getByText('春节 15日至23日放假', { exact: false }).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText(/官方安排：国务院办公厅关于2026年部分节假日安排的通知/).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: '导入' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'calendar 2026');

    await page.getByRole('link', { name: '下一年：2027 年' }).click();
    await page.getByRole('heading', { name: '2027 年工作日历' }).waitFor();
    await expect(page.getByText('暂定：尚无 2027 年放假安排通知').count()).resolves.toBe(1);
    await expect(page.getByText(/按《全国年节及纪念日放假办法》的法定节假日/).count()).resolves.toBe(1);
    await expect(shown('2027-02-09')).resolves.toBe('9补');
    await expectAccessible(page, 'calendar 2027 (provisional)');
  });

  it('lets the administrator import a notice, refuses an erroneous file by line, and removes the import', async () => {
    const { page } = await s.open('/console/calendar');
    await login(page, f.users.admin.username, f.password);
    await page.getByRole('heading', { name: '导入放假安排通知' }).waitFor();
    await expectAccessible(page, 'calendar (administrator)');

    const csv = ['year,date,kind,name,source_title,source_url', '2028,2028-01-01,holiday,元旦,国务院办公厅关于2028年部分节假日安排的通知,',
      '2028,2028-02-30,holiday,春节,国务院办公厅关于2028年部分节假日安排的通知,'].join('\n');
    await page.locator('#gk-calendar-file').setInputFiles({ name: '2028.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const result = page.getByTestId('calendar-import-result');
    await expect.poll(() => result.textContent()).toContain('全部未导入');
    await expect(result.getByRole('listitem').first().textContent()).resolves.toMatch(/^第 3 行.*2028-02-30.*（CAL-DATE）$/);
    await expect.poll(() => assertive(page)).toContain('全部未导入');
    await expectAccessible(page, 'calendar (import refused)');

    await page.locator('#gk-calendar-file').setInputFiles({ name: '2027.json', mimeType: 'application/json', buffer: Buffer.from(notice2027) });
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await expect.poll(() => polite(page)).toContain('已导入 2027 年放假安排');
    await page.getByRole('heading', { name: '2027 年工作日历' }).waitFor();
    await expect.poll(() => page.url()).toBe(`${s.baseUrl}/console/calendar/2027`);
    await expect.poll(() => page.getByText(/已导入：国务院办公厅关于2027年部分节假日安排的通知/).count()).toBe(1);
    await expect(page.locator('td[data-date="2027-02-20"] > span[aria-hidden="true"]').innerText()).resolves.toBe('20班');
    await expect(page.getByRole('row', { name: /2027 年 已导入/ }).count()).resolves.toBe(1);
    await expectAccessible(page, 'calendar 2027 (imported)');

    await page.getByRole('alert').getByRole('button', { name: '删除导入' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => polite(page)).toContain('已删除 2027 年导入的放假安排');
    await expect.poll(() => page.getByText('暂定：尚无 2027 年放假安排通知').count()).toBe(1);
  });

  it('sends a fee notice with a reduction (减收, reason, basis); a full waiver is refused with the reason why', async () => {
    const { page } = await s.open(`/console/requests/${requestId}`);
    await login(page, f.users.handler.username, f.password);
    await page.getByRole('button', { name: '发出收费通知' }).click();
    const dialog = page.getByRole('dialog', { name: '发出收费通知' });
    await pick(dialog, '计收方式', '按量计收');
    await dialog.getByLabel('页数').fill('80');
    await pick(dialog, '减免', '免收');
    await expect(dialog.getByLabel('减收后收取金额（元）').count()).resolves.toBe(0);
    await dialog.getByLabel('减免理由').fill('申请人为低保户');
    await expectAccessible(page, 'fee notice dialog (waiver)');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => assertive(page)).toContain('已决定免收，不收取信息处理费，无需发出收费通知');

    await pick(dialog, '减免', '减收');
    await dialog.getByLabel('减收后收取金额（元）').fill('100');
    await dialog.getByLabel('减免依据').fill('本机关信息处理费减免规定第三条');
    await expectAccessible(page, 'fee notice dialog (reduction)');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => polite(page)).toContain('已完成：发出收费通知');

    const client = await s.t.loginAs(f.users.handler.username, f.password);
    const events = (await client.get(`/api/requests/${requestId}/events`)).json() as { events: { kind: string; data: { amount?: number; fee?: unknown } }[] };
    const sent = events.events.find((e) => e.kind === 'feeNoticeSent');
    expect(sent?.data.amount).toBe(100);
    expect(sent?.data.fee).toMatchObject({ assessed: 500, charged: 100, waiver: { kind: 'reduce', amount: 100, reason: '申请人为低保户', basis: '本机关信息处理费减免规定第三条' } });
  });
});
