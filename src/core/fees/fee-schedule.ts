/**
 * 信息处理费 schedules (国办函〔2020〕109号 第四条、第五条; rules.md §3.3), 超额累进, integer 元.
 * 按件计收: the n-th request of one applicant in a natural month pays the unit price of its band —
 * 1–10 free, 11–30 100元, then +100元 per band of 10 (31–40 200元, 41–50 300元, …).
 * 按量计收: pages of one request — 1–30 free, 31–100 10元/页, 101–200 20元/页, 201+ 40元/页.
 */

export type FeeMethod = 'perItem' | 'perPage';

/** One band of a breakdown: `quantity` units (requests or pages) at `unitPrice`. */
export interface FeeBand {
  /** First and last unit (1-based ordinal or page) of the band that is charged here. */
  readonly from: number;
  readonly to: number;
  readonly unitPrice: number;
  readonly quantity: number;
  readonly amount: number;
}

/** Unit price of the n-th (1-based) request of the month. */
export function perItemUnitPrice(ordinal: number): number {
  if (ordinal <= 10) return 0;
  if (ordinal <= 30) return 100;
  return 100 + 100 * Math.ceil((ordinal - 30) / 10);
}

/** The month's total for `count` requests (closed form, O(1)). */
export function perItemTotal(count: number): number {
  if (count <= 10) return 0;
  if (count <= 30) return (count - 10) * 100;
  const over = count - 30;
  const full = Math.floor(over / 10);
  const rest = over % 10;
  // full bands t = 1..full at 100 + 100t per request, 10 each; the rest at 100 + 100(full+1)
  return 2000 + 10 * (100 * full + (100 * full * (full + 1)) / 2) + rest * 100 * (full + 2);
}

/** Fee for the requests numbered first … first+count−1 of the month (e.g. one form split into `count` 件). */
export function perItemRangeFee(first: number, count: number): number {
  if (count <= 0) return 0;
  return perItemTotal(first + count - 1) - perItemTotal(first - 1);
}

/** Bands of ordinals first … first+count−1 (free bands included, so the breakdown shows them). */
export function perItemBreakdown(first: number, count: number): FeeBand[] {
  const bands: FeeBand[] = [];
  let n = first;
  const last = first + count - 1;
  while (n <= last) {
    const bandEnd = n <= 10 ? 10 : n <= 30 ? 30 : 30 + 10 * Math.ceil((n - 30) / 10);
    const to = Math.min(bandEnd, last);
    const unitPrice = perItemUnitPrice(n);
    bands.push({ from: n, to, unitPrice, quantity: to - n + 1, amount: unitPrice * (to - n + 1) });
    n = to + 1;
  }
  return bands;
}

const pageBands = [
  { from: 1, to: 30, unitPrice: 0 },
  { from: 31, to: 100, unitPrice: 10 },
  { from: 101, to: 200, unitPrice: 20 },
  { from: 201, to: Number.POSITIVE_INFINITY, unitPrice: 40 },
] as const;

/** Bands of a per-page charge for `pages` pages of one request. */
export function perPageBreakdown(pages: number): FeeBand[] {
  const out: FeeBand[] = [];
  for (const b of pageBands) {
    if (pages < b.from) break;
    const to = Math.min(pages, b.to);
    const quantity = to - b.from + 1;
    out.push({ from: b.from, to, unitPrice: b.unitPrice, quantity, amount: quantity * b.unitPrice });
  }
  return out;
}

/** Per-page fee of one request. */
export const perPageFee = (pages: number): number => perPageBreakdown(pages).reduce((sum, b) => sum + b.amount, 0);
