/**
 * The unit of work: every write runs in ONE transaction and records at least one audit_event row
 * (who, when, what, entity, agency, before/after) inside it, so a change and its audit trail commit
 * or roll back together.
 *
 *   await withTransaction(deps, principal, async (trx, audit) => {
 *     await updateAgencyRow(trx, id, patch);
 *     await audit.record({ action: 'agency.update', entityType: 'agency', entityId: id, agencyId: id, before, after });
 *   });
 */
import type { Kysely } from 'kysely';
import { insertAuditEvent } from '../db/audit.repository.js';
import type { Database } from '../db/schema.js';
import type { ServiceDeps } from './deps.js';

/** Who does something: a staff user, or the system/an applicant (userId null). */
export interface Actor {
  readonly userId: string | null;
  /** Shown in the audit log (a user's display name, "系统（命令行）", "申请人（网上）"). */
  readonly name: string;
}

export interface AuditEntry {
  /** Dotted verb: "<entity>.<verb>", e.g. "agency.update", "request.reply". */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  /** The agency the entity belongs to (drives who may read the event). */
  readonly agencyId?: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
  /** The disclosure request the event belongs to, if any. */
  readonly requestId?: string | null;
}

export interface Audit {
  /** The instant of this unit of work (ISO, UTC): use it for created_at/updated_at too. */
  readonly at: string;
  readonly actor: Actor;
  record(entry: AuditEntry): Promise<void>;
}

export const systemActor = (name = '系统'): Actor => ({ userId: null, name });

/**
 * Runs `work` in a transaction (or inside the caller's, when `deps.db` already is one) and fails —
 * rolling back — if it recorded no audit event.
 */
export async function withTransaction<T>(
  deps: Pick<ServiceDeps, 'db' | 'clock'>,
  actor: Actor,
  work: (trx: Kysely<Database>, audit: Audit) => Promise<T>,
): Promise<T> {
  const at = deps.clock.now().toISOString();
  const run = async (trx: Kysely<Database>): Promise<T> => {
    let recorded = 0;
    const audit: Audit = {
      at,
      actor,
      record: async (e) => {
        recorded += 1;
        await insertAuditEvent(trx, {
          at,
          actorId: actor.userId,
          actorName: actor.name,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          agencyId: e.agencyId ?? null,
          before: e.before ?? null,
          after: e.after ?? null,
          requestId: e.requestId ?? null,
        });
      },
    };
    const result = await work(trx, audit);
    if (recorded === 0) throw new Error('withTransaction: a write without an audit event');
    return result;
  };
  if (deps.db.isTransaction) return run(deps.db);
  return deps.db.transaction().execute(run);
}
