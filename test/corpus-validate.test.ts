/**
 * Validation against real published reports: the verified tables of ../shared/corpus/truth must
 * give exactly the published inconsistencies, and the real prose (../shared/corpus/raw, the seed)
 * no false alarm. The ../shared tests are generated from the files present (CI always has them);
 * the fixture tests below run everywhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Finding } from '../src/core/findings.js';
import type { FormatId } from '../src/core/report/spec/index.js';
import { specFor, specs } from '../src/core/report/spec/index.js';
import type { TablesJson } from '../src/core/report/json.js';
import { tablesFromJson } from '../src/core/report/json.js';
import type { ReportSection, ReportValues } from '../src/core/report/values.js';
import { emptyReport } from '../src/core/report/values.js';
import { validateReport, validateTables } from '../src/core/report/validate.js';
import { isGovernmentAgency } from '../src/core/report/validate-document.js';
import { shared } from './support/shared.js';

const truthDir = `${shared}corpus/truth/`;
const truthFiles = existsSync(truthDir) ? readdirSync(truthDir).filter((f) => f.endsWith('.json')).sort() : [];

interface Truth {
  agency?: string;
  format: string;
  year: number;
  rawFile: string;
  consistent: boolean;
  inconsistencies: string[];
  table2: TablesJson['table2'];
  table3: { rows: Record<string, (number | null)[] | null> };
  table4: (number | null)[];
}

/** Truth JSON → tables: format "older" is the 2019 format, whose single （六）其他处理 row the truth files keep under other_other. */
function truthTables(t: Pick<Truth, 'format' | 'table2' | 'table3' | 'table4'>): { format: FormatId; tables: ReportValues['tables'] } {
  const format: FormatId = t.format === 'older' ? '2019' : (t.format as FormatId);
  const rows: Record<string, unknown> = { ...(t.table3.rows ?? t.table3) };
  if (format === '2019' && !('other' in rows)) rows.other = rows.other_other;
  return { format, tables: tablesFromJson(format, { table2: t.table2, table3: rows as TablesJson['table3'], table4: t.table4 }) };
}

/** "表三 列[自然人]: 办理结果各项之和 26 != （七）总计 20" → what T3-OUTSUM should say. */
function publishedInconsistency(text: string) {
  const m = /列\[(.+?)\]: 办理结果各项之和 (\d+) != （七）总计 (\d+)/.exec(text);
  if (!m) throw new Error(`unrecognised inconsistency in truth file: ${text}`);
  return { code: 'T3-OUTSUM', columnLabel: m[1], expected: Number(m[2]), actual: Number(m[3]) };
}

const summary = (findings: readonly Finding[]) =>
  findings.map((f) => ({ code: f.code, columnLabel: f.params.columnLabel, expected: f.params.expected, actual: f.params.actual }));

async function pdfText(file: string): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
  }
  await doc.destroy();
  return text;
}

/** A crude reader's sectioning: split at "一、"…"六、" headings that start a line or follow 。. */
function splitSections(text: string): ReportSection[] {
  const out: ReportSection[] = [];
  let heading = '';
  let last = 0;
  for (const m of text.matchAll(/(?:^|(?<=[\n。]))[ \t\u3000]*([一二三四五六]、[^\n。，\d]{2,30})/g)) {
    out.push({ key: null, heading, text: text.slice(last, m.index) });
    heading = m[1]!.trim();
    last = m.index + m[0].length;
  }
  out.push({ key: null, heading, text: text.slice(last) });
  return out;
}

function reportWithProse(format: FormatId, year: number, tables: ReportValues['tables'], sections: ReportSection[], agency: string | null = null): ReportValues {
  return { ...emptyReport(specFor(format), { year, agency }), title: `${agency ?? ''}${year}年政府信息公开工作年度报告`, tables, sections };
}

