/**
 * The holiday calendar over the API, on both dialects: the years with their status, a year month by
 * month, importing a notice (multipart JSON or CSV; an erroneous file stores nothing and says which
 * line), removing an imported year, and the request clock following the imported days.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditEvents } from '../../../src/db/audit.repository.js';
import { loadCalendar } from '../../../src/services/calendar.service.js';
import { parseIsoDate } from '../../../src/core/calendar/day-number.js';
import { seedAccessFixture, type AccessFixture } from '../../support/access-fixture.js';
import { createTestApp, type TestApp, type TestClient } from '../../support/app.js';
import { testDatabases } from '../../support/databases.js';

/** A multipart body with one file part (and text fields). */
function multipart(name: string, bytes: Uint8Array | string, fields: Record<string, string> = {}) {
  const boundary = '----gongkaiCalendar';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), Buffer.from(bytes), Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const notice2027 = JSON.stringify({
  year: 2027,
  source: { title: '国务院办公厅关于2027年部分节假日安排的通知', url: 'https://www.gov.cn/zhengce/2027' },
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-05', to: '2027-02-12' },
  ],
  makeupWorkdays: [{ name: '春节', date: '2027-02-20' }],
});

interface YearList { today: string; coveredThrough: number; years: { year: number; status: string; source: { title: string } | null; importedAt: string | null }[] }
interface YearView {
  year: number; status: string; source: { title: string; url: string | null } | null; provisionalReasons: string[]; holidays: number; makeupWorkdays: number;
  months: { month: number; workdays: number; notes: string[]; days: { date: string; kind: string; name: string | null; provisional: boolean }[] }[];
}

