/**
 * Reading real reports: the seed and every file of ../shared/corpus — whatever its kind (text,
 * Markdown, HTML, DOCX, PDF), read from its bytes by `readReport` as `gongkai check` reads it — must
 * give exactly the verified figures of their truth files (every cell; truth null ↔ our null; table
 * 二 literally as the JSON contract prints it), and the real reports shipped under
 * test/fixtures/reports (run without ../shared) likewise. The ../shared tests are generated from
 * the truth files present (CI always has them), so a report added to the corpus is checked at once.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/core/findings.js';
import type { ParseResult } from '../src/core/report/parse/index.js';
import { tablesToJson } from '../src/core/report/json.js';
import type { Cell } from '../src/core/report/spec/index.js';
import { validateReport } from '../src/core/report/validate.js';
import { readReport } from '../src/services/documents/read-report.js';
import { shared, sharedCopy } from './support/shared.js';

const fixtures = fileURLToPath(new URL('./fixtures/reports/', import.meta.url));

interface Truth {
  source: string;
  agency?: string;
  year: number;
  format: string;
  rawFile: string;
  table2: Record<string, Cell | Cell[] | null> | null;
  table2Older?: Record<string, unknown>;
  table3: { rows: Record<string, Cell[] | null> };
  table4: Cell[];
  consistent?: boolean;
  inconsistencies?: string[];
}

/** Reads a file as `gongkai check` does: from its bytes, the kind detected (text, Markdown, HTML, DOCX, PDF). */
const parseFile = (file: string): Promise<ParseResult> => readReport(readFileSync(file), { filename: file });

/** The 2019 rows the corpus decodes by label ("规章[新制作,…]", from the report's HTML twin), by row key. */
function labelledOlderRows(older: Record<string, unknown>): Record<string, Cell[]> {
  const out: Record<string, Cell[]> = {};
  for (const [key, v] of Object.entries(older)) {
    if (!Array.isArray(v)) continue; // undecoded_raw_strings
    const k = key.startsWith('规章') ? 'regulations' : key.startsWith('规范性文件') ? 'normativeDocs' : key.startsWith('行政事业性收费') ? 'fees' : key;
    out[k] = v as Cell[];
  }
  return out;
}

function expectTruth(result: ParseResult, truth: Truth) {
  const report = result.report!;
  expect(report, JSON.stringify(result.findings)).not.toBeNull();
  expect(report.format).toBe(truth.format === 'older' ? '2019' : truth.format);
  expect(report.year).toBe(truth.year);
  const t3 = report.tables.table3;
  for (const [key, row] of Object.entries(truth.table3.rows)) {
    // 2019 format: the truth keeps the single （六）其他处理 row under other_other
    const ours = report.format === '2019' && key.startsWith('other_') ? (key === 'other_other' ? t3.other : null) : t3[key];
    expect(ours ?? null, `table3.${key}`).toEqual(row);
  }
  expect(report.tables.table4.cases, 'table4').toEqual(truth.table4);
  // table 二 literally as the JSON contract (`--json`) gives it: a row with no readable cell is null
  const json = tablesToJson(report.format, report.tables);
  // (a 2019 report has table2 null and its table 二 under table2Older; some 2019 truths omit table2)
  expect(json.table2, 'table2').toEqual(report.format === '2019' ? null : truth.table2);
  if (report.format === '2019' && truth.table2 !== undefined) expect(truth.table2).toBeNull();
  const older = truth.table2Older as Record<string, unknown> | undefined;
  if (!older) return;
  const ourOlder = json.table2Older as unknown as Record<string, Cell[] | null>;
  if (Object.keys(older).every((k) => k in ourOlder)) {
    expect(ourOlder, 'table2Older').toEqual(older);
    return;
  }
  for (const [key, row] of Object.entries(labelledOlderRows(older))) {
    if (ourOlder[key] === null) {
      // 2019 rows the truth decoded from the HTML twin: from the text alone they must stay blank,
      // flagged as ambiguous with the true reading among the candidates
      const ambiguous = result.findings.find((f) => f.code === 'PARSE-AMBIGUOUS' && f.at.table === 'table2' && f.at.row === key);
      expect(ambiguous?.params.candidates, `table2Older.${key}`).toContain(row.join(','));
    } else expect(ourOlder[key], `table2Older.${key}`).toEqual(row);
  }
}

const errorsOf = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'error');

describe('the seed (../shared/seed)', () => {
  const seed = `${shared}seed/liangping-zwfwb-2024.txt`;
  it('parses to its exact values with no error finding, also after validation', async () => {
    const result = await parseFile(seed);
    const report = result.report!;
    expect(errorsOf(result.findings)).toEqual([]);
    expect(report.format).toBe('2021');
    expect(report.agency).toBe('重庆市梁平区政务服务管理办公室');
    expect(report.year).toBe(2024);
    expect(report.title).toBe('重庆市梁平区政务服务管理办公室2024年政府信息公开工作年度报告');
    expect(report.period).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    for (const [key, row] of Object.entries(report.tables.table3)) expect(row, key).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(Object.keys(report.tables.table3)).toHaveLength(25);
    expect(report.tables.table2).toEqual({
      regulations: [0, 0, 0], normativeDocs: [0, 0, 0], licensing: [0], penalty: [0], enforcement: [0], feesWan: [0],
    });
    expect(report.tables.table4.cases).toEqual(Array(15).fill(0));
    expect(report.sections.map((s) => s.key)).toEqual(['overview', 'proactive', 'requests', 'appeals', 'problems', 'other']);
    expect(report.sections[0]!.text).toContain('全年政务服务中心接受咨询501284人次');
    expect(report.sections[5]!.text).toContain('全年未收取政府信息公开信息处理费');
    expect(report.sections[2]!.text).toBe('');
    expect(errorsOf(validateReport(report))).toEqual([]);
  });
});

