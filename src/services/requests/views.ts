/**
 * What the services hand out: a list line with the applicant's personal data masked (no ID number,
 * phone, e-mail or address; a natural person's name masked), the clock as plain data with its
 * findings in Chinese, and the worklist line (list line + clock summary).
 */
import type { Finding } from '../../core/findings.js';
import { formatFinding } from '../../core/messages.zh-CN.js';
import { maskAddress, maskEmail, maskIdNumber, maskPersonName, maskPhone } from '../../core/people/masking.js';
import type { RequestClock } from '../../core/requests/clock-result.js';
import type { OutcomeKey } from '../../core/requests/outcomes.js';
import type { Applicant, ApplicantKind, DisclosureRequest, RequestChannel } from '../../core/requests/request.js';
import type { RequestStatus } from '../../core/requests/states.js';

export interface RequestListItem {
  readonly id: string;
  readonly agencyId: string;
  readonly reference: string;
  readonly status: RequestStatus;
  readonly version: number;
  readonly channel: RequestChannel;
  readonly arrivedOn: string;
  readonly receivedOn: string | null;
  readonly applicantKind: ApplicantKind;
  /** Masked for a natural person ("张*"); an organisation's name in full. */
  readonly applicantName: string;
  /** At most 120 characters. */
  readonly description: string;
  readonly documentNumber: string;
  readonly assigneeId: string | null;
  readonly outcome: OutcomeKey | null;
  readonly repliedOn: string | null;
  readonly replyBy: string | null;
}

export interface ListSource {
  readonly id: string;
  readonly agency_id: string;
  readonly reference: string;
  readonly status: string;
  readonly version: number;
  readonly channel: string;
  readonly arrived_on: string;
  readonly received_on: string | null;
  readonly applicant_kind: string;
  readonly applicant_name: string;
  readonly description: string;
  readonly document_number?: string;
  readonly assignee_id: string | null;
  readonly outcome?: string | null;
  readonly replied_on?: string | null;
  readonly reply_by?: string | null;
}

export const shorten = (text: string, max = 120): string => ([...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text);

export const maskedApplicantName = (kind: string, name: string): string => (kind === 'naturalPerson' ? maskPersonName(name) : name);

export function toListItem(r: ListSource): RequestListItem {
  return {
    id: r.id, agencyId: r.agency_id, reference: r.reference, status: r.status as RequestStatus, version: Number(r.version),
    channel: r.channel as RequestChannel, arrivedOn: r.arrived_on, receivedOn: r.received_on, applicantKind: r.applicant_kind as ApplicantKind,
    applicantName: maskedApplicantName(r.applicant_kind, r.applicant_name), description: shorten(r.description),
    documentNumber: r.document_number ?? '', assigneeId: r.assignee_id, outcome: (r.outcome ?? null) as OutcomeKey | null,
    repliedOn: r.replied_on ?? null, replyBy: r.reply_by ?? null,
  };
}

/** The applicant with every personal field masked (for listings that show contact data at all). */
export function maskApplicant(a: Applicant): Applicant {
  return {
    ...a, name: maskedApplicantName(a.kind, a.name), idNumber: maskIdNumber(a.idNumber), phone: maskPhone(a.phone), email: maskEmail(a.email),
    address: maskAddress(a.address), contactPerson: a.contactPerson ? maskPersonName(a.contactPerson) : '',
  };
}

/** A request with the applicant masked. */
export const maskRequest = (r: DisclosureRequest): DisclosureRequest => ({ ...r, applicant: maskApplicant(r.applicant) });

export interface FindingView {
  readonly code: string;
  readonly severity: Finding['severity'];
  readonly message: string;
}
export const findingView = (f: Finding): FindingView => ({ code: f.code, severity: f.severity, message: formatFinding(f) });

export type ClockView = Omit<RequestClock, 'findings'> & {
  readonly findings: readonly FindingView[];
  /** Not overdue and at most `dueSoonWorkdays` working days left. */
  readonly dueSoon: boolean;
  /** The most pressing date: the reply date, else the 补正 deadline (awaiting 补正), else the payment date. */
  readonly nextDueOn: string | null;
};

/** The flags of a clock: due soon, and the most pressing date. */
export function clockFlags(c: RequestClock, dueSoonWorkdays: number): { dueSoon: boolean; nextDueOn: string | null } {
  const open = c.status === 'running' || c.status === 'paused' || c.status === 'awaitingClarification';
  return {
    dueSoon: open && !c.overdue && c.workdaysLeft !== null && c.workdaysLeft <= dueSoonWorkdays,
    nextDueOn: !open ? null : c.status === 'awaitingClarification' ? c.clarificationAnswerDueOn : c.replyBy,
  };
}

export function toClockView(c: RequestClock, dueSoonWorkdays: number): ClockView {
  return { ...c, findings: c.findings.map(findingView), ...clockFlags(c, dueSoonWorkdays) };
}
