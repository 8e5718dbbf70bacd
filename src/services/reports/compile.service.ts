/**
 * The annual report of an agency compiled from its records (tables 三 and 四; 二 from the
 * proactive-disclosure registers, src/services/registers/table2.service.ts), validated, with where each figure comes from. A closed year
 * is served frozen (its figures as closed), checked against the records (T3-CASES, T4-CASES); every
 * year is checked against last year's closed figures (T3-CARRY, an error: both years were produced
 * by this system).
 */
import type { Kysely } from 'kysely';
import type { Agency } from '../../core/agencies/agency.js';
import { AppError } from '../../core/errors.js';
import { hasErrors, type Finding } from '../../core/findings.js';
import { compileReport, type ReportFacts } from '../../core/report/compile.js';
import { reportFromJson } from '../../core/report/json.js';
import { specForYear, type TableId } from '../../core/report/spec/index.js';
import { validateCrossYear } from '../../core/report/validate-cross-year.js';
import { specIndex } from '../../core/report/validate-labels.js';
import { validateReport } from '../../core/report/validate.js';
import type { ReportValues } from '../../core/report/values.js';
import { findAgencyById } from '../../db/agency.repository.js';
import { findClosure, type ReportClosure } from '../../db/report-closure.repository.js';
import { loadAppealFacts, loadRequestFacts } from '../../db/report.repository.js';
import type { Database } from '../../db/schema.js';
import { listAgencies } from '../agencies.service.js';
import { loadTable2Facts } from '../registers/table2.service.js';
import { requireAgencyAccess, type Principal } from '../authorization.js';
import { orderFindings } from '../check.service.js';
import type { ServiceDeps } from '../deps.js';
import { cellDefinitions, type CellDefinitions } from './cell-definitions.js';

/** The first report year under the 2019 条例 (older reports had no unified tables). */
export const firstReportYear = 2019;

export interface ClosureInfo {
  readonly id: string;
  readonly closedAt: string;
  readonly closedBy: string | null;
  readonly closedByName: string;
}

/** Where a compiled report's figures come from. */
export interface ReportProvenance {
  /** records: counted from the requests and appeals now; frozen: as the year was closed. */
  readonly source: 'records' | 'frozen';
  /** Table 二 is compiled from the registers (published 规章/规范性文件 and the entered or imported figures). */
  readonly table2: 'registers';
  /** Last year's figures the carry-over was checked against (a closed year), or null. */
  readonly previous: { readonly year: number; readonly closedAt: string } | null;
  /** How each cell is counted. */
  readonly cells: CellDefinitions;
}

export interface CompiledReport {
  readonly agencyId: string;
  readonly agency: string;
  readonly year: number;
  readonly report: ReportValues;
  /** Deduplicated, errors first. */
  readonly findings: readonly Finding[];
  readonly hasErrors: boolean;
  /** The closure in force (the year is closed), or null. */
  readonly closure: ClosureInfo | null;
  readonly provenance: ReportProvenance;
}

/** @throws AppError(REQUEST_INVALID) unless `year` is a report year that has begun */
export function checkReportYear(year: number, today: string): number {
  const current = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < firstReportYear || year > current) {
    throw new AppError('REQUEST_INVALID', { detail: `年度应为 ${firstReportYear} 至 ${current} 之间的年份` });
  }
  return year;
}

/** The facts of an agency's year, straight from the records (two grouped queries). */
export async function loadReportFacts(db: Kysely<Database>, agency: Pick<Agency, 'id' | 'name'>, year: number): Promise<{ facts: ReportFacts; unclassified: number }> {
  const requests = await loadRequestFacts(db, agency.id, year);
  const appeals = await loadAppealFacts(db, agency.id, year);
  const table2 = await loadTable2Facts({ db }, agency.id, year);
  return { facts: { agency: agency.name, year, requests: requests.facts, appeals, table2 }, unclassified: requests.unclassified };
}

const closureInfo = (c: ReportClosure): ClosureInfo => ({ id: c.id, closedAt: c.closedAt, closedBy: c.closedBy, closedByName: c.closedByName });

