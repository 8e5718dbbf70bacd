import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { civilDateOf, dayNumberOf, formatIsoDate, parseIsoDate, weekdayOf } from './day-number.js';

describe('day numbers', () => {
  it('anchors: 1970-01-01 is day 0 (Thursday); 2026-02-29 does not exist; 2024-02-29 does', () => {
    expect(parseIsoDate('1970-01-01')).toBe(0);
    expect(weekdayOf(0)).toBe(4);
    expect(weekdayOf(parseIsoDate('2027-01-01')!)).toBe(5);
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2024-02-29')).not.toBeNull();
    for (const bad of ['2026-1-5', '2026-13-01', '2026-00-10', '2026-04-31', '20260101', '', '2026-01-01T00:00']) expect(parseIsoDate(bad)).toBeNull();
  });

  it('property: agrees with the JavaScript UTC calendar and round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 100_000 }), (n) => {
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
        expect(formatIsoDate(n)).toBe(iso);
        expect(parseIsoDate(iso)).toBe(n);
        const c = civilDateOf(n);
        expect(dayNumberOf(c.year, c.month, c.day)).toBe(n);
        expect(weekdayOf(n)).toBe(new Date(n * 86_400_000).getUTCDay());
      }),
    );
  });
});
