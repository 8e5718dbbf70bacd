/**
 * Importing register figures from XLSX (exceljs) or CSV, all or nothing: the file is read and every
 * line checked first (findings by line, src/core/publications/register-import.ts); only a file
 * without errors is written, in ONE transaction. The downloadable template is generated here.
 */
import { createHash, randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { finding, hasErrors, type Finding } from '../../core/findings.js';
import {
  parseRegisterRows, readCsvRows, registerColumnLabels, registerColumns, unclosedQuoteFinding, type SheetRow,
} from '../../core/publications/register-import.js';
import { registerKindLabels, registerKinds } from '../../core/publications/registers.js';
import { listAgencyRows } from '../../db/agency.repository.js';
import { insertImport, listClosedYears, upsertFigure } from '../../db/register.repository.js';
import { requireRole, visibleAgencyIds, type Principal } from '../authorization.js';
import type { ServiceDeps } from '../deps.js';
import { withTransaction } from '../with-transaction.js';
import { registerRoles } from './registers.service.js';

export interface RegisterImportResult {
  readonly imported: boolean;
  readonly importId: string | null;
  /** Figures written (0 when not imported). */
  readonly count: number;
  readonly findings: readonly Finding[];
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The text of a spreadsheet cell as a person reads it (numbers, formulas' results, rich text, dates). */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return String((v as { error: unknown }).error);
  }
  return String(v as unknown);
}

/** The rows of the first worksheet (line = Excel row number). */
export async function readXlsxRows(content: Uint8Array): Promise<SheetRow[] | Finding> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(content) as unknown as ArrayBuffer);
  } catch (err) {
    return finding('REG-FORMAT', 'error', {}, { problem: 'notSpreadsheet', detail: (err as Error).message.slice(0, 120) });
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return finding('REG-FORMAT', 'error', {}, { problem: 'noSheet' });
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => { cells[col - 1] = cellText(cell.value).trim(); });
    rows.push({ line, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
}

/**
 * Imports a file of figures for agencies in the user's reach (by full name, short name or id).
 * Nothing is written unless every line is valid.
 */
export async function importRegisterFile(deps: ServiceDeps, principal: Principal, file: { readonly fileName: string; readonly content: Uint8Array }): Promise<RegisterImportResult> {
  requireRole(principal, ...registerRoles);
  const fail = (findings: readonly Finding[]): RegisterImportResult => ({ imported: false, importId: null, count: 0, findings });
  const kind: 'xlsx' | 'csv' = isZip(file.content) ? 'xlsx' : 'csv';
  let rows: SheetRow[];
  if (kind === 'xlsx') {
    const read = await readXlsxRows(file.content);
    if (!Array.isArray(read)) return fail([read]);
    rows = read;
  } else {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file.content);
    } catch {
      try {
        text = new TextDecoder('gb18030', { fatal: true }).decode(file.content);
      } catch {
        return fail([finding('REG-FORMAT', 'error', {}, { problem: 'notSpreadsheet', detail: '既不是 XLSX，也不是 UTF-8 或 GB18030 编码的 CSV' })]);
      }
    }
    if (text.includes('\u0000')) return fail([finding('REG-FORMAT', 'error', {}, { problem: 'notSpreadsheet' })]);
    const csv = readCsvRows(text);
    if (csv.unclosedQuoteLine !== null) return fail([unclosedQuoteFinding(csv.unclosedQuoteLine)]);
    rows = csv.rows;
  }
  const reach = visibleAgencyIds(principal);
  const agencies = await listAgencyRows(deps.db, reach);
  const byRef = new Map<string, string>();
  for (const a of agencies) for (const ref of [a.id, a.name, a.shortName]) if (ref) byRef.set(ref.trim(), a.id);
  const parsed = parseRegisterRows(rows, {
    resolveAgency: (ref) => byRef.get(ref.trim()) ?? null,
    currentYear: Number(deps.clock.today().slice(0, 4)),
    closed: await listClosedYears(deps.db, reach),
  });
  if (hasErrors(parsed.findings) || parsed.figures.length === 0) return fail(parsed.findings);
  const importId = randomUUID();
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  await withTransaction(deps, principal, async (trx, audit) => {
    await insertImport(trx, { id: importId, fileName: file.fileName.slice(-200), fileKind: kind, sha256, rowCount: parsed.figures.length, by: principal.userId, byName: principal.name, at: audit.at });
    for (const f of parsed.figures) {
      await upsertFigure(trx, {
        id: randomUUID(), agencyId: f.agencyId, year: f.year, kind: f.kind, decisionCount: f.decisionCount, itemCount: f.itemCount, amountWan: f.amountWan,
        note: f.note, source: 'import', importId, by: principal.userId, byName: principal.name, at: audit.at,
      });
    }
    await audit.record({
      action: 'register.import', entityType: 'register_import', entityId: importId,
      after: { fileName: file.fileName, kind, sha256, figures: parsed.figures.map((f) => ({ agencyId: f.agencyId, year: f.year, kind: f.kind, line: f.line })) },
    });
  });
  deps.logger.info({ importId, count: parsed.figures.length, kind }, 'register figures imported');
  return { imported: true, importId, count: parsed.figures.length, findings: parsed.findings };
}

