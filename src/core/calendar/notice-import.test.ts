import { describe, expect, it } from 'vitest';
import { parseCalendarImport } from './notice-import.js';
import { buildCalendar } from './calendar.js';
import { baseSchedules } from './base-schedules.js';
import { parseIsoDate } from './day-number.js';
import { renderYearView } from './year-view.js';
import { formatFinding } from '../messages.zh-CN.js';

const title = '国务院办公厅关于2027年部分节假日安排的通知';
const json2027 = JSON.stringify(
  {
    year: 2027,
    source: { title, url: 'https://www.gov.cn/zhengce/content/2027.htm' },
    holidays: [
      { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
      { name: '春节', from: '2027-02-05', to: '2027-02-12' },
      { name: '清明节', from: '2027-04-03', to: '2027-04-05' },
      { name: '劳动节', from: '2027-05-01', to: '2027-05-05' },
      { name: '端午节', from: '2027-06-09', to: '2027-06-11' },
      { name: '中秋节', from: '2027-09-15', to: '2027-09-17' },
      { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
    ],
    makeupWorkdays: [{ name: '春节', date: '2027-02-20' }, { name: '国庆节', date: '2027-10-09' }],
  },
  null,
  2,
);

const messages = (r: ReturnType<typeof parseCalendarImport>) => r.findings.map((f) => `${f.at.line ?? '-'}:${f.code}:${formatFinding(f)}`);

describe('importing a holiday notice', () => {
  it('reads a JSON notice into a schedule that makes the year official', () => {
    const r = parseCalendarImport(json2027, 'json', '2026-11-30T02:00:00.000Z');
    expect(r.findings).toEqual([]);
    expect(r.schedules).toHaveLength(1);
    const s = r.schedules[0]!;
    expect(s).toMatchObject({ year: 2027, origin: 'imported', source: { title }, importedAt: '2026-11-30T02:00:00.000Z' });
    expect(s.holidays[1]).toEqual({ name: '春节', from: '2027-02-05', to: '2027-02-12' });
    const c = buildCalendar([...baseSchedules(), ...r.schedules]);
    expect(c.coveredThrough).toBe(2027);
    expect(c.isWorkday(parseIsoDate('2027-02-20')!)).toBe(true);
    expect(renderYearView(c, 2027)[0]).toBe('2027年 工作日历（官方安排，已导入）');
  });

  it('reads the same notice as CSV (with quoting, CRLF and a BOM)', () => {
    const csv = [
      '\uFEFFyear,date,kind,name,source_title,source_url',
      `2027,2027-01-01,holiday,元旦,"${title}",`,
      `2027,2027-02-20,makeup_workday,春节,"${title}",`,
    ].join('\r\n');
    const r = parseCalendarImport(csv, 'csv');
    expect(r.schedules[0]).toMatchObject({ year: 2027, holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }], makeupWorkdays: [{ date: '2027-02-20' }] });
    // only warnings: the statutory days this short file leaves out
    expect(r.findings.every((f) => f.code === 'CAL-STATUTORY-MISSING' && f.severity === 'warning')).toBe(true);
    expect(r.findings.map(formatFinding)).toContain('2027年法定节日“春节”（2027-02-05、2027-02-06、2027-02-07、2027-02-08）未列为放假日，请核对通知原文');
  });

  it('reports CSV problems by line in Chinese', () => {
    const csv = [
      'year,date,kind,name,source_title,source_url',
      `2027,2027-02-30,holiday,春节,${title},`,
      `2027,2027-02-06,rest,春节,${title},`,
      `2027,2027-02-06,holiday,春节,${title},ftp://x`,
      `2027,2027-02-06,holiday,春节,${title},`,
      `2027,2027-03-03,makeup_workday,春节,${title},`,
      `2027,2026-06-01,holiday,,${title},`,
      `2027,"2027-04-05,holiday,清明节,${title},`,
    ].join('\n');
    const r = parseCalendarImport(csv, 'csv');
    expect(r.schedules).toEqual([]);
    const m = messages(r);
    expect(m).toContain('2:CAL-DATE:日期“2027-02-30”无效，应为 YYYY-MM-DD 格式的真实日期');
    expect(m).toContain('3:CAL-KIND:类型“rest”无效，应为 holiday（放假）或 makeup_workday（调休上班）');
    expect(m).toContain('4:CAL-SOURCE:2027年的通知来源有误：链接“ftp://x”应以 http:// 或 https:// 开头');
    expect(m).toContain('5:CAL-SOURCE:2027年的通知来源有误：同一年份的通知标题或链接与第4行不一致');
    expect(m).toContain('5:CAL-DUPLICATE:日期 2027-02-06 重复出现（另见第4行）');
    expect(m).toContain('6:CAL-MAKEUP-WEEKDAY:调休上班日 2027-03-03（星期三）本来就是工作日，请核对');
    expect(m).toContain('7:CAL-FIELD:字段“name”缺失（2026-06-01）');
    expect(m).toContain('7:CAL-YEAR:日期 2026-06-01 不属于 2027 年的放假安排（只允许该年的日期，以及上一年12月下旬的元旦调休日）');
    expect(m).toContain('8:CAL-FORMAT:文件格式不正确：引号不成对');
  });

  it('rejects a CSV without the required header', () => {
    const r = parseCalendarImport('date,name\n2027-01-01,元旦\n', 'csv');
    expect(messages(r)).toEqual(['1:CAL-FORMAT:文件格式不正确：第一行应为表头 year,date,kind,name,source_title,source_url：缺少列 year、kind、source_title、source_url']);
  });

  it('reports JSON problems with the line of the offending value', () => {
    const text = [
      '{',
      '  "year": 2027,',
      '  "source": { "title": "" },',
      '  "holidays": [',
      '    { "name": "春节", "from": "2027-02-12", "to": "2027-02-05" },',
      '    { "name": "元旦", "date": "2027-1-1" }',
      '  ]',
      '}',
    ].join('\n');
    const m = messages(parseCalendarImport(text));
    expect(m).toContain('5:CAL-SPAN:放假区间 2027-02-12 至 2027-02-05 无效：结束日期早于开始日期');
    expect(m).toContain('6:CAL-DATE:日期“2027-1-1”无效，应为 YYYY-MM-DD 格式的真实日期');
    expect(m).toContain('3:CAL-SOURCE:2027年的通知来源有误：缺少通知标题（source.title / source_title）');
    expect(m).toContain('2:CAL-EMPTY:文件中没有任何放假或调休上班日期');
  });

  it('reports broken JSON with its line, a bad year, and a list of several years', () => {
    expect(messages(parseCalendarImport('{\n  "year": 2027,\n  "holidays": [,]\n}'))[0]).toMatch(/^3:CAL-FORMAT:文件格式不正确：不是有效的 JSON/);
    const two = parseCalendarImport(JSON.stringify({ years: [JSON.parse(json2027), { ...JSON.parse(json2027), year: 1999 }] }, null, 2));
    expect(two.findings.map((f) => f.code)).toEqual(['CAL-FIELD']);
    expect(formatFinding(two.findings[0]!)).toBe('字段“year”应为 2004–2100 之间的整数年份，实际为“1999”');
  });

  it('accepts a late-December 元旦 day of the previous year (the 2023 notice gave 2022-12-31)', () => {
    const r = parseCalendarImport(JSON.stringify({ year: 2023, source: { title: 'x' }, holidays: [{ name: '元旦', from: '2022-12-31', to: '2023-01-02' }] }));
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
