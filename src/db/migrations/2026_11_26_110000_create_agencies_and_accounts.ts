import type { Kysely } from 'kysely';

/** Agencies (a tree by materialized path), staff accounts, sessions; indexes for the audit log. Frozen in time. */
export async function up(db: Kysely<any>): Promise<void> {
  const text = (name: string) => (t: any) => t.addColumn(name, 'text', (c: any) => c.notNull().defaultTo(''));
  let agency = db.schema
    .createTable('agency')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_id', 'text', (c) => c.references('agency.id').onDelete('restrict'))
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0));
  for (const col of ['short_name', 'credit_code', 'office_name', 'address', 'office_hours', 'phone', 'fax', 'email', 'website', 'postal_code']) {
    agency = text(col)(agency);
  }
  await agency.addColumn('created_at', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull()).execute();
  await db.schema.createIndex('agency_parent_idx').on('agency').column('parent_id').execute();

  await db.schema
    .createTable('user_account')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.references('agency.id').onDelete('restrict'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .addColumn('failed_login_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('last_login_at', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('user_account_agency_idx').on('user_account').column('agency_id').execute();

  await db.schema
    .createTable('user_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('user_session_user_idx').on('user_session').column('user_id').execute();

  await db.schema.createIndex('audit_event_agency_at_idx').on('audit_event').columns(['agency_id', 'at']).execute();
  await db.schema.createIndex('audit_event_at_idx').on('audit_event').column('at').execute();
  await db.schema.createIndex('audit_event_actor_idx').on('audit_event').column('actor_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_event_actor_idx').execute();
  await db.schema.dropIndex('audit_event_at_idx').execute();
  await db.schema.dropIndex('audit_event_agency_at_idx').execute();
  await db.schema.dropTable('user_session').execute();
  await db.schema.dropTable('user_account').execute();
  await db.schema.dropTable('agency').execute();
}
