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
  'PARSE-INFERRED',
] as const;
export type ReportFindingCode = (typeof reportFindingCodes)[number];

export const allFindingCodes = [...reportFindingCodes] as const;
export type FindingCode = ReportFindingCode;
