/**
 * The CSV import form: a header `year,date,kind,name,source_title,source_url` (any order; source_url
 * may be empty) and one row per day; kind is `holiday` or `makeup_workday`. RFC 4180 quoting,
 * UTF-8 (BOM allowed), LF or CRLF; blank lines and lines starting with # are skipped.
 */
import type { RawNoticeDay, RawNoticeYear, Report } from './notice-import.js';
import { parseIsoDate } from './day-number.js';

export const calendarCsvColumns = ['year', 'date', 'kind', 'name', 'source_title', 'source_url'] as const;

/** Splits one CSV line into fields; null when a quote is not closed. */
function splitLine(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        if (i >= line.length) return null;
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            v += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += line[i++];
      }
      out.push(v);
      if (i < line.length && line[i] !== ',') return null;
    } else {
      const end = line.indexOf(',', i);
      out.push((end < 0 ? line.slice(i) : line.slice(i, end)).trim());
      i = end < 0 ? line.length : end;
    }
    if (i >= line.length) return out;
    i++; // ','
  }
}

export function parseCalendarCsv(text: string, report: Report): RawNoticeYear[] | null {
  const lines = text.split(/\r?\n/);
  const headerAt = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (headerAt < 0) {
    report('CAL-EMPTY', 'error', undefined, {});
    return null;
  }
  const header = splitLine(lines[headerAt]!)?.map((h) => h.trim().toLowerCase()) ?? [];
  const missing = calendarCsvColumns.filter((c) => !header.includes(c));
  const unknown = header.filter((h) => !(calendarCsvColumns as readonly string[]).includes(h));
  if (missing.length > 0 || unknown.length > 0) {
    const detail = [missing.length ? `缺少列 ${missing.join('、')}` : '', unknown.length ? `未知列 ${unknown.join('、')}` : ''].filter(Boolean).join('；');
    report('CAL-FORMAT', 'error', headerAt + 1, { detail: `第一行应为表头 ${calendarCsvColumns.join(',')}：${detail}` });
    return null;
  }
  const col = (name: (typeof calendarCsvColumns)[number]) => header.indexOf(name);
  const byYear = new Map<string, { year: unknown; line: number; title: string; url: string; days: RawNoticeDay[] }>();
  for (let i = headerAt + 1; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    const line = i + 1;
    const f = splitLine(raw);
    if (f === null || f.length !== header.length) {
      report('CAL-FORMAT', 'error', line, { detail: f === null ? '引号不成对' : `应有 ${header.length} 个字段，实际 ${f.length} 个` });
      continue;
    }
    const get = (c: (typeof calendarCsvColumns)[number]) => f[col(c)]!.trim();
    const yearText = get('year');
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : yearText;
    const date = get('date');
    if (parseIsoDate(date) === null) {
      report('CAL-DATE', 'error', line, { value: date || '（空）' }, 'date');
      continue;
    }
    const kindText = get('kind');
    if (kindText !== 'holiday' && kindText !== 'makeup_workday') {
      report('CAL-KIND', 'error', line, { value: kindText || '（空）' }, 'kind');
      continue;
    }
    const key = String(year);
    let group = byYear.get(key);
    if (!group) {
      group = { year, line, title: get('source_title'), url: get('source_url'), days: [] };
      byYear.set(key, group);
    } else if (group.title !== get('source_title') || group.url !== get('source_url')) {
      report('CAL-SOURCE', 'error', line, { year: key, detail: `同一年份的通知标题或链接与第${group.line}行不一致` }, 'source_title');
    }
    group.days.push({ date, kind: kindText === 'holiday' ? 'holiday' : 'makeupWorkday', name: get('name'), line });
  }
  return [...byYear.values()].map((g) => ({ year: g.year, line: g.line, title: g.title, url: g.url || null, sourceLine: g.line, days: g.days }));
}
