/**
 * Reading a holiday notice to import (JSON or CSV; format in docs/calendar-import.md) into year
 * schedules, strictly: every problem is a finding with its line (第N行), nothing is guessed.
 */
import { finding, hasErrors, type Finding, type Params } from '../findings.js';
import type { CalendarFindingCode } from '../finding-codes.js';
import { dayNumberOf, formatIsoDate, isWeekend, parseIsoDate, weekdayNames, weekdayOf } from './day-number.js';
import { calendarFirstYear, calendarLastYear } from './calendar.js';
import { jsonSyntaxErrorOffset, jsonValueLines, lineOfOffset } from './json-lines.js';
import { daysToSchedule, type CalendarDayKind, type NoticeDay } from './schedule-days.js';
import type { YearSchedule } from './schedule.js';
import { statutoryDaysOff } from './statutory.js';
import { parseCalendarCsv } from './notice-csv.js';

export type CalendarImportFormat = 'json' | 'csv';

/** One year as read from the file, before checks. */
export interface RawNoticeYear {
  readonly year: unknown;
  readonly line: number | undefined;
  readonly title: unknown;
  readonly url: unknown;
  readonly sourceLine: number | undefined;
  readonly days: RawNoticeDay[];
}

export interface RawNoticeDay {
  readonly date: string;
  readonly kind: CalendarDayKind;
  readonly name: unknown;
  readonly line: number | undefined;
}

export interface CalendarImport {
  /** The schedules read (empty when there is any error-level finding). */
  readonly schedules: readonly YearSchedule[];
  readonly findings: readonly Finding[];
}

export type Report = (code: CalendarFindingCode, severity: 'error' | 'warning', line: number | undefined, params: Params, field?: string) => void;

/** Parses and checks an import file. `format` defaults to a guess from the first character. */
export function parseCalendarImport(text: string, format?: CalendarImportFormat, importedAt: string | null = null): CalendarImport {
  const findings: Finding[] = [];
  const report: Report = (code, severity, line, params, field) =>
    findings.push(finding(code, severity, { ...(line !== undefined && { line }), ...(field !== undefined && { field }) }, params));
  const body = text.replace(/^\uFEFF/, '');
  const kind = format ?? (/^\s*[[{]/.test(body) ? 'json' : 'csv');
  const raw = kind === 'json' ? readJson(body, report) : parseCalendarCsv(body, report);
  if (raw === null) return { schedules: [], findings };
  if (raw.length === 0 && !hasErrors(findings)) report('CAL-EMPTY', 'error', undefined, {});
  const schedules = checkYears(raw, report, importedAt);
  const byLine = findings.map((f, i) => ({ f, i })).sort((a, b) => (a.f.at.line ?? 0) - (b.f.at.line ?? 0) || a.i - b.i).map((x) => x.f);
  return { schedules: hasErrors(findings) ? [] : schedules, findings: byLine };
}

function readJson(text: string, report: Report): RawNoticeYear[] | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const offset = jsonSyntaxErrorOffset(text);
    const line = offset === null ? undefined : lineOfOffset(text, offset);
    report('CAL-FORMAT', 'error', line, { detail: `不是有效的 JSON（${line === undefined ? String((err as Error).message) : `第${line}行附近有语法错误`}）` });
    return null;
  }
  const lines = jsonValueLines(text);
  const at = (path: string) => lines.get(path);
  const list = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.years) ? data.years : [data];
  const base = Array.isArray(data) ? '' : isObject(data) && Array.isArray(data.years) ? 'years' : null;
  const years: RawNoticeYear[] = [];
  list.forEach((y: unknown, i: number) => {
    const p = base === null ? '' : `${base}[${i}]`;
    const dot = (k: string) => (p ? `${p}.${k}` : k);
    if (!isObject(y)) {
      report('CAL-FORMAT', 'error', at(p), { detail: '每个年度应为一个对象：{ "year", "source", "holidays", "makeupWorkdays" }' });
      return;
    }
    const source = isObject(y.source) ? y.source : {};
    const days: RawNoticeDay[] = [];
    const entries = (key: 'holidays' | 'makeupWorkdays', dayKind: CalendarDayKind) => {
      const arr = y[key] ?? [];
      if (!Array.isArray(arr)) {
        report('CAL-FIELD', 'error', at(dot(key)), { field: key, detail: '应为数组' }, key);
        return;
      }
      arr.forEach((e: unknown, j: number) => {
        const ep = `${dot(key)}[${j}]`;
        if (!isObject(e)) return void report('CAL-FIELD', 'error', at(ep), { field: ep, detail: '应为对象' }, ep);
        const single = e.date !== undefined;
        const from = single ? e.date : e.from;
        const to = single ? e.date : dayKind === 'holiday' ? e.to : undefined;
        const fromField = single ? 'date' : 'from';
        const fromDay = dateOf(from, report, at(`${ep}.${fromField}`) ?? at(ep), `${ep}.${fromField}`);
        const toDay = to === undefined ? null : single ? fromDay : dateOf(to, report, at(`${ep}.to`) ?? at(ep), `${ep}.to`);
        if (fromDay === null || (to !== undefined && toDay === null)) {
          if (from === undefined) report('CAL-FIELD', 'error', at(ep), { field: `${ep}.${dayKind === 'holiday' ? 'from/date' : 'date'}`, detail: '缺失' }, ep);
          return;
        }
        const last = toDay ?? fromDay;
        if (last < fromDay || last - fromDay > 14) {
          report('CAL-SPAN', 'error', at(ep), { from: formatIsoDate(fromDay), to: formatIsoDate(last), detail: last < fromDay ? '结束日期早于开始日期' : '超过15天' }, ep);
          return;
        }
        for (let d = fromDay; d <= last; d++) days.push({ date: formatIsoDate(d), kind: dayKind, name: e.name, line: at(ep) });
      });
    };
    entries('holidays', 'holiday');
    entries('makeupWorkdays', 'makeupWorkday');
    years.push({ year: y.year, line: at(dot('year')) ?? at(p), title: source.title, url: source.url ?? null, sourceLine: at(dot('source')) ?? at(p), days });
  });
  return years;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function dateOf(v: unknown, report: Report, line: number | undefined, field: string): number | null {
  const d = typeof v === 'string' ? parseIsoDate(v) : null;
  if (d === null) report('CAL-DATE', 'error', line, { value: v === undefined ? '（缺失）' : String(v) }, field);
  return d;
}

