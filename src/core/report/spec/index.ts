/** The report formats, selected by report year; old reports keep the rules they were filed under. */
import { spec2019 } from './2019/index.js';
import { spec2021 } from './2021/index.js';
import { deepFreeze } from './freeze.js';
import type { FormatId, ReportSpec } from './types.js';

export * from './types.js';
export { TABLE3_TOTAL_COLUMN } from './shared.js';

export const specs: Readonly<Record<FormatId, ReportSpec>> = deepFreeze({ '2019': spec2019, '2021': spec2021 });
export const formatIds: readonly FormatId[] = ['2021', '2019'];

/** The format a report of this year is filed in. */
export function specForYear(year: number): ReportSpec {
  return year <= 2020 ? specs['2019'] : specs['2021'];
}

export function specFor(format: FormatId): ReportSpec {
  return specs[format];
}
