/**
 * A readable month-by-month view of one year for the terminal: a Monday-first grid per month with
 * 休 (day off), 班 (调休上班), 补 (补假 in a provisional year), then the month's holidays in words.
 */
import type { Calendar } from './calendar.js';
import { daysInMonth, dayNumberOf, weekdayNames, weekdayOf, type DayNumber } from './day-number.js';

const head = ['一', '二', '三', '四', '五', '六', '日'].map((w) => `  ${w}`).join(' ');

function mark(calendar: Calendar, d: DayNumber): string {
  switch (calendar.kindOf(d)) {
    case 'holiday':
      return '休';
    case 'substituteHoliday':
      return '补';
    case 'makeupWorkday':
      return '班';
    default:
      return '  ';
  }
}

/** Runs of the month: "元旦 1日至3日放假", "4日（星期日）上班". */
export function monthNotes(calendar: Calendar, year: number, month: number): string[] {
  const notes: string[] = [];
  const first = dayNumberOf(year, month, 1);
  const last = first + daysInMonth(year, month) - 1;
  let d = first;
  while (d <= last) {
    const kind = calendar.kindOf(d);
    const name = calendar.nameOf(d);
    if (kind === 'makeupWorkday') {
      notes.push(`${d - first + 1}日（${weekdayNames[weekdayOf(d)]}）${name ?? ''}调休上班`);
      d++;
      continue;
    }
    if (kind === 'holiday' || kind === 'substituteHoliday') {
      let e = d;
      while (e + 1 <= last && calendar.kindOf(e + 1) === kind && calendar.nameOf(e + 1) === name) e++;
      const span = e === d ? `${d - first + 1}日` : `${d - first + 1}日至${e - first + 1}日`;
      notes.push(kind === 'holiday' ? `${name ?? '节假日'} ${span}放假` : `${span}${name ?? '补假'}`);
      d = e + 1;
      continue;
    }
    d++;
  }
  return notes;
}

export function renderYearView(calendar: Calendar, year: number): string[] {
  const status = calendar.yearStatus(year);
  const lines: string[] = [];
  if (status.official) {
    const src = status.source!;
    lines.push(`${year}年 工作日历（官方安排${status.origin === 'imported' ? '，已导入' : ''}）`);
    lines.push(`来源：${src.title}${src.url ? ` ${src.url}` : ''}`);
  } else {
    lines.push(`${year}年 工作日历（暂定：尚无${year}年放假安排通知，按法定节假日和周末推算，节日逢周末顺延补假，未计调休）`);
  }
  if (!calendar.yearStatus(year + 1).official && status.official) {
    lines.push(`注意：${year + 1}年通知尚未公布，12月下旬的几天可能因元旦调休而变化（暂定）。`);
  }
  lines.push('图例：休 = 放假，班 = 调休上班，补 = 补假（暂定）；其余周一至周五为工作日，周六、周日休息。');
  for (let month = 1; month <= 12; month++) {
    const first = dayNumberOf(year, month, 1);
    const n = daysInMonth(year, month);
    let workdays = 0;
    for (let d = first; d < first + n; d++) if (calendar.isWorkday(d)) workdays++;
    lines.push('', `${month}月（${workdays}个工作日）`, head);
    let row: string[] = new Array<string>((weekdayOf(first) + 6) % 7).fill('    ');
    for (let d = first; d < first + n; d++) {
      row.push(`${String(d - first + 1).padStart(2, ' ')}${mark(calendar, d)}`);
      if (weekdayOf(d) === 0) {
        lines.push(row.join(' ').trimEnd());
        row = [];
      }
    }
    if (row.length > 0) lines.push(row.join(' ').trimEnd());
    const notes = monthNotes(calendar, year, month);
    if (notes.length > 0) lines.push(`  ${notes.join('；')}`);
  }
  return lines;
}
