/**
 * ReportValues (+ last year's, members', siblings') → Finding[]. Every rule is driven by the
 * report's format spec; the functions called here are the single places each rule lives:
 * tables (validate-tables.ts), the document (validate-document.ts), prose figures
 * (narrative-check.ts), cross-year (validate-cross-year.ts), aggregation (aggregate.ts) and
 * 内容雷同 (similarity.ts).
 */
import type { Finding } from '../findings.js';
import { specFor } from './spec/index.js';
import type { ReportValues } from './values.js';
import { checkAggregate } from './aggregate.js';
import { checkNarrative } from './narrative-check.js';
import type { NamedReport, SimilarityOptions } from './similarity.js';
import { checkSimilarity } from './similarity.js';
import { validateCrossYear } from './validate-cross-year.js';
import { validateDocument } from './validate-document.js';
import { validateTables } from './validate-tables.js';

export { validateTables } from './validate-tables.js';
export type { NamedReport, SimilarityOptions } from './similarity.js';

export interface ValidateContext {
  /** Last year's report of the same body: T3-CARRY, T2-STOCK, T2-REPEAL, and SIMILARITY against it. */
  readonly previous?: ReportValues | null;
  /** The member reports this (parent) report is compiled from: AGG. */
  readonly members?: readonly NamedReport[];
  /** Names of the members the parent should have; each one missing from `members` is AGG-MISSING. */
  readonly expectedMembers?: readonly string[];
  /** Other bodies' reports to compare the prose with: SIMILARITY. */
  readonly compareWith?: readonly NamedReport[];
  readonly similarity?: SimilarityOptions;
}

/** The name last year's report goes by in SIMILARITY findings. */
export const previousReportName = (previous: ReportValues): string =>
  previous.year === null ? '上年度报告' : `${previous.year}年度报告`;

/** Every finding about one report; nothing is thrown for bad content. */
export function validateReport(report: ReportValues, ctx: ValidateContext = {}): Finding[] {
  const spec = specFor(report.format);
  const findings = validateTables(spec, report.tables);
  findings.push(...validateDocument(spec, report), ...checkNarrative(report));
  const previous = ctx.previous ?? null;
  if (previous) findings.push(...validateCrossYear(spec, report, previous));
  if (ctx.members?.length || ctx.expectedMembers?.length) {
    findings.push(...checkAggregate(report, ctx.members ?? [], { expectedMembers: ctx.expectedMembers }));
  }
  const others = [...(previous ? [{ name: previousReportName(previous), report: previous }] : []), ...(ctx.compareWith ?? [])];
  if (others.length) findings.push(...checkSimilarity(report, others, ctx.similarity));
  return findings;
}
