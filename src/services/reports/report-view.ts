/**
 * A compiled report as plain JSON for the API and `gongkai report --json`: the tables in the JSON
 * contract (the same keys as `gongkai check --json`), the findings with their Chinese messages.
 */
import { findingBasis, type FindingLocation, type Severity } from '../../core/findings.js';
import { formatFinding } from '../../core/messages.zh-CN.js';
import { tablesToJson, type TablesJson } from '../../core/report/json.js';
import type { FormatId } from '../../core/report/spec/index.js';
import type { ClosureInfo, CompiledReport, ReportProvenance } from './compile.service.js';

export interface FindingJson {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly at: FindingLocation;
  /** The rule's legal or logical basis, null when the finding has none. */
  readonly basis: string | null;
}

export interface CompiledReportJson {
  readonly agencyId: string;
  readonly agency: string;
  readonly year: number;
  readonly format: FormatId;
  readonly title: string;
  readonly tables: TablesJson;
  readonly sections: readonly { readonly key: string | null; readonly heading: string; readonly text: string }[];
  readonly findings: readonly FindingJson[];
  readonly hasErrors: boolean;
  readonly closure: ClosureInfo | null;
  readonly provenance: ReportProvenance;
}

export const findingJson = (f: CompiledReport['findings'][number]): FindingJson => ({
  code: f.code, severity: f.severity, message: formatFinding(f), at: f.at, basis: findingBasis(f),
});

export function compiledReportToJson(c: CompiledReport): CompiledReportJson {
  return {
    agencyId: c.agencyId,
    agency: c.agency,
    year: c.year,
    format: c.report.format,
    title: c.report.title ?? '',
    tables: tablesToJson(c.report.format, c.report.tables),
    sections: c.report.sections.map((s) => ({ key: s.key, heading: s.heading, text: s.text })),
    findings: c.findings.map(findingJson),
    hasErrors: c.hasErrors,
    closure: c.closure,
    provenance: c.provenance,
  };
}
