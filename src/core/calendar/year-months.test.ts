import { describe, expect, it } from 'vitest';
import { baseSchedules } from './base-schedules.js';
import { buildCalendar, defaultCalendar } from './calendar.js';
import type { YearSchedule } from './schedule.js';
import { yearMonths } from './year-months.js';

describe('yearMonths (the console year view)', () => {
  it('2026: official, February with 班 on 02-14 and 02-28 and 休 from 02-15 to 02-23; only December\'s last days provisional', () => {
    const v = yearMonths(defaultCalendar(), 2026);
    expect(v.status).toBe('official');
    expect(v.source?.url).toBe('https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm');
    const feb = v.months[1]!;
    expect(feb.workdays).toBe(16);
    expect(feb.days).toHaveLength(28);
    const byDay = (d: number) => feb.days[d - 1]!;
    expect(byDay(14)).toMatchObject({ date: '2026-02-14', weekday: 6, kind: 'makeupWorkday', name: '春节', workday: true, provisional: false });
    expect(feb.days.filter((d) => d.kind === 'holiday').map((d) => d.day)).toEqual([15, 16, 17, 18, 19, 20, 21, 22, 23]);
    expect(byDay(28).kind).toBe('makeupWorkday');
    expect(feb.notes).toEqual(['14日（星期六）春节调休上班', '春节 15日至23日放假', '28日（星期六）春节调休上班']);
    expect(v.months.reduce((n, m) => n + m.workdays, 0)).toBe(v.workdays);
    expect(v.months.flatMap((m) => m.days)).toHaveLength(365);
    // the 2027 notice is not out: 12-29…12-31 are provisional, nothing else
    expect(v.months.flatMap((m) => m.days).filter((d) => d.provisional).map((d) => d.date)).toEqual(['2026-12-29', '2026-12-30', '2026-12-31']);
    expect(v.provisionalReasons).toHaveLength(1);
    expect(v.provisionalReasons[0]).toContain('2027年放假安排尚未公布');
  });

  it('2027 without a notice: provisional with the statutory days and 补假, and the reason', () => {
    const v = yearMonths(defaultCalendar(), 2027);
    expect(v.status).toBe('provisional');
    expect(v.source).toBeNull();
    expect(v.months.every((m) => m.days.every((d) => d.provisional))).toBe(true);
    const feb = v.months[1]!;
    expect(feb.days.filter((d) => d.kind === 'substituteHoliday').map((d) => d.day)).toEqual([9, 10]);
    expect(v.makeupWorkdays).toBe(0);
    expect(v.provisionalReasons[0]).toMatch(/^2027年放假安排尚未公布：按《全国年节及纪念日放假办法》/);
  });

  it('an imported year says so and counts its days', () => {
    const y2027: YearSchedule = {
      year: 2027, origin: 'imported', importedAt: '2026-11-20T00:00:00Z', source: { title: '国务院办公厅关于2027年部分节假日安排的通知', url: null },
      holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }], makeupWorkdays: [{ name: '元旦', date: '2027-01-09' }],
    };
    const v = yearMonths(buildCalendar([...baseSchedules(), y2027]), 2027);
    expect(v.status).toBe('imported');
    expect(v.holidays).toBe(3);
    expect(v.makeupWorkdays).toBe(1);
    expect(v.months[0]!.days[8]).toMatchObject({ date: '2027-01-09', weekday: 6, kind: 'makeupWorkday', workday: true });
    expect(v.months[0]!.notes).toEqual(['元旦 1日至3日放假', '9日（星期六）元旦调休上班']);
  });
});
