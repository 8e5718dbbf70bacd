/** Hand-checked cases around 春节, 国庆+中秋 and year ends 2024–2026 (each counted by hand, day by day). */
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../calendar/calendar.js';
import { computeRequestClock } from './clock.js';

const cal = defaultCalendar();

describe('hand-checked clocks (7 wd 补正 / 20 wd reply / 40 wd extended)', () => {
  it.each([
    ['2024-12-27', '2025-01-08', '2025-01-26', '2025-02-28', 'year end 2024: 2025 元旦 off; the 20th day is Sunday 2025-01-26, a 春节 调休上班 day'],
    ['2025-01-24', '2025-02-10', '2025-02-27', '2025-03-27', '春节 2025: 01-26 (Sun) and 02-08 (Sat) work, 01-28…02-04 off'],
    ['2026-02-13', '2026-03-02', '2026-03-19', '2026-04-17', '春节 2026: 02-14 (Sat) works, 9 days 02-15…23 off, 02-28 (Sat) works, 清明 04-04…06 off'],
    ['2024-09-13', '2024-09-25', '2024-10-17', '2024-11-14', '中秋 2024 (09-15…17, 09-14 Sat works) then 国庆 10-01…07 (09-29 Sun, 10-12 Sat work)'],
    ['2026-09-24', '2026-10-12', '2026-10-29', '2026-11-26', '中秋 2026 09-25…27 then 国庆 10-01…07 (10-10 Sat works)'],
    ['2025-12-26', '2026-01-07', '2026-01-26', '2026-02-28', 'year end 2025: 2026 元旦 01-01…03 off, 01-04 (Sun) works; extended ends on 上班 Saturday 02-28'],
    ['2023-12-29', '2024-01-10', '2024-01-29', '2024-02-29', 'year end 2023: 2024 元旦 (Mon) off; extended crosses 春节 2024 (02-04, 02-18 Sun work)'],
  ])('received %s → 补正 by %s, reply by %s, extended %s — %s', (on, clarifyBy, replyBy, extendedReplyBy) => {
    expect(computeRequestClock([{ kind: 'received', on }], cal, on)).toMatchObject({ clarifyBy, replyBy, extendedReplyBy, provisional: false });
  });

  it('year end 2026: received 2026-12-18 → reply by 2027-01-18, provisional (the 2027 notice is not out)', () => {
    // 12-21…25 (5), 12-28…31 (9), 01-01 元旦 off, 01-04…08 (14), 01-11…15 (19), 01-18 (20)
    const c = computeRequestClock([{ kind: 'received', on: '2026-12-18' }], cal, '2026-12-18');
    expect(c).toMatchObject({ clarifyBy: '2026-12-29', replyBy: '2027-01-18', provisional: true, replyByProvisional: true });
  });

  it('year end 2026: received 2026-11-27 → reply by 2026-12-25 is official, but the extended date in 2027 makes the clock provisional', () => {
    const c = computeRequestClock([{ kind: 'received', on: '2026-11-27' }], cal, '2026-11-27');
    expect(c).toMatchObject({ replyBy: '2026-12-25', replyByProvisional: false, provisional: true });
  });
});
