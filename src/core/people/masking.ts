/**
 * Masking of applicants' personal data for lists and listings (the full values are shown only on a
 * request's detail to staff who reach its agency, and never on public pages).
 */

const stars = (n: number) => '*'.repeat(Math.max(0, n));

/** "110105********002X": keeps the first 6 and the last 4 characters (all but 2 of short numbers masked). */
export function maskIdNumber(value: string): string {
  const v = value.trim();
  if (v.length === 0) return '';
  if (v.length <= 6) return `${v[0]}${stars(v.length - 1)}`;
  if (v.length <= 10) return `${v.slice(0, 2)}${stars(v.length - 4)}${v.slice(-2)}`;
  return `${v.slice(0, 6)}${stars(v.length - 10)}${v.slice(-4)}`;
}

/** "138****5678" for mobile numbers; landlines keep the area code and the last 2 digits. */
export function maskPhone(value: string): string {
  const v = value.trim();
  if (v.length === 0) return '';
  const digits = v.replace(/\D/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  const dash = v.indexOf('-');
  if (dash > 0 && dash <= 5) return `${v.slice(0, dash + 1)}${stars(Math.max(1, v.length - dash - 3))}${v.slice(-2)}`;
  if (v.length <= 4) return stars(v.length);
  return `${v.slice(0, 2)}${stars(v.length - 4)}${v.slice(-2)}`;
}

/** "z***@example.com": the first character of the local part and the domain. */
export function maskEmail(value: string): string {
  const v = value.trim();
  const at = v.lastIndexOf('@');
  if (at <= 0) return v ? stars(Math.min(v.length, 6)) : '';
  return `${v[0]}***${v.slice(at)}`;
}

/**
 * Keeps the administrative part of a Chinese address (up to the last 省/市/州/区/县/旗 within its first
 * 12 characters, before any digit) and masks the rest: "重庆市梁平区***".
 */
export function maskAddress(value: string): string {
  const chars = [...value.trim()];
  if (chars.length === 0) return '';
  let keep = 0;
  for (let i = 0; i < Math.min(12, chars.length - 1); i += 1) {
    const c = chars[i]!;
    if (/\d/.test(c)) break;
    if ('省市州区县旗'.includes(c)) keep = i + 1;
  }
  if (keep === 0) keep = Math.min(6, Math.ceil(chars.length / 3));
  return `${chars.slice(0, keep).join('')}***`;
}

/** A natural person's name as "张*" / "欧阳**"; an organisation's name is not personal data. */
export function maskPersonName(value: string): string {
  const chars = [...value.trim()];
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  const keep = chars.length >= 4 ? 2 : 1;
  return chars.slice(0, keep).join('') + stars(chars.length - keep);
}
