import { describe, expect, it } from 'vitest';
import { defaultCalendar } from './calendar.js';
import { renderYearView } from './year-view.js';

describe('year view', () => {
  it('2026: official, with the notice as source; February shows 班 on 02-14 and 02-28 and 休 for 02-15…23', () => {
    const lines = renderYearView(defaultCalendar(), 2026);
    expect(lines[0]).toBe('2026年 工作日历（官方安排）');
    expect(lines[1]).toContain('https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm');
    const feb = lines.slice(lines.indexOf('2月（16个工作日）'));
    expect(feb[1]).toBe('  一   二   三   四   五   六   日');
    expect(feb[4]).toBe(' 9   10   11   12   13   14班 15休');
    expect(feb[5]).toBe('16休 17休 18休 19休 20休 21休 22休');
    expect(feb[6]).toBe('23休 24   25   26   27   28班');
    expect(feb[7]).toBe('  14日（星期六）春节调休上班；春节 15日至23日放假；28日（星期六）春节调休上班');
  });

  it('2027: provisional, statutory holidays with 补假', () => {
    const lines = renderYearView(defaultCalendar(), 2027);
    expect(lines[0]).toMatch(/^2027年 工作日历（暂定：尚无2027年放假安排通知/);
    expect(lines).toContain('  春节 5日至8日放假；9日至10日春节补假');
    expect(lines).toContain(' 8休  9补 10补 11   12   13   14');
  });
});
