/**
 * Paused intervals and the deadline sweep: from the trigger day, count `budget` working days that
 * are not inside a paused interval. O(number of pauses) on top of the calendar's O(1) counts.
 */
import type { Calendar } from '../calendar/calendar.js';
import type { DayNumber } from '../calendar/day-number.js';

/** Inclusive day interval. */
export interface Interval {
  readonly from: DayNumber;
  readonly to: DayNumber;
}

/** Sorted, with overlapping or touching intervals merged; empty intervals dropped. */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((i) => i.to >= i.from).sort((a, b) => a.from - b.from);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.from <= last.to + 1) {
      if (i.to > last.to) out[out.length - 1] = { from: last.from, to: i.to };
    } else out.push(i);
  }
  return out;
}

/**
 * The day on which the `budget`-th unpaused working day after `start` falls (start itself not
 * counted). `pauses` must be merged (mergeIntervals). When `spans` is given, the counted stretches
 * are appended to it.
 */
export function dueAfter(calendar: Calendar, start: DayNumber, budget: number, pauses: readonly Interval[], spans?: Interval[]): DayNumber {
  let cur = start;
  let remaining = budget;
  for (const p of pauses) {
    if (p.to <= cur) continue;
    const a = p.from > cur + 1 ? p.from : cur + 1;
    const avail = calendar.countWorkdays(cur + 1, a - 1);
    if (remaining <= avail) break;
    remaining -= avail;
    if (spans && a - 1 >= cur + 1) spans.push({ from: cur + 1, to: a - 1 });
    cur = p.to;
  }
  const due = calendar.addWorkdays(cur, remaining);
  if (spans) spans.push({ from: cur + 1, to: due });
  return due;
}

/** Working days of [from, to] that lie inside the (merged) pauses. */
export function pausedWorkdays(calendar: Calendar, from: DayNumber, to: DayNumber, pauses: readonly Interval[]): number {
  let n = 0;
  for (const p of pauses) {
    const a = p.from > from ? p.from : from;
    const b = p.to < to ? p.to : to;
    if (b >= a) n += calendar.countWorkdays(a, b);
  }
  return n;
}
