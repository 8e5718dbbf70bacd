/** The publishing vocabularies (主题分类, 体裁, 公开方式) and policy, loaded once per screen. */
import { api } from '../../api/client.js';
import { publicationsApi, type VocabularyTerm } from '../../api/publications.js';
import { useLoad } from '../../components/use-load.js';

export interface Vocabularies {
  readonly topic: VocabularyTerm[];
  readonly genre: VocabularyTerm[];
  readonly disclosureMethod: VocabularyTerm[];
  label(vocabulary: 'topic' | 'genre' | 'disclosureMethod', code: string): string;
}

export function useVocabularies(): Vocabularies | undefined {
  return useLoad(async (signal) => {
    const [topic, genre, disclosureMethod] = await Promise.all([
      publicationsApi.vocabulary('topic', signal), publicationsApi.vocabulary('genre', signal), publicationsApi.vocabulary('disclosureMethod', signal),
    ]);
    const v = { topic: topic.terms, genre: genre.terms, disclosureMethod: disclosureMethod.terms };
    return { ...v, label: (k: keyof typeof v, code: string) => v[k].find((t) => t.code === code)?.label ?? code };
  }, []).data;
}

export interface PublishingPolicy { reviewerRoles: string[]; separationOfDuties: boolean; publishWithinWorkdays: number }

export function usePublishingPolicy(): PublishingPolicy | undefined {
  return useLoad((signal) => api.get<PublishingPolicy>('/api/publications/settings/policy', undefined, { signal }), []).data;
}
