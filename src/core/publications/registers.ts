/**
 * Table 二 (主动公开政府信息情况, rules.md §1.4, §1.9) from the registers:
 * - 第二十条第（一）项 from the published 规章 / 行政规范性文件 (publications with a doc type and validity);
 * - (五)(六)(八) — and the 2019 format's (九) — from the figures an agency enters or imports per year.
 *
 * Documents: start = 成文日期 (else the first publication date); end = the day it lapsed or was
 * repealed (失效 and 废止 both end it), never before its start. Then for a year Y
 *   本年制发 = start in Y;  本年废止 = end in Y;  现行有效 = start ≤ 31 Dec Y and (no end or end after 31 Dec Y),
 * so 现行有效(Y) = 现行有效(Y−1) + 本年制发(Y) − 本年废止(Y) (T2-STOCK) holds by construction.
 */
import type { Cell } from '../report/spec/types.js';
import type { DocType } from './publication.js';

export const registerKinds = ['licensing', 'otherServices', 'penalty', 'enforcement', 'fees', 'procurement'] as const;
/** 行政许可 · 其他对外管理服务事项 (2019) · 行政处罚 · 行政强制 · 行政事业性收费 · 政府集中采购 (2019). */
export type RegisterKind = (typeof registerKinds)[number];
export const isRegisterKind = (v: unknown): v is RegisterKind => typeof v === 'string' && (registerKinds as readonly string[]).includes(v);

export const registerKindLabels: { readonly [K in RegisterKind]: string } = {
  licensing: '行政许可', otherServices: '其他对外管理服务事项', penalty: '行政处罚', enforcement: '行政强制',
  fees: '行政事业性收费', procurement: '政府集中采购',
};

/** Which figures a kind takes: decisions (处理决定数量), items (项目数量, 2019), amount (万元). */
export const registerKindFields: { readonly [K in RegisterKind]: { readonly decisions: boolean; readonly items: boolean; readonly amount: boolean } } = {
  licensing: { decisions: true, items: true, amount: false },
  otherServices: { decisions: true, items: true, amount: false },
  penalty: { decisions: true, items: true, amount: false },
  enforcement: { decisions: true, items: true, amount: false },
  fees: { decisions: false, items: true, amount: true },
  procurement: { decisions: false, items: true, amount: true },
};

/** The figures of one kind in one year (null = not given). */
export interface RegisterFigures {
  readonly decisionCount: number | null;
  readonly itemCount: number | null;
  /** 万元, decimal text ("12.35"). */
  readonly amountWan: string | null;
}

export type FiguresByKind = { readonly [K in RegisterKind]?: RegisterFigures };

/** The figures of one agency, year and kind with their note: what is entered, imported and stored. */
export interface RegisterFigureEntry extends RegisterFigures {
  readonly agencyId: string;
  readonly year: number;
  readonly kind: RegisterKind;
  readonly note: string;
}

/** A published regulation or normative document, as the register reads it. */
export interface RegisterDocument {
  readonly docType: Exclude<DocType, 'other'>;
  readonly writtenOn: string | null;
  readonly firstPublishedOn: string | null;
  /** The day it lapsed or was repealed; null while valid. */
  readonly validityEndedOn: string | null;
}

export type DocColumn = 'made' | 'repealed' | 'inForce' | 'published' | 'total';

const yearOf = (iso: string | null): number | null => (iso ? Number(iso.slice(0, 4)) : null);

/** The start and end years of a document (end never before start); null start = not countable. */
export function documentSpan(d: RegisterDocument): { start: number; end: number | null } | null {
  const start = yearOf(d.writtenOn ?? d.firstPublishedOn);
  if (start === null) return null;
  const end = yearOf(d.validityEndedOn);
  return { start, end: end === null ? null : Math.max(end, start) };
}

