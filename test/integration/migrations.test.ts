import { describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest } from '../../src/db/migrate.js';
import { migrations } from '../../src/db/migrations/index.js';
import { testDatabases } from '../support/databases.js';

describe.each(testDatabases)('migrations on $name', (target) => {
  it('migrates an empty database to latest, down one step and up again', async () => {
    const handle = await target.create({ migrate: false });
    try {
      const up = await migrateToLatest(handle.db);
      expect(up.error).toBeUndefined();
      expect(up.results.map((r) => r.migrationName)).toEqual(Object.keys(migrations));
      const tablesAfterUp = (await handle.db.introspection.getTables()).map((t) => t.name).sort();
      const down = await migrateDown(handle.db);
      expect(down.error).toBeUndefined();
      const again = await migrateToLatest(handle.db);
      expect(again.error).toBeUndefined();
      expect((await handle.db.introspection.getTables()).map((t) => t.name).sort()).toEqual(tablesAfterUp);
      expect(tablesAfterUp).toContain('audit_event');
    } finally {
      await handle.close();
    }
  });
});
