/**
 * 索引号: generated per agency and year from the deployment's pattern, e.g. `{agencyCode}/{year}-{seq:5}`
 * → "11500103MB1234567X/2026-00012". Tokens: {agencyCode}, {year}, {month}, {seq} or {seq:N} (zero-padded
 * to N digits, 1–9). The pattern must contain {year} and {seq…} so that numbers are unique per agency
 * and year; {agencyCode} makes them unique across agencies.
 */

export interface IndexNumberParts {
  readonly agencyCode: string;
  readonly year: number;
  readonly month: number;
  readonly seq: number;
}

const tokenRe = /\{(agencyCode|year|month|seq)(?::(\d))?\}/g;

/** Problems of a pattern (Chinese), empty when usable. */
export function checkIndexPattern(pattern: string): string[] {
  const out: string[] = [];
  if (pattern.length === 0 || pattern.length > 80) out.push('索引号格式应为1至80个字符');
  const stripped = pattern.replace(tokenRe, '');
  if (/[{}]/.test(stripped)) out.push('索引号格式含有未知的占位符（可用 {agencyCode} {year} {month} {seq} {seq:N}）');
  const tokens = [...pattern.matchAll(tokenRe)].map((m) => m[1]);
  if (!tokens.includes('year')) out.push('索引号格式必须包含 {year}');
  if (tokens.filter((t) => t === 'seq').length !== 1) out.push('索引号格式必须恰好包含一个 {seq} 或 {seq:N}');
  if (!tokens.includes('agencyCode')) out.push('索引号格式必须包含 {agencyCode}，否则不同机关的索引号会重复');
  if ([...pattern.matchAll(tokenRe)].some((m) => m[2] !== undefined && m[1] !== 'seq')) out.push('只有 {seq} 可以指定位数');
  if (/[\s<>"'\\]/.test(stripped)) out.push('索引号格式不能包含空白、引号、尖括号或反斜杠');
  return out;
}

/** The 索引号 of the parts under the pattern. @throws RangeError when the pattern is unusable or the seq overflows its width */
export function formatIndexNumber(pattern: string, parts: IndexNumberParts): string {
  const problems = checkIndexPattern(pattern);
  if (problems.length) throw new RangeError(`index pattern: ${problems.join('; ')}`);
  if (!Number.isInteger(parts.seq) || parts.seq < 1) throw new RangeError(`index seq: ${parts.seq}`);
  return pattern.replace(tokenRe, (_, token: string, width?: string) => {
    switch (token) {
      case 'agencyCode': return parts.agencyCode;
      case 'year': return String(parts.year);
      case 'month': return String(parts.month).padStart(2, '0');
      default: {
        const text = String(parts.seq);
        const w = width ? Number(width) : 1;
        if (text.length > Math.max(w, 1) && width) throw new RangeError(`index seq ${parts.seq} does not fit in ${w} digits`);
        return text.padStart(w, '0');
      }
    }
  });
}

/** The default {agencyCode}: the 统一社会信用代码 when known, else the first 8 characters of the id, upper-case. */
export function agencyIndexCode(agency: { readonly id: string; readonly creditCode: string }, overrides: Readonly<Record<string, string>> = {}): string {
  const configured = overrides[agency.id]?.trim();
  if (configured) return configured;
  const credit = agency.creditCode.trim();
  if (credit) return credit;
  return agency.id.replace(/-/g, '').slice(0, 8).toUpperCase();
}
