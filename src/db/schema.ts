/**
 * Row types of every table (snake_case). *Row types stay in src/db; repositories return domain types.
 * Conventions: ids are text (UUIDs made by the app); instants are ISO-8601 UTC text; legal dates are
 * 'YYYY-MM-DD' text (Asia/Shanghai); booleans are integers 0/1; JSON is text.
 */
import type { Generated, Selectable } from 'kysely';

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
}

/** Every write: who, when, what, before/after (JSON). */
export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  agency_id: string | null;
  before_json: string | null;
  after_json: string | null;
  /** The disclosure request (政府信息公开申请) the event belongs to, if any — not the HTTP request. */
  request_id: string | null;
}

/** 机关: a tree by materialized path ("/<root id>/…/<own id>/"); office columns are the 指南 details (第十二条). */
export interface AgencyTable {
  id: string;
  parent_id: string | null;
  path: string;
  kind: string;
  name: string;
  sort_order: Generated<number>;
  short_name: Generated<string>;
  credit_code: Generated<string>;
  office_name: Generated<string>;
  address: Generated<string>;
  office_hours: Generated<string>;
  phone: Generated<string>;
  fax: Generated<string>;
  email: Generated<string>;
  website: Generated<string>;
  postal_code: Generated<string>;
  created_at: string;
  updated_at: string;
}

/** Staff accounts. username is stored lower-case; password_hash is "scrypt$<log2N>$<r>$<p>$<salt>$<hash>". */
export interface UserAccountTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  agency_id: string | null;
  password_hash: string;
  password_changed_at: string;
  failed_login_count: Generated<number>;
  locked_until: string | null;
  last_login_at: string | null;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** Staff sessions: only the SHA-256 of the cookie token is stored. */
export interface UserSessionTable {
  id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: Generated<string>;
  user_agent: Generated<string>;
}

/** One day of an imported holiday notice (primary key: year, date). */
export interface CalendarDayTable {
  /** The notice year (a late-December day may belong to the next year's notice). */
  year: number;
  date: string;
  kind: 'holiday' | 'makeup_workday';
  name: string;
  source_title: string;
  source_url: string | null;
  imported_at: string;
  imported_by: string | null;
}

/**
 * 政府信息公开申请. Columns the report compile reads (meanings fixed):
 * - agency_id: the agency that received (and answers) it;
 * - applicant_kind: table-三 column key (naturalPerson | commercial | research | nonprofit | legalService | other);
 * - received_on: 收到申请之日 (第三十一条), 'YYYY-MM-DD'; null until the receipt is confirmed (then not counted);
 * - replied_on: date of the 答复/处理 that closed it (reply issued, lapse, withdrawal, transfer-out); null while open;
 * - outcome: table-三 outcome row key (granted, partial, denied_*, unable_*, rejected_*, other_*); null while open
 *   and for a voided registration (never received, never counted);
 * - status: lifecycle state (src/core/requests/states.ts).
 * clock_events is the request's ClockEvent[] (JSON), rebuilt from request_event in every write; reply_by is the
 * clock's reply date at the last write (the live clock is recomputed on read).
 */
