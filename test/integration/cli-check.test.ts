/**
 * `gongkai check`: the JSON contract on the seed, the exit codes on every real report (the
 * ../shared corpus when present, and the real reports shipped under test/fixtures), unreadable
 * files (exit 2, every file still processed), the terminal output and --previous.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/core/report/render/index.js';
import { specFor } from '../../src/core/report/spec/index.js';
import type { ReportValues } from '../../src/core/report/values.js';
import { checkReportFile } from '../../src/services/check.service.js';
import { runGongkai } from '../support/cli.js';
import { shared } from '../support/shared.js';

const fixtures = fileURLToPath(new URL('../fixtures/reports/real/', import.meta.url));
const sharedSeed = join(shared, 'seed', 'liangping-zwfwb-2024.txt');
/** The seed from ../shared, else the project's copy of its tables. */
const seed = existsSync(sharedSeed) ? sharedSeed : fileURLToPath(new URL('../fixtures/render/liangping-2024-tables.txt', import.meta.url));

const contractRowKeys = [
  'newReceived', 'carriedOver', 'granted', 'partial', 'denied_stateSecret', 'denied_lawForbidden', 'denied_threeSafety',
  'denied_thirdParty', 'denied_internalAffairs', 'denied_processInfo', 'denied_enforcementFile', 'denied_queryMatter',
  'unable_notHeld', 'unable_needCreate', 'unable_unclear', 'rejected_complaint', 'rejected_repeat', 'rejected_publication',
  'rejected_massive', 'rejected_confirm', 'other_noSupplement', 'other_noFee', 'other_other', 'total', 'carriedForward',
];

const check = (...args: string[]) => runGongkai(['check', ...args], {});
const jsonLines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

/** Real reports with their expected exit code: 1 where the published tables do not add up. */
function realReports(): { name: string; file: string; exit: number }[] {
  const out: { name: string; file: string; exit: number }[] = [];
  const truthDir = join(shared, 'corpus', 'truth');
  if (existsSync(truthDir)) {
    for (const t of readdirSync(truthDir).filter((f) => f.endsWith('.json'))) {
      const truth = JSON.parse(readFileSync(join(truthDir, t), 'utf8')) as { rawFile: string; consistent: boolean };
      out.push({ name: `corpus ${truth.rawFile}`, file: join(shared, 'corpus', truth.rawFile), exit: truth.consistent ? 0 : 1 });
    }
  }
  for (const t of readdirSync(fixtures).filter((f) => f.endsWith('.json'))) {
    const truth = JSON.parse(readFileSync(join(fixtures, t), 'utf8')) as { rawFile: string; consistent: boolean };
    out.push({ name: `fixture ${truth.rawFile}`, file: join(fixtures, truth.rawFile), exit: truth.consistent ? 0 : 1 });
  }
  return out;
}

