/**
 * Importing a year's 放假安排 notice (administrator): a JSON or CSV file as in docs/calendar-import.md.
 * The server checks it strictly; with any error nothing is imported and every problem is listed with
 * its line. Warnings (a statutory day not listed, a make-up day on a weekday) are shown but do not
 * stop the import. A sample file can be downloaded to start from.
 */
import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { calendarApi, type CalendarImportResult } from '../../api/calendar.js';
import { useAnnouncer } from '../../components/announcer.js';

const sample = (year: number) => `${JSON.stringify({
  year,
  source: { title: `国务院办公厅关于${year}年部分节假日安排的通知`, url: 'https://www.gov.cn/zhengce/' },
  holidays: [
    { name: '元旦', from: `${year}-01-01`, to: `${year}-01-01` },
    { name: '清明节', date: `${year}-04-05` },
  ],
  makeupWorkdays: [],
}, null, 2)}\n`;

const findingLine = (f: CalendarImportResult['findings'][number]) =>
  `${f.line ? `第 ${f.line} 行` : '文件'}${f.field ? `（${f.field}）` : ''}：${f.message}（${f.code}）`;

export function CalendarImportCard({ nextYear, onImported }: { nextYear: number; onImported(years: readonly number[]): void }) {
  const announce = useAnnouncer();
  const file = useRef<HTMLInputElement>(null);
  const [format, setFormat] = useState<'auto' | 'json' | 'csv'>('auto');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CalendarImportResult | null>(null);
  const sampleUrl = `data:application/json;charset=utf-8,${encodeURIComponent(sample(nextYear))}`;

  const run = async () => {
    const chosen = file.current?.files?.[0];
    if (!chosen) return announce.error('请先选择文件');
    setBusy(true);
    try {
      const r = await calendarApi.importFile(chosen, format === 'auto' ? null : format);
      setResult(r);
      if (r.imported) {
        announce.success(`已导入 ${r.years.join('、')} 年放假安排`);
        onImported(r.years);
      } else {
        announce.error(`文件有 ${r.findings.filter((f) => f.severity === 'error').length} 处错误，全部未导入`);
      }
    } catch (err) {
      announce.error(err);
    } finally {
      setBusy(false);
    }
  };

  const errors = result?.findings.filter((f) => f.severity === 'error') ?? [];
  const warnings = result?.findings.filter((f) => f.severity !== 'error') ?? [];
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>导入放假安排通知</h2>} style={{ marginBottom: 16 }}>
      <Typography.Paragraph style={{ marginTop: 0 }}>
        国务院办公厅每年公布下一年的《部分节假日安排的通知》后，把通知中的放假日期和调休上班日期整理成 JSON 或 CSV 文件导入，无需升级系统。
        导入的年份整体替换该年原有数据（内置数据或此前的导入）；文件有任何错误则全部不导入。
      </Typography.Paragraph>
      <Space wrap role="group" aria-label="导入放假安排">
        <label htmlFor="gk-calendar-file">通知文件（JSON 或 CSV，UTF-8）</label>
        <input id="gk-calendar-file" type="file" ref={file} accept=".json,.csv,application/json,text/csv" />
        <label htmlFor="gk-calendar-format">格式</label>
        <Select id="gk-calendar-format" style={{ width: 140 }} value={format} onChange={setFormat}
          options={[{ value: 'auto', label: '按扩展名识别' }, { value: 'json', label: 'JSON' }, { value: 'csv', label: 'CSV' }]} />
        <Button type="primary" onClick={run} loading={busy}>导入</Button>
        <a href={sampleUrl} download={`${nextYear}.json`}>下载 JSON 示例（{nextYear} 年）</a>
      </Space>
      {result && (
        <div style={{ marginTop: 12 }} data-testid="calendar-import-result">
          {result.imported ? (
            <Alert type="success" showIcon title={`已导入 ${result.years.join('、')} 年放假安排${result.replacedImports.length ? '（替换了此前导入的数据）' : result.overriddenBase.length ? '（替换了内置数据）' : ''}。`} />
          ) : (
            <Alert type="error" showIcon title={`文件有 ${errors.length} 处错误，全部未导入`}
              description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{errors.map((f, i) => <li key={i}>{findingLine(f)}</li>)}</ul>} />
          )}
          {warnings.length > 0 && (
            <Alert type="warning" showIcon style={{ marginTop: 8 }} title={`请核对 ${warnings.length} 处提示（不影响导入）`}
              description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{warnings.map((f, i) => <li key={i}>{findingLine(f)}</li>)}</ul>} />
          )}
        </div>
      )}
    </Card>
  );
}
