/** Schemas of /api/auth (login, logout, the current user, own sessions and password). */
import { Type, type Static } from '@fastify/type-provider-typebox';
import { AgencyDirectoryEntrySchema } from './agencies.schemas.js';
import { IdSchema, NullableString } from './shared.schemas.js';
import { RoleSchema } from './users.schemas.js';

export const LoginBodySchema = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBodySchema>;

/** The signed-in user, what it reaches, and the CSRF token to send as `x-csrf-token`. */
export const MeSchema = Type.Object({
  user: Type.Object({
    id: NullableString,
    username: Type.String(),
    displayName: Type.String(),
    role: RoleSchema,
    roleLabel: Type.String(),
    agencyId: NullableString,
    agencyName: NullableString,
  }),
  csrfToken: Type.String({ description: '修改类请求须在 x-csrf-token 请求头中带上此值' }),
  /** Agencies the user reaches (all of them for an administrator), depth-first. */
  visibleAgencies: Type.Array(AgencyDirectoryEntrySchema),
  session: Type.Object({ id: Type.String(), createdAt: Type.String(), expiresAt: Type.String(), idleExpiresAt: Type.String() }),
});
export type MeResponse = Static<typeof MeSchema>;

export const SessionSchema = Type.Object({
  id: Type.String(),
  current: Type.Boolean(),
  createdAt: Type.String(),
  lastSeenAt: Type.String(),
  expiresAt: Type.String(),
  ip: Type.String(),
  userAgent: Type.String(),
});
export const SessionListSchema = Type.Object({ sessions: Type.Array(SessionSchema) });
export const SessionParamsSchema = Type.Object({ sessionId: IdSchema });

export const ChangePasswordBodySchema = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
