import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { perItemBreakdown, perItemRangeFee, perItemTotal, perItemUnitPrice, perPageFee } from './fee-schedule.js';
import { assessRequestFee, decideFee } from './fee-assessment.js';
import { perItemFeesByMonth } from './monthly-fees.js';

describe('rules.md §3.4 worked examples', () => {
  it('按件, 35 requests in March: #1–10 free, #11–30 2,000元, #31–35 1,000元 → 3,000元; the 12th pays 100元, the 33rd 200元', () => {
    expect(perItemTotal(35)).toBe(3000);
    expect(perItemUnitPrice(12)).toBe(100);
    expect(perItemUnitPrice(33)).toBe(200);
    expect(perItemBreakdown(1, 35).map((b) => [b.from, b.to, b.unitPrice, b.amount])).toEqual([[1, 10, 0, 0], [11, 30, 100, 2000], [31, 35, 200, 1000]]);
  });
  it('按件, 55 requests: 20×100 + 10×200 + 10×300 + 5×400 = 9,000元', () => {
    expect(perItemTotal(55)).toBe(9000);
  });
  it('按件, 10 requests → 0; the 11th → 100元', () => {
    expect(perItemTotal(10)).toBe(0);
    expect(perItemUnitPrice(11)).toBe(100);
  });
  it('按件 with 一事一申请: one form split into 12 件, the first contact of the month → #11–12 → 200元', () => {
    expect(assessRequestFee({ perItem: { earlierItems: 0, items: 12 } })).toMatchObject({ method: 'perItem', amount: 200 });
  });
  it('按量: 80 pages → 500元; 250 pages → 700 + 2,000 + 2,000 = 4,700元; 30 pages → 0', () => {
    expect(perPageFee(80)).toBe(500);
    expect(perPageFee(250)).toBe(4700);
    expect(perPageFee(30)).toBe(0);
    expect(assessRequestFee({ perPage: { pages: 250 } })).toMatchObject({ method: 'perPage', amount: 4700 });
  });
});

describe('band edges', () => {
  it.each([[30, 0, 100], [31, 200, 200], [40, 200, 200], [41, 300, 300], [51, 400, 400]])('request #%i costs its band price', (n, _, price) => {
    expect(perItemUnitPrice(n)).toBe(price);
  });
  it('pages 100 → 700元, 101 → 720元, 200 → 2,700元, 201 → 2,740元', () => {
    expect([100, 101, 200, 201].map(perPageFee)).toEqual([700, 720, 2700, 2740]);
  });
});

describe('properties', () => {
  it('the fee for n+1 requests is ≥ the fee for n, and the closed form equals the sum of unit prices', () => {
    let running = 0;
    for (let n = 1; n <= 500; n++) {
      running += perItemUnitPrice(n);
      expect(perItemTotal(n)).toBe(running);
    }
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => perItemTotal(n + 1) >= perItemTotal(n)));
  });
  it('per-page fees never fall with more pages; splitting a range is additive', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), (p) => perPageFee(p + 1) >= perPageFee(p)));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (first, a, b) =>
        perItemRangeFee(first, a + b) === perItemRangeFee(first, a) + perItemRangeFee(first + a, b)),
    );
  });
});

describe('one method per request, validated input, 减免 as a decision', () => {
  it('both methods for one request → FEE-BOTH-METHODS, nothing charged', () => {
    const a = assessRequestFee({ perItem: { earlierItems: 20, items: 1 }, perPage: { pages: 80 } });
    expect(a).toMatchObject({ method: null, amount: 0 });
    expect(a.findings.map((f) => f.code)).toEqual(['FEE-BOTH-METHODS']);
  });
  it('bad counts → FEE-INPUT', () => {
    expect(assessRequestFee({ perPage: { pages: -1 } }).findings.map((f) => f.code)).toEqual(['FEE-INPUT']);
    expect(assessRequestFee({ perItem: { earlierItems: 1.5, items: 0 } }).findings.map((f) => f.code)).toEqual(['FEE-INPUT', 'FEE-INPUT']);
  });
  it('a waiver needs a reason; a reduction must be an integer between 0 and the assessed amount', () => {
    const a = assessRequestFee({ perPage: { pages: 80 } });
    expect(decideFee(a)).toMatchObject({ charged: 500, waiver: null });
    expect(decideFee(a, { kind: 'waive', reason: '申请人为最低生活保障对象' })).toMatchObject({ charged: 0, assessed: 500 });
    expect(decideFee(a, { kind: 'reduce', amount: 200, reason: '经济困难' })).toMatchObject({ charged: 200 });
    expect(decideFee(a, { kind: 'waive', reason: ' ' }).findings.map((f) => f.code)).toEqual(['FEE-WAIVER-REASON']);
    expect(decideFee(a, { kind: 'reduce', amount: 600, reason: 'x' })).toMatchObject({ charged: 500, findings: [{ code: 'FEE-WAIVER-AMOUNT' }] });
  });
});

describe('natural month ledger', () => {
  it('numbers 件 by receipt date within each natural month; a new month starts again at 1', () => {
    const fees = perItemFeesByMonth([
      { requestId: 'late', receivedOn: '2026-03-31', items: 2 },
      { requestId: 'bulk', receivedOn: '2026-03-02', items: 9 },
      { requestId: 'april', receivedOn: '2026-04-01', items: 12 },
      { requestId: 'mid', receivedOn: '2026-03-15', items: 1 },
    ]);
    expect(fees.map((f) => [f.requestId, f.month, f.firstOrdinal, f.lastOrdinal, f.amount])).toEqual([
      ['late', '2026-03', 11, 12, 200],
      ['bulk', '2026-03', 1, 9, 0],
      ['april', '2026-04', 1, 12, 200],
      ['mid', '2026-03', 10, 10, 0],
    ]);
  });
});
