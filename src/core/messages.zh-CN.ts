/** One catalog: every finding code → its Chinese message. */
import type { FindingCode } from './finding-codes.js';
import type { Finding, Params } from './findings.js';
import { reportMessages } from './report/messages.zh-CN.js';
import { calendarMessages } from './calendar/messages.zh-CN.js';
import { clockMessages } from './requests/messages.zh-CN.js';
import { feeMessages } from './fees/messages.zh-CN.js';
import { recordsMessages } from './report/records-messages.zh-CN.js';
import { registerMessages } from './publications/messages.zh-CN.js';

export const findingMessages: { readonly [C in FindingCode]: (p: Params) => string } = {
  ...reportMessages,
  ...calendarMessages,
  ...clockMessages,
  ...feeMessages,
  ...recordsMessages,
  ...registerMessages,
};

export const severityLabels = { error: '错误', warning: '警告', info: '提示' } as const;

/** The Chinese sentence for a finding. */
export function formatFinding(f: Pick<Finding, 'code' | 'params'>): string {
  return findingMessages[f.code](f.params);
}
