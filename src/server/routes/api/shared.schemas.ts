/** Schemas shared by the API routes (TypeBox, via @fastify/type-provider-typebox). */
import { Type, type Static } from '@fastify/type-provider-typebox';

/** Every error answer: { error: { code, message } } (codes in docs/errors.md). */
export const ErrorResponseSchema = Type.Object(
  { error: Type.Object({ code: Type.String(), message: Type.String() }) },
  { description: '错误：稳定的代码与中文说明' },
);
export type ErrorResponse = Static<typeof ErrorResponseSchema>;

/** Add to every route's `response`: documents the error shape for 4xx/5xx answers. */
export const errorResponses = { '4xx': ErrorResponseSchema, '5xx': ErrorResponseSchema } as const;

export const IdSchema = Type.String({ minLength: 1, maxLength: 64 });
export const NullableString = Type.Union([Type.String(), Type.Null()]);
export const NoContentSchema = Type.Null({ description: '无内容' });
