/**
 * Password hashing with scrypt (node:crypto): a random 16-byte salt per password, the parameters
 * stored with the hash ("scrypt$<log2N>$<r>$<p>$<salt>$<hash>", base64url) so the cost can be
 * raised later, and a timing-safe comparison. Cost 15 with r = 8, p = 3 is the OWASP-equivalent
 * of N = 2^17, p = 1 at a quarter of the memory.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const keyLength = 32;
const blockSize = 8;
const parallelization = 3;

const derive = (password: string, salt: Buffer, o: { log2N: number; r: number; p: number }): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const N = 2 ** o.log2N;
    const options: ScryptOptions = { N, r: o.r, p: o.p, maxmem: 256 * N * o.r + 1024 * 1024 };
    scrypt(password.normalize('NFC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });

export async function hashPassword(password: string, cost: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { log2N: cost, r: blockSize, p: parallelization });
  return ['scrypt', cost, blockSize, parallelization, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** False for a wrong password and for a malformed stored hash (never throws on bad data). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [log2N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![log2N, r, p].every(Number.isInteger) || log2N < 1 || log2N > 24 || r < 1 || r > 32 || p < 1 || p > 16) return false;
  const expected = Buffer.from(parts[5] ?? '', 'base64url');
  if (expected.length !== keyLength) return false;
  const actual = await derive(password, Buffer.from(parts[4] ?? '', 'base64url'), { log2N, r, p });
  return timingSafeEqual(actual, expected);
}

/** Whether a stored hash uses a lower cost than configured (rehash at the next successful login). */
export function needsRehash(stored: string, cost: number): boolean {
  const parts = stored.split('$');
  return parts[0] !== 'scrypt' || Number(parts[1]) < cost || Number(parts[3]) !== parallelization;
}

const dummyHashes = new Map<number, Promise<string>>();
/** A hash to verify against when the username is unknown, so both paths take the same time. */
export function dummyHash(cost: number): Promise<string> {
  let h = dummyHashes.get(cost);
  if (!h) dummyHashes.set(cost, (h = hashPassword(randomBytes(12).toString('base64url'), cost)));
  return h;
}
