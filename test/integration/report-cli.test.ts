/**
 * `gongkai report`: an agency by full name or id, a year; the terminal tables and verdict; --json in
 * the keys of `gongkai check --json` (and readable by `gongkai render`); --all; --close / --reopen;
 * exit 1 when a report has an error (a change recorded in a closed year); usage errors.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { createDatabase } from '../../src/db/database.js';
import { migrateOrThrow } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';
import { createAgency } from '../../src/services/agencies.service.js';
import { systemPrincipal } from '../../src/services/authorization.js';
import * as decision from '../../src/services/requests/decision.service.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import { testConfig } from '../support/app.js';
import { runGongkai } from '../support/cli.js';
import { companyFields, enterRequest, personFields } from '../support/request-fixture.js';

const name = '重庆市梁平区测试局';
let dir: string;
let env: Record<string, string>;
let agencyId: string;
const sys = systemPrincipal('测试准备');

/** Runs work against the test database file (the CLI opens its own connection). */
async function withDeps(day: string, work: (deps: ServiceDeps) => Promise<void>): Promise<void> {
  const handle = createDatabase({ kind: 'sqlite', file: env.DATABASE_URL! });
  await migrateOrThrow(handle.db);
  try {
    await work({ db: handle.db, clock: fixedClock(`${day}T02:00:00Z`), logger: createLogger(testConfig()) });
  } finally {
    await handle.close();
  }
}

const report = (...args: string[]) => runGongkai(['report', ...args], env);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gk-report-cli-'));
  env = { DATABASE_URL: join(dir, 'gongkai.db') };
  await withDeps('2025-03-03', async (deps) => {
    const gov = await createAgency(deps, sys, { name: '重庆市梁平区测试政府', kind: 'government', parentId: null });
    agencyId = (await createAgency(deps, sys, { name, kind: 'department', parentId: gov.id })).id;
    const { request } = await enterRequest(deps, sys, agencyId, { fields: personFields() });
    await decision.draftReply(deps, sys, request.id, { version: 1, basis: '36-2' });
    await decision.submitReply(deps, sys, request.id, { version: 2 });
    await decision.approveReply(deps, sys, request.id, { version: 3 });
    await decision.issueReply(deps, sys, request.id, { version: 4 });
    await enterRequest(deps, sys, agencyId, { fields: companyFields() }); // still open at the end of 2025
  });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gongkai report', () => {
  it('prints the compiled tables and the verdict for an agency named in full', async () => {
    const run = await report(name, '2025');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`━━ ${name} 2025年 ━━`);
    expect(run.stdout).toContain('来源：按办理记录统计');
    expect(run.stdout).toContain('一、本年新收政府信息公开申请数量');
    expect(run.stdout).toContain('检查结论：✓ 未发现错误');
  });

  it('--json: one line with the keys of `gongkai check --json` (without file), which `gongkai render` reads', async () => {
    const run = await report(agencyId, '2025', '--json');
    expect(run.code).toBe(0);
    const line = JSON.parse(run.stdout.trim()) as Record<string, unknown>;
    expect(Object.keys(line)).toEqual(['agency', 'year', 'format', 'tables', 'findings']);
    expect(line).toMatchObject({ agency: name, year: 2025, format: '2021' });
    const t3 = (line.tables as { table3: Record<string, number[]> }).table3;
    expect(t3.newReceived).toEqual([1, 1, 0, 0, 0, 0, 2]);
    expect(t3.granted).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(t3.carriedForward).toEqual([0, 1, 0, 0, 0, 0, 1]);
    const file = join(dir, 'report.json');
    writeFileSync(file, run.stdout);
    const rendered = await runGongkai(['render', file, '--to', 'md'], env);
    expect(rendered.code).toBe(0);
    expect(rendered.stdout).toContain('本年新收政府信息公开申请数量');
  });

  it('--all: every agency, one JSON line each', async () => {
    const run = await report('--all', '2025', '--json');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { agency: string });
    expect(lines.map((l) => l.agency)).toEqual(['重庆市梁平区测试政府', name]);
  });

  it('--close freezes the year; a change recorded afterwards makes the report exit 1; --reopen reopens it', async () => {
    const closed = await report(name, '2024', '--close');
    expect(closed.code).toBe(0);
    expect(closed.stdout).toContain('已关闭');
    expect((await report(name, '2024')).stdout).toContain('来源：年度已关闭');
    await withDeps('2025-03-04', async (deps) => {
      // the services refuse a date in the closed year (YEAR_CLOSED); a change made around them (a direct
      // database edit) is what the report still catches
      await expect(enterRequest(deps, sys, agencyId, { arrivedOn: '2024-12-02', fields: personFields({ name: '王五' }) })).rejects.toMatchObject({ code: 'YEAR_CLOSED' });
      const { request } = await enterRequest(deps, sys, agencyId, { arrivedOn: '2025-03-04', fields: personFields({ name: '王五' }) });
      await deps.db.updateTable('disclosure_request').set({ arrived_on: '2024-12-02', received_on: '2024-12-02' }).where('id', '=', request.id).execute();
    });
    const changed = await report(name, '2024', '--json');
    expect(changed.code).toBe(1);
    const findings = (JSON.parse(changed.stdout) as { findings: { code: string; severity: string; message: string; basis: string | null }[] }).findings;
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.code)).toContain('T3-CASES');
    expect(findings.find((f) => f.code === 'T3-CASES')!.message).toContain('关闭后办理记录有变动');
    // the findings of `gongkai check --json`: {code, severity, message, at, basis}
    for (const f of findings) expect(Object.keys(f)).toEqual(['code', 'severity', 'message', 'at', 'basis']);
    expect(findings.find((f) => f.code === 'T3-CASES')!.basis).toBe('年度关闭后，已冻结的数字应与办理记录一致（rules.md §1.8 T3-CASES）');
    expect((await report(name, '2024')).stdout).toContain('      依据：年度关闭后，已冻结的数字应与办理记录一致（rules.md §1.8 T3-CASES）');
    const reopened = await report(name, '2024', '--reopen', '补录漏登的申请');
    expect(reopened.code).toBe(0);
    expect(reopened.stdout).toContain('已重新打开');
    expect(reopened.stdout).toContain('来源：按办理记录统计');
  });

  it('explains usage errors and unknown agencies', async () => {
    expect((await report(name)).code).toBe(2);
    const badYear = await report(name, '25');
    expect(badYear.code).toBe(2);
    expect(badYear.stderr).toContain('年度应为四位数字');
    const unknown = await report('不存在的机关', '2025');
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('不存在的机关');
    expect((await report(name, '2030')).code).toBe(2);
  });
});
