/**
 * What happened inside a counted stretch of days: which days were skipped and why (周末, a named
 * holiday, 补假) and which weekend days counted as 调休上班 — in data and as Chinese text.
 */
import type { Calendar, DayKind, ProvisionalReason } from './calendar.js';
import { formatIsoDate, formatMonthDay, weekdayNames, weekdayOf, yearOf, type DayNumber } from './day-number.js';

export interface DayRun {
  readonly kind: Exclude<DayKind, 'workday' | 'makeupWorkday'>;
  readonly name: string | null;
  readonly from: DayNumber;
  readonly to: DayNumber;
  /** Estimated from the statutory holidays (no published notice). */
  readonly provisional: boolean;
}

export interface SpanDescription {
  readonly from: DayNumber;
  readonly to: DayNumber;
  readonly workdays: number;
  /** Runs of days that did not count, in order. */
  readonly skipped: readonly DayRun[];
  /** Weekend days that counted (调休上班). */
  readonly makeupDays: readonly { readonly day: DayNumber; readonly name: string | null }[];
}

export function describeSpan(calendar: Calendar, from: DayNumber, to: DayNumber): SpanDescription {
  const skipped: DayRun[] = [];
  const makeupDays: { day: DayNumber; name: string | null }[] = [];
  for (let d = from; d <= to; d++) {
    const kind = calendar.kindOf(d);
    if (kind === 'workday') continue;
    const name = calendar.nameOf(d);
    if (kind === 'makeupWorkday') {
      makeupDays.push({ day: d, name });
      continue;
    }
    const provisional = calendar.isProvisional(d);
    const last = skipped[skipped.length - 1];
    if (last && last.kind === kind && last.name === name && last.provisional === provisional && last.to === d - 1) {
      skipped[skipped.length - 1] = { ...last, to: d };
    } else skipped.push({ kind, name, from: d, to: d, provisional });
  }
  return { from, to, workdays: calendar.countWorkdays(from, to), skipped, makeupDays };
}

const range = (a: DayNumber, b: DayNumber, short: boolean) => {
  const f = short ? formatMonthDay : formatIsoDate;
  return a === b ? f(a) : `${f(a)}至${f(b)}`;
};

/** Chinese clauses: "不计入：周末 4 天（03-07至03-08、03-14至03-15）；清明节放假 2026-04-04至2026-04-06（3天）" etc. */
export function describeSpanText(s: SpanDescription): string[] {
  const short = yearOf(s.from) === yearOf(s.to);
  const weekends = s.skipped.filter((r) => r.kind === 'weekend');
  const parts: string[] = [];
  if (weekends.length > 0) {
    const days = weekends.reduce((n, r) => n + r.to - r.from + 1, 0);
    parts.push(`周末 ${days} 天（${weekends.map((r) => range(r.from, r.to, short)).join('、')}）`);
  }
  for (const r of s.skipped) {
    if (r.kind === 'weekend') continue;
    const what = r.kind === 'holiday' ? `${r.name ?? '节假日'}放假` : `${r.name ?? '补假'}`;
    parts.push(`${what} ${range(r.from, r.to, false)}（${r.to - r.from + 1}天${r.provisional ? '，按法定节日推算' : ''}）`);
  }
  const lines: string[] = [];
  if (parts.length > 0) lines.push(`不计入：${parts.join('；')}`);
  if (s.makeupDays.length > 0) {
    lines.push(
      `计入调休上班日：${s.makeupDays.map((m) => `${formatIsoDate(m.day)}（${weekdayNames[weekdayOf(m.day)]}${m.name ? `，${m.name}调休` : ''}）`).join('、')}`,
    );
  }
  return lines;
}

/** Chinese sentence for a provisional reason. */
export function describeProvisionalReason(r: ProvisionalReason): string {
  if (r.cause === 'lateDecember') {
    return `${r.year}年放假安排尚未公布，${r.year - 1}年12月下旬的几天可能因元旦调休而变化`;
  }
  return (
    `${r.year}年放假安排尚未公布：按《全国年节及纪念日放假办法》的法定节假日（元旦，春节除夕至初三，清明节，劳动节5月1日、2日，` +
    `端午节，中秋节，国庆节10月1日至3日）和周末推算，节日逢周末的在其后的工作日补假；未计调休，通知公布后可能变化`
  );
}