/** Whether a document is counted in a column of year `year` (the drill-down uses the same test). */
export function documentCountsIn(d: RegisterDocument, column: DocColumn, year: number): boolean {
  const span = documentSpan(d);
  if (!span) return false;
  switch (column) {
    case 'made': return span.start === year;
    case 'repealed': return span.end === year;
    case 'inForce': return span.start <= year && (span.end === null || span.end > year);
    case 'published': return yearOf(d.firstPublishedOn) === year;
    case 'total': { const p = yearOf(d.firstPublishedOn); return p !== null && p <= year; }
  }
}

const countIn = (docs: readonly RegisterDocument[], type: RegisterDocument['docType'], column: DocColumn, year: number): number =>
  docs.reduce((n, d) => n + (d.docType === type && documentCountsIn(d, column, year) ? 1 : 0), 0);

const num = (v: number | null | undefined): number => v ?? 0;
const amount = (v: string | null | undefined): number => (v ? Number(v) : 0);

/** Table-二 rows (by spec row key, cells in column order) of the format `format` for `year`. */
export function table2FromRegisters(
  format: '2021' | '2019', year: number, docs: readonly RegisterDocument[], figures: FiguresByKind, previousYear: FiguresByKind,
): Record<string, Cell[]> {
  const docRow = (type: RegisterDocument['docType'], columns: readonly DocColumn[]) => columns.map((c) => countIn(docs, type, c, year));
  if (format === '2021') {
    return {
      regulations: docRow('regulation', ['made', 'repealed', 'inForce']),
      normativeDocs: docRow('normativeDocument', ['made', 'repealed', 'inForce']),
      licensing: [num(figures.licensing?.decisionCount)],
      penalty: [num(figures.penalty?.decisionCount)],
      enforcement: [num(figures.enforcement?.decisionCount)],
      feesWan: [amount(figures.fees?.amountWan)],
    };
  }
  const items = (k: RegisterKind) => {
    const last = num(previousYear[k]?.itemCount);
    return [last, num(figures[k]?.itemCount) - last];
  };
  return {
    regulations: docRow('regulation', ['made', 'published', 'total']),
    normativeDocs: docRow('normativeDocument', ['made', 'published', 'total']),
    licensing: [...items('licensing'), num(figures.licensing?.decisionCount)],
    otherServices: [...items('otherServices'), num(figures.otherServices?.decisionCount)],
    penalty: [...items('penalty'), num(figures.penalty?.decisionCount)],
    enforcement: [...items('enforcement'), num(figures.enforcement?.decisionCount)],
    fees: items('fees'),
    procurement: [num(figures.procurement?.itemCount), amount(figures.procurement?.amountWan)],
  };
}

/** The document column of a table-二 cell (row regulations/normativeDocs), or null for a register cell. */
export function documentCell(format: '2021' | '2019', row: string, column: number): { docType: RegisterDocument['docType']; column: DocColumn } | null {
  const docType = row === 'regulations' ? 'regulation' : row === 'normativeDocs' ? 'normativeDocument' : null;
  if (!docType) return null;
  const columns: readonly DocColumn[] = format === '2021' ? ['made', 'repealed', 'inForce'] : ['made', 'published', 'total'];
  const c = columns[column];
  return c ? { docType, column: c } : null;
}

/** The register kind of a table-二 row ("feesWan" → fees), or null for a document row. */
export function registerKindOfRow(row: string): RegisterKind | null {
  if (row === 'feesWan') return 'fees';
  return isRegisterKind(row) ? row : null;
}

/** A decimal amount in 万元 as stored: up to 6 decimals (1 分 = 0.000001 万元), no exponent; null if not one. */
export function normalizeAmountWan(text: string): string | null {
  const t = text.trim().replace(/,/g, '');
  const m = /^(\d{1,12})(?:\.(\d{1,6}))?$/.exec(t);
  if (!m) return null;
  const int = String(Number(m[1]));
  const frac = (m[2] ?? '').replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}
