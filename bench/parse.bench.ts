/**
 * Reading reports: parse + check (validateReport) per second on one core, for generated reports
 * rendered as seed-style text and as HTML pages (target ≥ 2,000 reports/s each), and for a
 * crawler dump where every table row's digits run together (splits enumerated). A breakdown
 * follows (no targets): reading the HTML page alone, parsing alone, checking alone.
 */
import type { BenchResult } from './harness.js';
import { measure, report } from './harness.js';
import { generateReport } from '../src/core/report/generate.js';
import { parseReportHtml, parseReportText, readHtmlDocument } from '../src/core/report/parse/index.js';
import type { ParseResult } from '../src/core/report/parse/index.js';
import { renderReport } from '../src/core/report/render/index.js';
import { validateReport } from '../src/core/report/validate.js';

const TARGET = 2_000;
const inputs = Array.from({ length: 200 }, (_, seed) => generateReport({ seed, scale: [0, 3, 10, 60, 400][seed % 5] }));
const texts = inputs.map((r) => renderReport(r, 'txt'));
const pages = inputs.map((r) => renderReport(r, 'html'));
const dumps = texts.map((t) => t.split('\n').map((l) => l.replace(/\s*\|[\s|]*$/, '')).join(''));

function parseAndCheck(parse: (s: string) => ParseResult, docs: readonly string[]) {
  let i = 0;
  return () => {
    const { report: values } = parse(docs[i++ % docs.length]!);
    if (!values) throw new Error('a generated report did not parse');
    return validateReport(values);
  };
}

/** Best of several short runs: other processes on a shared machine only ever slow a run down. */
function best(name: string, fn: () => unknown, runs = 5): BenchResult {
  let top: BenchResult | null = null;
  for (let i = 0; i < runs; i++) {
    const r = measure(name, fn, { seconds: 1, warmup: i === 0 ? 0.5 : 0.1 });
    if (!top || r.perSecond > top.perSecond) top = r;
  }
  return top!;
}

process.stdout.write(`parse + check (${inputs.length} generated reports, avg ${Math.round(texts.reduce((a, t) => a + t.length, 0) / texts.length)} chars of text, ${Math.round(pages.reduce((a, t) => a + t.length, 0) / pages.length)} chars of HTML)\n`);
report(best('text (seed form) parse+check, best of 5 × 1 s', parseAndCheck(parseReportText, texts)), { perSecond: TARGET, label: 'reports/s, one core' });
report(best('HTML page parse+check, best of 5 × 1 s', parseAndCheck(parseReportHtml, pages)), { perSecond: TARGET, label: 'reports/s, one core' });
report(best('crawler dump (digits run together) parse+check', parseAndCheck(parseReportText, dumps), 2));

process.stdout.write('breakdown (no targets):\n');
const parsed = texts.map((t) => parseReportText(t).report!);
let at = 0;
report(best('  text parse only', () => parseReportText(texts[at++ % texts.length]!), 3));
report(best('  HTML page parse only', () => parseReportHtml(pages[at++ % pages.length]!), 3));
report(best('  HTML page read to blocks only (readHtmlDocument)', () => readHtmlDocument(pages[at++ % pages.length]!), 3));
report(best('  check only (validateReport of a parsed report)', () => validateReport(parsed[at++ % parsed.length]!), 3));
