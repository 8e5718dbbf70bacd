/** Schemas of /api/audit-events. */
import { Type } from '@fastify/type-provider-typebox';
import { NullableString } from './shared.schemas.js';

export const AuditEventSchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorId: NullableString,
  actorName: NullableString,
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  agencyId: NullableString,
  before: Type.Unknown(),
  after: Type.Unknown(),
  requestId: NullableString,
});

export const AuditEventListSchema = Type.Object({
  events: Type.Array(AuditEventSchema),
  /** Pass as beforeId for the next (older) page; null when there is none. */
  nextBeforeId: Type.Union([Type.Integer(), Type.Null()]),
});

const Text = Type.String({ minLength: 1, maxLength: 100 });
export const AuditQuerySchema = Type.Object(
  {
    agencyId: Type.Optional(Text),
    entityType: Type.Optional(Text),
    entityId: Type.Optional(Text),
    actorId: Type.Optional(Text),
    action: Type.Optional(Text),
    requestId: Type.Optional(Text),
    from: Type.Optional(Type.String({ format: 'date-time', description: '起（含），ISO 时间' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: '止（不含），ISO 时间' })),
    beforeId: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
