/**
 * The staff console in Chromium, account side: login errors, the signed-in frame by role, the
 * accounts screen (create a user, who can then sign in), the agency office details, the audit log,
 * logout, session expiry (401 → login), and axe-core on every screen (no serious/critical issues).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAgencyById } from '../../src/db/agency.repository.js';
import { listUserRows } from '../../src/db/user.repository.js';
import { revokeUserSessions } from '../../src/services/accounts.service.js';
import { systemPrincipal } from '../../src/services/authorization.js';
import { seedAccessFixture, type AccessFixture } from '../support/access-fixture.js';
import { choose, expectAccessible, login, startConsoleServer, type ConsoleServer } from './console-harness.js';

let s: ConsoleServer;
let f: AccessFixture;

beforeAll(async () => {
  s = await startConsoleServer(async (t) => {
    f = await seedAccessFixture(t.deps);
  });
}, 180_000);
afterAll(() => s?.close());

const userNamed = async (username: string) => (await listUserRows(s.t.deps.db, 'all')).find((u) => u.username === username);
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const menu = (page: Page) => page.getByRole('navigation', { name: '主菜单' });

describe('staff console: accounts, agencies, audit', () => {
  it('serves the app at /console/ (deep links too) with the security headers, and assets as immutable files', async () => {
    const res = await fetch(`${s.baseUrl}/console/users`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    const asset = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const js = await fetch(`${s.baseUrl}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${s.baseUrl}/console/assets/missing-abc.js`)).status).toBe(404);
    expect((await fetch(`${s.baseUrl}/console`, { redirect: 'manual' })).headers.get('location')).toBe('/console/');
  });

  it('refuses a wrong password with the server message and signs in an administrator', async () => {
    const { page } = await s.open();
    await expect.poll(() => page.title()).toContain('登录');
    await expectAccessible(page, 'login');
    await page.getByLabel('用户名').fill(f.users.admin.username);
    await page.getByLabel('密码', { exact: true }).fill('wrong-password-1');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('用户名或密码不正确');
    await login(page, f.users.admin.username, f.password);
    await expect(heading(page).textContent()).resolves.toBe('工作台');
    const items = await menu(page).getByRole('menuitem').allTextContents();
    expect(items.join('|')).toContain('工作人员账号');
    expect(items.join('|')).toContain('审计日志');
    await expectAccessible(page, 'home (admin)');
  });

  it('lets an administrator create an account through the form; the new account can sign in', async () => {
    const { page } = await s.open('/console/users');
    await login(page, f.users.admin.username, f.password);
    await expect(heading(page).textContent()).resolves.toBe('工作人员账号');
    await page.getByRole('row', { name: new RegExp(f.users.handler.username) }).waitFor();
    await expectAccessible(page, 'users');

    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog', { name: '新建账号' });
    await dialog.getByLabel('用户名').fill('xinzhanghao');
    await dialog.getByLabel('姓名').fill('新账号测试');
    await choose(dialog, '所属机关', '甲区教育委员会');
    await dialog.getByLabel('初始密码').fill('Console-new-2026x');
    await expectAccessible(page, 'create-user dialog');
    await dialog.getByRole('button', { name: '创建' }).click();
    await page.getByRole('row', { name: /xinzhanghao/ }).waitFor();
    await expect(page.getByTestId('live-polite').textContent()).resolves.toContain('已新建账号“xinzhanghao”');

    const stored = await userNamed('xinzhanghao');
    expect(stored).toMatchObject({ displayName: '新账号测试', role: 'handler', agencyId: f.agencies.ownAgency, active: true });

    const other = await s.open();
    await login(other.page, 'xinzhanghao', 'Console-new-2026x');
    await expect(other.page.getByText('新账号测试（机关经办人）').count()).resolves.toBe(1);
  });

  it('shows the password policy message of the server when the password is weak', async () => {
    const { page } = await s.open('/console/users');
    await login(page, f.users.admin.username, f.password);
    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog', { name: '新建账号' });
    await dialog.getByLabel('用户名').fill('ruomima');
    await dialog.getByLabel('姓名').fill('弱密码');
    await choose(dialog, '所属机关', '甲区教育委员会');
    await dialog.getByLabel('初始密码').fill('1234567890');
    await dialog.getByRole('button', { name: '创建' }).click();
    await expect.poll(() => page.getByTestId('live-assertive').textContent()).toContain('密码强度不足');
    expect(await userNamed('ruomima')).toBeUndefined();
  });

  it('edits the disclosure office details of an agency (what the 指南 prints)', async () => {
    const { page } = await s.open('/console/agencies');
    await login(page, f.users.admin.username, f.password);
    await page.getByRole('button', { name: '甲区教育委员会' }).click();
    await expectAccessible(page, 'agencies');
    await page.getByRole('button', { name: '修改' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('办公地址').fill('甲区人民路 1 号');
    await drawer.getByLabel('办公时间').fill('工作日 9:00—17:00');
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByTestId('live-polite').textContent()).toContain('已保存');
    await expect.poll(() => page.getByText('甲区人民路 1 号', { exact: true }).count()).toBe(1);
    const stored = await findAgencyById(s.t.deps.db, f.agencies.ownAgency);
    expect(stored?.office).toMatchObject({ address: '甲区人民路 1 号', officeHours: '工作日 9:00—17:00', phone: '023-00000000' });
  });

  it('lists the audit log with Chinese action names', async () => {
    const { page } = await s.open('/console/audit');
    await login(page, f.users.admin.username, f.password);
    await expect(heading(page).textContent()).resolves.toBe('审计日志');
    await page.getByRole('cell', { name: '新建账号' }).first().waitFor();
    await expectAccessible(page, 'audit');
  });

  it('gives a handler only its screens: no accounts or audit, its agency only, and 404 for a hidden screen', async () => {
    const { page } = await s.open('/console/users');
    await login(page, f.users.handler.username, f.password);
    await expect.poll(() => page.getByText('页面不存在', { exact: true }).count()).toBe(1);
    const items = (await menu(page).getByRole('menuitem').allTextContents()).join('|');
    expect(items).not.toContain('工作人员账号');
    expect(items).not.toContain('审计日志');
    await expect.poll(() => page.getByText('当前机关：甲区教育委员会', { exact: true }).count()).toBe(1);
    await expectAccessible(page, 'not found (handler)');
  });

  it('logs out, and sends the user back to login when the session ends elsewhere', async () => {
    const { page } = await s.open();
    await login(page, f.users.supervisor.username, f.password);
    await page.getByRole('button', { name: /打开账号菜单/ }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.getByText('您已退出登录。').waitFor();

    await login(page, f.users.supervisor.username, f.password);
    await revokeUserSessions(s.t.deps, systemPrincipal('测试'), f.users.supervisor.id);
    await menu(page).getByRole('menuitem', { name: '工作人员账号' }).click();
    await page.getByText('登录已失效').waitFor();
    await expect(page.getByRole('button', { name: '登录' }).count()).resolves.toBe(1);
  });
});
