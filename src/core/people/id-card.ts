/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence and the
 * ISO 7064 MOD 11-2 check character (0–9 or X). Also used by the 港澳台居民居住证 (address codes
 * 810000 / 820000 / 830000). Pure; `today` bounds the birth date.
 */

/** Why an ID number is not valid (stable codes; Chinese text in idCardProblemLabels). */
export type IdCardProblem = 'format' | 'legacy15' | 'region' | 'birthDate' | 'checksum';

export const idCardProblemLabels: { readonly [P in IdCardProblem]: string } = {
  format: '居民身份证号码应为18位（前17位为数字，最后一位为数字或X）',
  legacy15: '15位的第一代身份证号码已停止使用，请填写18位号码',
  region: '身份证号码的地址码不正确',
  birthDate: '身份证号码中的出生日期不正确',
  checksum: '身份证号码校验位不正确，请核对后重新填写',
};

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const checkChars = '10X98765432';

/** The check character (0–9 or X) of the first 17 digits. */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += (first17.charCodeAt(i) - 48) * weights[i]!;
  return checkChars[sum % 11]!;
}

/** Upper-cases and removes spaces (people type "x" and group digits). */
export const normalizeIdCard = (value: string): string => value.replace(/[\s-]/g, '').toUpperCase();

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** The problem with an 18-character ID number (already normalized), or null when it is valid. */
export function checkIdCard(value: string, today?: string): IdCardProblem | null {
  if (/^\d{15}$/.test(value)) return 'legacy15';
  if (!/^\d{17}[\dX]$/.test(value)) return 'format';
  const province = Number(value.slice(0, 2));
  if (province < 11 || province > 83) return 'region';
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const maxDay = m === 2 && isLeap(y) ? 29 : monthDays[m - 1];
  if (y < 1800 || m < 1 || m > 12 || maxDay === undefined || d < 1 || d > maxDay) return 'birthDate';
  if (today !== undefined && value.slice(6, 14) > today.replaceAll('-', '')) return 'birthDate';
  if (idCardCheckChar(value) !== value[17]) return 'checksum';
  return null;
}