describe.each(testDatabases)('calendar API on $name', (target) => {
  let t: TestApp;
  let f: AccessFixture;
  let admin: TestClient;
  let handler: TestClient;
  let closeDb: () => Promise<void>;
  const upload = (client: TestClient, name: string, bytes: Uint8Array | string, fields?: Record<string, string>) => {
    const m = multipart(name, bytes, fields);
    return client.post('/api/calendar/import', m.payload, { headers: m.headers });
  };

  beforeAll(async () => {
    const db = await target.create();
    closeDb = () => db.close();
    t = await createTestApp({ db });
    f = await seedAccessFixture(t.deps);
    admin = await t.loginAs(f.users.admin.username, f.password);
    handler = await t.loginAs(f.users.handler.username, f.password);
  });
  afterAll(async () => {
    await t?.close();
    await closeDb?.();
  });

  it('lists the years with their status and shows a year month by month to any staff member', async () => {
    const list = (await handler.get('/api/calendar/years')).json() as YearList;
    expect([list.today, list.coveredThrough]).toEqual(['2026-03-02', 2026]);
    const status = (y: number) => list.years.find((x) => x.year === y)?.status;
    expect([list.years[0]!.year, status(2020), status(2026), status(2027), list.years.at(-1)!.year]).toEqual([2004, 'official', 'official', 'provisional', 2028]);

    const y2026 = (await handler.get('/api/calendar/years/2026')).json() as YearView;
    expect(y2026.status).toBe('official');
    expect(y2026.source?.title).toContain('2026年部分节假日安排');
    const feb = y2026.months[1]!;
    expect(feb.days.filter((d) => d.kind === 'makeupWorkday').map((d) => d.date)).toEqual(['2026-02-14', '2026-02-28']);
    expect(feb.notes).toContain('春节 15日至23日放假');
    expect(y2026.provisionalReasons.join('')).toContain('2027年放假安排尚未公布');

    const y2027 = (await handler.get('/api/calendar/years/2027')).json() as YearView;
    expect(y2027.status).toBe('provisional');
    expect(y2027.provisionalReasons[0]).toContain('按《全国年节及纪念日放假办法》的法定节假日');
    expect(y2027.months[1]!.days.some((d) => d.kind === 'substituteHoliday')).toBe(true);

    for (const bad of ['2003', '2101', 'abcd']) expect((await handler.get(`/api/calendar/years/${bad}`)).statusCode).toBe(400);
  });

  it('imports a JSON notice (administrator): the year becomes imported, the clock follows it; removing it brings the estimate back', async () => {
    expect((await upload(handler, '2027.json', notice2027)).statusCode).toBe(403);
    const res = await upload(admin, '2027.json', notice2027);
    expect(res.statusCode).toBe(200);
    const result = res.json() as { imported: boolean; years: number[]; findings: { code: string; severity: string; message: string }[] };
    expect(result).toMatchObject({ imported: true, years: [2027], replacedImports: [], overriddenBase: [] });
    // warnings (statutory days not listed) do not stop the import
    expect(result.findings.every((x) => x.severity === 'warning')).toBe(true);
    expect(result.findings.some((x) => x.code === 'CAL-STATUTORY-MISSING' && x.message.includes('清明节'))).toBe(true);

    const list = (await handler.get('/api/calendar/years')).json() as YearList;
    expect(list.coveredThrough).toBe(2027);
    expect(list.years.find((y) => y.year === 2027)).toMatchObject({ status: 'imported', source: { title: '国务院办公厅关于2027年部分节假日安排的通知' } });
    const view = (await handler.get('/api/calendar/years/2027')).json() as YearView;
    expect(view).toMatchObject({ status: 'imported', holidays: 11, makeupWorkdays: 1 });
    expect(view.months[1]!.days[19]).toMatchObject({ date: '2027-02-20', kind: 'makeupWorkday', name: '春节', provisional: false });
    const calendar = await loadCalendar(t.deps);
    expect(calendar.isWorkday(parseIsoDate('2027-02-20')!)).toBe(true);
    expect(calendar.isWorkday(parseIsoDate('2027-02-08')!)).toBe(false);

    // the same year again replaces the import
    const again = (await upload(admin, 'notice.txt', notice2027, { format: 'json' })).json() as { replacedImports: number[] };
    expect(again.replacedImports).toEqual([2027]);

    expect((await handler.delete('/api/calendar/years/2027')).statusCode).toBe(403);
    expect((await admin.delete('/api/calendar/years/2027')).statusCode).toBe(204);
    expect(((await handler.get('/api/calendar/years/2027')).json() as YearView).status).toBe('provisional');
    const missing = await admin.delete('/api/calendar/years/2027');
    expect([missing.statusCode, missing.json().error.message]).toEqual([404, '未找到2027年导入的放假安排']);
    const audit = await findAuditEvents(t.deps.db, { agencyIds: 'all', entityType: 'calendar_year', limit: 10 });
    expect(audit.map((e) => e.action).sort()).toEqual(['calendar.import', 'calendar.import', 'calendar.remove']);
  });

  it('refuses an erroneous CSV as a whole and says which line; refuses a file that is not UTF-8 and an unknown format', async () => {
    const csv = [
      'year,date,kind,name,source_title,source_url',
      '2028,2028-01-01,holiday,元旦,国务院办公厅关于2028年部分节假日安排的通知,',
      '2028,2028-02-30,holiday,春节,国务院办公厅关于2028年部分节假日安排的通知,',
      '2028,2028-02-19,rest,春节,国务院办公厅关于2028年部分节假日安排的通知,',
    ].join('\n');
    const res = await upload(admin, '2028.csv', csv);
    expect(res.statusCode).toBe(200);
    const r = res.json() as { imported: boolean; findings: { code: string; line: number | null; message: string; severity: string }[] };
    expect(r.imported).toBe(false);
    const errors = r.findings.filter((x) => x.severity === 'error');
    expect(errors.map((x) => [x.code, x.line])).toEqual(expect.arrayContaining([['CAL-DATE', 3], ['CAL-KIND', 4]]));
    expect(errors.find((x) => x.code === 'CAL-DATE')?.message).toContain('2028-02-30');
    expect(((await handler.get('/api/calendar/years')).json() as YearList).years.find((y) => y.year === 2028)?.status).toBe('provisional');

    const gbk = new Uint8Array([0xb7, 0xc5, 0xbc, 0xd9, 0xff, 0xfe]);
    const unreadable = await upload(admin, '2028.csv', gbk);
    expect([unreadable.statusCode, unreadable.json().error.code]).toEqual([422, 'FILE_UNREADABLE']);
    const format = await upload(admin, '2028.csv', csv, { format: 'xlsx' });
    expect([format.statusCode, format.json().error.code]).toEqual([400, 'REQUEST_INVALID']);
  });
});
