import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/database.js';
import { login } from '../../src/services/auth.service.js';
import { runGongkai } from '../support/cli.js';
import { testServiceDeps } from '../support/service-deps.js';

describe('gongkai migrate / demo / user (SQLite file)', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gk-cli-'));
    env = { DATABASE_URL: join(dir, 'gongkai.db') };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const loginWith = async (username: string, password: string) => {
    const handle = createDatabase({ kind: 'sqlite', file: env.DATABASE_URL! });
    try {
      return await login(testServiceDeps(handle), { username, password });
    } finally {
      await handle.close();
    }
  };

  it('migrate lists the migrations it ran, then reports the database up to date', async () => {
    const first = await runGongkai(['migrate'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/已执行：2026_11_26_110000_create_agencies_and_accounts/);
    expect((await runGongkai(['migrate'], env)).stdout).toBe('数据库已是最新结构。\n');
  });

  it('demo prints each new account with its password once, and nothing new the second time', async () => {
    const first = await runGongkai(['demo'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/未执行：[^）]*requests/); // GONGKAI_DEMO_REQUESTS=0 in tests
    const line = first.stdout.split('\n').find((l) => l.trim().startsWith('zhuguan'))!;
    const password = line.trim().split(/\s+/)[1]!;
    expect((await loginWith('zhuguan', password)).principal.role).toBe('supervisor');
    const second = await runGongkai(['demo'], env);
    expect(second.stdout).not.toMatch(/演示账号/);
  });

  it('demo --requests n generates about n requests once; --no-requests and a bad count are understood', async () => {
    expect(await runGongkai(['demo', '--requests', 'lots'], env)).toMatchObject({ code: 2, stderr: expect.stringMatching(/--requests 应为 0–100000 之间的整数/) });
    expect((await runGongkai(['demo', '--no-requests'], { ...env, GONGKAI_DEMO_REQUESTS: '50' })).stdout).toMatch(/未执行：[^）]*requests/);
    const filled = await runGongkai(['demo', '--requests', '30'], env);
    expect(filled.code).toBe(0);
    const made = Number(/演示申请：(\d+) 件/.exec(filled.stdout)?.[1]);
    expect(made).toBeGreaterThanOrEqual(20);
    expect(made).toBeLessThan(60);
    const again = await runGongkai(['demo', '--requests', '30'], env);
    expect(again.stdout).toMatch(/此前已完成：requests/);
    const leftOut = await runGongkai(['demo', '--no-requests'], env);
    expect(leftOut.stdout).toMatch(/此前已完成：[^）]*requests/);
    expect(leftOut.stdout).not.toMatch(/未执行：[^）]*requests/);
  });

  it('user add creates an administrator with a generated password; user passwd replaces it', async () => {
    const add = await runGongkai(['user', 'add', 'Root.Admin', '--role', 'admin', '--name', '张管理'], env);
    expect(add.code).toBe(0);
    const first = /初始密码（只显示这一次）：(\S+)/.exec(add.stdout)![1]!;
    expect((await loginWith('root.admin', first)).principal.name).toBe('张管理');
    const passwd = await runGongkai(['user', 'passwd', 'root.admin'], env);
    const second = /新密码（只显示这一次）：(\S+)/.exec(passwd.stdout)![1]!;
    expect(second).not.toBe(first);
    await expect(loginWith('root.admin', first)).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    expect((await runGongkai(['user', 'list'], env)).stdout).toMatch(/^root\.admin\t系统管理员\t张管理$/m);
  });

  it('user add finds the agency by full name and refuses an unknown agency or role with a Chinese message', async () => {
    await runGongkai(['demo'], env);
    const ok = await runGongkai(['user', 'add', 'zjw.two', '--role', 'handler', '--agency', '重庆市梁平区住房和城乡建设委员会'], env);
    expect(ok.code).toBe(0);
    const unknown = await runGongkai(['user', 'add', 'x.y.z', '--role', 'handler', '--agency', '不存在的机关'], env);
    expect([unknown.code, unknown.stderr]).toEqual([3, '错误：未找到机关“不存在的机关”（NOT_FOUND）\n']);
    const badRole = await runGongkai(['user', 'add', 'x.y.z', '--role', 'boss'], env);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/boss/);
  });
});
