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

export interface Database {
  setting: SettingTable;
  audit_event: AuditEventTable;
  agency: AgencyTable;
  user_account: UserAccountTable;
  user_session: UserSessionTable;
  calendar_day: CalendarDayTable;
}

export type AuditEventRow = AuditEventTable;
export type AgencyRow = Selectable<AgencyTable>;
export type UserAccountRow = Selectable<UserAccountTable>;
export type UserSessionRow = Selectable<UserSessionTable>;
export type CalendarDayRow = Selectable<CalendarDayTable>;
