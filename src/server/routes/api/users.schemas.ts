/** Schemas of /api/users (staff accounts). */
import { Type, type Static } from '@fastify/type-provider-typebox';
import { roles } from '../../../core/accounts/roles.js';
import { IdSchema, NullableString } from './shared.schemas.js';

export const RoleSchema = Type.Enum([...roles], { description: 'admin 系统管理员 · supervisor 主管部门 · handler 机关经办人 · head 机关负责人' });

export const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  roleLabel: Type.String(),
  agencyId: NullableString,
  active: Type.Boolean(),
  lockedUntil: NullableString,
  lastLoginAt: NullableString,
  passwordChangedAt: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type UserView = Static<typeof UserSchema>;

export const UserListSchema = Type.Object({ users: Type.Array(UserSchema) });
export const UserParamsSchema = Type.Object({ userId: IdSchema });

const Password = Type.String({ minLength: 1, maxLength: 200, description: '至少 10 个字符，不能是常见密码、连续字符或包含用户名' });

export const CreateUserBodySchema = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 32, description: '登录名：小写字母、数字或 . _ -' }),
    displayName: Type.String({ minLength: 1, maxLength: 50 }),
    role: RoleSchema,
    agencyId: Type.Union([IdSchema, Type.Null()]),
    password: Password,
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBodySchema>;

export const UpdateUserBodySchema = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    role: Type.Optional(RoleSchema),
    agencyId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateUserBody = Static<typeof UpdateUserBodySchema>;

export const ResetPasswordBodySchema = Type.Object({ password: Password }, { additionalProperties: false });
export const SessionsEndedSchema = Type.Object({ ended: Type.Integer() });
