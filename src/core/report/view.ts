/**
 * The render model: one table of a report as the official form prints it — a header grid with
 * row/column spans, label cells with their rowspans, formatted value cells and per-cell marks.
 * Built by one generic function over the TableSpec; HTML, text, Markdown, DOCX, PDF, the portal and
 * the console render only TableView and hold no layout logic of their own.
 */
import type { Finding } from '../findings.js';
import type { Cell, ColumnSpec, RowSpec, TableId, TableSpec } from './spec/index.js';
import type { TableValues } from './values.js';

export type CellMark = 'error' | 'warning';
/** Marks of one table's value cells, keyed by `cellKey(row, column)`. */
export type CellMarks = ReadonlyMap<string, CellMark>;

/**
 * corner: top-left cell (表三's 勾稽 note, 表二's 信息内容); group: a header spanning several columns;
 * column: the lowest header of one column; block: 表二's 第二十条第（X）项 row; rowGroup: a label
 * spanning several rows (三、本年度办理结果); row: the innermost label of a row; value: a number.
 */
export type ViewCellKind = 'corner' | 'group' | 'column' | 'block' | 'rowGroup' | 'row' | 'value';

export interface ViewCell {
  readonly kind: ViewCellKind;
  /** Exact text: the spec's label verbatim, or the formatted value ('' when blank). */
  readonly text: string;
  /** The text as the official form prints it, one entry per line (narrow columns break: 商业/企业). */
  readonly lines: readonly string[];
  readonly colspan: number;
  readonly rowspan: number;
  /** Header cells: an id unique within the table (e.g. "col-3"), for HTML headers/id. */
  readonly id?: string;
  /** Value cells: ids of every header cell describing it (column headers outermost first, then row labels). */
  readonly headers?: readonly string[];
  /** Value cells: row key and column index in the spec. */
  readonly row?: string;
  readonly column?: number;
  readonly value?: Cell;
  readonly unit?: string;
  readonly mark?: CellMark;
}

export interface ViewRow {
  readonly cells: readonly ViewCell[];
}

export interface TableView {
  readonly id: TableId;
  /** Heading of the section that holds the table, e.g. 三、收到和处理政府信息公开申请情况. */
  readonly title: string;
  /** Caption naming the table, e.g. 表三\u3000收到和处理政府信息公开申请情况. */
  readonly caption: string;
  /** Number of grid columns: label columns + value columns. */
  readonly width: number;
  /** Header rows (<thead>; repeated on every printed page). Empty for 表二, whose blocks carry their own. */
  readonly head: readonly ViewRow[];
  /** Row groups (<tbody>): 表二 has one per 第二十条 block, starting with its block and column headers. */
  readonly bodies: readonly (readonly ViewRow[])[];
}

export const cellKey = (row: string, column: number): string => `${row}:${column}`;

/**
 * Line breaks of header cells in the official form (its columns are narrow), keyed by table and
 * column key; every other cell prints on one line. As in published reports: 商业/企业, 科研/机构;
 * table 四's outcome headers break except 行政复议's 结果维持 and the 总计 cells.
 */
const printedLines: Readonly<Record<string, readonly string[]>> = {
  'table3.commercial': ['商业', '企业'],
  'table3.research': ['科研', '机构'],
  ...Object.fromEntries(
    ['review', 'suitDirect', 'suitAfterReview'].flatMap((g) =>
      [['upheld', '结果', '维持'], ['corrected', '结果', '纠正'], ['other', '其他', '结果'], ['pending', '尚未', '审结']]
        .filter(([k]) => !(g === 'review' && k === 'upheld'))
        .map(([k, a, b]) => [`table4.${g}.${k}`, [a!, b!]]),
    ),
  ),
};

const tableNumbers: Record<TableId, string> = { table2: '二', table3: '三', table4: '四' };

/** Formats a value as printed: blank for null, the number as given (万元 keep their decimals). */
export function formatCell(value: Cell | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return Object.is(value, -0) ? '0' : String(value);
}

// ---- skeleton: the layout of a spec, computed once and filled with values per report ----

interface Slot {
  readonly row: string;
  readonly column: number;
  readonly colspan: number;
  readonly headers: readonly string[];
  readonly unit?: string;
}
type SkeletonCell = ViewCell | Slot;
interface Skeleton {
  readonly head: readonly (readonly ViewCell[])[];
  readonly bodies: readonly (readonly (readonly SkeletonCell[])[])[];
  readonly width: number;
}

const isSlot = (c: SkeletonCell): c is Slot => !('kind' in c);

