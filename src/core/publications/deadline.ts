/**
 * 第二十六条: information within the scope of proactive disclosure is published within 20 working
 * days of the day it was made or changed (rules.md §2.11), counted with the working-day calendar
 * (the formation day itself is not counted).
 */
import type { Calendar } from '../calendar/calendar.js';
import { formatIsoDate, parseIsoDate } from '../calendar/day-number.js';

export type DeadlineState = 'overdue' | 'dueSoon' | 'onTrack';

export interface PublicationDeadline {
  /** The last day to publish. */
  readonly publishBy: string;
  readonly state: DeadlineState;
  /** Working days from today (exclusive) to the deadline (inclusive); negative = working days late. */
  readonly workdaysLeft: number;
  /** Whether any day counted is provisional (no holiday notice yet). */
  readonly provisional: boolean;
}

const day = (iso: string, what: string): number => {
  const d = parseIsoDate(iso);
  if (d === null) throw new RangeError(`${what}: not a date: ${iso}`);
  return d;
};

/** The last day to publish information formed (or changed) on `formedOn`. */
export function publishDeadline(calendar: Calendar, formedOn: string, workdays = 20): string {
  return formatIsoDate(calendar.addWorkdays(day(formedOn, 'formedOn'), workdays));
}

/** Where an unpublished item stands on `today`. */
export function deadlineState(calendar: Calendar, formedOn: string, today: string, dueSoonWorkdays = 5, workdays = 20): PublicationDeadline {
  const formed = day(formedOn, 'formedOn');
  const now = day(today, 'today');
  const by = calendar.addWorkdays(formed, workdays);
  const workdaysLeft = now <= by ? calendar.countWorkdays(now + 1, by) : 0 - calendar.countWorkdays(by + 1, now) || 0;
  const state: DeadlineState = now > by ? 'overdue' : workdaysLeft <= dueSoonWorkdays ? 'dueSoon' : 'onTrack';
  return { publishBy: formatIsoDate(by), state, workdaysLeft, provisional: calendar.isProvisionalRange(formed, by) };
}

/** Whether a publication on `publishedOn` met the deadline of `formedOn`. */
export const publishedInTime = (calendar: Calendar, formedOn: string, publishedOn: string, workdays = 20): boolean =>
  publishedOn <= publishDeadline(calendar, formedOn, workdays);
