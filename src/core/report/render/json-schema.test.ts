import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../generate.js';
import { reportToJson } from '../json.js';
import { renderReport } from './index.js';
import { reportJsonSchema } from './json-schema.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const published = (path: string) => JSON.parse(readFileSync(`${root}${path}`, 'utf8')) as unknown;

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(reportJsonSchema());

describe('report JSON Schema', () => {
  it('the published copies are the generated schema (regenerate: JSON.stringify(reportJsonSchema(), null, 2))', () => {
    expect(published('src/core/report/report.schema.json')).toEqual(reportJsonSchema());
    expect(published('docs/report.schema.json')).toEqual(reportJsonSchema());
  });

  it('every generated report, 2021 and 2019, rendered to JSON validates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom('2021' as const, '2019' as const), (seed, format) => {
        const json = JSON.parse(renderReport(generateReport({ seed, format }), 'json')) as unknown;
        expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('rejects wrong shapes: a 2019 table 三 under the 2021 format, 6-number rows, 14-cell table 四, strings', () => {
    const r2021 = reportToJson(generateReport({ seed: 1, format: '2021' }));
    const r2019 = reportToJson(generateReport({ seed: 1, format: '2019' }));
    const bad = [
      { ...r2021, tables: { ...r2021.tables, table3: r2019.tables.table3 } },
      { ...r2019, format: '2021' },
      { ...r2021, tables: { ...r2021.tables, table3: { ...r2021.tables.table3, granted: [1, 2, 3, 4, 5, 6] } } },
      { ...r2021, tables: { ...r2021.tables, table4: r2021.tables.table4.slice(1) } },
      { ...r2021, tables: { ...r2021.tables, table4: ['1', ...r2021.tables.table4.slice(1)] } },
      { ...r2021, tables: { ...r2021.tables, table2: { ...r2021.tables.table2!, feesWan: [1] } } },
      { ...r2021, year: '2024' },
      { ...r2021, extra: true },
    ];
    for (const json of bad) expect(validate(json)).toBe(false);
    // null rows (not printed) and null cells (blank or "/") are allowed.
    const blanks = { ...r2021, tables: { ...r2021.tables, table3: { ...r2021.tables.table3, other_noFee: null, granted: [null, 0, 0, 0, 0, 0, null] } } };
    expect(validate(blanks)).toBe(true);
  });
});
