/**
 * Synonyms of agency names (区住建委 ↔ 区住房和城乡建设委员会, 市监局 ↔ 市场监督管理局): groups of
 * interchangeable phrases. Groups that share a phrase are merged, so a configured group, the
 * defaults below and the directory's name ↔ short name pairs combine into one.
 */
import { normalizeText } from './normalize.js';

export type SynonymGroup = readonly string[];

/** Common short forms of district and county bodies' names. Configurable groups are added to these. */
export const defaultAgencySynonyms: readonly SynonymGroup[] = [
  ['区住建委', '区住房和城乡建设委员会', '区住房城乡建委'],
  ['住建委', '住房和城乡建设委员会', '住房城乡建委'],
  ['住建局', '住房和城乡建设局', '住房城乡建设局'],
  ['市监局', '市场监督管理局', '市场监管局'],
  ['医保局', '医疗保障局'],
  ['人社局', '人力资源和社会保障局', '人力社保局'],
  ['发改委', '发展和改革委员会', '发展改革委'],
  ['卫健委', '卫生健康委员会', '卫生健康委'],
  ['农业农村委', '农业农村委员会'],
  ['规资局', '规划和自然资源局', '规划自然资源局'],
  ['应急局', '应急管理局'],
  ['城管局', '城市管理局'],
  ['退役军人局', '退役军人事务局'],
  ['区政府办', '区政府办公室', '区人民政府办公室'],
];

export interface SynonymHit {
  /** Where the phrase starts and ends in the searched text (UTF-16 indexes). */
  readonly start: number;
  readonly end: number;
  /** Every phrase of its group, the found one first. */
  readonly group: readonly string[];
}

export interface SynonymMatcher {
  /** The earliest (then longest) synonym phrase in the normalised text, or null. */
  find(text: string): SynonymHit | null;
  /** The merged groups (normalised). */
  readonly groups: readonly SynonymGroup[];
}

const clean = (p: string) => normalizeText(p).replace(/\s+/g, '');

/** Merges groups sharing a phrase; drops phrases shorter than 2 characters and groups of one. */
export function mergeSynonymGroups(groups: readonly SynonymGroup[]): SynonymGroup[] {
  const parent = new Map<string, string>();
  const root = (p: string): string => {
    let r = p;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(p, r);
    return r;
  };
  for (const g of groups) {
    const phrases = [...new Set(g.map(clean))].filter((p) => [...p].length >= 2);
    for (const p of phrases) if (!parent.has(p)) parent.set(p, p);
    for (let i = 1; i < phrases.length; i++) parent.set(root(phrases[i]!), root(phrases[0]!));
  }
  const merged = new Map<string, string[]>();
  for (const p of parent.keys()) {
    const r = root(p);
    merged.set(r, [...(merged.get(r) ?? []), p]);
  }
  return [...merged.values()].filter((g) => g.length > 1);
}

export function buildSynonymMatcher(groups: readonly SynonymGroup[]): SynonymMatcher {
  const merged = mergeSynonymGroups(groups);
  const phrases = merged.flatMap((g) => g.map((p) => ({ p, g }))).sort((a, b) => b.p.length - a.p.length);
  return {
    groups: merged,
    find(text) {
      let best: SynonymHit | null = null;
      for (const { p, g } of phrases) {
        const at = text.indexOf(p);
        if (at < 0) continue;
        if (best === null || at < best.start) best = { start: at, end: at + p.length, group: [p, ...g.filter((x) => x !== p)] };
      }
      return best;
    },
  };
}
