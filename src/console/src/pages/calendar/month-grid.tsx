/**
 * One month of the working-day calendar as a table (Monday first). Each day says what it is in text,
 * not by colour only: 休 (放假), 班 (调休上班), 补 (补假, provisional years), 暂 (a provisional day in an
 * official year), and screen readers hear the full description ("1日 星期五 元旦 放假").
 */
import type { CalendarDay, CalendarMonth } from '../../api/calendar.js';

const weekdays = ['一', '二', '三', '四', '五', '六', '日'];
const weekdayNames = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export const dayMarks: Readonly<Record<string, string>> = { holiday: '休', makeupWorkday: '班', substituteHoliday: '补' };

const kindText = (d: CalendarDay): string => {
  switch (d.kind) {
    case 'holiday': return `${d.name ?? ''}放假`;
    case 'makeupWorkday': return `${d.name ?? ''}调休上班`;
    case 'substituteHoliday': return `${d.name ?? ''}（暂定）`;
    case 'weekend': return '休息日';
    default: return '工作日';
  }
};

/** "2日 星期六 春节调休上班（暂定）" */
export const describeDay = (d: CalendarDay, markProvisional: boolean): string =>
  `${d.day}日 ${weekdayNames[d.weekday]} ${kindText(d)}${markProvisional && d.provisional ? '（暂定）' : ''}`;

export function MonthGrid({ year, month, markProvisional }: { year: number; month: CalendarMonth; markProvisional: boolean }) {
  const lead = (month.days[0]!.weekday + 6) % 7;
  const cells: (CalendarDay | null)[] = [...Array<null>(lead).fill(null), ...month.days];
  while (cells.length % 7 !== 0) cells.push(null);
  const rows: (CalendarDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) rows.push(cells.slice(i, i + 7));
  const captionId = `gk-cal-${year}-${month.month}`;
  return (
    <div className="gk-cal-month">
      <table>
        <caption id={captionId}>{month.month}月<span className="gk-cal-count">（{month.workdays}个工作日）</span></caption>
        <thead>
          <tr>{weekdays.map((w) => <th key={w} scope="col" abbr={`星期${w}`}>{w}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((d, c) => {
                if (!d) return <td key={c} className="gk-cal-empty" />;
                const mark = dayMarks[d.kind] ?? (markProvisional && d.provisional ? '暂' : '');
                return (
                  <td key={c} className={`gk-cal-day gk-cal-${d.kind}${d.provisional && markProvisional ? ' gk-cal-provisional' : ''}`} title={describeDay(d, markProvisional)} data-date={d.date}>
                    <span aria-hidden="true"><span className="gk-cal-num">{d.day}</span>{mark && <span className="gk-cal-mark">{mark}</span>}</span>
                    <span className="gk-visually-hidden">{describeDay(d, markProvisional)}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {month.notes.length > 0 && <p className="gk-cal-notes">{month.notes.join('；')}</p>}
    </div>
  );
}
