/**
 * DocModel → ReportValues + Finding[]: the one assembler behind every reader. Builds the stream,
 * reads the title/agency/year/period, detects the format, reads tables 三, 二 and 四, the six
 * sections, then fills blank cells the rules determine. Never throws: whatever cannot be read
 * becomes a finding.
 */
import type { Finding } from '../../findings.js';
import { finding } from '../../findings.js';
import { inferBlanks } from '../infer.js';
import { specFor } from '../spec/index.js';
import type { ReportValues } from '../values.js';
import type { DocModel } from './document.js';
import { detectFormat, readMeta } from './meta.js';
import { readSections } from './sections.js';
import { buildStream } from './stream.js';
import { readTable2 } from './table2.js';
import { readTable3 } from './table3.js';
import { readTable4 } from './table4.js';

export interface AssembleResult {
  readonly report: ReportValues | null;
  readonly findings: Finding[];
}

const hasText = (doc: DocModel): boolean =>
  doc.blocks.some((b) => (b.kind === 'paragraph' ? /\S/.test(b.text) : b.rows.some((r) => r.some((c) => /\S/.test(c.text)))));

export function assembleReport(doc: DocModel): AssembleResult {
  const findings: Finding[] = [];
  if (!hasText(doc)) return { report: null, findings: [finding('PARSE-EMPTY', 'error')] };
  const stream = buildStream(doc);
  const meta = readMeta(stream, doc.title);
  const { format, guessed } = detectFormat(stream.k, meta.year);
  if (guessed) findings.push(finding('PARSE-FORMAT-GUESSED', 'info', {}, { format }));
  const spec = specFor(format);

  const t3 = readTable3(stream, spec, findings);
  const t2 = readTable2(stream, spec, t3.range ? t3.range[0] : null, findings);
  const t4 = readTable4(stream, spec, t3.range ? t3.range[1] : t2.range ? t2.range[1] : 0, findings);
  if (!t2.range && !t3.range && !t4.range) return { report: null, findings };

  const inferred = inferBlanks(spec, { table2: t2.values, table3: t3.values, table4: t4.values });
  findings.push(...inferred.findings);
  const ranges = [t2.range, t3.range, t4.range].filter((r): r is readonly [number, number] => r !== null);
  const report: ReportValues = {
    format,
    agency: meta.agency,
    year: meta.year,
    title: meta.title,
    period: meta.period,
    tables: inferred.tables,
    sections: readSections(stream, spec, ranges),
  };
  return { report, findings };
}