/** Cells where the frozen report and the records differ (T3-CASES / T4-CASES). */
function frozenAgainstRecords(frozen: ReportValues, live: ReportValues): Finding[] {
  const index = specIndex(specForYear(frozen.year ?? live.year ?? 0));
  const out: Finding[] = [];
  const tables: readonly [TableId, 'T3-CASES' | 'T4-CASES'][] = [['table3', 'T3-CASES'], ['table4', 'T4-CASES']];
  for (const [table, code] of tables) {
    for (const row of index[table].rows) {
      const a = frozen.tables[table][row.key];
      const b = live.tables[table][row.key];
      row.columns.forEach((_, c) => {
        const expected = a?.[c] ?? null;
        const actual = b?.[c] ?? null;
        if (expected === actual) return;
        out.push({
          code, severity: 'error', at: { table, row: row.key, column: c },
          params: { rowLabel: row.label, columnLabel: row.columnLabels[c]!, expected, actual, basis: '年度关闭后，已冻结的数字应与办理记录一致（rules.md §1.8 T3-CASES）' },
        });
      });
    }
  }
  return out;
}

/** Findings of a report given last year's closed figures: T3-CARRY is an error (both years are ours). */
function findingsOf(report: ReportValues, previous: ReportValues | null): Finding[] {
  const findings = validateReport(report);
  if (previous) {
    for (const f of validateCrossYear(specForYear(report.year!), report, previous)) {
      findings.push(f.code === 'T3-CARRY'
        ? { ...f, severity: 'error', params: { ...f.params, basis: '上年度已由本系统关闭并冻结：本年“上年结转”必须等于上年冻结的“结转下年度继续办理”' } }
        : f);
    }
  }
  return findings;
}

/** Compiles (or, for a closed year, serves frozen) the report of one agency in reach. */
export async function buildAgencyReport(db: Kysely<Database>, agency: Pick<Agency, 'id' | 'name'>, year: number): Promise<CompiledReport> {
  const spec = specForYear(year);
  const closure = await findClosure(db, agency.id, year);
  const previousClosure = await findClosure(db, agency.id, year - 1);
  const loaded = await loadReportFacts(db, agency, year);
  const live = compileReport(spec, loaded.facts);
  const previous = previousClosure ? reportFromJson(previousClosure.report) : null;
  const report = closure ? reportFromJson(closure.report) : live;
  const findings = findingsOf(report, previous);
  if (closure) findings.push(...frozenAgainstRecords(report, live));
  if (loaded.unclassified > 0) {
    findings.push({ code: 'T3-CASES', severity: 'error', at: { table: 'table3', row: 'total' }, params: { problem: 'unclassified', count: loaded.unclassified } });
  }
  const ordered = orderFindings(findings);
  return {
    agencyId: agency.id,
    agency: agency.name,
    year,
    report,
    findings: ordered,
    hasErrors: hasErrors(ordered),
    closure: closure ? closureInfo(closure) : null,
    provenance: {
      source: closure ? 'frozen' : 'records',
      table2: 'registers',
      previous: previousClosure ? { year: previousClosure.year, closedAt: previousClosure.closedAt } : null,
      cells: cellDefinitions(year),
    },
  };
}

/** Loads an agency in reach. @throws AppError(NOT_FOUND) */
export async function agencyInReach(db: Kysely<Database>, principal: Principal, agencyId: string): Promise<Agency> {
  requireAgencyAccess(principal, agencyId, '该机关');
  const agency = await findAgencyById(db, agencyId);
  if (!agency) throw new AppError('NOT_FOUND', { what: '该机关' });
  return agency;
}

/**
 * The report of an agency and year, compiled from the records (or frozen, when closed).
 * @throws AppError(NOT_FOUND | REQUEST_INVALID)
 */
export async function compileAgencyReport(deps: ServiceDeps, principal: Principal, agencyId: string, year: number): Promise<CompiledReport> {
  checkReportYear(year, deps.clock.today());
  const agency = await agencyInReach(deps.db, principal, agencyId);
  const started = performance.now();
  const result = await buildAgencyReport(deps.db, agency, year);
  deps.logger.debug({ agencyId, year, ms: Math.round(performance.now() - started), source: result.provenance.source }, 'report compiled');
  return result;
}

/** The reports of every agency in reach, in tree order. */
export async function compileAllReports(deps: ServiceDeps, principal: Principal, year: number): Promise<CompiledReport[]> {
  checkReportYear(year, deps.clock.today());
  const agencies = await listAgencies(deps, principal);
  const out: CompiledReport[] = [];
  for (const a of agencies) out.push(await buildAgencyReport(deps.db, a, year));
  return out;
}
