/** Drill-down of a table-二 cell: the published 规章/规范性文件 counted there, or the register figures behind it. */
import { Table } from 'antd';
import type { CellRecords } from '../../api/requests.js';
import { docTypeLabels, registerKindLabels, validityLabels } from '../../labels-publications.js';
import { Link } from '../../router.js';
import { label } from '../publications/catalog-page.js';
import { chineseDate } from '../requests/request-tags.js';

type Doc = NonNullable<CellRecords['documents']>[number];
type Figure = NonNullable<CellRecords['figures']>[number];

export function Table2Records({ records, loading, page, onPage }: { records: CellRecords | null | undefined; loading: boolean; page: number; onPage(p: number): void }) {
  if (records?.figures && records.figures.length > 0) {
    return (
      <Table<Figure> rowKey="id" size="small" pagination={false} loading={loading} dataSource={records.figures} columns={[
        { title: '类别', dataIndex: 'kind', render: (k: string) => label(registerKindLabels, k) },
        { title: '处理决定数量', dataIndex: 'decisionCount', render: (v: number | null) => v ?? '—' },
        { title: '项目数量', dataIndex: 'itemCount', render: (v: number | null) => v ?? '—' },
        { title: '金额（万元）', dataIndex: 'amountWan', render: (v: string | null) => v ?? '—' },
        { title: '来源', dataIndex: 'source', render: (v: string) => (v === 'import' ? '导入' : '手工登记') },
        { title: '登记人', dataIndex: 'updatedByName' },
        { title: '备注', dataIndex: 'note', render: (v: string) => v || '—' },
      ]} />
    );
  }
  return (
    <Table<Doc> rowKey="id" size="small" loading={loading} dataSource={records?.documents ?? []} locale={{ emptyText: '没有计入该单元格的文件' }}
      pagination={{ current: page, pageSize: records?.pageSize ?? 20, total: records?.total ?? 0, onChange: onPage, showSizeChanger: false }}
      columns={[
        { title: '标题', dataIndex: 'title', render: (t: string, d) => <Link to={`/publications/${d.id}`}>{t}</Link> },
        { title: '文号', dataIndex: 'documentNumber', render: (v: string) => v || '—' },
        { title: '类型', dataIndex: 'docType', render: (v: string) => label(docTypeLabels, v) },
        { title: '索引号', dataIndex: 'indexNumber', render: (v: string | null) => v ?? '—' },
        { title: '首次发布', dataIndex: 'firstPublishedOn', render: chineseDate },
        { title: '有效性', dataIndex: 'validity', render: (v: string, d) => `${label(validityLabels, v)}${d.validityEndedOn ? `（${chineseDate(d.validityEndedOn)}）` : ''}` },
      ]} />
  );
}
