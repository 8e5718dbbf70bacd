/**
 * 按件计收 over a natural month: an applicant's requests (to one agency, [U] rules.md §3.2) ordered by
 * legal receipt date, each split into 件 by 一事一申请, numbered 1, 2, … within the month of receipt;
 * each request pays the unit prices of its 件.
 */
import type { IsoDate } from '../calendar/day-number.js';
import { perItemBreakdown, type FeeBand } from './fee-schedule.js';

export interface MonthlyRequest {
  readonly requestId: string;
  /** Legal receipt date (第三十一条); it places the request in its natural month. */
  readonly receivedOn: IsoDate;
  /** 件 after 一事一申请 splitting (≥ 1). */
  readonly items: number;
}

export interface MonthlyRequestFee {
  readonly requestId: string;
  /** 'YYYY-MM'. */
  readonly month: string;
  readonly firstOrdinal: number;
  readonly lastOrdinal: number;
  readonly amount: number;
  readonly bands: readonly FeeBand[];
}

/** Fees of one applicant's requests, in input order; same-day requests keep their input order. */
export function perItemFeesByMonth(requests: readonly MonthlyRequest[]): MonthlyRequestFee[] {
  const order = requests.map((r, i) => ({ r, i })).sort((a, b) => (a.r.receivedOn < b.r.receivedOn ? -1 : a.r.receivedOn > b.r.receivedOn ? 1 : a.i - b.i));
  const used = new Map<string, number>();
  const out = new Array<MonthlyRequestFee>(requests.length);
  for (const { r, i } of order) {
    const month = r.receivedOn.slice(0, 7);
    const before = used.get(month) ?? 0;
    const items = Math.max(1, Math.floor(r.items));
    used.set(month, before + items);
    const bands = perItemBreakdown(before + 1, items);
    out[i] = { requestId: r.requestId, month, firstOrdinal: before + 1, lastOrdinal: before + items, amount: bands.reduce((n, b) => n + b.amount, 0), bands };
  }
  return out;
}
