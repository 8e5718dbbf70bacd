/**
 * Row types of every table (snake_case). *Row types stay in src/db; repositories return domain types.
 * Conventions: ids are text (UUIDs made by the app); instants are ISO-8601 UTC text; legal dates are
 * 'YYYY-MM-DD' text (Asia/Shanghai); booleans are integers 0/1; JSON is text.
 */
import type { Generated } from 'kysely';

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
  request_id: string | null;
}

export interface Database {
  setting: SettingTable;
  audit_event: AuditEventTable;
}

export type AuditEventRow = AuditEventTable;