const header = (kind: ViewCellKind, text: string, id: string, colspan = 1, rowspan = 1, lines?: readonly string[]): ViewCell => ({
  kind, text, lines: lines ?? [text], colspan, rowspan, id,
});

const skeletons = new WeakMap<TableSpec, Skeleton>();

function skeletonOf(spec: TableSpec): Skeleton {
  let s = skeletons.get(spec);
  if (!s) {
    s = spec.rows.some((r) => r.block !== undefined) ? blockSkeleton(spec) : gridSkeleton(spec);
    skeletons.set(spec, s);
  }
  return s;
}

/** Tables 三 and 四: one header grid from the columns' groups, label cells from the rows' parents. */
function gridSkeleton(spec: TableSpec): Skeleton {
  const cols = spec.columns;
  const depth = 1 + Math.max(0, ...cols.map((c) => c.groups?.length ?? 0));
  const labelDepth = spec.labelDepth;
  const head: ViewCell[][] = Array.from({ length: depth }, () => []);
  const columnHeaders: string[][] = cols.map(() => []);
  if (labelDepth > 0) head[0]!.push(header('corner', spec.corner ?? '', 'corner', labelDepth, depth));
  for (let level = 0; level < depth; level++) {
    for (let c = 0; c < cols.length; ) {
      const col = cols[c]!;
      const groups = col.groups ?? [];
      if (level < groups.length) {
        // A group cell spans the neighbouring columns that share the same groups down to this level.
        let end = c + 1;
        while (end < cols.length && sameGroups(cols[end]!, col, level + 1)) end++;
        const id = `grp-${level}-${c}`;
        head[level]!.push(header('group', groups[level]!, id, end - c));
        for (let k = c; k < end; k++) columnHeaders[k]!.push(id);
        c = end;
      } else {
        if (level === groups.length) {
          const id = `col-${c}`;
          head[level]!.push(header('column', col.label, id, 1, depth - level, printedLines[`${spec.id}.${col.key}`]));
          columnHeaders[c]!.push(id);
        }
        c++;
      }
    }
  }
  const body: SkeletonCell[][] = [];
  spec.rows.forEach((row, r) => {
    const cells: SkeletonCell[] = [];
    const rowHeaders: string[] = [];
    const parents = row.parents ?? [];
    parents.forEach((parent, level) => {
      const id = `rg-${level}-${rowGroupStart(spec.rows, r, level)}`;
      rowHeaders.push(id);
      if (r === 0 || !sameParents(spec.rows[r - 1]!, row, level + 1)) {
        let end = r + 1;
        while (end < spec.rows.length && sameParents(spec.rows[end]!, row, level + 1)) end++;
        cells.push(header('rowGroup', parent, id, 1, end - r));
      }
    });
    if (labelDepth > 0) {
      const id = `row-${row.key}`;
      cells.push(header('row', row.label, id, Math.max(1, labelDepth - parents.length)));
      rowHeaders.push(id);
    }
    cols.forEach((col, c) => cells.push(slot(row, c, 1, [...columnHeaders[c]!, ...rowHeaders], col)));
    body.push(cells);
  });
  return { head, bodies: [body], width: labelDepth + cols.length };
}

/** Table 二: one row group per 第二十条 block, each with its block header and its own column headers. */
function blockSkeleton(spec: TableSpec): Skeleton {
  const labelDepth = Math.max(1, spec.labelDepth);
  const width = labelDepth + Math.max(...spec.rows.map((r) => (r.columns ?? spec.columns).length));
  const bodies: SkeletonCell[][][] = [];
  let current: { block: string | undefined; cols: readonly ColumnSpec[]; rows: SkeletonCell[][]; headerIds: string[][] } | undefined;
  spec.rows.forEach((row) => {
    const cols = row.columns ?? spec.columns;
    if (!current || current.block !== row.block || current.cols !== cols) {
      const n = bodies.length;
      const rows: SkeletonCell[][] = [];
      const blockId = `blk-${n}`;
      if (row.block !== undefined) rows.push([header('block', row.block, blockId, width)]);
      const cornerId = `blk-${n}-corner`;
      const headerRow: ViewCell[] = [header('corner', spec.corner ?? '', cornerId, labelDepth)];
      const headerIds = cols.map((col, c) => {
        const id = `blk-${n}-col-${c}`;
        headerRow.push(header('column', col.unit && !col.label.includes(col.unit) ? `${col.label}（${col.unit}）` : col.label, id, fill(c, cols.length, width - labelDepth)));
        return row.block !== undefined ? [blockId, id] : [id];
      });
      rows.push(headerRow);
      bodies.push(rows);
      current = { block: row.block, cols, rows, headerIds };
    }
    const rowId = `row-${row.key}`;
    const cells: SkeletonCell[] = [header('row', row.label, rowId, labelDepth)];
    cols.forEach((col, c) => cells.push(slot(row, c, fill(c, cols.length, width - labelDepth), [...current!.headerIds[c]!, rowId], col)));
    current.rows.push(cells);
  });
  return { head: [], bodies, width };
}

