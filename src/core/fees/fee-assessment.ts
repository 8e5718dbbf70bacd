/**
 * Assessing and deciding the fee of one request: one method only (第三条), 一事一申请 splitting into
 * 件 numbered after the applicant's earlier requests of the natural month, and 减免 as a decision with
 * a reason ([U] rules.md §3.2: the waiver rules are not verified, so nothing is waived automatically).
 */
import { finding, type Finding } from '../findings.js';
import { perItemBreakdown, perPageBreakdown, type FeeBand, type FeeMethod } from './fee-schedule.js';

export interface FeeAssessmentInput {
  /** 按件计收: `items` 件 of this request (after 一事一申请 splitting, ≥ 1), numbered after `earlierItems` of the month. */
  readonly perItem?: { readonly earlierItems: number; readonly items: number };
  /** 按量计收: pages of this request (agency-entered count, [U] page equivalence). */
  readonly perPage?: { readonly pages: number };
}

export interface FeeAssessment {
  readonly method: FeeMethod | null;
  /** Assessed amount in 元 (0 when no method or on error). */
  readonly amount: number;
  readonly bands: readonly FeeBand[];
  readonly findings: readonly Finding[];
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1_000_000;

export function assessRequestFee(input: FeeAssessmentInput): FeeAssessment {
  const findings: Finding[] = [];
  const bad = (field: string, value: unknown) => findings.push(finding('FEE-INPUT', 'error', { field }, { field, value: String(value) }));
  if (input.perItem && input.perPage) {
    findings.push(finding('FEE-BOTH-METHODS', 'error', {}, {}));
    return { method: null, amount: 0, bands: [], findings };
  }
  if (input.perItem) {
    const { earlierItems, items } = input.perItem;
    if (!isCount(earlierItems)) bad('本月此前件数', earlierItems);
    if (!isCount(items) || items < 1) bad('拆分后件数', items);
    if (findings.length > 0) return { method: 'perItem', amount: 0, bands: [], findings };
    const bands = perItemBreakdown(earlierItems + 1, items);
    return { method: 'perItem', amount: sum(bands), bands, findings };
  }
  if (input.perPage) {
    if (!isCount(input.perPage.pages)) {
      bad('页数', input.perPage.pages);
      return { method: 'perPage', amount: 0, bands: [], findings };
    }
    const bands = perPageBreakdown(input.perPage.pages);
    return { method: 'perPage', amount: sum(bands), bands, findings };
  }
  return { method: null, amount: 0, bands: [], findings };
}

const sum = (bands: readonly FeeBand[]) => bands.reduce((n, b) => n + b.amount, 0);

/** 减免: waive entirely, or reduce to `amount` 元; always with a reason (and optionally its legal basis). */
export interface FeeWaiver {
  readonly kind: 'waive' | 'reduce';
  readonly amount?: number;
  readonly reason: string;
  readonly basis?: string;
}

export interface FeeDecision {
  readonly method: FeeMethod | null;
  readonly assessed: number;
  /** What the applicant is asked to pay, in 元. */
  readonly charged: number;
  readonly waiver: FeeWaiver | null;
  readonly findings: readonly Finding[];
}

/** The amount to charge after an optional 减免 decision; an invalid waiver is reported and not applied. */
export function decideFee(assessment: FeeAssessment, waiver: FeeWaiver | null = null): FeeDecision {
  const findings = [...assessment.findings];
  const base = { method: assessment.method, assessed: assessment.amount };
  if (!waiver) return { ...base, charged: assessment.amount, waiver: null, findings };
  if (typeof waiver.reason !== 'string' || waiver.reason.trim() === '') {
    findings.push(finding('FEE-WAIVER-REASON', 'error', { field: 'reason' }, {}));
    return { ...base, charged: assessment.amount, waiver: null, findings };
  }
  if (waiver.kind === 'waive') return { ...base, charged: 0, waiver, findings };
  const amount = waiver.amount;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0 || amount > assessment.amount) {
    findings.push(finding('FEE-WAIVER-AMOUNT', 'error', { field: 'amount' }, { amount: String(amount), assessed: assessment.amount }));
    return { ...base, charged: assessment.amount, waiver: null, findings };
  }
  return { ...base, charged: amount, waiver, findings };
}
