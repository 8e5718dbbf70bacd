/**
 * Reading register figures from a spreadsheet (XLSX rows or CSV), strictly: every problem is a
 * finding with its line (第N行) and column, nothing is guessed, and the import is all or nothing (the
 * service writes only when there is no error). Columns (header on the first non-blank line, any
 * order): 机关 · 年度 · 类别 · 处理决定数量 · 项目数量 · 金额（万元） · 备注.
 */
import type { RegisterFindingCode } from '../finding-codes.js';
import { finding, hasErrors, type Finding, type Params } from '../findings.js';
import { normalizeAmountWan, registerKindFields, registerKindLabels, registerKinds, type RegisterFigureEntry, type RegisterKind } from './registers.js';

export const registerColumns = ['agency', 'year', 'kind', 'decisions', 'items', 'amount', 'note'] as const;
export type RegisterColumn = (typeof registerColumns)[number];

export const registerColumnLabels: { readonly [C in RegisterColumn]: string } = {
  agency: '机关', year: '年度', kind: '类别', decisions: '处理决定数量', items: '项目数量', amount: '金额（万元）', note: '备注',
};
const headerAliases: Readonly<Record<string, RegisterColumn>> = {
  机关: 'agency', 机关名称: 'agency', 单位: 'agency', 单位名称: 'agency', agency: 'agency',
  年度: 'year', 年份: 'year', year: 'year',
  类别: 'kind', 事项类别: 'kind', kind: 'kind',
  处理决定数量: 'decisions', 本年处理决定数量: 'decisions', 决定数量: 'decisions', decisions: 'decisions',
  项目数量: 'items', 年末项目数量: 'items', items: 'items',
  '金额（万元）': 'amount', '金额(万元)': 'amount', '收费金额（万元）': 'amount', '本年收费金额（单位：万元）': 'amount', amount: 'amount',
  备注: 'note', note: 'note',
};
const required: readonly RegisterColumn[] = ['agency', 'year', 'kind'];

/** One spreadsheet line: its number in the file and its cells as text. */
export interface SheetRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** A figure read from a line. */
export interface ImportedFigure extends RegisterFigureEntry {
  readonly line: number;
}

export interface RegisterImportContext {
  /** Agency id of a name (or id) in the user's reach; null when unknown or out of reach. */
  readonly resolveAgency: (ref: string) => string | null;
  /** The current year (figures for later years are refused). */
  readonly currentYear: number;
  /** "agencyId:year" of closed report years (their figures are frozen). */
  readonly closed: ReadonlySet<string>;
}

export interface RegisterImport {
  /** Empty whenever there is an error (nothing is half-imported). */
  readonly figures: readonly ImportedFigure[];
  readonly findings: readonly Finding[];
}

const kindByLabel: ReadonlyMap<string, RegisterKind> = new Map([
  ...registerKinds.map((k) => [registerKindLabels[k], k] as const),
  ...registerKinds.map((k) => [k, k] as const),
  ['规范收费', 'fees'], ['收费', 'fees'], ['行政事业性收费项目', 'fees'], ['其他对外管理服务', 'otherServices'], ['采购', 'procurement'],
]);

const normalizeHeader = (s: string) => s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）').replace(/（单位：?万元）/, '（万元）');

