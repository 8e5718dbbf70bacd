/** 单元格明细: what one cell of table 三/四 counts — its definition and the requests or cases. */
import { Descriptions, Drawer, Table } from 'antd';
import { useEffect, useState } from 'react';
import { reportsApi, type Appeal } from '../../api/requests.js';
import { LoadError } from '../../components/load-error.js';
import { useLoad } from '../../components/use-load.js';
import { appealKindLabels, appealResultLabels } from '../../labels-requests.js';
import { RequestTable } from '../requests/request-search.js';
import { chineseDate } from '../requests/request-tags.js';
import type { CellRef } from './report-table.js';
import { Table2Records } from './table2-records.js';

const pageSize = 20;

export function CellDrawer({ agencyId, year, cell, onClose }: { agencyId: string; year: number; cell: CellRef | null; onClose(): void }) {
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [cell]);
  const records = useLoad(async (signal) => (cell ? reportsApi.cell(agencyId, year, { table: cell.table, row: cell.row, column: cell.column, page, pageSize }, signal) : null), [agencyId, year, cell, page]);
  const d = records.data;
  return (
    <Drawer title={cell ? `单元格明细：${d?.label ?? cell.label}` : '单元格明细'} open={cell !== null} onClose={onClose} size={960} destroyOnHidden>
      {records.error ? <LoadError error={records.error} retry={records.reload} /> : null}
      {d && (
        <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label="统计口径">{d.definition}</Descriptions.Item>
          <Descriptions.Item label="计入数量">{d.total}</Descriptions.Item>
        </Descriptions>
      )}
      {cell?.table === 'table2' ? (
        <Table2Records records={d} loading={records.loading} page={page} onPage={setPage} />
      ) : cell?.table === 'table4' ? (
        <Table<Appeal>
          rowKey="id"
          size="small"
          loading={records.loading}
          dataSource={d?.appeals ?? []}
          pagination={{ current: page, pageSize, total: d?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          locale={{ emptyText: '没有计入该单元格的案件' }}
          columns={[
            { title: '类型', dataIndex: 'kind', render: (k: Appeal['kind']) => appealKindLabels[k] },
            { title: '案号', dataIndex: 'caseNumber', render: (v: string) => v || '—' },
            { title: '受理日期', dataIndex: 'filedOn', render: chineseDate },
            { title: '结果', dataIndex: 'result', render: (r: Appeal['result']) => appealResultLabels[r] },
            { title: '审结日期', dataIndex: 'decidedOn', render: chineseDate },
          ]}
        />
      ) : (
        <RequestTable items={d?.requests ?? []} loading={records.loading} total={d?.total ?? 0} page={page} pageSize={pageSize} onPage={setPage} />
      )}
    </Drawer>
  );
}
