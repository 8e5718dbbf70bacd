/** The proactive-disclosure API (主动公开) as the console uses it: types from the server schemas, calls. */
import type { Static } from 'typebox';
import type {
  CatalogPageSchema, CreatePublicationBodySchema, DeadlineDashboardSchema, PublicationDetailSchema, PublicationSchema, ReviewBodySchema, ReviewQueueSchema,
  SuggestionListSchema, UpdatePublicationBodySchema, ValidityBodySchema, VersionSchema, VocabularyListSchema, WithdrawBodySchema,
} from '../../../server/routes/api/publications.schemas.js';
import { api, type Query } from './client.js';

export type Publication = Static<typeof PublicationSchema>;
export type PublicationDetail = Static<typeof PublicationDetailSchema>;
export type PublicationVersion = Static<typeof VersionSchema>;
export type CatalogPage = Static<typeof CatalogPageSchema>;
export type CatalogItem = CatalogPage['items'][number];
export type ReviewQueue = Static<typeof ReviewQueueSchema>;
export type DeadlineDashboard = Static<typeof DeadlineDashboardSchema>;
export type SuggestionList = Static<typeof SuggestionListSchema>;
export type Suggestion = SuggestionList['suggestions'][number];
export type CreatePublicationBody = Static<typeof CreatePublicationBodySchema>;
export type UpdatePublicationBody = Static<typeof UpdatePublicationBodySchema>;
export type ReviewBody = Static<typeof ReviewBodySchema>;
export type WithdrawBody = Static<typeof WithdrawBodySchema>;
export type ValidityBody = Static<typeof ValidityBodySchema>;
export type VocabularyTerm = Static<typeof VocabularyListSchema>['terms'][number];
export type Vocabulary = 'topic' | 'genre' | 'disclosureMethod';

const enc = encodeURIComponent;
const base = (id: string) => `/api/publications/${enc(id)}`;

export type PublicationAction = 'submit' | 'recall' | 'review' | 'publish' | 'withdraw' | 'validity' | 'startChange' | 'discard';

export const publicationsApi = {
  catalog: (q: Query, signal?: AbortSignal) => api.get<CatalogPage>('/api/publications', q, { signal }),
  detail: (id: string, signal?: AbortSignal) => api.get<PublicationDetail>(base(id), undefined, { signal }),
  create: (body: CreatePublicationBody) => api.post<Publication>('/api/publications', body),
  update: (id: string, body: UpdatePublicationBody) => api.patch<Publication>(base(id), body),
  /** A workflow step on the publication's version the user saw. */
  action: (id: string, action: PublicationAction, body: { version: number } & Record<string, unknown>) =>
    api.post<Publication | { deleted: boolean }>(`${base(id)}/actions/${action}`, body),
  addAttachment: (id: string, version: number, file: File) => {
    const form = new FormData();
    form.append('version', String(version));
    form.append('file', file, file.name);
    return api.upload<unknown>(`${base(id)}/attachments`, form);
  },
  removeAttachment: (id: string, attachmentId: string, version: number) => api.delete<Publication>(`${base(id)}/attachments/${enc(attachmentId)}?version=${version}`),
  attachmentUrl: (attachmentId: string) => `/api/publication-attachments/${enc(attachmentId)}/file`,
  reviewQueue: (signal?: AbortSignal) => api.get<ReviewQueue>('/api/publications/review-queue', undefined, { signal }),
  deadlines: (q: Query, signal?: AbortSignal) => api.get<DeadlineDashboard>('/api/publications/deadlines', q, { signal }),
  suggestions: (q: Query, signal?: AbortSignal) => api.get<SuggestionList>('/api/publications/suggestions', q, { signal }),
  vocabulary: (vocabulary: Vocabulary, signal?: AbortSignal) =>
    api.get<{ terms: VocabularyTerm[] }>('/api/publications/settings/vocabularies', { vocabulary }, { signal }),
};
