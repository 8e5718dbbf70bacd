/**
 * 查询码: 20 Crockford base-32 characters (100 bits), shown as five groups of four ("K7QH-…"). Only its
 * SHA-256 is stored. A portal submission derives its code from the form's idempotency key with an
 * installation secret (HMAC), so a repeated submission (double click, retry) can show the same code
 * again without the code ever being stored; staff entries get a random code.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { findSetting, insertSettingIfAbsent } from '../../db/setting.repository.js';
import type { ServiceDeps } from '../deps.js';
import { systemActor, withTransaction } from '../with-transaction.js';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const trackingCodeLength = 20;

function base32(bytes: Uint8Array, length: number): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= 0xff;
  }
  return out;
}

const group = (code: string): string => code.match(/.{1,4}/g)!.join('-');

/** Canonical form of what a person typed: upper case, no separators, Crockford look-alikes mapped. */
export function normalizeTrackingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1').replace(/U/g, 'V');
}

export const isWellFormedTrackingCode = (normalized: string): boolean =>
  normalized.length === trackingCodeLength && [...normalized].every((c) => alphabet.includes(c));

/** What is stored: the SHA-256 (hex) of the normalized code. */
export const trackingHash = (code: string): string => createHash('sha256').update(normalizeTrackingCode(code)).digest('hex');

export const randomTrackingCode = (): string => group(base32(randomBytes(13), trackingCodeLength));

export const derivedTrackingCode = (secret: string, intakeKey: string): string =>
  group(base32(createHmac('sha256', secret).update(`tracking:${intakeKey}`).digest(), trackingCodeLength));

const secretKey = 'request_tracking_secret';
const cache = new WeakMap<object, string>();

/** The installation's secret for derived codes (generated and stored on first use). */
export async function trackingSecret(deps: ServiceDeps): Promise<string> {
  const hit = cache.get(deps.db);
  if (hit) return hit;
  let value = await findSetting(deps.db, secretKey);
  if (!value) {
    value = await withTransaction(deps, systemActor('系统（首次使用）'), async (trx, audit) => {
      const v = await insertSettingIfAbsent(trx, secretKey, randomBytes(32).toString('base64url'), audit.at);
      await audit.record({ action: 'setting.create', entityType: 'setting', entityId: secretKey, after: { generated: true } });
      return v;
    });
  }
  cache.set(deps.db, value);
  return value;
}