/** Reads the rows (header first) into figures and findings. */
export function parseRegisterRows(rows: readonly SheetRow[], ctx: RegisterImportContext): RegisterImport {
  const findings: Finding[] = [];
  const report = (code: RegisterFindingCode, line: number | undefined, params: Params, field?: string, severity: 'error' | 'warning' = 'error') =>
    findings.push(finding(code, severity, { ...(line !== undefined && { line }), ...(field !== undefined && { field }) }, params));
  const nonBlank = rows.filter((r) => r.cells.some((c) => c.trim() !== '') && !r.cells[0]?.trim().startsWith('#'));
  const header = nonBlank[0];
  if (!header) {
    report('REG-EMPTY', undefined, {});
    return { figures: [], findings };
  }
  const columnAt = new Map<RegisterColumn, number>();
  header.cells.forEach((raw, i) => {
    const name = raw.trim();
    if (!name) return;
    const key = headerAliases[name] ?? headerAliases[normalizeHeader(name)] ?? headerAliases[name.toLowerCase()];
    if (!key) report('REG-FORMAT', header.line, { problem: 'unknownColumn', column: name });
    else if (columnAt.has(key)) report('REG-FORMAT', header.line, { problem: 'duplicateColumn', column: name });
    else columnAt.set(key, i);
  });
  const missing = required.filter((c) => !columnAt.has(c));
  if (missing.length) report('REG-FORMAT', header.line, { problem: 'missingColumns', columns: missing.map((c) => registerColumnLabels[c]) });
  if (!columnAt.has('decisions') && !columnAt.has('items') && !columnAt.has('amount')) {
    report('REG-FORMAT', header.line, { problem: 'noFigures' });
  }
  if (hasErrors(findings)) return { figures: [], findings };

  const figures: ImportedFigure[] = [];
  const seen = new Map<string, number>();
  const body = nonBlank.slice(1);
  if (body.length === 0) report('REG-EMPTY', header.line, {});
  for (const row of body) {
    const cell = (c: RegisterColumn) => {
      const i = columnAt.get(c);
      return i === undefined ? '' : (row.cells[i] ?? '').trim();
    };
    const errorsBefore = findings.filter((f) => f.severity === 'error').length;
    const agencyRef = cell('agency');
    const agencyId = agencyRef ? ctx.resolveAgency(agencyRef) : null;
    if (!agencyRef) report('REG-FIELD', row.line, { field: registerColumnLabels.agency, problem: 'missing' }, 'agency');
    else if (!agencyId) report('REG-AGENCY', row.line, { agency: agencyRef }, 'agency');
    const yearText = cell('year').replace(/年$/, '');
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
    if (year === null || year < 2008 || year > ctx.currentYear) {
      report('REG-YEAR', row.line, { value: cell('year'), max: ctx.currentYear }, 'year');
    }
    const kindText = cell('kind');
    const kind = kindByLabel.get(kindText) ?? kindByLabel.get(kindText.replace(/\s+/g, '')) ?? null;
    if (!kind) report('REG-KIND', row.line, { value: kindText, allowed: registerKinds.map((k) => registerKindLabels[k]) }, 'kind');
    const count = (c: 'decisions' | 'items'): number | null => {
      const t = cell(c).replace(/,/g, '');
      if (t === '' || t === '/' || t === '-') return null;
      if (!/^\d{1,9}$/.test(t)) {
        report('REG-NUMBER', row.line, { field: registerColumnLabels[c], value: cell(c), problem: 'count' }, c);
        return null;
      }
      return Number(t);
    };
    const decisionCount = count('decisions');
    const itemCount = count('items');
    const amountText = cell('amount');
    let amountWan: string | null = null;
    if (amountText !== '' && amountText !== '/' && amountText !== '-') {
      amountWan = normalizeAmountWan(amountText);
      if (amountWan === null) report('REG-NUMBER', row.line, { field: registerColumnLabels.amount, value: amountText, problem: 'amount' }, 'amount');
      else if (Number(amountWan) > 100_000) report('REG-UNIT', row.line, { value: amountWan }, 'amount', 'warning');
    }
    if (kind) {
      const fields = registerKindFields[kind];
      if (decisionCount !== null && !fields.decisions) report('REG-FIELD', row.line, { field: registerColumnLabels.decisions, kind: registerKindLabels[kind], problem: 'notApplicable' }, 'decisions');
      if (amountWan !== null && !fields.amount) report('REG-FIELD', row.line, { field: registerColumnLabels.amount, kind: registerKindLabels[kind], problem: 'notApplicable' }, 'amount');
      if (decisionCount === null && itemCount === null && amountWan === null && cell('decisions') === '' && cell('items') === '' && amountText === '') {
        report('REG-FIELD', row.line, { field: fields.amount ? registerColumnLabels.amount : registerColumnLabels.decisions, kind: registerKindLabels[kind], problem: 'noFigure' });
      }
    }
    if (agencyId && year !== null && kind) {
      const key = `${agencyId}:${year}:${kind}`;
      const first = seen.get(key);
      if (first !== undefined) report('REG-DUPLICATE', row.line, { firstLine: first, agency: agencyRef, year, kind: registerKindLabels[kind] });
      else seen.set(key, row.line);
      if (ctx.closed.has(`${agencyId}:${year}`)) report('REG-CLOSED', row.line, { agency: agencyRef, year });
    }
    const note = cell('note');
    if (note.length > 500) report('REG-FIELD', row.line, { field: registerColumnLabels.note, problem: 'tooLong', max: 500 }, 'note');
    const rowOk = findings.filter((f) => f.severity === 'error').length === errorsBefore;
    if (rowOk && agencyId && year !== null && kind) figures.push({ line: row.line, agencyId, year, kind, decisionCount, itemCount, amountWan, note });
  }
  const ordered = findings.map((f, i) => ({ f, i })).sort((a, b) => (a.f.at.line ?? 0) - (b.f.at.line ?? 0) || a.i - b.i).map((x) => x.f);
  return { figures: hasErrors(ordered) ? [] : figures, findings: ordered };
}

/** CSV text (RFC 4180: quotes, doubled quotes, quoted line breaks; UTF-8 BOM; LF/CRLF) → rows with line numbers. */
export function readCsvRows(text: string): { rows: SheetRow[]; unclosedQuoteLine: number | null } {
  const s = text.replace(/^\uFEFF/, '');
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let quoteLine = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === '') { quoted = true; quoteLine = line; field = ''; continue; }
    if (ch === ',') { cells.push(field); field = ''; continue; }
    if (ch === '\r' && s[i + 1] === '\n') continue;
    if (ch === '\n' || ch === '\r') {
      cells.push(field);
      rows.push({ line: rowLine, cells });
      cells = [];
      field = '';
      line++;
      rowLine = line;
      continue;
    }
    field += ch;
  }
  if (quoted) return { rows, unclosedQuoteLine: quoteLine };
  if (field !== '' || cells.length > 0) { cells.push(field); rows.push({ line: rowLine, cells }); }
  return { rows, unclosedQuoteLine: null };
}

/** An always-error CSV reading problem as a finding. */
export const unclosedQuoteFinding = (line: number): Finding => finding('REG-FORMAT', 'error', { line }, { problem: 'unclosedQuote' });

