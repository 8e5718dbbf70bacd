/**
 * `gongkai render` and `gongkai spec`: check --json → render → check gives back the same tables
 * (text, Markdown, HTML, DOCX, PDF); JSON that is not a report is REPORT_INVALID (exit 2); the
 * format definitions as JSON and as a Chinese summary.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultOutputPath } from '../../src/cli/commands/render.js';
import { runGongkai } from '../support/cli.js';
import { shared } from '../support/shared.js';

const sharedSeed = join(shared, 'seed', 'liangping-zwfwb-2024.txt');
const seed = existsSync(sharedSeed) ? sharedSeed : fileURLToPath(new URL('../fixtures/render/liangping-2024-tables.txt', import.meta.url));
/** A 2019-format report with figures (not all zeros), shipped with the project. */
const older = fileURLToPath(new URL('../fixtures/reports/real/pingtan-gaj-2019.txt', import.meta.url));
const nonzero = fileURLToPath(new URL('../fixtures/reports/real/pingtan-2024.txt', import.meta.url));

const gongkai = (...args: string[]) => runGongkai(args, {});
const checkLine = async (file: string) => {
  const run = await gongkai('check', '--json', file);
  return JSON.parse(run.stdout.trim()) as { format: string; agency: string; year: number; tables: unknown; findings: unknown[] };
};

describe('gongkai render', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gk-render-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['seed', seed, 'txt'],
    ['a 2019 report', older, 'txt'],
    ['a report with figures', nonzero, 'md'],
    ['a report with figures', nonzero, 'html'],
  ])('check --json → render --to %s → check gives the same tables (%s, %s)', async (_name, source, to) => {
    const line = await checkLine(source);
    const json = join(dir, `${to}-${line.year}.json`);
    writeFileSync(json, JSON.stringify(line));
    const out = join(dir, `out-${line.year}.${to}`);
    const render = await gongkai('render', json, '--to', to, '-o', out);
    expect([render.code, render.stderr]).toEqual([0, '']);
    expect(render.stdout).toMatch(new RegExp(`^已生成 .*out-${line.year}\\.${to}（\\d+ KB）\\n$`));
    const again = await checkLine(out);
    expect(again.tables).toEqual(line.tables);
    expect([again.format, again.year, again.agency]).toEqual([line.format, line.year, line.agency]);
  });

  it('writes text formats to standard output and DOCX to a file (PK…)', async () => {
    const json = join(dir, 'seed.json');
    writeFileSync(json, JSON.stringify(await checkLine(seed)));
    const txt = await gongkai('render', json, '--to', 'txt');
    expect(txt.code).toBe(0);
    expect(txt.stdout).toContain('一、本年新收政府信息公开申请数量');
    expect((await gongkai('render', json, '--to', 'html')).stdout).toMatch(/^<!doctype html>/);
    const out = join(dir, 'seed.docx');
    expect((await gongkai('render', json, '--to', 'docx', '-o', out)).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(defaultOutputPath(json, 'docx')).toBe('seed.docx');
    expect(defaultOutputPath('-', 'pdf')).toBe('report.pdf');
  });

  it('renders a PDF (%PDF…) with the configured Chromium and reads it back', async () => {
    const line = await checkLine(nonzero);
    const json = join(dir, 'nonzero.json');
    writeFileSync(json, JSON.stringify(line));
    const out = join(dir, 'nonzero.pdf');
    const run = await gongkai('render', json, '--to', 'pdf', '-o', out);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await checkLine(out)).tables).toEqual(line.tables);
  });

  it('refuses JSON that is not a report with REPORT_INVALID (exit 2) and says why in Chinese', async () => {
    const line = await checkLine(seed);
    const cases: [string, string, RegExp][] = [
      ['not-json', '{"format": "2021", ', /不是有效的 JSON/],
      ['two-lines', `${JSON.stringify(line)}\n${JSON.stringify(line)}\n`, /包含多份报告/],
      ['short-row', JSON.stringify({ ...line, tables: { ...(line.tables as object), table4: [0, 0] } }), /“tables\.table4”应有 15 个数/],
      ['extra-key', JSON.stringify({ ...line, secret: 1 }), /有不属于年度报告格式的字段“secret”/],
      ['array', '[1,2,3]', /应为一个 JSON 对象/],
    ];
    for (const [name, text, message] of cases) {
      const file = join(dir, `${name}.json`);
      writeFileSync(file, text);
      const run = await gongkai('render', file, '--to', 'txt');
      expect(run.code, name).toBe(2);
      expect(run.stdout, name).toBe('');
      expect(run.stderr, name).toMatch(/^错误：年度报告数据不符合格式：/);
      expect(run.stderr, name).toMatch(message);
      expect(run.stderr, name).toContain('（REPORT_INVALID）');
    }
  });

  it('refuses an unknown target and a missing file with exit 2', async () => {
    const json = join(dir, 'seed-target.json');
    writeFileSync(json, JSON.stringify(await checkLine(seed)));
    const bad = await gongkai('render', json, '--to', 'xlsx');
    expect([bad.code, bad.stderr]).toEqual([2, '错误：命令用法有误：--to 应为 html、txt、md、json、docx、pdf 之一，实际为“xlsx”（USAGE）\n']);
    expect((await gongkai('render', join(dir, 'none.json'), '--to', 'txt')).code).toBe(2);
  });
});

