/**
 * Checking and normalizing what an editor sends for a version (and the document's validity): text
 * lengths, real dates, vocabulary codes, and the body through the HTML allowlist — on every write.
 */
import { AppError } from '../../core/errors.js';
import { isDocType, isValidity, type DocType, type Validity, type VersionContent } from '../../core/publications/publication.js';
import { sanitizeHtml } from '../../core/publications/sanitize-html.js';
import type { Database } from '../../db/schema.js';
import { listTerms, type VocabularyName } from '../../db/vocabulary.repository.js';
import type { Kysely } from 'kysely';
import { checkLegalDate } from '../requests/request-action.js';

/** What an editor may send (all optional on an update). */
export interface VersionContentInput {
  readonly title?: string;
  readonly summary?: string;
  readonly bodyHtml?: string;
  readonly publisher?: string;
  readonly documentNumber?: string;
  readonly writtenOn?: string | null;
  readonly formedOn?: string;
  readonly topic?: string;
  readonly genre?: string;
  readonly docType?: DocType;
  readonly article20Item?: number | null;
  readonly disclosureMethod?: string;
  readonly changeNote?: string;
  readonly sourceRequestIds?: readonly string[];
}

/** The document's validity as edited (while it is a draft, or by the validity action). */
export interface ValidityInput {
  readonly validity?: Validity;
  readonly effectiveOn?: string | null;
  readonly validityEndedOn?: string | null;
  readonly validityNote?: string;
}

/** A new publication: its agency, the first version's content (title required; formedOn default today) and validity. */
export interface CreatePublicationInput extends VersionContentInput, ValidityInput {
  readonly agencyId: string;
  readonly title: string;
}

const invalid = (detail: string) => new AppError('REQUEST_INVALID', { detail });
const earliest = '2004-01-01';

function text(value: string | undefined, label: string, max: number, required = false): string | undefined {
  if (value === undefined) return undefined;
  const t = value.replace(/\r\n/g, '\n').trim();
  if (required && t.length === 0) throw invalid(`${label}不能为空`);
  if ([...t].length > max) throw invalid(`${label}不能超过 ${max} 个字`);
  return t;
}

async function vocabularyCheck(db: Kysely<Database>, vocabulary: VocabularyName, code: string | undefined, label: string): Promise<string | undefined> {
  if (code === undefined || code === '') return code;
  const term = (await listTerms(db, vocabulary)).find((t) => t.code === code);
  if (!term || !term.active) throw invalid(`${label}“${code}”不在可选范围内`);
  return code;
}

/** Merges an edit into the current content, checked. @throws AppError(REQUEST_INVALID) */
export async function mergeContent(db: Kysely<Database>, base: VersionContent, input: VersionContentInput, today: string): Promise<VersionContent> {
  const bodyRaw = input.bodyHtml;
  if (bodyRaw !== undefined && bodyRaw.length > 2_000_000) throw invalid('正文过长（上限约 200 万字符）');
  const body = bodyRaw === undefined ? undefined : sanitizeHtml(bodyRaw);
  if (input.docType !== undefined && !isDocType(input.docType)) throw invalid('文件类型应为 regulation、normativeDocument 或 other');
  const item = input.article20Item;
  if (item !== undefined && item !== null && (!Number.isInteger(item) || item < 1 || item > 15)) throw invalid('第二十条事项应为 1 至 15');
  const ids = input.sourceRequestIds;
  if (ids !== undefined && (ids.length > 200 || ids.some((x) => typeof x !== 'string' || x.length === 0 || x.length > 64))) throw invalid('来源申请列表有误');
  const writtenOn = input.writtenOn === undefined || input.writtenOn === null || input.writtenOn === ''
    ? (input.writtenOn === undefined ? base.writtenOn : null)
    : checkLegalDate(input.writtenOn, '成文日期', earliest, today);
  const formedOn = input.formedOn === undefined ? base.formedOn : checkLegalDate(input.formedOn, '形成（变更）日期', earliest, today);
  const merged: VersionContent = {
    title: text(input.title, '标题', 200, true) ?? base.title,
    summary: text(input.summary, '内容概述', 1000) ?? base.summary,
    bodyHtml: body ?? base.bodyHtml,
    publisher: text(input.publisher, '发布机构', 100) ?? base.publisher,
    documentNumber: text(input.documentNumber, '文号', 60) ?? base.documentNumber,
    writtenOn,
    formedOn,
    topic: (await vocabularyCheck(db, 'topic', input.topic?.trim(), '主题分类')) ?? base.topic,
    genre: (await vocabularyCheck(db, 'genre', input.genre?.trim(), '体裁')) ?? base.genre,
    docType: input.docType ?? base.docType,
    article20Item: item === undefined ? base.article20Item : item,
    disclosureMethod: (await vocabularyCheck(db, 'disclosureMethod', input.disclosureMethod?.trim() || undefined, '公开方式')) ?? base.disclosureMethod,
    changeNote: text(input.changeNote, '变更说明', 500) ?? base.changeNote,
    sourceRequestIds: ids ? [...new Set(ids)] : base.sourceRequestIds,
  };
  if (merged.title.length === 0) throw invalid('标题不能为空');
  if (merged.writtenOn && merged.formedOn < merged.writtenOn) throw invalid('形成（变更）日期不能早于成文日期');
  return merged;
}

export const emptyContent = (formedOn: string, publisher: string): VersionContent => ({
  title: '', summary: '', bodyHtml: '', publisher, documentNumber: '', writtenOn: null, formedOn, topic: '', genre: '', docType: 'other',
  article20Item: null, disclosureMethod: 'proactive', changeNote: '', sourceRequestIds: [],
});

export interface ValidityState {
  readonly validity: Validity;
  readonly effectiveOn: string | null;
  readonly validityEndedOn: string | null;
  readonly validityNote: string;
}

/** Merges a validity edit, checked: 有效 has no end date; 失效/废止 need one, not before 成文日期 or 施行日期. */
export function mergeValidity(base: ValidityState, input: ValidityInput, today: string, writtenOn: string | null): ValidityState {
  if (input.validity !== undefined && !isValidity(input.validity)) throw invalid('有效性应为 valid、expired 或 repealed');
  const validity = input.validity ?? base.validity;
  const effectiveOn = input.effectiveOn === undefined ? base.effectiveOn : input.effectiveOn ? checkLegalDate(input.effectiveOn, '施行日期', earliest, null) : null;
  let ended = input.validityEndedOn === undefined ? base.validityEndedOn : input.validityEndedOn ? checkLegalDate(input.validityEndedOn, '失效（废止）日期', earliest, today) : null;
  if (validity === 'valid') ended = null;
  else if (!ended) throw invalid('失效或废止的文件须填写失效（废止）日期');
  if (ended && writtenOn && ended < writtenOn) throw invalid('失效（废止）日期不能早于成文日期');
  if (ended && effectiveOn && ended < effectiveOn) throw invalid('失效（废止）日期不能早于施行日期');
  const note = text(input.validityNote, '有效性说明', 300) ?? base.validityNote;
  return { validity, effectiveOn, validityEndedOn: ended, validityNote: note };
}
