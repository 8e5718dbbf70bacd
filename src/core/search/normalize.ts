/**
 * Text normalisation shared by indexing and queries, so both see the same characters:
 * NFKC (full-width letters and digits → half-width, compatibility forms), lower case, and the
 * brackets of a 文号 unified (〔2024〕, [2024], （2024）, 【2024】 are the same number).
 */

const openBrackets = /[[(【〖〈《［（]/g;
const closeBrackets = /[\])】〗〉》］）]/g;

/** NFKC + lower case (the form every token is made from). */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** A 文号 as a lookup key: no spaces, one kind of bracket (〔〕), full-width folded. "" when blank. */
export function documentNumberKey(documentNumber: string): string {
  return normalizeText(documentNumber)
    .replace(/\s+/g, '')
    .replace(/[〔[(【〖［（]/g, '〔')
    .replace(/[〕\])】〗］）]/g, '〕');
}

/** A title as a lookup key for exact matches: letters and digits only (punctuation and spaces dropped). */
export function titleKey(title: string): string {
  return normalizeText(title).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** True when the text looks like a 文号: a year in brackets or "…〔2024〕12号" / "…发2024年12号". */
export function looksLikeDocumentNumber(text: string): boolean {
  const t = normalizeText(text).replace(openBrackets, '〔').replace(closeBrackets, '〕');
  return /〔\d{4}〕\s*\d*\s*号?/.test(t) || /\D(19|20)\d{2}\s*年?\s*第?\s*\d+\s*号/.test(t);
}