describe('gongkai check', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gk-check-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the seed as one JSON line in the contract: 25 table-三 rows of 7, 15 table-四 cells, no finding, exit 0', async () => {
    const run = await check('--json', seed);
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(Object.keys(line)).toEqual(['file', 'format', 'agency', 'year', 'tables', 'findings']);
    expect(line).toMatchObject({ file: seed, format: '2021', agency: '重庆市梁平区政务服务管理办公室', year: 2024, findings: [] });
    const tables = line.tables as { table2: unknown; table3: Record<string, unknown>; table4: unknown };
    expect(Object.keys(tables.table3)).toEqual(contractRowKeys);
    for (const key of contractRowKeys) expect(tables.table3[key], key).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(tables.table4).toEqual(new Array(15).fill(0));
    expect(tables.table2).toEqual({ regulations: [0, 0, 0], normativeDocs: [0, 0, 0], licensing: 0, penalty: 0, enforcement: 0, feesWan: 0 });
    expect(run.stderr).toBe('');
  });

  it('--json: a table-二 row with no readable cell is null, a partly readable one keeps its nulls (as the truth files)', async () => {
    const run = await check('--json', join(fixtures, 'pingtan-2021.txt'), join(fixtures, 'pingtan-2024.txt'));
    const [y2021, y2024] = jsonLines(run.stdout).map((l) => (l.tables as { table2: Record<string, unknown> }).table2);
    // 2021: the 规范性文件 digits run together with several splits; 2024: the prose fixes only 制发
    expect(y2021!.normativeDocs).toBeNull();
    expect(y2024!.normativeDocs).toEqual([62, null, null]);
  });

  it('prints the seed for people: its tables, the verdict, no colour when not a terminal', async () => {
    const run = await check(seed);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('表三\u3000收到和处理政府信息公开申请情况');
    expect(run.stdout).toMatch(/一、本年新收政府信息公开申请数量\s+0\s+0\s+0\s+0\s+0\s+0\s+0/);
    expect(run.stdout).toContain('行政诉讼 复议后起诉');
    expect(run.stdout).toContain('检查结论：✓ 未发现错误');
    expect(run.stdout).not.toContain('\u001b[');
  });

  it.each(realReports())('$name: exit $exit', async ({ file, exit }) => {
    const run = await check('--json', file);
    expect(run.code).toBe(exit);
    const [line] = jsonLines(run.stdout);
    const errors = (line!.findings as { severity: string }[]).filter((f) => f.severity === 'error');
    expect(errors.length > 0).toBe(exit === 1);
  });

  for (const file of [join(shared, 'corpus', 'raw', 'pingtan-2020.txt')].filter((f) => existsSync(f))) it('marks the inconsistent totals of pingtan-2020 and explains them in Chinese', async () => {
    const run = await check(file);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/（七）总计\s+20✗\s+0\s+0\s+0\s+0\s+1\s+21✗/);
    expect(run.stdout).toContain('检查结论：✗ 发现 2 处错误');
    expect(run.stdout).toContain('[错误] 表三“自然人”栏：（一）至（六）各项办理结果之和为 26，“（七）总计”填写 20（位置：表三“（七）总计”行“自然人”栏；T3-OUTSUM）');
    const [line] = jsonLines((await check('--json', file)).stdout);
    expect(line).toMatchObject({ format: '2019', year: 2020, tables: { table2: null } });
    expect((line!.tables as { table3: Record<string, unknown> }).table3).toHaveProperty('other');
    expect((line!.tables as { table2Older: unknown }).table2Older).toBeTruthy();
    expect((line!.findings as { code: string; at: unknown }[]).filter((f) => f.code === 'T3-OUTSUM').map((f) => f.at)).toEqual([
      { table: 'table3', row: 'total', column: 0 },
      { table: 'table3', row: 'total', column: 6 },
    ]);
  });

  it('marks a cell that breaks a rule in a report of its own (rendered from the seed with one total changed)', async () => {
    const report = (await checkReportFile({ bytes: readFileSync(seed), filename: seed })).report!;
    const broken: ReportValues = { ...report, tables: { ...report.tables, table3: { ...report.tables.table3, newReceived: [0, 0, 0, 0, 0, 0, 5] } } };
    const file = join(dir, 'broken.txt');
    writeFileSync(file, renderReport(broken, 'txt'));
    const run = await check(file);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/一、本年新收政府信息公开申请数量\s+0\s+0\s+0\s+0\s+0\s+0\s+5✗/);
    expect(run.stdout).toContain('（位置：表三“一、本年新收政府信息公开申请数量”行“总计”栏；T3-ROWSUM）');
    // the rule's legal basis follows its finding, in the text and (additive key `basis`) in --json
    const basisOf = (code: string) => specFor('2021').rules.find((r) => r.code === code)!.basis;
    const rowsum = run.stdout.split('\n').findIndex((l) => l.includes('T3-ROWSUM）'));
    expect(run.stdout.split('\n')[rowsum + 1]).toBe(`      依据：${basisOf('T3-ROWSUM')}`);
    const [line] = jsonLines((await check('--json', file)).stdout);
    const findings = line!.findings as Record<string, unknown>[];
    for (const f of findings) expect(Object.keys(f)).toEqual(['code', 'severity', 'message', 'at', 'basis']);
    expect(findings.find((f) => f.code === 'T3-ROWSUM')).toMatchObject({ at: { table: 'table3', row: 'newReceived', column: 6 }, basis: basisOf('T3-ROWSUM') });
    expect(findings.filter((f) => f.code === 'T3-BAL').map((f) => f.basis)).toEqual([basisOf('T3-BAL')]);
  });

  it('exits 2 for a missing file, a binary file and bytes that hold no report; each still gets its JSON line', async () => {
    const garbage = join(dir, 'garbage.bin');
    const noise = join(dir, 'noise.txt');
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    writeFileSync(garbage, bytes);
    writeFileSync(noise, bytes);
    for (const file of [join(dir, 'missing.txt'), garbage, noise]) {
      const run = await check('--json', file);
      expect(run.code, file).toBe(2);
      const [line] = jsonLines(run.stdout);
      expect(line, file).toMatchObject({ file, format: null, tables: null });
      expect((line!.findings as { severity: string }[]).some((f) => f.severity === 'error'), file).toBe(true);
      // a reading finding quotes no rule: its basis is null, the key is still there
      for (const f of line!.findings as Record<string, unknown>[]) expect(f, file).toHaveProperty('basis', null);
    }
    const missing = await check(join(dir, 'missing.txt'));
    expect(missing.stderr).toContain(`错误：找不到文件：${join(dir, 'missing.txt')}（FILE_NOT_FOUND）`);
    const binary = await check(garbage);
    expect(binary.stderr).toContain('不支持的文件类型（.bin）');
  });

  it('processes every file of a batch, exits with the highest code and prints no progress bar off a terminal', async () => {
    const missing = join(dir, 'missing.txt');
    const run = await check(seed, missing, seed);
    expect(run.code).toBe(2);
    expect(run.stdout.split(`━━ ${seed} ━━`)).toHaveLength(3);
    expect(run.stdout).toContain('共检查 3 个文件：2 个未发现错误，0 个有错误，1 个无法读取。');
    expect(run.stderr).not.toMatch(/[█░]/);
    expect(jsonLines((await check('--json', seed, missing)).stdout).map((l) => l.file)).toEqual([seed, missing]);
  });

  it('--previous adds the cross-year checks: this year\'s 上年结转 against last year\'s 结转下年度', async () => {
    const thisYear = (await checkReportFile({ bytes: readFileSync(seed), filename: seed })).report!;
    const carried = [1, 0, 0, 0, 0, 0, 1];
    const lastYear: ReportValues = { ...thisYear, year: 2023, title: null, period: null, tables: { ...thisYear.tables, table3: { ...thisYear.tables.table3, carriedForward: carried } } };
    const previous = join(dir, 'previous-2023.txt');
    writeFileSync(previous, renderReport(lastYear, 'txt'));
    const codes = async (...args: string[]) => {
      const [line] = jsonLines((await check('--json', ...args)).stdout);
      return (line!.findings as { code: string; at: unknown }[]);
    };
    expect((await codes(seed)).map((f) => f.code)).not.toContain('T3-CARRY');
    const carry = (await codes('--previous', previous, seed)).filter((f) => f.code === 'T3-CARRY');
    expect(carry.map((f) => f.at)).toEqual([{ table: 'table3', row: 'carriedOver', column: 0 }, { table: 'table3', row: 'carriedOver', column: 6 }]);
    const missing = await check('--previous', join(dir, 'none.txt'), seed);
    expect([missing.code, missing.stdout]).toEqual([2, '']);
    expect(missing.stderr).toContain('FILE_NOT_FOUND');
  });

  it('has the contract row keys in the spec order', () => {
    expect(specFor('2021').tables.table3.rows.map((r) => r.key)).toEqual(contractRowKeys);
  });
});
