/**
 * The password policy for staff accounts: at least 10 characters and not trivially weak (one
 * repeated character, a keyboard or alphabet run, a well-known password, the username itself).
 * Returns the reason in Chinese, or null when the password is acceptable.
 */
export const passwordMinLength = 10;
export const passwordMaxLength = 200;

/** Lower-cased stems of passwords that appear at the top of every leaked-password list. */
const commonStems = [
  'password', 'passw0rd', 'p@ssword', 'p@ssw0rd', 'qwerty', 'qwertyuiop', 'asdfgh', 'asdfghjkl', 'zxcvbn', 'zxcvbnm',
  '1qaz2wsx', 'qazwsx', 'iloveyou', 'admin', 'administrator', 'welcome', 'letmein', 'abc123', 'woaini', 'changeme',
  'gongkai', 'root', 'test', 'guest', 'user', 'default', 'secret',
];
const runs = ['01234567890', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc4rfv'];

const isRun = (p: string): boolean =>
  runs.some((run) => run.includes(p) || [...run].reverse().join('').includes(p) || (p.length >= run.length && isRepetitionOf(p, run)));

const isRepetitionOf = (p: string, unit: string): boolean => p.split(unit).every((part) => part === '' || unit.startsWith(part));

/** Strips digits and symbols at the ends ("Password2024!" → "password"). */
const stem = (p: string): string => p.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, '');

export function checkPasswordPolicy(password: string, context: { readonly username?: string } = {}): string | null {
  if ([...password].length < passwordMinLength) return `至少需要 ${passwordMinLength} 个字符`;
  if (password.length > passwordMaxLength) return `不能超过 ${passwordMaxLength} 个字符`;
  const lower = password.toLowerCase();
  if (new Set(lower).size < 4) return '不能由过少的几个字符重复组成';
  if (isRun(lower)) return '不能是连续的数字、字母或键盘序列';
  const s = stem(password);
  if (commonStems.includes(lower) || (s.length > 0 && commonStems.includes(s) && lower.replace(/[^a-z]/g, '') === s)) {
    return '不能使用常见密码';
  }
  if (/^\d+$/.test(password) && new Set(password).size < 6) return '纯数字密码过于简单';
  const username = context.username?.toLowerCase() ?? '';
  if (username.length >= 3 && lower.includes(username)) return '不能包含用户名';
  return null;
}
