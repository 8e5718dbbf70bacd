/**
 * A consistent copy of the SQLite database while the server keeps writing: `VACUUM INTO` reads one
 * snapshot (WAL readers do not block the writer) and writes a compact, self-contained file, which
 * is then checked with `PRAGMA integrity_check`. PostgreSQL is refused (use pg_dump).
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { AppError } from '../core/errors.js';
import type { DatabaseHandle } from './database.js';

export interface BackupResult {
  readonly file: string;
  readonly bytes: number;
  readonly tables: number;
}

/** @throws AppError(BACKUP_UNSUPPORTED | BACKUP_FAILED) */
export function backupSqlite(handle: DatabaseHandle, target: string): BackupResult {
  if (handle.dialect !== 'sqlite' || !handle.sqlite) throw new AppError('BACKUP_UNSUPPORTED');
  const file = resolve(target);
  if (existsSync(file)) throw new AppError('BACKUP_FAILED', { reason: `目标文件已存在：${file}` });
  try {
    mkdirSync(dirname(file), { recursive: true });
    handle.sqlite.prepare('VACUUM INTO ?').run(file);
  } catch (err) {
    throw new AppError('BACKUP_FAILED', { reason: err instanceof Error ? err.message : String(err) }, { cause: err });
  }
  const copy = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new AppError('BACKUP_FAILED', { reason: `备份文件校验未通过：${String(check)}` });
    const tables = (copy.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as { n: number }).n;
    return { file, bytes: statSync(file).size, tables };
  } finally {
    copy.close();
  }
}
