/** Status and deadline marks of requests, in words (never colour alone). */
import type { RequestStatus, WorklistFlag } from '../../api/requests.js';
import { StatusTag, type Tone } from '../../components/status-tag.js';
import { requestStatusLabels } from '../../labels-requests.js';

const statusTones: Readonly<Record<RequestStatus, Tone>> = {
  registered: 'warning',
  inProgress: 'info',
  awaitingClarification: 'neutral',
  consulting: 'neutral',
  awaitingFee: 'neutral',
  awaitingApproval: 'info',
  approved: 'info',
  replied: 'success',
  closed: 'success',
  voided: 'neutral',
  archived: 'neutral',
};

export function RequestStatusTag({ status }: { status: RequestStatus }) {
  return <StatusTag tone={statusTones[status]}>{requestStatusLabels[status]}</StatusTag>;
}

export const flagLabels: Readonly<Record<WorklistFlag, string>> = { overdue: '逾期', dueSoon: '即将到期', unconfirmed: '待确认收到' };
const flagTones: Readonly<Record<WorklistFlag, Tone>> = { overdue: 'danger', dueSoon: 'warning', unconfirmed: 'info' };

export function FlagTag({ flag, title }: { flag: WorklistFlag; title?: string }) {
  return <StatusTag tone={flagTones[flag]} title={title}>{flagLabels[flag]}</StatusTag>;
}

/** "2026-03-02" → "2026年3月2日". */
export const chineseDate = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : iso;
};
