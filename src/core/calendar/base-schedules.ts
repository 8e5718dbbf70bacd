/**
 * The official schedules shipped with the release: `chinese-days` data (2004 through its last year),
 * regrouped by notice year. A December day named 元旦 belongs to the next year's notice (e.g.
 * 2022-12-31 was given by the 2023 notice). Sources are the notice URLs the package cites.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { civilDateOf, parseIsoDate, formatIsoDate } from './day-number.js';
import { noticeTitle, type HolidaySpan, type MakeupWorkday, type YearSchedule } from './schedule.js';

/** Notice URLs per year, as cited by chinese-days (src/holidays/generate.ts). */
const sourceUrls: Readonly<Record<number, string>> = {
  2004: 'https://zh.wikisource.org/zh-hans/国务院办公厅关于2004年部分节假日安排的通知',
  2005: 'https://zhidao.baidu.com/question/2299098.html',
  2006: 'http://www.gov.cn/jrzg/2005-12/22/content_133837.htm',
  2007: 'http://www.gov.cn/fwxx/sh/2006-12/18/content_471877.htm',
  2008: 'http://www.gov.cn/zwgk/2007-12/18/content_837184.htm',
  2009: 'http://www.gov.cn/zwgk/2008-12/10/content_1174014.htm',
  2010: 'http://www.gov.cn/zwgk/2009-12/08/content_1482691.htm',
  2011: 'http://www.gov.cn/zwgk/2010-12/10/content_1762643.htm',
  2012: 'http://www.gov.cn/zwgk/2011-12/06/content_2012097.htm',
  2013: 'http://www.gov.cn/zwgk/2012-12/10/content_2286598.htm',
  2014: 'http://www.gov.cn/zwgk/2013-12/11/content_2546204.htm',
  2015: 'http://www.gov.cn/zhengce/content/2014-12/16/content_9302.htm',
  2016: 'http://www.gov.cn/zhengce/content/2015-12/10/content_10394.htm',
  2017: 'http://www.gov.cn/zhengce/content/2016-12/01/content_5141603.htm',
  2018: 'http://www.gov.cn/zhengce/content/2017-11/30/content_5243579.htm',
  2019: 'http://www.gov.cn/xinwen/2018-12/06/content_5346287.htm',
  2020: 'http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm',
  2021: 'http://www.gov.cn/zhengce/content/2020-11/25/content_5564127.htm',
  2022: 'http://www.gov.cn/zhengce/content/2021-10/25/content_5644835.htm',
  2023: 'http://www.gov.cn/zhengce/content/2022-12/08/content_5730844.htm',
  2024: 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm',
  2025: 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
  2026: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
};

/** chinese-days names ("Spring Festival,春节,4") → the names used in the notices. */
const officialNames: Readonly<Record<string, string>> = {
  "New Year's Day": '元旦',
  'Spring Festival': '春节',
  'Tomb-sweeping Day': '清明节',
  'Labour Day': '劳动节',
  'Dragon Boat Festival': '端午节',
  'Mid-autumn Festival': '中秋节',
  'National Day': '国庆节',
  'Anti-Fascist 70th Day': '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日',
};

const nameOf = (label: string): string => {
  const [en = '', zh = ''] = label.split(',');
  return officialNames[en] ?? zh;
};

interface Entry {
  readonly day: number;
  readonly name: string;
}

/** The notice year that gave a day: December 元旦 days belong to the next year's notice. */
const noticeYearOf = (e: Entry): number => {
  const { year, month } = civilDateOf(e.day);
  return month === 12 && e.name === '元旦' ? year + 1 : year;
};

function entriesOf(map: Readonly<Record<string, string>>): Entry[] {
  const out: Entry[] = [];
  for (const [date, label] of Object.entries(map)) {
    const day = parseIsoDate(date);
    if (day === null) throw new Error(`chinese-days: bad date ${date}`);
    out.push({ day, name: nameOf(label) });
  }
  return out.sort((a, b) => a.day - b.day);
}

/**
 * Consecutive days off → spans; a run of two festivals reads as the notice writes it
 * (2025: 10-01…10-08 "国庆节、中秋节", where the package names 10-06 中秋).
 */
function spansOf(entries: readonly Entry[]): HolidaySpan[] {
  const spans: HolidaySpan[] = [];
  let run: Entry[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const names = [...new Set(run.map((e) => e.name))];
    const name = names.includes('国庆节') && names.includes('中秋节') ? '国庆节、中秋节' : names.join('、');
    spans.push({ name, from: formatIsoDate(run[0]!.day), to: formatIsoDate(run[run.length - 1]!.day) });
    run = [];
  };
  for (const e of entries) {
    const last = run[run.length - 1];
    if (last && e.day !== last.day + 1) flush();
    run.push(e);
  }
  flush();
  return spans;
}

function buildBaseSchedules(): YearSchedule[] {
  const holidays = entriesOf(chineseDays.holidays);
  const workdays = entriesOf(chineseDays.workdays);
  const years = new Set([...holidays, ...workdays].map(noticeYearOf));
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => ({
      year,
      holidays: spansOf(holidays.filter((e) => noticeYearOf(e) === year)),
      makeupWorkdays: workdays
        .filter((e) => noticeYearOf(e) === year)
        .map((e): MakeupWorkday => ({ name: e.name, date: formatIsoDate(e.day) })),
      source: { title: noticeTitle(year), url: sourceUrls[year] ?? null },
      origin: 'base' as const,
      importedAt: null,
    }));
}

let cached: readonly YearSchedule[] | undefined;

/** The schedules shipped with the release, one per notice year (2004 → the package's last year). */
export function baseSchedules(): readonly YearSchedule[] {
  return (cached ??= Object.freeze(buildBaseSchedules()));
}
