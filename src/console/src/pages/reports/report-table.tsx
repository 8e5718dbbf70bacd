/**
 * A statutory table (三 or 四) rendered from the core's TableView (src/core/report/view.ts), the
 * only layout: caption, header grid with spans, value cells tied to their headers. A value cell
 * with a number is a button that opens its drill-down (the records counted there).
 */
import { useMemo } from 'react';
import type { TableView, ViewCell } from '../../../../core/report/view.js';

const scopes: Record<Exclude<ViewCell['kind'], 'value'>, 'col' | 'colgroup' | 'row' | 'rowgroup'> = {
  corner: 'col', group: 'colgroup', column: 'col', block: 'colgroup', rowGroup: 'rowgroup', row: 'row',
};
const markText = { error: '（有错误）', warning: '（有警告）' } as const;

export interface CellRef { readonly table: string; readonly row: string; readonly column: number; readonly label: string }

export function ReportTable({ view, onCell }: { view: TableView; onCell?: (cell: CellRef) => void }) {
  const base = `gk-${view.id}`;
  const headerText = useMemo(() => {
    const m = new Map<string, { text: string; row: boolean }>();
    for (const row of [...view.head, ...view.bodies.flat()]) {
      for (const c of row.cells) if (c.id && c.kind !== 'corner') m.set(c.id, { text: c.text, row: c.kind === 'row' || c.kind === 'rowGroup' });
    }
    return m;
  }, [view]);
  /** "row label · column group · column", e.g. 一、本年新收… · 申请人情况 · 总计 (the innermost row label first). */
  const label = (c: ViewCell) => {
    const hs = (c.headers ?? []).map((h) => headerText.get(h)).filter((h) => h !== undefined);
    return [...hs.filter((h) => h.row).reverse(), ...hs.filter((h) => !h.row)].map((h) => h.text).join(' · ');
  };
  const cell = (c: ViewCell, i: number) => {
    if (c.kind !== 'value') {
      return (
        <th key={i} id={c.id ? `${base}-${c.id}` : undefined} scope={scopes[c.kind]} colSpan={c.colspan > 1 ? c.colspan : undefined} rowSpan={c.rowspan > 1 ? c.rowspan : undefined}>
          {c.lines.length > 1 ? c.lines.map((l, k) => <span key={k}>{k > 0 && <br />}{l}</span>) : c.text}
        </th>
      );
    }
    const cls = ['gk-value', c.mark ? `gk-mark-${c.mark}` : ''].filter(Boolean).join(' ');
    // only non-zero counts open a drill-down (a zero has nothing to list, and 200 buttons would swamp the tab order)
    const clickable = onCell && c.row !== undefined && c.column !== undefined && typeof c.value === 'number' && c.value !== 0;
    return (
      <td key={i} className={cls} headers={c.headers?.map((h) => `${base}-${h}`).join(' ')} colSpan={c.colspan > 1 ? c.colspan : undefined} data-cell={`${c.row}:${c.column}`}>
        {clickable ? (
          <button type="button" className="gk-cell-button" aria-label={`${label(c)}：${c.text}（查看明细）`} onClick={() => onCell({ table: view.id, row: c.row!, column: c.column!, label: label(c) })}>
            {c.text}
          </button>
        ) : c.text}
        {c.mark && <span className="gk-visually-hidden">{markText[c.mark]}</span>}
      </td>
    );
  };
  return (
    <div tabIndex={0} role="region" aria-labelledby={`${base}-caption`} style={{ overflowX: 'auto' }}>
      <table className="gk-report-table" id={base}>
        <caption id={`${base}-caption`}>{view.caption}</caption>
        {view.head.length > 0 && <thead>{view.head.map((r, i) => <tr key={i}>{r.cells.map(cell)}</tr>)}</thead>}
        {view.bodies.map((body, b) => <tbody key={b}>{body.map((r, i) => <tr key={i}>{r.cells.map(cell)}</tr>)}</tbody>)}
      </table>
    </div>
  );
}
