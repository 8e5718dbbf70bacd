import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../calendar/calendar.js';
import { computeRequestClock } from './clock.js';
import { explainClock } from './clock-explain.js';
import type { ClockEvent } from './clock-events.js';

const cal = defaultCalendar();
const explain = (events: ClockEvent[], today: string) => explainClock(computeRequestClock(events, cal, today), cal);

describe('explanation in Chinese', () => {
  it('names the skipped holiday, the weekends and the 调休上班 days that counted', () => {
    const text = explain([{ kind: 'received', on: '2025-09-26' }], '2025-09-26').join('\n');
    expect(text).toContain('收到申请之日：2025-09-26（星期五）');
    expect(text).toContain('《民法典》第二百零一条');
    expect(text).toContain('补正告知期限：收到申请后第7个工作日，即 2025-10-13（星期一）');
    expect(text).toContain('国庆节、中秋节放假 2025-10-01至2025-10-08（8天）');
    expect(text).toContain('2025-09-28（星期日，国庆节调休）');
    expect(text).toContain('→ 2025-10-30（星期四），即答复期限');
    expect(text).toContain('最迟 2025-11-27（星期四）');
    expect(text).toContain('截至 2025-09-26：已用 0 个工作日，距答复期限还有 20 个工作日');
  });

  it('explains a pause with its convention and the stretches counted around it', () => {
    const lines = explain([
      { kind: 'received', on: '2026-03-02' },
      { kind: 'consultationSent', on: '2026-03-05', party: 'thirdParty' },
      { kind: 'consultationAnswered', on: '2026-03-12' },
    ], '2026-03-12');
    expect(lines).toContain('征求第三方（第三十二条）意见：2026-03-05 发出，对方 2026-03-05 收到，应于 2026-03-26（星期四） 前提出意见（15个工作日）；2026-03-12 收到意见。');
    expect(lines.some((l) => l.startsWith('暂停：2026-03-06至2026-03-12，其中 5 个工作日不计') && l.includes('发出当日计入，收到答复当日不计入'))).toBe(true);
    expect(lines).toContain('　　2026-03-03至2026-03-05：计 3 个工作日');
    expect(lines).toContain('　　2026-03-13至2026-04-07：计 17 个工作日');
    expect(lines.some((l) => l.includes('清明节放假 2026-04-04至2026-04-06（3天）'))).toBe(true);
  });

  it('says why a 2027 date is provisional, and marks the estimated holiday', () => {
    const text = explain([{ kind: 'received', on: '2026-12-25' }], '2026-12-25').join('\n');
    expect(text).toContain('元旦放假 2027-01-01（1天，按法定节日推算）');
    expect(text).toContain('暂定：2027年放假安排尚未公布：按《全国年节及纪念日放假办法》的法定节假日');
    expect(text).toContain('→ 2027-01-25（星期一），即答复期限');
  });

  it('lists invalid sequences as 错误/警告 lines', () => {
    const lines = explain([
      { kind: 'received', on: '2026-06-15' },
      { kind: 'clarificationSent', on: '2026-06-18' },
      { kind: 'clarificationSent', on: '2026-06-19' },
    ], '2026-06-20');
    expect(lines).toContain('尚未收到补正：收到补正后，自次日起重新计算20个工作日的答复期限。');
    expect(lines).toContain('错误：补正通知应一次性发出（第三十条）：2026-06-19 的第二次补正通知不予计算（第一次为 2026-06-18）。');
  });
});
