import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupSqlite } from '../../src/db/backup.js';
import { createDatabase } from '../../src/db/database.js';
import { migrateOrThrow } from '../../src/db/migrate.js';
import { postgresTestDatabase } from '../support/databases.js';
import { runGongkai } from '../support/cli.js';

/** Another process inserting audit events in small transactions as fast as it can, until killed. */
function startWriter(file: string): ChildProcess {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    db.pragma('journal_mode = WAL'); db.pragma('busy_timeout = 5000');
    const insert = db.prepare("insert into audit_event (at, action, entity_type, entity_id) values (?, 'test.write', 'test', ?)");
    const batch = db.transaction((n) => { for (let i = 0; i < 20; i++) insert.run(new Date().toISOString(), String(n)); });
    let n = 0; process.send('ready');
    for (;;) batch(n++);`;
  return spawn(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
}

const countEvents = (file: string): number => {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    return (db.prepare('select count(*) as n from audit_event').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('gongkai backup', () => {
  let dir: string;
  let writer: ChildProcess | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gk-backup-'));
  });
  afterEach(() => {
    writer?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes consistent, readable copies while another process keeps writing', async () => {
    const file = join(dir, 'live.db');
    const handle = createDatabase({ kind: 'sqlite', file });
    await migrateOrThrow(handle.db);
    writer = startWriter(file);
    await new Promise((resolve) => writer!.once('message', resolve));
    try {
      const counts: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        await new Promise((r) => setTimeout(r, 100));
        const result = backupSqlite(handle, join(dir, `copy-${i}.db`));
        expect(result.tables).toBeGreaterThanOrEqual(5);
        const n = countEvents(result.file);
        expect(n % 20, 'a copy holds whole transactions only').toBe(0);
        counts.push(n);
      }
      expect(counts[0]).toBeGreaterThan(0);
      expect(counts.every((n, i) => i === 0 || n > counts[i - 1]!), `copies grow while writes continue: ${counts.join(', ')}`).toBe(true);
    } finally {
      writer.kill('SIGKILL');
      await handle.close();
    }
  });

  it('runs as a command, refuses to overwrite, and names the target', async () => {
    const env = { DATABASE_URL: join(dir, 'gongkai.db') };
    await runGongkai(['demo'], env);
    const ok = await runGongkai(['backup', join(dir, 'b', 'copy.db')], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/已备份到 .*copy\.db（\d+ KB，\d+ 张表，完整性校验通过）/);
    const copy = new SqliteDatabase(join(dir, 'b', 'copy.db'), { readonly: true });
    expect((copy.prepare('select count(*) as n from agency').get() as { n: number }).n).toBe(12);
    copy.close();
    const again = await runGongkai(['backup', join(dir, 'b', 'copy.db')], env);
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/^错误：备份失败：目标文件已存在/);
  });

  it('refuses on PostgreSQL with pg_dump advice', async () => {
    const handle = await postgresTestDatabase.create();
    try {
      expect(() => backupSqlite(handle, join(dir, 'pg.db'))).toThrow(expect.objectContaining({ code: 'BACKUP_UNSUPPORTED' }));
      expect(existsSync(join(dir, 'pg.db'))).toBe(false);
    } finally {
      await handle.close();
    }
  });
});
