/** request_event: the append-only timeline of a request (seq 1, 2, … per request). */
import type { Kysely } from 'kysely';
import type { RequestEvent, RequestEventData, RequestEventKind } from '../core/requests/events.js';
import type { RequestStatus } from '../core/requests/states.js';
import type { Database, RequestEventRow } from './schema.js';

export function toRequestEvent(row: RequestEventRow): RequestEvent {
  return {
    seq: Number(row.seq),
    kind: row.kind as RequestEventKind,
    on: row.occurred_on,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    statusBefore: row.status_before as RequestStatus | null,
    statusAfter: row.status_after as RequestStatus,
    data: JSON.parse(row.data) as RequestEventData,
  };
}

export async function insertRequestEvent(db: Kysely<Database>, requestId: string, e: RequestEvent): Promise<void> {
  await db
    .insertInto('request_event')
    .values({
      request_id: requestId, seq: e.seq, kind: e.kind, occurred_on: e.on, at: e.at, actor_id: e.actorId, actor_name: e.actorName,
      status_before: e.statusBefore, status_after: e.statusAfter, data: JSON.stringify(e.data),
    })
    .execute();
}

export async function listRequestEventRows(db: Kysely<Database>, requestId: string): Promise<RequestEvent[]> {
  const rows = await db.selectFrom('request_event').selectAll().where('request_id', '=', requestId).orderBy('seq').execute();
  return rows.map(toRequestEvent);
}
