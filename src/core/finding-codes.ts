/**
 * Every finding code, per domain. Adding a code here makes messages.zh-CN.ts fail to compile
 * until the code has its Chinese message (and the docs test until docs/errors.md has its row).
 */
export const reportFindingCodes = [
  // arithmetic rules of the tables (rules.md §1.8)
  'T3-BAL', 'T3-ROWSUM', 'T3-OUTSUM', 'T3-INT', 'T3-BLANK', 'T3-CARRY',
  'T4-SUM', 'T4-INT', 'T4-BLANK',
  'T2-INT', 'T2-UNIT', 'T2-STOCK', 'T2-REPEAL', 'T2-BLANK',
  // the document as a whole
  'SECTIONS', 'PERIOD', 'PERIOD-MISSING', 'YEAR-MISMATCH', 'TXT-T3', 'SIMILARITY', 'AGG', 'AGG-MISSING',
  'FORMAT-MISMATCH',
  // reading a document
  'PARSE-EMPTY', 'PARSE-UNREADABLE', 'PARSE-NO-TABLE', 'PARSE-ROW-MISSING', 'PARSE-CELL',
  'PARSE-AMBIGUOUS', 'PARSE-SPLIT-RECOVERED', 'PARSE-EXTRA-ROW', 'PARSE-FORMAT-GUESSED',
  'PARSE-INFERRED', 'PARSE-ROWS-BY-ORDER', 'PARSE-MERGED-ROW',
] as const;
export type ReportFindingCode = (typeof reportFindingCodes)[number];

/** The working-day calendar: importing a year's holiday notice (rules.md §4). */
export const calendarFindingCodes = [
  'CAL-FORMAT', 'CAL-FIELD', 'CAL-DATE', 'CAL-KIND', 'CAL-YEAR', 'CAL-DUPLICATE', 'CAL-SPAN',
  'CAL-SOURCE', 'CAL-EMPTY', 'CAL-MAKEUP-WEEKDAY', 'CAL-STATUTORY-MISSING',
] as const;
export type CalendarFindingCode = (typeof calendarFindingCodes)[number];

/** The statutory clock of a request (条例第三十–三十五条; rules.md §2.10, §2.13). */
export const clockFindingCodes = [
  'CLOCK-NO-RECEIPT', 'CLOCK-DATE-INVALID', 'CLOCK-DATE-RANGE', 'CLOCK-BEFORE-RECEIPT', 'CLOCK-AFTER-CLOSE',
  'CLOCK-REPEATED', 'CLOCK-UNMATCHED', 'CLOCK-CLARIFY-REPEATED', 'CLOCK-CLARIFY-LATE', 'CLOCK-LAPSE-EARLY',
  'CLOCK-CONSULT-LATE', 'CLOCK-EXTENSION-LATE', 'CLOCK-EXTENSION-OVER', 'CLOCK-EXTENSION-INVALID',
  'CLOCK-FEE-LATE', 'CLOCK-FEE-EXPIRED', 'CLOCK-DELAY-INVALID', 'CLOCK-DELAY-LATE', 'CLOCK-PAUSE-LATE',
  'CLOCK-OVERDUE', 'CLOCK-PROVISIONAL',
] as const;
export type ClockFindingCode = (typeof clockFindingCodes)[number];

/** 信息处理费 (国办函〔2020〕109号; rules.md §3). */
export const feeFindingCodes = ['FEE-INPUT', 'FEE-BOTH-METHODS', 'FEE-WAIVER-REASON', 'FEE-WAIVER-AMOUNT'] as const;
export type FeeFindingCode = (typeof feeFindingCodes)[number];

/** Tables compiled from the records against the records (rules.md §1.8 T3-CASES): closed years, unclassified answers. */
export const recordsFindingCodes = ['T3-CASES', 'T4-CASES'] as const;
export type RecordsFindingCode = (typeof recordsFindingCodes)[number];

/** Table-二 registers: importing decision counts and fee amounts from a spreadsheet (rules.md §1.4). */
export const registerFindingCodes = [
  'REG-FORMAT', 'REG-EMPTY', 'REG-AGENCY', 'REG-YEAR', 'REG-KIND', 'REG-NUMBER', 'REG-FIELD', 'REG-DUPLICATE', 'REG-CLOSED', 'REG-UNIT',
] as const;
export type RegisterFindingCode = (typeof registerFindingCodes)[number];

export const allFindingCodes = [...reportFindingCodes, ...calendarFindingCodes, ...clockFindingCodes, ...feeFindingCodes, ...recordsFindingCodes, ...registerFindingCodes] as const;
export type FindingCode = ReportFindingCode | CalendarFindingCode | ClockFindingCode | FeeFindingCode | RecordsFindingCode | RegisterFindingCode;
