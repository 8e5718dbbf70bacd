/** The holiday calendar API as the console uses it (types from the server schemas). */
import type { Static } from 'typebox';
import type { CalendarImportResultSchema, CalendarYearListSchema, CalendarYearViewSchema } from '../../../server/routes/api/calendar.schemas.js';
import { api } from './client.js';

export type CalendarYearList = Static<typeof CalendarYearListSchema>;
export type CalendarYearItem = CalendarYearList['years'][number];
export type CalendarYearView = Static<typeof CalendarYearViewSchema>;
export type CalendarMonth = CalendarYearView['months'][number];
export type CalendarDay = CalendarMonth['days'][number];
export type CalendarImportResult = Static<typeof CalendarImportResultSchema>;

export const calendarApi = {
  years: (signal?: AbortSignal) => api.get<CalendarYearList>('/api/calendar/years', undefined, { signal }),
  year: (year: number, signal?: AbortSignal) => api.get<CalendarYearView>(`/api/calendar/years/${year}`, undefined, { signal }),
  importFile: (file: File, format: 'json' | 'csv' | null) => {
    const form = new FormData();
    if (format) form.append('format', format);
    form.append('file', file, file.name);
    return api.upload<CalendarImportResult>('/api/calendar/import', form);
  },
  remove: (year: number) => api.delete<void>(`/api/calendar/years/${year}`),
};