export interface DisclosureRequestTable {
  id: string;
  agency_id: string;
  /** 申请编号, unique on the platform, e.g. "2026-000123". */
  reference: string;
  status: string;
  version: Generated<number>;
  channel: string;
  oral: Generated<number>;
  arrived_at: string;
  arrived_on: string;
  received_on: string | null;
  applicant_kind: string;
  applicant_name: string;
  applicant_id_type: string;
  applicant_id_number: Generated<string>;
  applicant_contact_person: Generated<string>;
  applicant_phone: Generated<string>;
  applicant_email: Generated<string>;
  applicant_address: Generated<string>;
  applicant_postal_code: Generated<string>;
  description: string;
  document_number: Generated<string>;
  wanted_form: string;
  wanted_delivery: string;
  /** Idempotency key of the submission (portal form nonce / client key): one request per key. */
  intake_key: string | null;
  /** SHA-256 (hex) of the 查询码; the code itself is never stored. */
  tracking_hash: string | null;
  assignee_id: string | null;
  outcome: string | null;
  /** The legal basis of the outcome (key of src/core/requests/outcomes.ts, e.g. "36-2"). */
  outcome_basis: string | null;
  replied_on: string | null;
  closed_at: string | null;
  transferred_from_id: string | null;
  reply_by: string | null;
  clock_events: Generated<string>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One lifecycle event of a request (the timeline); seq is 1, 2, … per request. */
export interface RequestEventTable {
  id: Generated<number>;
  request_id: string;
  seq: number;
  kind: string;
  /** The legal date of the event ('YYYY-MM-DD'). */
  occurred_on: string;
  /** When it was recorded (ISO UTC). */
  at: string;
  actor_id: string | null;
  actor_name: Generated<string>;
  status_before: string | null;
  status_after: string;
  /** Kind-specific details (JSON). */
  data: Generated<string>;
}

/** A letter (告知书/通知书) of a request: drafted, approved, issued, delivered. */
export interface RequestLetterTable {
  id: string;
  request_id: string;
  agency_id: string;
  kind: string;
  outcome: string | null;
  basis: string | null;
  title: string;
  body: string;
  status: string;
  version: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  approved_by: string | null;
  approved_at: string | null;
  issued_on: string | null;
  issued_at: string | null;
  delivery_method: string | null;
  delivered_on: string | null;
  delivery_note: Generated<string>;
}

/** A file of a request (released information, the incoming letter, …), stored in the database. */
export interface RequestAttachmentTable {
  id: string;
  request_id: string;
  agency_id: string;
  letter_id: string | null;
  purpose: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  created_by: string | null;
  created_at: string;
}

/**
 * 行政复议 / 行政诉讼 about a request (table 四). kind: review | suitDirect (未经复议直接起诉) |
 * suitAfterReview (复议后起诉); result: upheld | corrected | other | pending. review_organ_co_defendant = 1:
 * agency_id is in the suit only as the 复议机关 named co-defendant — not counted in its own table 四 (rules §1.6).
 */
export interface RequestAppealTable {
  id: string;
  agency_id: string;
  request_id: string | null;
  kind: string;
  result: string;
  filed_on: string;
  decided_on: string | null;
  review_organ_co_defendant: Generated<number>;
  case_number: Generated<string>;
  organ: Generated<string>;
  note: Generated<string>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** The last 申请编号 number given out per year. */
export interface RequestCounterTable {
  year: number;
  last_number: number;
}

/**
 * A closed report year: the frozen figures (report JSON) of an agency's year, who closed it and when.
 * A reopened closure keeps its row (reopened_*); at most one closure in force per agency and year.
 */
export interface ClosedReportTable {
  id: string;
  agency_id: string;
  year: number;
  format: string;
  report_json: string;
  closed_by: string | null;
  closed_by_name: string;
  closed_at: string;
  reopened_by: string | null;
  reopened_by_name: string | null;
  reopened_at: string | null;
  reopen_reason: string | null;
}

/** Configurable vocabularies of publications: 主题分类 (topic), 体裁 (genre), 公开方式 (disclosureMethod). */
export interface VocabularyTermTable {
  vocabulary: 'topic' | 'genre' | 'disclosureMethod';
  code: string;
  label: string;
  sort_order: Generated<number>;
  active: Generated<number>;
  updated_at: string;
}

/** The last 索引号 sequence number given out per agency and year. */
export interface PublicationCounterTable {
  agency_id: string;
  year: number;
  last_seq: number;
}

/**
 * 主动公开的政府信息: the document. status draft (never published) | published | withdrawn. The
 * columns title … published_on are a projection of the published version (written only when a
 * version is published); validity (有效/失效/废止) belongs to the document. A published or withdrawn
 * row names its published version and that version's two approving reviews (CHECK + composite FK:
 * see the migration 2026_11_29_100000_create_publications).
 */
export interface PublicationTable {
  id: string;
  agency_id: string;
  status: 'draft' | 'published' | 'withdrawn';
  /** Optimistic lock: every write of the publication or one of its versions adds 1. */
  version: Generated<number>;
  /** 索引号, given when first published. */
  index_number: string | null;
  index_year: number | null;
  index_seq: number | null;
  published_version_id: string | null;
  published_confidentiality_review_id: string | null;
  published_release_review_id: string | null;
  title: Generated<string>;
  document_number: Generated<string>;
  topic: Generated<string>;
  genre: Generated<string>;
  doc_type: Generated<'regulation' | 'normativeDocument' | 'other'>;
  article20_item: number | null;
  written_on: string | null;
  first_published_on: string | null;
  published_on: string | null;
  validity: Generated<'valid' | 'expired' | 'repealed'>;
  effective_on: string | null;
  validity_ended_on: string | null;
  validity_note: Generated<string>;
  withdrawn_on: string | null;
  withdrawn_reason: Generated<string>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * One text of a publication (version 1 = as made; later versions = changes). status draft → submitted
 * → approved (both reviews approved) → published → superseded (a later version was published);
 * discarded (an abandoned change). formed_on: the date the information was made (version 1) or changed
 * (later versions); publish_by = formed_on + 20 working days (第二十六条) with the calendar at save time.
 * cr_/rr_ columns are constants that tie the review references to approved reviews of the right kind.
 */
export interface PublicationVersionTable {
  id: string;
  publication_id: string;
  agency_id: string;
  number: number;
  status: 'draft' | 'submitted' | 'approved' | 'published' | 'superseded' | 'discarded';
  title: string;
  summary: Generated<string>;
  /** Sanitized HTML (allowlist applied on every write). */
  body_html: Generated<string>;
  publisher: Generated<string>;
  document_number: Generated<string>;
  written_on: string | null;
  formed_on: string;
  publish_by: string;
  topic: Generated<string>;
  genre: Generated<string>;
  doc_type: Generated<'regulation' | 'normativeDocument' | 'other'>;
  article20_item: number | null;
  disclosure_method: Generated<string>;
  change_note: Generated<string>;
  /** JSON array of disclosure_request ids (依申请转主动, 第四十四条). */
  source_request_ids: Generated<string>;
  review_round: Generated<number>;
  confidentiality_review_id: string | null;
  release_review_id: string | null;
  cr_kind: Generated<'confidentiality'>;
  rr_kind: Generated<'release'>;
  cr_decision: Generated<'approved'>;
  rr_decision: Generated<'approved'>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  submitted_by: string | null;
  submitted_at: string | null;
  published_by: string | null;
  published_at: string | null;
  published_on: string | null;
}

/** 保密审查 (confidentiality) or 发布审查 (release) of one version in one submission round. */
export interface PublicationReviewTable {
  id: string;
  version_id: string;
  publication_id: string;
  agency_id: string;
  kind: 'confidentiality' | 'release';
  decision: 'approved' | 'rejected';
  round: number;
  opinion: Generated<string>;
  reviewer_id: string | null;
  reviewer_name: string;
  reviewed_on: string;
  at: string;
}

/** Attachment bytes, stored once per SHA-256. */
export interface PublicationFileTable {
  sha256: string;
  size_bytes: number;
  content: Uint8Array;
  created_at: string;
}

/** An attachment of a version (a new version copies the rows, not the bytes). */
export interface PublicationAttachmentTable {
  id: string;
  version_id: string;
  publication_id: string;
  agency_id: string;
  position: number;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  created_by: string | null;
  created_at: string;
}

/**
 * Every state change of a publication (who, when, before/after). public = 1 for the changes the
 * portal shows (published, changed, withdrawn, validity): the change feed of caches and the search index.
 */
export interface PublicationEventTable {
  id: Generated<number>;
  publication_id: string;
  agency_id: string;
  version_id: string | null;
  kind: string;
  public: Generated<number>;
  at: string;
  actor_id: string | null;
  actor_name: Generated<string>;
  status_before: string | null;
  status_after: string | null;
  data: Generated<string>;
}

/** One import of register figures (XLSX/CSV). */
export interface RegisterImportTable {
  id: string;
  file_name: string;
  file_kind: 'xlsx' | 'csv';
  sha256: string;
  row_count: number;
  imported_by: string | null;
  imported_by_name: string;
  imported_at: string;
}

/**
 * Table-二 register of an agency and year (one row per kind): decision_count (处理决定数量), item_count
 * (项目数量 at year end, 2019 format), amount_wan (收费/采购金额 in 万元, decimal text).
 */
export interface RegisterFigureTable {
  id: string;
  agency_id: string;
  year: number;
  kind: 'licensing' | 'otherServices' | 'penalty' | 'enforcement' | 'fees' | 'procurement';
  decision_count: number | null;
  item_count: number | null;
  amount_wan: string | null;
  note: Generated<string>;
  source: 'entry' | 'import';
  import_id: string | null;
  version: Generated<number>;
  updated_by: string | null;
  updated_by_name: string;
  created_at: string;
  updated_at: string;
}

/**
 * The portal's search index (one row per published item, its version in force); id = rank key (day
 * number of published_on × 1,000,000 + sequence). SQLite has the FTS5 table search_fts beside it
 * (rowid = id); PostgreSQL has the tsv / tsv_words columns. See migration 2026_12_01_100000_create_search_index.
 */
export interface SearchDocumentTable {
  id: number;
  item_id: string;
  version_id: Generated<string>;
  agency_id: string;
  agency_path: string;
  title: string;
  title_key: string;
  document_number: Generated<string>;
  document_number_key: Generated<string>;
  index_number: Generated<string>;
  publisher: Generated<string>;
  topic: Generated<string>;
  genre: Generated<string>;
  article20_item: number | null;
  validity: Generated<string>;
  year: number;
  written_on: string | null;
  published_on: string;
  summary: Generated<string>;
  body_text: Generated<string>;
  attachment_count: Generated<number>;
  indexed_at: string;
}

/** A configured group of interchangeable agency names (phrases: JSON array). */
export interface SearchSynonymTable {
  id: string;
  phrases: string;
  updated_at: string;
  updated_by: string | null;
}

/** Editable texts of an agency's 政府信息公开 column (key: guide.* paragraphs, system). */
export interface PortalTextTable {
  agency_id: string;
  key: string;
  body: string;
  updated_at: string;
  updated_by: string | null;
}

/** Counters of the search index: 'version' (bumped by every index change), 'cursor' (last publication_event applied). */
export interface SearchStateTable {
  key: string;
  value: number;
  updated_at: string;
}

export interface Database {
  setting: SettingTable;
  audit_event: AuditEventTable;
  agency: AgencyTable;
  user_account: UserAccountTable;
  user_session: UserSessionTable;
  calendar_day: CalendarDayTable;
  disclosure_request: DisclosureRequestTable;
  request_event: RequestEventTable;
  request_letter: RequestLetterTable;
  request_attachment: RequestAttachmentTable;
  request_appeal: RequestAppealTable;
  request_counter: RequestCounterTable;
  closed_report: ClosedReportTable;
  vocabulary_term: VocabularyTermTable;
  publication_counter: PublicationCounterTable;
  publication: PublicationTable;
  publication_version: PublicationVersionTable;
  publication_review: PublicationReviewTable;
  publication_file: PublicationFileTable;
  publication_attachment: PublicationAttachmentTable;
  publication_event: PublicationEventTable;
  register_import: RegisterImportTable;
  register_figure: RegisterFigureTable;
  search_document: SearchDocumentTable;
  search_synonym: SearchSynonymTable;
  portal_text: PortalTextTable;
  search_state: SearchStateTable;
}

export type AuditEventRow = AuditEventTable;
export type AgencyRow = Selectable<AgencyTable>;
export type UserAccountRow = Selectable<UserAccountTable>;
export type UserSessionRow = Selectable<UserSessionTable>;
export type CalendarDayRow = Selectable<CalendarDayTable>;
export type DisclosureRequestRow = Selectable<DisclosureRequestTable>;
export type RequestEventRow = Selectable<RequestEventTable>;
export type RequestLetterRow = Selectable<RequestLetterTable>;
export type RequestAttachmentRow = Selectable<RequestAttachmentTable>;
export type RequestAppealRow = Selectable<RequestAppealTable>;
export type ClosedReportRow = Selectable<ClosedReportTable>;
export type VocabularyTermRow = Selectable<VocabularyTermTable>;
export type PublicationRow = Selectable<PublicationTable>;
export type PublicationVersionRow = Selectable<PublicationVersionTable>;
export type PublicationReviewRow = Selectable<PublicationReviewTable>;
export type PublicationAttachmentRow = Selectable<PublicationAttachmentTable>;
export type PublicationEventRow = Selectable<PublicationEventTable>;
export type RegisterImportRow = Selectable<RegisterImportTable>;
export type RegisterFigureRow = Selectable<RegisterFigureTable>;
export type SearchDocumentRow = Selectable<SearchDocumentTable>;
export type PortalTextRow = Selectable<PortalTextTable>;
