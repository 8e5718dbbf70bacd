/**
 * 依申请转主动 (条例第四十四条): "多个申请人就相同政府信息向同一行政机关提出公开申请，且该政府信息属于
 * 可以公开的，行政机关可以纳入主动公开的范围". Released requests (granted or partly granted) of one agency
 * are grouped when they name the same 文号 or their descriptions are alike; a group asked by at least
 * `minApplicants` different applicants is a suggestion. The likeness is simple and explainable: the
 * Dice coefficient of the descriptions' character bigrams (after dropping the boilerplate of
 * applications), with the phrases the two share.
 */

export interface ReleasedRequest {
  readonly id: string;
  readonly reference: string;
  readonly agencyId: string;
  readonly description: string;
  readonly documentNumber: string;
  /** Identifies the applicant (ID number or name), to count different applicants. */
  readonly applicantKey: string;
  readonly repliedOn: string;
  readonly outcome: string;
}

export interface SuggestionOptions {
  /** Different applicants needed (第四十四条 "多个"); default 2. */
  readonly minApplicants: number;
  /** Dice coefficient of bigrams from which two descriptions are alike; default 0.6. */
  readonly threshold: number;
}
export const defaultSuggestionOptions: SuggestionOptions = { minApplicants: 2, threshold: 0.6 };

export interface SuggestionLink {
  readonly a: string;
  readonly b: string;
  readonly reason: 'documentNumber' | 'similarText';
  /** 1 for the same 文号; the Dice coefficient otherwise. */
  readonly score: number;
  /** 文号, or the phrases both descriptions contain. */
  readonly shared: readonly string[];
}

export interface Suggestion {
  readonly agencyId: string;
  /** A stable key of the group (its smallest request id). */
  readonly key: string;
  /** The 文号 most of them name, or '' . */
  readonly documentNumber: string;
  /** A representative description (the shortest). */
  readonly subject: string;
  readonly applicantCount: number;
  readonly requests: readonly ReleasedRequest[];
  /** Why they are grouped (a spanning set of links). */
  readonly links: readonly SuggestionLink[];
}

const boilerplate = /申请公开|依申请公开|请求公开|要求公开|申请获取|申请提供|请提供|请予以公开|予以公开|政府信息公开|政府信息|相关信息|相关文件|有关情况|有关|相关|关于|的|及其|以及|和|与|等|本人|我|贵单位|贵局|贵委|贵府|贵机关/g;

/** 文号 normalized: no spaces, one kind of brackets, full-width digits folded. */
export function normalizeDocumentNumber(s: string): string {
  return s
    .replace(/[\s\u3000]/g, '')
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[[［【(（]/g, '〔').replace(/[\]］】)）]/g, '〕')
    .replace(/號/g, '号');
}

/** The comparable text of a description: boilerplate and punctuation dropped, full-width folded. */
export function descriptionCore(s: string): string {
  return s
    .normalize('NFKC')
    .replace(boilerplate, ' ')
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim()
    .toLowerCase();
}

export function bigrams(core: string): Set<string> {
  const out = new Set<string>();
  for (const part of core.split(' ')) {
    const chars = [...part];
    if (chars.length === 1) out.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return out;
}

export const dice = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
};

/** The maximal runs of `a` (length ≥ 2) whose every bigram is in `b`'s bigrams, longest first. */
export function sharedPhrases(a: string, b: ReadonlySet<string>, max = 5): string[] {
  const out: string[] = [];
  for (const part of a.split(' ')) {
    const chars = [...part];
    let start = 0;
    for (let i = 0; i < chars.length; i++) {
      const continues = i + 1 < chars.length && b.has(chars[i]! + chars[i + 1]!);
      if (!continues) {
        if (i - start + 1 >= 2) out.push(chars.slice(start, i + 1).join(''));
        start = i + 1;
      }
    }
  }
  return [...new Set(out)].sort((x, y) => y.length - x.length).slice(0, max);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Groups released requests into suggestions (per agency), largest groups first. */
export function suggestPublications(requests: readonly ReleasedRequest[], options: Partial<SuggestionOptions> = {}): Suggestion[] {
  const opts = { ...defaultSuggestionOptions, ...options };
  const byAgency = new Map<string, ReleasedRequest[]>();
  for (const r of requests) push(byAgency, r.agencyId, r);
  const out: Suggestion[] = [];
  for (const [agencyId, list] of byAgency) out.push(...groupAgency(agencyId, list, opts));
  return out.sort((a, b) => b.applicantCount - a.applicantCount || b.requests.length - a.requests.length || a.key.localeCompare(b.key));
}

function groupAgency(agencyId: string, list: readonly ReleasedRequest[], opts: SuggestionOptions): Suggestion[] {
  const n = list.length;
  const parent = list.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const links: { i: number; j: number; link: SuggestionLink }[] = [];
  const union = (i: number, j: number, link: Omit<SuggestionLink, 'a' | 'b'>) => {
    const a = find(i);
    const b = find(j);
    if (a === b) return;
    parent[a] = b;
    links.push({ i, j, link: { a: list[i]!.id, b: list[j]!.id, ...link } });
  };
  // the same 文号
  const byNumber = new Map<string, number>();
  list.forEach((r, i) => {
    const k = normalizeDocumentNumber(r.documentNumber);
    if (k.length < 3) return;
    const first = byNumber.get(k);
    if (first === undefined) byNumber.set(k, i);
    else union(first, i, { reason: 'documentNumber', score: 1, shared: [r.documentNumber.trim()] });
  });
  // alike descriptions: candidates share a bigram that is not too common (inverted index)
  const cores = list.map((r) => descriptionCore(r.description));
  const grams = cores.map(bigrams);
  const postings = new Map<string, number[]>();
  grams.forEach((g, i) => { for (const x of g) push(postings, x, i); });
  const tooCommon = Math.max(50, Math.ceil(n * 0.2));
  for (let i = 0; i < n; i++) {
    const seen = new Set<number>();
    for (const x of grams[i]!) {
      const p = postings.get(x)!;
      if (p.length > tooCommon) continue;
      for (const j of p) if (j > i) seen.add(j);
    }
    for (const j of seen) {
      if (find(i) === find(j)) continue;
      const score = dice(grams[i]!, grams[j]!);
      if (score >= opts.threshold) union(i, j, { reason: 'similarText', score: Math.round(score * 100) / 100, shared: sharedPhrases(cores[i]!, grams[j]!) });
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) push(groups, find(i), i);
  const out: Suggestion[] = [];
  for (const members of groups.values()) {
    const reqs = members.map((i) => list[i]!).sort((a, b) => a.repliedOn.localeCompare(b.repliedOn) || a.id.localeCompare(b.id));
    const applicants = new Set(reqs.map((r) => r.applicantKey));
    if (members.length < 2 || applicants.size < opts.minApplicants) continue;
    const set = new Set(members);
    const numbers = new Map<string, number>();
    for (const r of reqs) if (r.documentNumber.trim()) numbers.set(r.documentNumber.trim(), (numbers.get(r.documentNumber.trim()) ?? 0) + 1);
    const documentNumber = [...numbers.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    const subject = [...reqs].sort((a, b) => a.description.length - b.description.length)[0]!.description;
    out.push({
      agencyId, key: [...reqs].map((r) => r.id).sort()[0]!, documentNumber, subject, applicantCount: applicants.size, requests: reqs,
      links: links.filter((l) => set.has(l.i)).map((l) => l.link),
    });
  }
  return out;
}
