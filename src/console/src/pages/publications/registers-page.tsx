/**
 * 表二登记数字: per agency and year, the counts of 行政许可/处罚/强制 decisions and the 行政事业性收费
 * amount (万元) that table 二 is compiled from — entered here row by row, or imported from an XLSX/CSV
 * file (all rows or none; problems listed by line), with the template to download.
 */
import { Alert, Button, Card, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Static } from 'typebox';
import type { FigureSchema, ImportResultSchema } from '../../../../server/routes/api/registers.schemas.js';
import { api, withQuery } from '../../api/client.js';
import { useAnnouncer } from '../../components/announcer.js';
import { LoadError } from '../../components/load-error.js';
import { Page } from '../../components/page.js';
import { useLoad } from '../../components/use-load.js';
import { registerKindFields, registerKindLabels, registerKinds } from '../../labels-publications.js';
import { useSession } from '../../session.js';
import { useReportChoice } from '../reports/report-choice.js';

type Figure = Static<typeof FigureSchema>;
type ImportResult = Static<typeof ImportResultSchema>;
type Kind = (typeof registerKinds)[number];
interface Row { kind: Kind; decisionCount: number | null; itemCount: number | null; amountWan: string; note: string }

export function RegistersPage() {
  const { me } = useSession();
  const { agencyId, year, controls } = useReportChoice();
  const announce = useAnnouncer();
  const figures = useLoad(async (signal) => (agencyId && year ? (await api.get<{ figures: Figure[] }>('/api/registers', { agencyId, year }, { signal })).figures : []), [agencyId, year]);
  const [rows, setRows] = useState<Row[]>([]);
  const [result, setResult] = useState<ImportResult | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const canEdit = me.user.role === 'handler' || me.user.role === 'head' || me.user.role === 'admin';

  useEffect(() => {
    const byKind = new Map((figures.data ?? []).map((f) => [f.kind, f]));
    setRows(registerKinds.map((kind) => {
      const f = byKind.get(kind);
      return { kind, decisionCount: f?.decisionCount ?? null, itemCount: f?.itemCount ?? null, amountWan: f?.amountWan ?? '', note: f?.note ?? '' };
    }));
  }, [figures.data]);

  const edit = (kind: Kind, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.kind === kind ? { ...r, ...patch } : r)));
  const save = async (r: Row) => {
    if (!agencyId || !year) return;
    const f = registerKindFields[r.kind];
    try {
      await api.put('/api/registers', {
        agencyId, year, kind: r.kind, note: r.note,
        ...(f.decisions && { decisionCount: r.decisionCount }), ...(f.items && { itemCount: r.itemCount }), ...(f.amount && { amountWan: r.amountWan.trim() || null }),
      });
      announce.success(`已保存：${registerKindLabels[r.kind]}`);
      figures.reload();
    } catch (err) {
      announce.error(err);
    }
  };
  const importFile = async () => {
    const chosen = file.current?.files?.[0];
    if (!chosen) return announce.error('请先选择文件');
    const form = new FormData();
    form.append('file', chosen, chosen.name);
    try {
      const r = await api.upload<ImportResult>('/api/registers/import', form);
      setResult(r);
      if (r.imported) announce.success(`已导入 ${r.count} 行`);
      else announce.error(`文件有 ${r.findings.length} 处问题，全部未导入`);
      figures.reload();
    } catch (err) {
      announce.error(err);
    }
  };

  const template = (format: 'xlsx' | 'csv') => withQuery('/api/registers/template', { format, year: year ?? undefined, agencyId: agencyId ?? undefined });
  return (
    <Page title="表二登记数字">
      {controls}
      {figures.error ? <LoadError error={figures.error} retry={figures.reload} /> : null}
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{year} 年度登记数字</h2>} style={{ marginBottom: 16 }}>
        <Table<Row> rowKey="kind" size="small" pagination={false} loading={figures.loading} dataSource={rows} columns={[
          { title: '类别', dataIndex: 'kind', render: (k: Kind) => registerKindLabels[k] },
          { title: '处理决定数量', key: 'd', render: (_: unknown, r) => (registerKindFields[r.kind].decisions
            ? <InputNumber aria-label={`${registerKindLabels[r.kind]}处理决定数量`} min={0} precision={0} value={r.decisionCount} onChange={(v) => edit(r.kind, { decisionCount: v })} disabled={!canEdit} /> : '—') },
          { title: '项目数量（2019 年格式）', key: 'i', render: (_: unknown, r) => (registerKindFields[r.kind].items
            ? <InputNumber aria-label={`${registerKindLabels[r.kind]}项目数量`} min={0} precision={0} value={r.itemCount} onChange={(v) => edit(r.kind, { itemCount: v })} disabled={!canEdit} /> : '—') },
          { title: '金额（万元）', key: 'a', render: (_: unknown, r) => (registerKindFields[r.kind].amount
            ? <Input aria-label={`${registerKindLabels[r.kind]}金额（万元）`} inputMode="decimal" style={{ width: 140 }} value={r.amountWan} onChange={(e) => edit(r.kind, { amountWan: e.target.value })} disabled={!canEdit} /> : '—') },
          { title: '备注', key: 'n', render: (_: unknown, r) => <Input aria-label={`${registerKindLabels[r.kind]}备注`} value={r.note} onChange={(e) => edit(r.kind, { note: e.target.value })} disabled={!canEdit} /> },
          ...(canEdit ? [{ title: '操作', key: 's', render: (_: unknown, r: Row) => <Button size="small" onClick={() => save(r)} aria-label={`保存：${registerKindLabels[r.kind]}`}>保存</Button> }] : []),
        ]} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>规章、行政规范性文件的件数由已发布信息的文件类型和有效性自动统计，不在此登记。</Typography.Paragraph>
      </Card>
      {canEdit && (
        <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>从文件导入</h2>}>
          <Space wrap role="group" aria-label="导入登记数字">
            <label htmlFor="gk-register-file">XLSX 或 CSV 文件</label>
            <input id="gk-register-file" type="file" ref={file} accept=".xlsx,.csv" />
            <Button onClick={importFile}>导入</Button>
            <a href={template('xlsx')} download>下载模板（XLSX）</a>
            <a href={template('csv')} download>下载模板（CSV）</a>
          </Space>
          {result && (
            <div style={{ marginTop: 12 }}>
              {result.imported ? <Alert type="success" showIcon title={`已导入 ${result.count} 行。`} /> : (
                <Alert type="error" showIcon title="文件有错误，全部未导入" description={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>{result.findings.map((f, i) => <li key={i}>{f.line ? `第 ${f.line} 行` : ''}{f.field ? `（${f.field}）` : ''}：{f.message}</li>)}</ul>
                } />
              )}
            </div>
          )}
        </Card>
      )}
    </Page>
  );
}
