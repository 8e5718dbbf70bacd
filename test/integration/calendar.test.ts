import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { findAuditEvents } from '../../src/db/audit.repository.js';
import { listImportedCalendarYears, replaceCalendarYear } from '../../src/db/calendar.repository.js';
import { parseIsoDate } from '../../src/core/calendar/day-number.js';
import { computeRequestClock } from '../../src/core/requests/clock.js';
import { importCalendarNotice, listCalendarYears, loadCalendar, removeImportedCalendarYear } from '../../src/services/calendar.service.js';
import { systemActor } from '../../src/services/with-transaction.js';
import { testDatabases } from '../support/databases.js';
import { testServiceDeps, type TestDeps } from '../support/service-deps.js';

const notice2027 = JSON.stringify({
  year: 2027,
  source: { title: '国务院办公厅关于2027年部分节假日安排的通知', url: 'https://www.gov.cn/zhengce/2027.htm' },
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-05', to: '2027-02-12' },
    { name: '清明节', from: '2027-04-03', to: '2027-04-05' },
    { name: '劳动节', from: '2027-05-01', to: '2027-05-05' },
    { name: '端午节', from: '2027-06-09', to: '2027-06-11' },
    { name: '中秋节', from: '2027-09-15', to: '2027-09-17' },
    { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
  ],
  makeupWorkdays: [{ name: '春节', date: '2027-02-20' }],
});
const actor = { userId: null, name: '系统（测试）' };
const d = (iso: string) => parseIsoDate(iso)!;

describe.each(testDatabases)('calendar storage and service on $name', (target) => {
  let handle: DatabaseHandle;
  let deps: TestDeps;
  beforeEach(async () => {
    handle = await target.create();
    deps = testServiceDeps(handle, {}, '2026-11-30T02:00:00Z');
  });
  afterEach(() => handle.close());

  it('the repository stores a year as days and reads it back grouped, replacing on re-import', async () => {
    const days = [
      { date: '2027-01-01', kind: 'holiday' as const, name: '元旦' },
      { date: '2027-02-20', kind: 'makeupWorkday' as const, name: '春节' },
    ];
    await replaceCalendarYear(handle.db, { year: 2027, source: { title: 't', url: null }, importedAt: '2026-11-30T02:00:00.000Z', importedBy: null, days });
    await replaceCalendarYear(handle.db, { year: 2027, source: { title: 't2', url: 'https://x' }, importedAt: '2026-12-01T02:00:00.000Z', importedBy: 'u1', days: days.slice(0, 1) });
    expect(await listImportedCalendarYears(handle.db)).toEqual([
      { year: 2027, source: { title: 't2', url: 'https://x' }, importedAt: '2026-12-01T02:00:00.000Z', importedBy: 'u1', days: days.slice(0, 1) },
    ]);
  });

  it('without imports the calendar is the shipped one: 2027 provisional, 2026-12-25 → 2027-01-25', async () => {
    const cal = await loadCalendar(deps);
    expect(cal.coveredThrough).toBe(2026);
    expect(computeRequestClock([{ kind: 'received', on: '2026-12-25' }], cal, '2026-12-25')).toMatchObject({ replyBy: '2027-01-25', provisional: true });
  });

  it('importing the 2027 notice makes 2027 official, changes the deadlines and is audited; removing it restores the estimate', async () => {
    const before = await loadCalendar(deps);
    const result = await importCalendarNotice(deps, actor, notice2027);
    expect(result).toMatchObject({ imported: true, years: [2027], replacedImports: [], overriddenBase: [] });
    expect(result.findings).toEqual([]);
    const cal = await loadCalendar(deps);
    expect(cal).not.toBe(before);
    expect(cal.coveredThrough).toBe(2027);
    expect(cal.isWorkday(d('2027-02-20'))).toBe(true);
    // 12-28…31 (4), 01-04…08 (9), 01-11…15 (14), 01-18…22 (19), 01-25 (20): same date, now official
    expect(computeRequestClock([{ kind: 'received', on: '2026-12-25' }], cal, '2026-12-25')).toMatchObject({ replyBy: '2027-01-25', provisional: false });
    // across 春节 2027: received 2027-02-01 → 02-02…04 (3), 02-05…12 off, 02-15…19 (8), 02-20 Sat 上班 (9), 02-22…26 (14), 03-01…05 (19), 03-08 (20)
    expect(computeRequestClock([{ kind: 'received', on: '2027-02-01' }], cal, '2027-02-01').replyBy).toBe('2027-03-08');
    const [event] = await findAuditEvents(deps.db, { agencyIds: 'all', limit: 10 });
    expect(event).toMatchObject({ action: 'calendar.import', entityType: 'calendar_year', entityId: '2027', actorName: '系统（测试）', after: { days: 33 } });

    const again = await importCalendarNotice(deps, actor, notice2027);
    expect(again.replacedImports).toEqual([2027]);
    expect(await loadCalendar(deps)).toBe(await loadCalendar(deps));

    expect(await removeImportedCalendarYear(deps, systemActor(), 2027)).toBe(true);
    expect((await loadCalendar(deps)).coveredThrough).toBe(2026);
    expect(await removeImportedCalendarYear(deps, systemActor(), 2027)).toBe(false);
  });

  it('an imported year replaces a shipped year entirely', async () => {
    const text = JSON.stringify({ year: 2026, source: { title: '测试：更正后的2026年通知' }, holidays: [{ name: '元旦', date: '2026-01-01' }] });
    const result = await importCalendarNotice(deps, actor, text);
    expect(result).toMatchObject({ imported: true, overriddenBase: [2026] });
    const cal = await loadCalendar(deps);
    expect(cal.isWorkday(d('2026-01-02'))).toBe(true); // the shipped 01-02 holiday is gone
    expect(cal.isWorkday(d('2026-02-16'))).toBe(true); // and so is 春节
    expect(cal.yearStatus(2026)).toMatchObject({ official: true, origin: 'imported', source: { title: '测试：更正后的2026年通知' } });
    const years = await listCalendarYears(deps);
    expect(years.find((y) => y.year === 2026)).toMatchObject({ origin: 'imported', importedAt: '2026-11-30T02:00:00.000Z' });
    expect(years.at(-1)).toMatchObject({ year: 2028, official: false });
  });

  it('a file with errors stores nothing and returns line-numbered findings', async () => {
    const result = await importCalendarNotice(deps, actor, 'year,date,kind,name,source_title,source_url\n2027,2027-02-30,holiday,春节,t,\n', 'csv');
    expect(result.imported).toBe(false);
    expect(result.findings.map((f) => [f.code, f.at.line])).toEqual([['CAL-DATE', 2]]);
    const empty = await importCalendarNotice(deps, actor, 'year,date,kind,name,source_title,source_url\n', 'csv');
    expect(empty).toMatchObject({ imported: false, findings: [{ code: 'CAL-EMPTY' }] });
    expect(await listImportedCalendarYears(handle.db)).toEqual([]);
    expect(await findAuditEvents(deps.db, { agencyIds: 'all', limit: 10 })).toEqual([]);
  });
});
