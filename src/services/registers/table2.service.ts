/**
 * Table 二 of a report compiled from the registers (src/core/publications/registers.ts): the report
 * compile calls `loadTable2Facts`; the drill-down lists what a cell counts — the published 规章 /
 * 行政规范性文件 behind a 第二十条第（一）项 cell (same predicate as the count), or the register figure
 * (who entered or imported it, when) behind the other cells.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.js';
import { docTypeLabels } from '../../core/publications/publication.js';
import {
  documentCell, documentCountsIn, registerKindLabels, registerKindOfRow, table2FromRegisters, type DocColumn, type FiguresByKind,
} from '../../core/publications/registers.js';
import { specForYear } from '../../core/report/spec/index.js';
import type { Cell } from '../../core/report/spec/types.js';
import { listFigures, listRegisterDocuments, type RegisterDocumentRow, type RegisterFigure } from '../../db/register.repository.js';
import type { Database } from '../../db/schema.js';
import { requireAgencyAccess, type Principal } from '../authorization.js';
import type { ServiceDeps } from '../deps.js';

const byKind = (figures: readonly RegisterFigure[], year: number): FiguresByKind =>
  Object.fromEntries(figures.filter((f) => f.year === year).map((f) => [f.kind, f]));

/** The format table 二 of `year` is printed in. */
const formatOf = (year: number): '2021' | '2019' => (specForYear(year).format === '2019' ? '2019' : '2021');

/**
 * Table 二 of an agency's year by spec row key (cells in column order), for `compileReport` facts.table2.
 * Two queries: the agency's published register documents and its figures of the year and the year before.
 */
export async function loadTable2Facts(deps: { readonly db: Kysely<Database> }, agencyId: string, year: number): Promise<Record<string, Cell[]>> {
  const docs = await listRegisterDocuments(deps.db, agencyId);
  const figures = await listFigures(deps.db, [agencyId], [year - 1, year]);
  return table2FromRegisters(formatOf(year), year, docs, byKind(figures, year), byKind(figures, year - 1));
}

const docColumnText: { readonly [C in DocColumn]: (y: number) => string } = {
  made: (y) => `成文日期（未填时为首次发布日期）在${y}年内`,
  repealed: (y) => `${y}年内失效或废止（失效、废止日期在${y}年内）`,
  inForce: (y) => `${y}年12月31日现行有效（此前制发，且截至当日未失效、未废止）`,
  published: (y) => `${y}年内首次发布`,
  total: (y) => `截至${y}年12月31日已发布`,
};

/** How each table-二 row is counted (for the report's cell definitions). */
export function table2Definition(year: number): string {
  const f = formatOf(year);
  return f === '2021'
    ? `规章、行政规范性文件按本平台已发布的文件统计：本年制发 = ${docColumnText.made(year)}；本年废止 = ${docColumnText.repealed(year)}；现行有效 = ${docColumnText.inForce(year)}（故现行有效 = 上年现行有效 + 本年制发 − 本年废止）。行政许可、行政处罚、行政强制的处理决定数量和行政事业性收费金额（万元）取自本机关登记或导入的${year}年数字，未登记的按 0 填列。`
    : `规章、规范性文件按本平台已发布的文件统计（本年新制作、本年新公开、对外公开总数）；其余各行取自本机关登记或导入的${year}年及${year - 1}年数字（项目数量、处理决定数量、采购金额），未登记的按 0 填列。`;
}

export interface Table2CellRecords {
  readonly agencyId: string;
  readonly year: number;
  readonly row: string;
  readonly column: number;
  readonly definition: string;
  /** The documents counted (a 第二十条第（一）项 cell): their number equals the cell. */
  readonly documents: readonly RegisterDocumentRow[];
  /** The register figure(s) behind the cell (this year's, and last year's for a 2019 item-count cell). */
  readonly figures: readonly RegisterFigure[];
}

/** What one table-二 cell of an agency's year counts. @throws AppError(NOT_FOUND | REQUEST_INVALID) */
export async function table2CellRecords(deps: ServiceDeps, principal: Principal, agencyId: string, year: number, row: string, column: number): Promise<Table2CellRecords> {
  requireAgencyAccess(principal, agencyId, '该机关');
  const format = formatOf(year);
  const spec = specForYear(year).tables.table2;
  const rowSpec = spec.rows.find((r) => r.key === row);
  const width = (rowSpec?.columns ?? spec.columns).length;
  if (!rowSpec || !Number.isInteger(column) || column < 0 || column >= width) throw new AppError('REQUEST_INVALID', { detail: `表二没有“${row}”行第 ${column} 栏` });
  const doc = documentCell(format, row, column);
  if (doc) {
    const docs = (await listRegisterDocuments(deps.db, agencyId)).filter((d) => d.docType === doc.docType && documentCountsIn(d, doc.column, year));
    return { agencyId, year, row, column, definition: `${docTypeLabels[doc.docType]}：${docColumnText[doc.column](year)}`, documents: docs, figures: [] };
  }
  const kind = registerKindOfRow(row);
  if (!kind) throw new AppError('REQUEST_INVALID', { detail: `表二“${row}”行不能列出记录` });
  const figures = (await listFigures(deps.db, [agencyId], [year - 1, year])).filter((f) => f.kind === kind && (f.year === year || format === '2019'));
  return { agencyId, year, row, column, definition: `${registerKindLabels[kind]}：取自本机关登记或导入的数字`, documents: [], figures };
}
