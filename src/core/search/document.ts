/**
 * The search index's view of a published item (one row per item: the version in force), the
 * filters of the catalog and of search, and a page of results.
 */
import type { IndexableItem } from './index-document.js';

/** A published item as indexed (also what catalog lists and result lists show). */
export interface IndexedDocument {
  /** Rank key: day number of the publication date × 1,000,000 + a sequence (newest = largest). */
  readonly id: number;
  /** The publication id (stable across versions). */
  readonly itemId: string;
  /** The published version indexed. */
  readonly versionId: string;
  readonly agencyId: string;
  readonly agencyPath: string;
  readonly title: string;
  readonly documentNumber: string;
  readonly indexNumber: string;
  readonly publisher: string;
  readonly topic: string;
  readonly genre: string;
  readonly article20Item: number | null;
  readonly validity: string;
  readonly year: number;
  readonly writtenOn: string | null;
  readonly publishedOn: string;
  readonly summary: string;
  readonly bodyText: string;
  readonly attachmentCount: number;
}

/** What the indexer is given for one published item. */
export interface IndexInput extends IndexableItem {
  readonly itemId: string;
  readonly versionId: string;
  readonly agencyId: string;
  readonly writtenOn: string | null;
  readonly publishedOn: string;
}

export interface SearchFilters {
  /** The agency and everything below it (its path). */
  readonly underAgencyPath?: string;
  /** Only this agency's own items. */
  readonly agencyId?: string;
  readonly topic?: string;
  readonly genre?: string;
  readonly year?: number;
  readonly validity?: string;
  readonly article20Item?: number;
}

/** How a hit matched: the whole title or the 文号 exactly, the title/meta, or only the body ('match' before it is told apart; 'browse' without a query). */
export type MatchKind = 'exact' | 'title' | 'body' | 'match' | 'browse';

export interface SearchHit {
  readonly document: IndexedDocument;
  readonly match: MatchKind;
}

export interface SearchPage {
  readonly hits: readonly SearchHit[];
  /** Number of matches, at most `countCap`. */
  readonly total: number;
  /** False when the count reached the cap (the UI says "more than …"). */
  readonly totalIsExact: boolean;
}

export interface PageRequest {
  readonly offset: number;
  readonly limit: number;
}

/** A published item as the portal shows it: the publication with its version in force. */
export interface PublishedItem {
  readonly id: string;
  readonly agencyId: string;
  readonly versionId: string;
  /** Version number (1 = as made; later = changed). */
  readonly versionNumber: number;
  readonly indexNumber: string;
  readonly title: string;
  /** 内容概述 */
  readonly summary: string;
  /** Sanitized HTML (the publications' allowlist). */
  readonly bodyHtml: string;
  /** 发布机构 */
  readonly publisher: string;
  readonly documentNumber: string;
  /** 成文日期 */
  readonly writtenOn: string | null;
  /** 发布日期 of the version in force, and of the first version. */
  readonly publishedOn: string;
  readonly firstPublishedOn: string;
  readonly topic: string;
  readonly genre: string;
  readonly docType: string;
  readonly article20Item: number | null;
  readonly validity: string;
  /** 施行日期 */
  readonly effectiveOn: string | null;
  readonly validityEndedOn: string | null;
  readonly validityNote: string;
  readonly changeNote: string;
  readonly attachments: readonly PublishedAttachment[];
}

export interface PublishedAttachment {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
}
