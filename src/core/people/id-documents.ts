/**
 * Identity documents an applicant may give (条例第二十九条 "身份证明"): the type, its Chinese label,
 * and the check of the number — GB 11643 for 居民身份证 and 港澳台居民居住证, GB 32100 for the
 * 统一社会信用代码 of an organisation, a plausible shape for the others.
 */
import { checkCreditCode, creditCodeProblemLabels, normalizeCreditCode } from './credit-code.js';
import { checkIdCard, idCardProblemLabels, normalizeIdCard } from './id-card.js';

export const idDocumentTypes = [
  'residentId', 'residencePermit', 'hkMacaoPermit', 'taiwanPermit', 'passport', 'foreignPermanentResident', 'creditCode', 'other',
] as const;
export type IdDocumentType = (typeof idDocumentTypes)[number];

export const idDocumentLabels: { readonly [T in IdDocumentType]: string } = {
  residentId: '居民身份证',
  residencePermit: '港澳台居民居住证',
  hkMacaoPermit: '港澳居民来往内地通行证',
  taiwanPermit: '台湾居民来往大陆通行证',
  passport: '护照',
  foreignPermanentResident: '外国人永久居留身份证',
  creditCode: '统一社会信用代码',
  other: '其他证件',
};

/** Documents a natural person may give; an organisation gives its 统一社会信用代码 (or "other"). */
export const personDocumentTypes: readonly IdDocumentType[] = idDocumentTypes.filter((t) => t !== 'creditCode');
export const organizationDocumentTypes: readonly IdDocumentType[] = ['creditCode', 'other'];

export const isIdDocumentType = (v: unknown): v is IdDocumentType => typeof v === 'string' && (idDocumentTypes as readonly string[]).includes(v);

export interface IdNumberCheck {
  /** The number as stored (spaces removed, upper-cased where the format is upper-case). */
  readonly normalized: string;
  /** A Chinese explanation when the number is not acceptable; null when it is. */
  readonly problem: string | null;
}

/** Normalizes and checks a document number of the given type. `today` ('YYYY-MM-DD') bounds birth dates. */
export function checkIdNumber(type: IdDocumentType, value: string, today?: string): IdNumberCheck {
  const trimmed = value.trim();
  switch (type) {
    case 'residentId':
    case 'residencePermit': {
      const normalized = normalizeIdCard(trimmed);
      const p = checkIdCard(normalized, today);
      if (p) return { normalized, problem: idCardProblemLabels[p] };
      if (type === 'residencePermit' && !/^8[123]/.test(normalized)) {
        return { normalized, problem: '港澳台居民居住证号码应以 81、82 或 83 开头' };
      }
      return { normalized, problem: null };
    }
    case 'creditCode': {
      const normalized = normalizeCreditCode(trimmed);
      const p = checkCreditCode(normalized);
      return { normalized, problem: p ? creditCodeProblemLabels[p] : null };
    }
    case 'hkMacaoPermit':
    case 'taiwanPermit':
    case 'passport':
    case 'foreignPermanentResident': {
      const normalized = trimmed.replace(/\s/g, '').toUpperCase();
      const ok = /^[A-Z0-9]{6,20}$/.test(normalized);
      return { normalized, problem: ok ? null : `${idDocumentLabels[type]}号码应为6至20位字母或数字` };
    }
    case 'other': {
      const ok = trimmed.length >= 1 && trimmed.length <= 50;
      return { normalized: trimmed, problem: ok ? null : '证件号码应为1至50个字符' };
    }
  }
}
