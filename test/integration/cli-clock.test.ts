import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runGongkai } from '../support/cli.js';

describe('gongkai deadline / fee / calendar (SQLite file)', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gk-clock-'));
    env = { DATABASE_URL: join(dir, 'gongkai.db') };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...argv: string[]) => runGongkai(argv, env);

  it('deadline --json has exactly the documented keys (rules.md §2.10 first example)', async () => {
    const r = await run('deadline', '2025-09-26', '--json', '--today', '2025-09-26');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['received', 'clarifyBy', 'replyBy', 'extendedReplyBy', 'provisional', 'explanation']);
    expect(out).toMatchObject({ received: '2025-09-26', clarifyBy: '2025-10-13', replyBy: '2025-10-30', extendedReplyBy: '2025-11-27', provisional: false });
    expect(Array.isArray(out.explanation) && out.explanation.every((l: unknown) => typeof l === 'string')).toBe(true);
  });

  it('deadline into 2027 is provisional and never earlier than 2027-01-25', async () => {
    const r = await run('deadline', '2026-12-25');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('答复期限：2027-01-25（星期一）');
    expect(r.stdout).toContain('暂定：是');
    expect(r.stdout).toContain('2027年放假安排尚未公布');
  });

  it('deadline with --event gives the full clock and its explanation', async () => {
    const r = await run('deadline', '2026-06-15', '--event', 'clarification-sent:2026-06-18', '--event', 'clarification-answered:2026-06-30', '--today', '2026-07-01');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('补正告知期限：2026-06-25（星期四）');
    expect(r.stdout).toContain('答复期限：2026-07-28（星期二）');
    expect(r.stdout).toContain('2026-06-30 收到补正：答复期限自收到补正之日起重新计算（第三十条）。');
    expect(r.stdout).toContain('截至 2026-07-01：已用 1 个工作日，距答复期限还有 19 个工作日。');
  });

  it('deadline with --events file (consultation example of §2.10) and a policy override', async () => {
    const file = join(dir, 'events.json');
    writeFileSync(file, JSON.stringify([{ kind: 'consultationSent', on: '2026-03-05', party: 'thirdParty' }, { kind: 'consultationAnswered', on: '2026-03-12' }]));
    const r = await run('deadline', '2026-03-02', '--events', file, '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ replyBy: '2026-04-07' });
    const p = await run('deadline', '2026-03-02', '--events', file, '--json', '--policy', 'consultationDispatchDayCounts=false');
    expect(JSON.parse(p.stdout)).toMatchObject({ replyBy: '2026-04-08' });
  });

  it('an invalid sequence is reported and exits 1; bad dates and options are usage errors (exit 2)', async () => {
    const twice = await run('deadline', '2026-06-15', '--event', 'clarification-sent:2026-06-18', '--event', 'clarification-sent:2026-06-19', '--json');
    expect(twice.code).toBe(1);
    expect(JSON.parse(twice.stdout).explanation).toContain('错误：补正通知应一次性发出（第三十条）：2026-06-19 的第二次补正通知不予计算（第一次为 2026-06-18）。');
    for (const [argv, message] of [
      [['deadline', '2026-02-30'], '收到申请日期“2026-02-30”不是有效日期'],
      [['deadline', '2026-06-15', '--event', 'nap:2026-06-16'], '事件“nap:2026-06-16”的类型“nap”无效'],
      [['deadline', '2026-06-15', '--event', 'extension:2026-06-16:30'], '应写明延期的工作日数（1至20）'],
      [['deadline', '2026-06-15', '--today', 'tomorrow'], '--today“tomorrow”不是有效日期'],
      [['deadline', '2026-06-15', '--policy', 'x=true'], '未知的约定“x”'],
      [['deadline', '2026-06-15', '--events', join(dir, 'missing.json')], '找不到文件'],
    ] as const) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });

  it('fee: per item, month total, pages (rules.md §3.4), one method only', async () => {
    expect(JSON.parse((await run('fee', '--per-item', '33', '--json')).stdout)).toEqual({ method: 'perItem', amount: 200 });
    expect(JSON.parse((await run('fee', '--count', '55', '--json')).stdout)).toEqual({ method: 'perItem', amount: 9000 });
    expect(JSON.parse((await run('fee', '--pages', '80', '--json')).stdout)).toEqual({ method: 'perPage', amount: 500 });
    expect((await run('fee', '--count', '35')).stdout).toContain('第31—35件：5件 × 200元 = 1000元');
    const both = await run('fee', '--pages', '80', '--count', '3');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('不得同时按件和按量计收');
    expect((await run('fee', '--per-item', '0')).code).toBe(2);
    expect((await run('fee')).code).toBe(2);
  });

  it('calendar import makes 2027 official for deadline and show; a bad file is refused by line', async () => {
    const notice = join(dir, '2027.json');
    writeFileSync(notice, JSON.stringify({
      year: 2027,
      source: { title: '国务院办公厅关于2027年部分节假日安排的通知', url: 'https://www.gov.cn/2027' },
      holidays: [
        { name: '元旦', from: '2027-01-01', to: '2027-01-03' }, { name: '春节', from: '2027-02-05', to: '2027-02-12' },
        { name: '清明节', from: '2027-04-03', to: '2027-04-05' }, { name: '劳动节', from: '2027-05-01', to: '2027-05-05' },
        { name: '端午节', from: '2027-06-09', to: '2027-06-11' }, { name: '中秋节', from: '2027-09-15', to: '2027-09-17' },
        { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
      ],
      makeupWorkdays: [{ name: '春节', date: '2027-02-20' }],
    }, null, 2));
    const imported = await run('calendar', 'import', notice);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('已导入 2027 年放假安排：国务院办公厅关于2027年部分节假日安排的通知');
    expect(imported.stdout).toContain('官方放假安排现已覆盖至 2027 年');
    expect(JSON.parse((await run('deadline', '2026-12-25', '--json')).stdout)).toMatchObject({ replyBy: '2027-01-25', provisional: false });
    const show = await run('calendar', 'show', '2027');
    expect(show.stdout.split('\n')[0]).toBe('2027年 工作日历（官方安排，已导入）');
    expect(show.stdout).toContain('20班');
    expect((await run('calendar', 'list')).stdout).toMatch(/2027\t已导入/);

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'year,date,kind,name,source_title,source_url\n2028,2028-01-01,holiday,元旦,t,\n2028,2028-13-01,holiday,春节,t,\n');
    const refused = await run('calendar', 'import', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('第3行：日期“2028-13-01”无效');
    expect(refused.stderr).toContain('未导入：文件有 1 处错误');
    expect((await run('calendar', 'show', '2028')).stdout.split('\n')[0]).toMatch(/^2028年 工作日历（暂定/);
    expect((await run('calendar', 'show', '27')).code).toBe(2);
  });
});
