/**
 * A year's schedule as individual days (the storage form: one row per day) and back.
 */
import { formatIsoDate, parseIsoDate } from './day-number.js';
import type { HolidaySpan, MakeupWorkday, NoticeSource, YearSchedule } from './schedule.js';

export type CalendarDayKind = 'holiday' | 'makeupWorkday';

/** One day of a notice. */
export interface NoticeDay {
  readonly date: string;
  readonly kind: CalendarDayKind;
  readonly name: string;
}

export function scheduleToDays(s: YearSchedule): NoticeDay[] {
  const out: NoticeDay[] = [];
  for (const h of s.holidays) {
    const from = parseIsoDate(h.from);
    const to = parseIsoDate(h.to);
    if (from === null || to === null) continue;
    for (let d = from; d <= to; d++) out.push({ date: formatIsoDate(d), kind: 'holiday', name: h.name });
  }
  for (const m of s.makeupWorkdays) out.push({ date: m.date, kind: 'makeupWorkday', name: m.name });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Days → spans (consecutive holiday days of the same name) and make-up days. */
export function daysToSchedule(
  year: number,
  days: readonly NoticeDay[],
  source: NoticeSource,
  origin: YearSchedule['origin'],
  importedAt: string | null = null,
): YearSchedule {
  const holidays: HolidaySpan[] = [];
  const makeupWorkdays: MakeupWorkday[] = [];
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let run: { name: string; from: number; to: number } | null = null;
  for (const d of sorted) {
    const n = parseIsoDate(d.date);
    if (n === null) continue;
    if (d.kind === 'makeupWorkday') {
      makeupWorkdays.push({ name: d.name, date: d.date });
      continue;
    }
    if (run && run.name === d.name && run.to === n - 1) run.to = n;
    else {
      if (run) holidays.push({ name: run.name, from: formatIsoDate(run.from), to: formatIsoDate(run.to) });
      run = { name: d.name, from: n, to: n };
    }
  }
  if (run) holidays.push({ name: run.name, from: formatIsoDate(run.from), to: formatIsoDate(run.to) });
  return { year, holidays, makeupWorkdays, source, origin, importedAt };
}
