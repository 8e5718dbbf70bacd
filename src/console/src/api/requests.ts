/**
 * The disclosure-request API as the console uses it: types from the server's schemas (types only)
 * and small helpers for the calls (lifecycle actions carry the request's version).
 */
import type { Static } from 'typebox';
import type { AppealListSchema, AppealSchema, CreateAppealBodySchema, UpdateAppealBodySchema } from '../../../server/routes/api/appeals.schemas.js';
import type { CellRecordsSchema, CompiledReportSchema } from '../../../server/routes/api/reports.schemas.js';
import type { actionBodies } from '../../../server/routes/api/requests-actions.schemas.js';
import type { AttachmentSchema, LetterPatchSchema, LetterSchema } from '../../../server/routes/api/requests-letters.schemas.js';
import type {
  ClockSchema, CreateRequestBody, CreateRequestResultSchema, RequestDetailSchema, RequestEventSchema, RequestListItemSchema, RequestListSchema,
  WorklistItemSchema, WorklistSchema,
} from '../../../server/routes/api/requests.schemas.js';
import { api, type Query } from './client.js';

export type RequestDetail = Static<typeof RequestDetailSchema>;
export type RequestRecord = RequestDetail['request'];
export type RequestStatus = RequestRecord['status'];
export type RequestAction = RequestDetail['allowedActions'][number];
export type RequestEvent = Static<typeof RequestEventSchema>;
export type RequestClock = Static<typeof ClockSchema>;
export type RequestListItem = Static<typeof RequestListItemSchema>;
export type RequestList = Static<typeof RequestListSchema>;
export type Worklist = Static<typeof WorklistSchema>;
export type WorklistItem = Static<typeof WorklistItemSchema>;
export type WorklistFlag = WorklistItem['flags'][number];
export type Letter = Static<typeof LetterSchema>;
export type LetterPatch = Static<typeof LetterPatchSchema>;
export type Attachment = Static<typeof AttachmentSchema>;
export type Appeal = Static<typeof AppealSchema>;
export type AppealList = Static<typeof AppealListSchema>;
export type CreateAppealBody = Static<typeof CreateAppealBodySchema>;
export type UpdateAppealBody = Static<typeof UpdateAppealBodySchema>;
export type CreateRequestResult = Static<typeof CreateRequestResultSchema>;
export type { CreateRequestBody };
export type CompiledReport = Static<typeof CompiledReportSchema>;
export type CellRecords = Static<typeof CellRecordsSchema>;

/** The body of an action without the version (added by runAction). */
export type ActionBody<A extends RequestAction> = Omit<Static<(typeof actionBodies)[A]>, 'version'>;

const enc = encodeURIComponent;

export const requestsApi = {
  worklist: (query: Query, signal?: AbortSignal) => api.get<Worklist>('/api/requests/worklist', query, { signal }),
  list: (query: Query, signal?: AbortSignal) => api.get<RequestList>('/api/requests', query, { signal }),
  detail: (id: string, signal?: AbortSignal) => api.get<RequestDetail>(`/api/requests/${enc(id)}`, undefined, { signal }),
  create: (body: CreateRequestBody) => api.post<CreateRequestResult>('/api/requests', body),
  /** Runs a lifecycle action on the version the user saw; answers the new detail. */
  action: <A extends RequestAction>(id: string, action: A, version: number, body: ActionBody<A>) =>
    api.post<RequestDetail>(`/api/requests/${enc(id)}/actions/${action}`, { ...body, version }),
  updateLetter: (letterId: string, patch: LetterPatch) => api.patch<Letter>(`/api/letters/${enc(letterId)}`, patch),
  letterFileUrl: (letterId: string, format: 'docx' | 'pdf') => `/api/letters/${enc(letterId)}/file?format=${format}`,
  attachmentFileUrl: (attachmentId: string) => `/api/attachments/${enc(attachmentId)}/file`,
  deleteAttachment: (attachmentId: string) => api.delete<void>(`/api/attachments/${enc(attachmentId)}`),
  appeals: (requestId: string, signal?: AbortSignal) => api.get<AppealList>('/api/appeals', { requestId, pageSize: 100 }, { signal }),
  createAppeal: (body: CreateAppealBody) => api.post<Appeal>('/api/appeals', body),
  updateAppeal: (id: string, body: UpdateAppealBody) => api.patch<Appeal>(`/api/appeals/${enc(id)}`, body),
  deleteAppeal: (id: string) => api.delete<void>(`/api/appeals/${enc(id)}`),
};

export const reportsApi = {
  compiled: (agencyId: string, year: number, signal?: AbortSignal) => api.get<CompiledReport>(`/api/reports/${enc(agencyId)}/${year}`, undefined, { signal }),
  cell: (agencyId: string, year: number, q: { table: string; row: string; column: number; page?: number; pageSize?: number }, signal?: AbortSignal) =>
    api.get<CellRecords>(`/api/reports/${enc(agencyId)}/${year}/cells`, q, { signal }),
  close: (agencyId: string, year: number) => api.post<CompiledReport>(`/api/reports/${enc(agencyId)}/${year}/close`),
};
