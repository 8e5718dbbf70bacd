/**
 * `gongkai` as a real process: from the sources (standard input, exit codes, no progress bar in a
 * pipe) and as installed — bin/gongkai.js over the built dist/ (what `npx gongkai` runs). The
 * build is made only when dist/ is older than src/ (under the shared build lock when available),
 * so in `npm test`, which builds first, nothing is rebuilt here.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { shared } from '../support/shared.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sharedSeed = join(shared, 'seed', 'liangping-zwfwb-2024.txt');
const seed = existsSync(sharedSeed) ? sharedSeed : fileURLToPath(new URL('../fixtures/render/liangping-2024-tables.txt', import.meta.url));
const flock = ['/usr/bin/flock', '/bin/flock'].find((p) => existsSync(p));
const env = { ...process.env, DATABASE_URL: ':memory:', LOG_LEVEL: 'silent', NO_COLOR: '1' };

/** Runs a command; `usesDist`: holding the build lock shared, so no build replaces dist/ meanwhile. */
function run(args: string[], opts: { input?: Buffer; usesDist?: boolean } = {}): SpawnSyncReturns<string> {
  const [cmd, ...rest] = flock && opts.usesDist ? [flock, '-s', '/tmp/gk-build.lock', ...args] : args;
  return spawnSync(cmd!, rest, { cwd: root, env, input: opts.input, encoding: 'utf8', timeout: 240_000 });
}

describe('gongkai from the sources, as a process', { timeout: 120_000 }, () => {
  const gongkai = (args: string[], input?: Buffer) => run([process.execPath, '--import', 'tsx', 'test/support/gongkai-src.ts', ...args], { input });

  it('reads a report from standard input (-) and exits 0; JSON on stdout only', () => {
    const r = gongkai(['check', '--json', '-'], readFileSync(seed));
    expect([r.status, r.stderr]).toEqual([0, '']);
    const line = JSON.parse(r.stdout) as { file: string; year: number; findings: unknown[] };
    expect([line.file, line.year, line.findings]).toEqual(['-', 2024, []]);
  });

  it('exits 2 for a missing file while still checking the others, with no progress bar in a pipe', () => {
    const r = gongkai(['check', seed, join(root, 'no-such-report.txt'), seed]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('共检查 3 个文件：2 个未发现错误，0 个有错误，1 个无法读取。');
    expect(r.stderr).toContain('（FILE_NOT_FOUND）');
    expect(r.stderr).not.toMatch(/[█░\r]/);
  });
});

describe('gongkai as installed (bin/gongkai.js → dist/, npx gongkai)', () => {
  beforeAll(() => {
    const ensure = "import('./scripts/setup.mjs').then((m) => m.ensureBuild())";
    const args = [process.execPath, '--input-type=module', '-e', ensure];
    const r = spawnSync(flock ?? args[0]!, flock ? ['/tmp/gk-build.lock', ...args] : args.slice(1), { cwd: root, env, encoding: 'utf8', timeout: 600_000 });
    if (r.status !== 0) throw new Error(`building dist/ failed:\n${r.stdout}\n${r.stderr}`);
  }, 600_000);

  // waiting for another engineer's build to finish (the shared lock) can take a while
  it('checks the seed through bin/gongkai.js', { timeout: 300_000 }, () => {
    const r = run([process.execPath, 'bin/gongkai.js', 'check', '--json', seed], { usesDist: true });
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect((JSON.parse(r.stdout) as { agency: string }).agency).toBe('重庆市梁平区政务服务管理办公室');
  });

  it('runs as `npx gongkai` in the checkout', { timeout: 300_000 }, () => {
    const r = run(['npx', '--no-install', 'gongkai', 'spec', '--json', '--format', '2021'], { usesDist: true });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { formats: { format: string }[] }).formats.map((f) => f.format)).toEqual(['2021']);
    const missing = run(['npx', '--no-install', 'gongkai', 'check', 'no-such-report.txt'], { usesDist: true });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('错误：找不到文件：no-such-report.txt（FILE_NOT_FOUND）');
  });
});
