/** The audit log: one row per write (who, when, what, which entity and agency, before/after). */
import type { Kysely } from 'kysely';
import type { AuditEventRow, Database } from './schema.js';

export interface AuditEvent {
  readonly id: number;
  /** ISO instant (UTC). */
  readonly at: string;
  /** The staff user; null for the system (CLI, start-up) or an applicant on the portal. */
  readonly actorId: string | null;
  readonly actorName: string | null;
  /** Dotted verb, e.g. "agency.update", "user.create", "auth.login_failed". */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly agencyId: string | null;
  readonly before: unknown;
  readonly after: unknown;
  /** The disclosure request the event belongs to, if any. */
  readonly requestId: string | null;
}

export type NewAuditEvent = Omit<AuditEvent, 'id'>;

export interface AuditFilter {
  /** 'all', or only events of these agencies (events without an agency are then excluded). */
  readonly agencyIds: 'all' | readonly string[];
  readonly entityType?: string;
  readonly entityId?: string;
  readonly actorId?: string;
  readonly action?: string;
  readonly requestId?: string;
  /** Inclusive ISO lower bound. */
  readonly from?: string;
  /** Exclusive ISO upper bound. */
  readonly to?: string;
  /** Cursor: only events with a smaller id (newest first). */
  readonly beforeId?: number;
  readonly limit: number;
}

const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));
const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export async function insertAuditEvent(db: Kysely<Database>, event: NewAuditEvent): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      at: event.at,
      actor_id: event.actorId,
      actor_name: event.actorName,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId,
      agency_id: event.agencyId,
      before_json: json(event.before),
      after_json: json(event.after),
      request_id: event.requestId,
    })
    .execute();
}

export async function findAuditEvents(db: Kysely<Database>, filter: AuditFilter): Promise<AuditEvent[]> {
  if (filter.agencyIds !== 'all' && filter.agencyIds.length === 0) return [];
  let q = db.selectFrom('audit_event').selectAll();
  if (filter.agencyIds !== 'all') q = q.where('agency_id', 'in', filter.agencyIds);
  if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.actorId) q = q.where('actor_id', '=', filter.actorId);
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.requestId) q = q.where('request_id', '=', filter.requestId);
  if (filter.from) q = q.where('at', '>=', filter.from);
  if (filter.to) q = q.where('at', '<', filter.to);
  if (filter.beforeId !== undefined) q = q.where('id', '<', filter.beforeId);
  const rows = await q.orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map(toAuditEvent);
}

function toAuditEvent(row: Omit<AuditEventRow, 'id'> & { id: number }): AuditEvent {
  return {
    id: Number(row.id),
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    agencyId: row.agency_id,
    before: parse(row.before_json),
    after: parse(row.after_json),
    requestId: row.request_id,
  };
}
