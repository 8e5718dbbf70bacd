/**
 * 年度报告表格（实时统计）: an agency's tables 二 (from publications and registers, when the API
 * fills it), 三 and 四 for a year, compiled from the records by the API, laid out
 * by the core's TableView with the findings marked, each number drillable to the requests or cases
 * counted there; closing the year freezes the figures.
 */
import { Alert, Button, Card, Col, Popconfirm, Row, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Finding } from '../../../../core/findings.js';
import { tablesFromJson } from '../../../../core/report/json.js';
import { specFor, type FormatId, type TableId } from '../../../../core/report/spec/index.js';
import { cellMarksFromFindings, toTableView } from '../../../../core/report/view.js';
import { reportsApi, type CompiledReport } from '../../api/requests.js';
import { useAnnouncer } from '../../components/announcer.js';
import { LoadError } from '../../components/load-error.js';
import { Page } from '../../components/page.js';
import { useLoad } from '../../components/use-load.js';
import { formatInstant } from '../../labels.js';
import { useSession } from '../../session.js';
import { CellDrawer } from './cell-drawer.js';
import { ReportTable, type CellRef } from './report-table.js';
import { useReportChoice } from './report-choice.js';

export function ReportPage() {
  const { me } = useSession();
  const announce = useAnnouncer();
  const choice = useReportChoice();
  const { agencyId, year } = choice;
  const report = useLoad(async (signal) => (agencyId && year ? reportsApi.compiled(agencyId, year, signal) : null), [agencyId, year]);
  const [cell, setCell] = useState<CellRef | null>(null);
  useEffect(() => setCell(null), [agencyId, year]);
  const canClose = me.user.role === 'head' || me.user.role === 'supervisor' || me.user.role === 'admin';

  const close = async () => {
    if (!agencyId || !year) return;
    try {
      await reportsApi.close(agencyId, year);
      announce.success(`${year} 年度已关闭，数字已冻结`);
      report.reload();
    } catch (err) {
      announce.error(err);
    }
  };

  const data = report.data;
  return (
    <Page title="年度报告表格（按记录实时统计）">
      {choice.controls}
      {report.error ? <LoadError error={report.error} retry={report.reload} /> : null}
      {data && (
        <>
          <Card size="small" style={{ marginBottom: 16 }}
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{data.title}</h2>}
            extra={canClose && !data.closure && (
              <Popconfirm title={`关闭 ${data.year} 年度？`} description="关闭后该年度的数字冻结，次年“上年结转”须与之相等；重新打开须由系统管理员说明理由。" okText="关闭年度" cancelText="取消" onConfirm={close}>
                <Button>关闭年度</Button>
              </Popconfirm>
            )}
          >
            <Space orientation="vertical" style={{ width: '100%' }}>
              {data.closure ? (
                <Alert type="info" showIcon title={`该年度已于 ${formatInstant(data.closure.closedAt)} 由 ${data.closure.closedByName} 关闭：显示冻结的数字。`} />
              ) : (
                <Alert type="info" showIcon title="按记录实时统计：表三本年新收按收到申请之日，办理结果按答复日期，结转按年末是否办结；表二按已发布的规章、规范性文件和登记数字。点击数字可查看计入该单元格的记录。" />
              )}
              <Findings findings={data.findings} />
            </Space>
          </Card>
          <Tables report={data} onCell={setCell} />
        </>
      )}
      {agencyId && year && <CellDrawer agencyId={agencyId} year={year} cell={cell} onClose={() => setCell(null)} />}
    </Page>
  );
}

function Findings({ findings }: { findings: CompiledReport['findings'] }) {
  const shown = findings.filter((f) => f.severity !== 'info');
  if (shown.length === 0) return <Typography.Text>检查结果：表格数字符合全部勾稽规则。</Typography.Text>;
  const errors = shown.filter((f) => f.severity === 'error').length;
  return (
    <Alert
      type={errors ? 'error' : 'warning'}
      showIcon
      title={`检查发现 ${errors} 个错误、${shown.length - errors} 个警告（表中已标出）`}
      description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{shown.map((f, i) => <li key={i}>{f.message}</li>)}</ul>}
    />
  );
}

function Tables({ report, onCell }: { report: CompiledReport; onCell(c: CellRef): void }) {
  const views = useMemo(() => {
    const format = (report.format === '2019' ? '2019' : '2021') as FormatId;
    const spec = specFor(format);
    const tables = tablesFromJson(format, report.tables as Parameters<typeof tablesFromJson>[1]);
    const findings = report.findings.map((f) => ({ code: f.code, severity: f.severity, at: f.at, params: {} }) as unknown as Finding);
    const view = (id: TableId) => toTableView(spec.tables[id], tables[id], cellMarksFromFindings(findings, spec.tables[id]));
    return { table2: view('table2'), table3: view('table3'), table4: view('table4') };
  }, [report]);
  return (
    <Row gutter={[16, 16]}>
      {report.provenance.table2 !== 'none' && <Col span={24}><Card size="small"><ReportTable view={views.table2} onCell={onCell} /></Card></Col>}
      <Col span={24}><Card size="small"><ReportTable view={views.table3} onCell={onCell} /></Card></Col>
      <Col span={24}><Card size="small"><ReportTable view={views.table4} onCell={onCell} /></Card></Col>
    </Row>
  );
}
