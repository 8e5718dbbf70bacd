/** Installation settings kept in the database (the generated session secret, demo progress). */
import { randomBytes } from 'node:crypto';
import { findSetting, insertSettingIfAbsent, putSetting } from '../db/setting.repository.js';
import type { ServiceDeps } from './deps.js';
import { systemActor, withTransaction, type Actor } from './with-transaction.js';

const sessionSecretKey = 'session_secret';

/** The configured secret, or the one generated on first start and kept in the `setting` table. */
export async function ensureSessionSecret(deps: ServiceDeps, configured: string | null): Promise<string> {
  if (configured) return configured;
  const stored = await findSetting(deps.db, sessionSecretKey);
  if (stored) return stored;
  return withTransaction(deps, systemActor('系统（首次启动）'), async (trx, audit) => {
    const value = await insertSettingIfAbsent(trx, sessionSecretKey, randomBytes(48).toString('base64url'), audit.at);
    // the secret itself never goes into the audit log
    await audit.record({ action: 'setting.create', entityType: 'setting', entityId: sessionSecretKey, after: { generated: true } });
    deps.logger.info('session secret generated and stored');
    return value;
  });
}

export const getSetting = (deps: Pick<ServiceDeps, 'db'>, key: string): Promise<string | null> => findSetting(deps.db, key);

/** Stores a (non-secret) setting with an audit event. */
export async function setSetting(deps: ServiceDeps, actor: Actor, key: string, value: string): Promise<void> {
  await withTransaction(deps, actor, async (trx, audit) => {
    const before = await findSetting(trx, key);
    await putSetting(trx, key, value, audit.at);
    await audit.record({ action: 'setting.update', entityType: 'setting', entityId: key, before: before === null ? null : { value: before }, after: { value } });
  });
}
