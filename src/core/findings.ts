/**
 * Findings: statements about content (a sum that does not add up, an unreadable cell, an overdue
 * clock). They are data, returned from the core, never thrown. Each code has exactly one Chinese
 * message in messages.zh-CN.ts and one row in docs/errors.md.
 */
import type { FindingCode } from './finding-codes.js';

export type Severity = 'error' | 'warning' | 'info';

export type ParamValue = string | number | boolean | null | readonly (string | number | null)[];
export type Params = Readonly<Record<string, ParamValue>>;

/** Where a finding points: a table cell, a section of the prose, a line of the input, an event. */
export interface FindingLocation {
  readonly table?: string;
  readonly row?: string;
  readonly column?: number;
  readonly section?: string;
  readonly line?: number;
  readonly event?: number;
  readonly field?: string;
}

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly at: FindingLocation;
  /** Values the message quotes: expected, actual, basis (legal source of the rule), … */
  readonly params: Params;
}

export function finding(code: FindingCode, severity: Severity, at: FindingLocation = {}, params: Params = {}): Finding {
  return { code, severity, at, params };
}

/** The legal or logical basis a finding quotes (`params.basis`), or null when it has none. */
export function findingBasis(f: Pick<Finding, 'params'>): string | null {
  const basis = f.params.basis;
  return typeof basis === 'string' && basis.trim() !== '' ? basis : null;
}

export const hasErrors = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === 'error');

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export const bySeverity = (a: Finding, b: Finding): number => severityRank[a.severity] - severityRank[b.severity];

export function assertNever(x: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(x)}`);
}