function truthCases(dir: string) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const truth = JSON.parse(readFileSync(dir + f, 'utf8')) as Truth;
    return { name: f.replace(/\.json$/, ''), truth };
  });
}

/**
 * The published inconsistencies ("表三 列[自然人]: 办理结果各项之和 26 != （七）总计 20") against
 * the error findings of the table rules: one finding per inconsistency, with the two figures it
 * names as expected/actual, in the column it names (列[…]).
 */
function expectInconsistencies(tableErrors: readonly Finding[], inconsistencies: readonly string[]) {
  expect(tableErrors.map((f) => f.code), inconsistencies.join('; ')).toHaveLength(inconsistencies.length);
  const left = [...tableErrors];
  for (const text of inconsistencies) {
    const figures = (text.replace(/[（(][一二三四五六七八九十]+[)）]/g, '').match(/\d+/g) ?? []).map(Number).sort((a, b) => a - b);
    const column = /列\[([^\]]+)\]/.exec(text)?.[1];
    const i = left.findIndex((f) => JSON.stringify([f.params.expected, f.params.actual].map(Number).sort((a, b) => a - b)) === JSON.stringify(figures)
      && (column === undefined || f.params.columnLabel === column));
    expect(i, `${text} among ${JSON.stringify(left.map((f) => [f.code, f.params]))}`).toBeGreaterThanOrEqual(0);
    left.splice(i, 1);
  }
}

describe('the corpus (../shared/corpus: every truth file, its document read from its bytes whatever its kind)', () => {
  const cases = truthCases(`${shared}corpus/truth/`);
  it('holds the five published reports of its README, the PDF among them', () => {
    expect(cases.map((c) => c.truth.rawFile)).toEqual(expect.arrayContaining(['raw/hongze-2024.pdf', 'raw/shanghai-kewei-2024.md', 'raw/pingtan-2020.txt']));
  });
  for (const { name, truth } of cases) {
    it(`${name}: every cell as verified, no error while reading, the published inconsistencies and no others`, async () => {
      const result = await parseFile(`${shared}corpus/${truth.rawFile}`);
      expectTruth(result, truth);
      expect(errorsOf(result.findings)).toEqual([]);
      const tableErrors = errorsOf(validateReport(result.report!)).filter((f) => /^T\d/.test(f.code));
      expect(tableErrors.length === 0).toBe(truth.consistent !== false);
      expectInconsistencies(tableErrors, truth.inconsistencies ?? []);
    }, 30_000);
  }

  it('pingtan-2022: run-together rows are split and said so; 8855698 is resolved from the prose', async () => {
    const { findings } = await parseFile(`${sharedCopy}corpus/raw/pingtan-2022.txt`);
    const split = findings.filter((f) => f.code === 'PARSE-SPLIT-RECOVERED').map((f) => f.at.row);
    expect(split).toEqual(expect.arrayContaining(['newReceived', 'granted', 'unable_notHeld', 'total']));
    expect(findings.find((f) => f.code === 'PARSE-INFERRED' && f.at.row === 'normativeDocs')?.params.value).toBe('88、55、698');
  });

  it('shanghai-kewei-2024: rows assigned by order, blank total inferred', async () => {
    const { findings } = await parseFile(`${sharedCopy}corpus/raw/shanghai-kewei-2024.md`);
    expect(findings.map((f) => f.code)).toContain('PARSE-ROWS-BY-ORDER');
    expect(findings.find((f) => f.code === 'T3-BLANK')?.params).toMatchObject({ inferred: 1, columnLabel: '总计' });
  });

  it('pingtan-scj-2023: 13013 stays ambiguous with its candidates; blank rows are inferred as 0', async () => {
    const { findings } = await parseFile(`${sharedCopy}corpus/raw/pingtan-scj-2023.txt`);
    const ambiguous = findings.find((f) => f.code === 'PARSE-AMBIGUOUS' && f.at.row === 'normativeDocs');
    expect(ambiguous?.params.candidates).toEqual(expect.arrayContaining(['13,0,13', '1,30,13', '1,301,3', '130,1,3']));
    expect(findings.filter((f) => f.code === 'T3-BLANK' && f.params.inferred === 0)).toHaveLength(14);
  });
});

describe('shipped real reports (test/fixtures/reports/real)', () => {
  for (const { name, truth } of truthCases(`${fixtures}real/`)) {
    it(`${name}: every cell as verified by hand`, async () => {
      const result = await parseFile(`${fixtures}real/${truth.rawFile}`);
      expectTruth(result, truth);
      expect(errorsOf(result.findings)).toEqual([]);
      if (truth.agency) expect(result.report!.agency).toBe(truth.agency);
      if (truth.consistent !== undefined) {
        expect(errorsOf(validateReport(result.report!)).filter((f) => /^T\d/.test(f.code)).length === 0).toBe(truth.consistent);
      }
    });
  }
});

describe('shipped report fixtures in the style of government pages (test/fixtures/reports)', () => {
  for (const { name, truth } of truthCases(fixtures)) {
    it(`${name}: every cell as expected`, async () => {
      const result = await parseFile(`${fixtures}${truth.rawFile}`);
      expectTruth(result, truth);
      if (truth.agency) expect(result.report!.agency).toBe(truth.agency);
    });
  }
});
