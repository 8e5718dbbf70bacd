/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY" (no I, O, S,
 * V, Z): 登记管理部门码, 机构类别码, 6-digit 登记管理机关行政区划码, 9-character 主体标识码 (组织机构代码)
 * and a MOD 31 check character.
 */

export type CreditCodeProblem = 'format' | 'checksum';

export const creditCodeProblemLabels: { readonly [P in CreditCodeProblem]: string } = {
  format: '统一社会信用代码应为18位数字或大写字母（不使用 I、O、S、V、Z）',
  checksum: '统一社会信用代码校验位不正确，请核对后重新填写',
};

const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export const normalizeCreditCode = (value: string): string => value.replace(/[\s-]/g, '').toUpperCase();

/** The check character of the first 17 characters (which must be in the alphabet). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += alphabet.indexOf(first17[i]!) * weights[i]!;
  return alphabet[(31 - (sum % 31)) % 31]!;
}

/** The problem with a (normalized) code, or null when valid. */
export function checkCreditCode(value: string): CreditCodeProblem | null {
  if (value.length !== 18 || [...value].some((c) => !alphabet.includes(c))) return 'format';
  return creditCodeCheckChar(value) === value[17] ? null : 'checksum';
}
