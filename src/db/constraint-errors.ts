/**
 * Recognizes constraint violations on either dialect, so services can turn them into AppError
 * CONFLICT (a duplicate name, a row still referenced) instead of a 500.
 */
const codeOf = (err: unknown): string => (err && typeof err === 'object' && 'code' in err ? String((err as { code: unknown }).code) : '');

/** A UNIQUE or PRIMARY KEY violation (SQLite SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY, PostgreSQL 23505). */
export const isUniqueViolation = (err: unknown): boolean =>
  ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505'].includes(codeOf(err));

/** A FOREIGN KEY violation (SQLite SQLITE_CONSTRAINT_FOREIGNKEY, PostgreSQL 23503). */
export const isForeignKeyViolation = (err: unknown): boolean => ['SQLITE_CONSTRAINT_FOREIGNKEY', '23503'].includes(codeOf(err));
