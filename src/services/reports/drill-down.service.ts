/**
 * Drill-down: the records one cell of a compiled report counts — the requests of a table-三 cell
 * (list lines, the applicant's personal data masked) or the appeals of a table-四 cell — with the same
 * predicates as the compile, so the list length equals the cell (for an open year; a closed year's
 * frozen cell may differ when the records changed after closing, which its T3-CASES finding says).
 */
import { AppError } from '../../core/errors.js';
import type { Appeal } from '../../core/requests/records.js';
import { specForYear, type TableId } from '../../core/report/spec/index.js';
import { specIndex } from '../../core/report/validate-labels.js';
import { listTable3CellRequests, listTable4CellAppeals } from '../../db/report.repository.js';
import type { Principal } from '../authorization.js';
import type { ServiceDeps } from '../deps.js';
import { toListItem, type RequestListItem } from '../requests/views.js';
import { table2CellRecords, type Table2CellRecords } from '../registers/table2.service.js';
import { table3Column, table3RowDefinition, table4Column, table4ColumnDefinition } from './cell-definitions.js';
import { agencyInReach, checkReportYear } from './compile.service.js';

export interface CellQuery {
  readonly table: TableId;
  readonly row: string;
  readonly column: number;
  readonly page?: number;
  readonly pageSize?: number;
}

export interface CellRecords {
  readonly agencyId: string;
  readonly year: number;
  readonly table: TableId;
  readonly row: string;
  readonly column: number;
  /** "表三 “（一）予以公开”行 “自然人”栏". */
  readonly label: string;
  /** How the cell is counted. */
  readonly definition: string;
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  /** Table 三: the requests counted (masked list lines). */
  readonly requests: readonly RequestListItem[];
  /** Table 四: the cases counted. */
  readonly appeals: readonly Appeal[];
  /** Table 二, 第二十条第（一）项: the published 规章/规范性文件 counted. */
  readonly documents?: Table2CellRecords['documents'];
  /** Table 二, other rows: the register figures behind the cell. */
  readonly figures?: Table2CellRecords['figures'];
}

const invalid = (detail: string) => new AppError('REQUEST_INVALID', { detail });

/**
 * The records counted in one cell of an agency's report of `year`.
 * @throws AppError(NOT_FOUND | REQUEST_INVALID)
 */
export async function drillDown(deps: ServiceDeps, principal: Principal, agencyId: string, year: number, q: CellQuery): Promise<CellRecords> {
  checkReportYear(year, deps.clock.today());
  const agency = await agencyInReach(deps.db, principal, agencyId);
  const pageSize = Math.min(Math.max(Math.trunc(q.pageSize ?? 50), 1), 500);
  const page = Math.max(Math.trunc(q.page ?? 1), 1);
  const slice = { limit: pageSize, offset: (page - 1) * pageSize };
  const index = specIndex(specForYear(year));
  const base = { agencyId: agency.id, year, table: q.table, row: q.row, column: q.column, page, pageSize };
  if (q.table === 'table3') {
    const row = index.table3.rowByKey.get(q.row);
    const column = table3Column(q.column);
    if (!row) throw invalid(`表三没有“${q.row}”行`);
    if (!column) throw invalid('表三的栏应为 0 至 6');
    const found = await listTable3CellRequests(deps.db, agency.id, year, q.row, column.kind, slice);
    if (!found) throw invalid(`表三“${row.label}”行不能列出申请`);
    return {
      ...base, label: `表三“${row.label}”行“${index.table3.columnLabels[q.column]}”栏`, definition: table3RowDefinition(q.row, year) ?? '',
      total: found.total, requests: found.rows.map(toListItem), appeals: [],
    };
  }
  if (q.table === 'table4') {
    const column = table4Column(q.column);
    if (q.row !== 'cases' || !column) throw invalid('表四只有一行（cases），栏应为 0 至 14');
    const found = await listTable4CellAppeals(deps.db, agency.id, year, column.kind, column.result, slice);
    return {
      ...base, label: `表四“${index.table4.columnLabels[q.column]}”`, definition: table4ColumnDefinition(q.column, year) ?? '',
      total: found.total, requests: [], appeals: found.rows,
    };
  }
  if (q.table === 'table2') {
    const found = await table2CellRecords(deps, principal, agency.id, year, q.row, q.column);
    const row = index.table2.rowByKey.get(q.row);
    const all = found.documents.length ? found.documents : found.figures;
    return {
      ...base, label: `表二“${row?.label ?? q.row}”行“${row?.columnLabels[q.column] ?? ''}”栏`, definition: found.definition,
      total: all.length, requests: [], appeals: [],
      documents: found.documents.slice(slice.offset, slice.offset + slice.limit), figures: found.figures,
    };
  }
  throw invalid('未知的表');
}