describe('corpus truth tables (../shared/corpus/truth)', () => {
  for (const file of truthFiles) {
    it(`${file}: exactly the published inconsistencies`, () => {
      const truth = JSON.parse(readFileSync(truthDir + file, 'utf8')) as Truth;
      const { format, tables } = truthTables(truth);
      const errors = validateTables(specs[format], tables).filter((f) => f.severity === 'error');
      expect(summary(errors)).toEqual(truth.inconsistencies.map(publishedInconsistency));
      expect(errors.length === 0).toBe(truth.consistent);
    });
  }

  if (truthFiles.includes('pingtan-2020.json')) {
    it('pingtan-2020: T3-OUTSUM for the 自然人 and 总计 columns (26 ≠ 20, 27 ≠ 21)', () => {
      const { format, tables } = truthTables(JSON.parse(readFileSync(`${truthDir}pingtan-2020.json`, 'utf8')) as Truth);
      expect(validateTables(specs[format], tables).map((f) => [f.code, f.at.column, f.params.expected, f.params.actual]))
        .toEqual([['T3-OUTSUM', 0, 26, 20], ['T3-OUTSUM', 6, 27, 21]]);
    });
  }
});

describe('real prose raises no false alarm (../shared/corpus/raw, ../shared/seed)', () => {
  // with the agency of the truth file: a government's report (hongze-2024, 淮安市洪泽区人民政府) is
  // also asked whether its 一 reports 工作考核、社会评议和责任追究结果 (SECTIONS)
  const docs: { name: string; file: string; truth: Truth | null; year: number; agency: string | null }[] = truthFiles.map((f) => {
    const truth = JSON.parse(readFileSync(truthDir + f, 'utf8')) as Truth;
    return { name: f, file: `${shared}corpus/${truth.rawFile}`, truth, year: truth.year, agency: truth.agency ?? null };
  });
  const seed = `${shared}seed/liangping-zwfwb-2024.txt`;
  if (existsSync(seed)) docs.push({ name: 'seed', file: seed, truth: null, year: 2024, agency: '重庆市梁平区政务服务管理办公室' });

  if (truthFiles.includes('hongze-2024.json')) {
    it('holds a government\'s report, so the SECTIONS check of 条例第五十条第（四）项 runs on real prose', () => {
      expect(docs.filter((d) => isGovernmentAgency(d.agency)).map((d) => d.name)).toContain('hongze-2024.json');
    });
  }

  for (const doc of docs) {
    it(`${doc.name}: no TXT-T3, SECTIONS or PERIOD finding, whole text or split by headings`, async () => {
      const text = doc.file.endsWith('.pdf') ? await pdfText(doc.file) : readFileSync(doc.file, 'utf8');
      const { format, tables } = doc.truth ? truthTables(doc.truth) : { format: '2021' as const, tables: emptyReport(specs['2021']).tables };
      for (const sections of [[{ key: null, heading: '', text }], splitSections(text)]) {
        const findings = validateReport(reportWithProse(format, doc.year, tables, sections, doc.agency));
        expect(findings.filter((f) => !f.code.startsWith('T')), JSON.stringify(findings)).toEqual([]);
        expect(findings.filter((f) => f.code.startsWith('T') && f.severity === 'error').length > 0).toBe(doc.truth ? !doc.truth.consistent : false);
      }
    });
  }
});

describe('shipped fixtures (run without ../shared)', () => {
  const fixtures = fileURLToPath(new URL('./fixtures/validate/', import.meta.url));
  const corpus = JSON.parse(readFileSync(`${fixtures}corpus-prose.json`, 'utf8')) as {
    reports: { name: string; year: number; consistent: boolean; format: string; tables: { table2: TablesJson['table2']; table3: Record<string, (number | null)[] | null>; table4: (number | null)[] }; prose: string[] }[];
  };

  for (const r of corpus.reports) {
    it(`${r.name}: the verified tables and the prose excerpts`, () => {
      const { format, tables } = truthTables({ format: r.format, table2: r.tables.table2, table3: { rows: r.tables.table3 }, table4: r.tables.table4 });
      const findings = validateReport(reportWithProse(format, r.year, tables, r.prose.map((text) => ({ key: 'overview', heading: '', text }))));
      const errors = findings.filter((f) => f.severity === 'error');
      expect(errors.map((f) => f.code)).toEqual(r.consistent ? [] : ['T3-OUTSUM', 'T3-OUTSUM']);
      expect(findings.filter((f) => f.code === 'TXT-T3')).toEqual([]);
    });
  }
});