/** The last of `n` columns stretches over the remaining grid columns. */
const fill = (c: number, n: number, available: number) => (c === n - 1 ? available - n + 1 : 1);

const slot = (row: RowSpec, column: number, colspan: number, headers: readonly string[], col: ColumnSpec): Slot =>
  col.unit ? { row: row.key, column, colspan, headers, unit: col.unit } : { row: row.key, column, colspan, headers };

function sameGroups(a: ColumnSpec, b: ColumnSpec, levels: number): boolean {
  for (let i = 0; i < levels; i++) if (a.groups?.[i] === undefined || a.groups[i] !== b.groups?.[i]) return false;
  return true;
}

function sameParents(a: RowSpec, b: RowSpec, levels: number): boolean {
  for (let i = 0; i < levels; i++) if (a.parents?.[i] === undefined || a.parents[i] !== b.parents?.[i]) return false;
  return true;
}

function rowGroupStart(rows: readonly RowSpec[], r: number, level: number): string {
  let start = r;
  while (start > 0 && sameParents(rows[start - 1]!, rows[r]!, level + 1)) start--;
  return rows[start]!.key;
}

// ---- public ----

/** The render model of one table: the official layout filled with `values`, cells marked by `marks`. */
export function toTableView(spec: TableSpec, values: TableValues, marks?: CellMarks): TableView {
  const s = skeletonOf(spec);
  const fillCell = (c: SkeletonCell): ViewCell => {
    if (!isSlot(c)) return c;
    const value = values[c.row]?.[c.column] ?? null;
    const text = formatCell(value);
    const mark = marks?.get(cellKey(c.row, c.column));
    return {
      kind: 'value', text, lines: [text], colspan: c.colspan, rowspan: 1, headers: c.headers,
      row: c.row, column: c.column, value, ...(c.unit ? { unit: c.unit } : {}), ...(mark ? { mark } : {}),
    };
  };
  return {
    id: spec.id,
    title: spec.title,
    caption: `表${tableNumbers[spec.id]}\u3000${spec.title.replace(/^[一二三四五六七八九十]+、/, '')}`,
    width: s.width,
    head: s.head.map((cells) => ({ cells })),
    bodies: s.bodies.map((rows) => rows.map((cells) => ({ cells: cells.map(fillCell) }))),
  };
}

/**
 * Marks for the value cells of one table from findings: a finding at a cell marks it; at a row,
 * the whole row; at a column, the whole column. Errors win over warnings; info is not marked.
 */
export function cellMarksFromFindings(findings: readonly Finding[], spec: TableSpec): CellMarks {
  const marks = new Map<string, CellMark>();
  const put = (row: string, column: number, mark: CellMark) => {
    if (marks.get(cellKey(row, column)) !== 'error') marks.set(cellKey(row, column), mark);
  };
  const columnsOf = (row: RowSpec) => (row.columns ?? spec.columns).length;
  for (const f of findings) {
    if (f.at.table !== spec.id || f.severity === 'info') continue;
    const mark: CellMark = f.severity;
    const rows = f.at.row === undefined ? spec.rows : spec.rows.filter((r) => r.key === f.at.row);
    if (f.at.row === undefined && f.at.column === undefined) continue;
    for (const row of rows) {
      if (f.at.column === undefined) for (let c = 0; c < columnsOf(row); c++) put(row.key, c, mark);
      else if (f.at.column < columnsOf(row)) put(row.key, f.at.column, mark);
    }
  }
  return marks;
}

/**
 * All rows of a view (head, then bodies) as a full grid of cells: a merged cell appears in every
 * grid position it covers (Markdown has no spans; parsers compare grids). Rows are `view.width` long.
 */
export function expandTableView(view: TableView): ViewCell[][] {
  const rows = [...view.head, ...view.bodies.flat()];
  const grid: (ViewCell | undefined)[][] = rows.map(() => new Array<ViewCell | undefined>(view.width));
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (grid[r]![c] !== undefined) c++;
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.colspan && c + dc < view.width; dc++) grid[r + dr]![c + dc] = cell;
      }
      c += cell.colspan;
    }
  });
  const blank: ViewCell = { kind: 'value', text: '', lines: [''], colspan: 1, rowspan: 1, value: null };
  return grid.map((row) => Array.from(row, (cell) => cell ?? blank));
}