const exampleRows = (agency: string, year: number): string[][] => [
  [agency, String(year), registerKindLabels.licensing, '120', '', '', ''],
  [agency, String(year), registerKindLabels.penalty, '35', '', '', ''],
  [agency, String(year), registerKindLabels.enforcement, '0', '', '', ''],
  [agency, String(year), registerKindLabels.fees, '', '', '12.35', '单位：万元'],
];

/** The XLSX template: a sheet to fill (header + example lines) and a sheet of instructions. */
export async function registerTemplateXlsx(opts: { readonly agency?: string; readonly year: number }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'gongkai';
  const sheet = wb.addWorksheet('登记数字');
  sheet.addRow(registerColumns.map((c) => registerColumnLabels[c]));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c, i) => { c.width = i === 0 ? 28 : i === 2 ? 22 : 16; });
  for (const r of exampleRows(opts.agency ?? '（机关全称）', opts.year)) sheet.addRow(r);
  sheet.getColumn(2).numFmt = '0';
  sheet.getColumn(6).numFmt = '0.00####';
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet('填写说明');
  const lines = [
    '政府信息公开工作年度报告表二登记数字导入模板',
    '每行填写一个机关一个年度一个类别的数字；同一机关、年度、类别只能出现一次。',
    `类别可填：${registerKinds.map((k) => registerKindLabels[k]).join('、')}。`,
    '行政许可、行政处罚、行政强制（及2019年格式的其他对外管理服务事项）填写“处理决定数量”（非负整数）。',
    '行政事业性收费填写“金额（万元）”，单位为万元，最多 6 位小数，不要带“万元”字样；政府集中采购填写项目数量和金额。',
    '“项目数量”为年末项目数量（2019年格式表二使用，可不填）。',
    '“机关”填写机关全称或简称；只能导入本人管理范围内的机关。已关闭年度的数字不能导入。',
    '文件中任何一行有错误时，整个文件都不导入，并逐行列出错误原因。',
  ];
  lines.forEach((l, i) => { help.addRow([l]); if (i === 0) help.getRow(1).font = { bold: true }; });
  help.getColumn(1).width = 110;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The CSV template (UTF-8 with BOM so that spreadsheet programs read the Chinese). */
export function registerTemplateCsv(opts: { readonly agency?: string; readonly year: number }): string {
  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = [registerColumns.map((c) => registerColumnLabels[c]), ...exampleRows(opts.agency ?? '（机关全称）', opts.year)];
  return `\uFEFF${rows.map((r) => r.map(esc).join(',')).join('\r\n')}\r\n`;
}