function checkYears(raw: readonly RawNoticeYear[], report: Report, importedAt: string | null): YearSchedule[] {
  const out: YearSchedule[] = [];
  const seenYears = new Map<number, number | undefined>();
  for (const y of raw) {
    const year = y.year;
    if (typeof year !== 'number' || !Number.isInteger(year) || year < calendarFirstYear || year > calendarLastYear) {
      report('CAL-FIELD', 'error', y.line, { field: 'year', detail: `应为 ${calendarFirstYear}–${calendarLastYear} 之间的整数年份，实际为“${String(year)}”` }, 'year');
      continue;
    }
    if (seenYears.has(year)) {
      report('CAL-DUPLICATE', 'error', y.line, { date: `${year}年`, other: `第${seenYears.get(year) ?? '?'}行` }, 'year');
      continue;
    }
    seenYears.set(year, y.line);
    const title = typeof y.title === 'string' ? y.title.trim() : '';
    if (!title) report('CAL-SOURCE', 'error', y.sourceLine, { year, detail: '缺少通知标题（source.title / source_title）' }, 'source.title');
    const url = typeof y.url === 'string' && y.url.trim() !== '' ? y.url.trim() : null;
    if (y.url !== null && y.url !== undefined && typeof y.url !== 'string') report('CAL-SOURCE', 'error', y.sourceLine, { year, detail: '链接应为文本' }, 'source.url');
    else if (url !== null && !/^https?:\/\/\S+$/.test(url)) report('CAL-SOURCE', 'error', y.sourceLine, { year, detail: `链接“${url}”应以 http:// 或 https:// 开头` }, 'source.url');
    if (y.days.length === 0) {
      report('CAL-EMPTY', 'error', y.line, { year });
      continue;
    }
    const earliest = dayNumberOf(year - 1, 12, 21);
    const latest = dayNumberOf(year, 12, 31);
    const seen = new Map<string, number | undefined>();
    const days: NoticeDay[] = [];
    for (const d of y.days) {
      const n = parseIsoDate(d.date)!;
      const name = typeof d.name === 'string' ? d.name.trim() : '';
      if (!name) report('CAL-FIELD', 'error', d.line, { field: 'name', detail: `缺失（${d.date}）` }, 'name');
      if (n < earliest || n > latest) report('CAL-YEAR', 'error', d.line, { date: d.date, year });
      if (seen.has(d.date)) report('CAL-DUPLICATE', 'error', d.line, { date: d.date, other: seen.get(d.date) === undefined ? '前文' : `第${seen.get(d.date)}行` });
      seen.set(d.date, d.line);
      if (d.kind === 'makeupWorkday' && !isWeekend(n)) report('CAL-MAKEUP-WEEKDAY', 'warning', d.line, { date: d.date, weekday: weekdayNames[weekdayOf(n)] ?? '' });
      days.push({ date: d.date, kind: d.kind, name });
    }
    if (year >= 2025) {
      const holidayDates = new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date));
      const missing = new Map<string, string[]>();
      for (const s of statutoryDaysOff(year, { substitute: false }) ?? []) {
        const date = formatIsoDate(s.day);
        if (!holidayDates.has(date)) missing.set(s.name, [...(missing.get(s.name) ?? []), date]);
      }
      for (const [name, dates] of missing) report('CAL-STATUTORY-MISSING', 'warning', y.line, { year, name, date: dates });
    }
    out.push(daysToSchedule(year, days, { title, url }, 'imported', importedAt));
  }
  return out;
}