describe('gongkai spec', () => {
  it('--json prints both formats: sections, tables with row keys and labels, columns, rules with their basis', async () => {
    const run = await gongkai('spec', '--json');
    expect(run.code).toBe(0);
    const { formats } = JSON.parse(run.stdout) as { formats: { format: string; sections: unknown[]; tables: Record<string, { rows: { key: string; label: string }[]; columns: { key: string; label: string }[] }>; rules: { code: string; basis: string }[] }[] };
    expect(formats.map((f) => f.format)).toEqual(['2021', '2019']);
    const [f2021, f2019] = formats;
    expect(f2021!.tables.table3!.rows).toHaveLength(25);
    expect(f2019!.tables.table3!.rows).toHaveLength(23);
    expect(f2019!.tables.table3!.rows.map((r) => r.key)).toContain('other');
    expect(f2021!.tables.table3!.rows[0]).toMatchObject({ key: 'newReceived', label: '一、本年新收政府信息公开申请数量' });
    expect(f2021!.tables.table3!.columns.map((c) => c.label)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    expect(f2021!.tables.table4!.columns).toHaveLength(15);
    expect(f2021!.sections).toHaveLength(6);
    for (const f of formats) {
      expect(f.rules.map((r) => r.code)).toEqual(expect.arrayContaining(['T3-BAL', 'T3-ROWSUM', 'T3-OUTSUM', 'T4-SUM']));
      for (const r of f.rules) expect(r.basis, r.code).toMatch(/[\u4e00-\u9fff]/);
    }
    const one = JSON.parse((await gongkai('spec', '--json', '--format', '2019')).stdout) as { formats: { format: string }[] };
    expect(one.formats.map((f) => f.format)).toEqual(['2019']);
  });

  it('prints a Chinese summary without --json, and refuses an unknown format', async () => {
    const run = await gongkai('spec');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2021年格式（国办公开办函〔2021〕30号）：中华人民共和国政府信息公开工作年度报告格式，适用于2021年度起的报告');
    expect(run.stdout).toContain('2019年试行格式（国办公开办函〔2019〕60号）');
    expect(run.stdout).toMatch(/newReceived\s+一、本年新收政府信息公开申请数量/);
    expect(run.stdout).toMatch(/T3-BAL（错误）第一项加第二项之和，等于第三项加第四项之和\n\s+依据：/);
    expect(run.stdout).toMatch(/T3-CARRY（警告，需上年度报告）/);
    expect((await gongkai('spec', '--format', '2018')).code).toBe(2);
  });
});
