/** The portal settings API as the console uses it: an agency's column texts, the search synonym groups. */
import type { Static } from 'typebox';
import type { PortalTextsSchema, SynonymGroupListSchema, SynonymGroupSchema } from '../../../server/routes/api/portal-settings.schemas.js';
import { api } from './client.js';

export type PortalTexts = Static<typeof PortalTextsSchema>;
export type PortalTextEntry = PortalTexts['texts'][number];
export type SynonymGroup = Static<typeof SynonymGroupSchema>;
export type SynonymGroupList = Static<typeof SynonymGroupListSchema>;

const enc = encodeURIComponent;

export const portalApi = {
  texts: (agencyId: string, signal?: AbortSignal) => api.get<PortalTexts>(`/api/portal-texts/${enc(agencyId)}`, undefined, { signal }),
  saveText: (agencyId: string, key: string, body: string) => api.put<PortalTexts>(`/api/portal-texts/${enc(agencyId)}/${enc(key)}`, { body }),
  synonyms: (signal?: AbortSignal) => api.get<SynonymGroupList>('/api/search/synonyms', undefined, { signal }),
  addSynonyms: (phrases: string[]) => api.post<SynonymGroup>('/api/search/synonyms', { phrases }),
  removeSynonyms: (id: string) => api.delete<void>(`/api/search/synonyms/${enc(id)}`),
};
