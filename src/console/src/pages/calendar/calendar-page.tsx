/**
 * 节假日日历: the years of the working-day calendar with their status (官方安排 shipped, 已导入,
 * 暂定 — no notice yet, estimated from the statutory holidays), one year month by month (休/班/补 in
 * text, the month's holidays in words, why days are provisional), and for the administrator the
 * import of a new year's notice and the removal of an imported year. Deadlines of requests and
 * publications are counted on this calendar.
 */
import { Alert, Button, Card, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { calendarApi, type CalendarYearItem } from '../../api/calendar.js';
import { useAnnouncer } from '../../components/announcer.js';
import { LoadError } from '../../components/load-error.js';
import { Page } from '../../components/page.js';
import { StatusTag, type Tone } from '../../components/status-tag.js';
import { useLoad } from '../../components/use-load.js';
import { Link, navigate } from '../../router.js';
import { useSession } from '../../session.js';
import { CalendarImportCard } from './import-card.js';
import { MonthGrid } from './month-grid.js';
import './calendar.css';

const statusLabels: Readonly<Record<string, { label: string; tone: Tone }>> = {
  official: { label: '官方安排', tone: 'success' },
  imported: { label: '已导入', tone: 'info' },
  provisional: { label: '暂定', tone: 'warning' },
};

const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

function YearView({ year, onRemoved }: { year: number; onRemoved(): void }) {
  const view = useLoad((signal) => calendarApi.year(year, signal), [year]);
  const { me } = useSession();
  const announce = useAnnouncer();
  const v = view.data;
  const remove = async () => {
    try {
      await calendarApi.remove(year);
      announce.success(`已删除 ${year} 年导入的放假安排`);
      view.reload();
      onRemoved();
    } catch (err) {
      announce.error(err);
    }
  };
  return (
    <Card size="small" style={{ marginBottom: 16 }}
      title={<h2 style={{ fontSize: 18, margin: 0 }} id="gk-cal-year-title">{year} 年工作日历</h2>}
      extra={(
        <Space>
          <Link to={`/calendar/${year - 1}`} aria-label={`上一年：${year - 1} 年`}>‹ {year - 1}</Link>
          <Link to={`/calendar/${year + 1}`} aria-label={`下一年：${year + 1} 年`}>{year + 1} ›</Link>
        </Space>
      )}>
      {view.error ? <LoadError error={view.error} retry={view.reload} /> : null}
      {v && (
        <>
          {v.status === 'provisional' ? (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`暂定：尚无 ${year} 年放假安排通知`}
              description={v.provisionalReasons.join('；')} />
          ) : (
            <Alert type={v.status === 'imported' ? 'info' : 'success'} showIcon style={{ marginBottom: 12 }}
              title={<>{statusLabels[v.status]!.label}：{v.source?.url ? <a href={v.source.url} target="_blank" rel="noopener noreferrer" style={{ textDecoration: 'underline' }}>{v.source.title}</a> : v.source?.title}{v.importedAt ? `（导入于 ${when(v.importedAt)} UTC）` : ''}</>}
              description={v.provisionalReasons.length > 0 ? `其中 12 月下旬的几天为暂定（标“暂”）：${v.provisionalReasons.join('；')}` : undefined}
              action={me.user.role === 'admin' && v.status === 'imported' ? (
                <Popconfirm title={`删除 ${year} 年导入的放假安排？删除后恢复为内置数据或暂定推算。`} okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={remove}>
                  <Button size="small" danger>删除导入</Button>
                </Popconfirm>
              ) : undefined} />
          )}
          <p style={{ margin: '0 0 8px' }}>全年 {v.workdays} 个工作日；放假 {v.holidays} 天{v.status === 'provisional' ? '（含补假）' : ''}；调休上班 {v.makeupWorkdays} 天。</p>
          <ul className="gk-cal-legend" aria-label="图例">
            <li><span className="gk-cal-sample gk-cal-holiday">休</span>放假</li>
            <li><span className="gk-cal-sample gk-cal-makeupWorkday">班</span>调休上班（周末上班）</li>
            {v.status === 'provisional' && <li><span className="gk-cal-sample gk-cal-substituteHoliday">补</span>补假（节日逢周末顺延，暂定）</li>}
            {v.status !== 'provisional' && v.provisionalReasons.length > 0 && <li><span className="gk-cal-sample gk-cal-provisional">暂</span>暂定日期</li>}
            <li>其余周一至周五为工作日，周六、周日休息</li>
          </ul>
          <div className="gk-cal-months">
            {v.months.map((m) => <MonthGrid key={m.month} year={year} month={m} markProvisional={v.status !== 'provisional'} />)}
          </div>
        </>
      )}
    </Card>
  );
}

export function CalendarPage({ year: chosen }: { year?: number }) {
  const { me } = useSession();
  const announce = useAnnouncer();
  const list = useLoad((signal) => calendarApi.years(signal), []);
  const isAdmin = me.user.role === 'admin';
  const thisYear = list.data ? Number(list.data.today.slice(0, 4)) : null;
  const valid = chosen !== undefined && Number.isInteger(chosen) && chosen >= 2004 && chosen <= 2100;
  const year = valid ? chosen : thisYear;
  const years = useMemo(() => [...(list.data?.years ?? [])].reverse(), [list.data]);

  const remove = async (y: number) => {
    try {
      await calendarApi.remove(y);
      announce.success(`已删除 ${y} 年导入的放假安排`);
      list.reload();
    } catch (err) {
      announce.error(err);
    }
  };

  return (
    <Page title="节假日日历">
      <Typography.Paragraph>
        答复期限、主动公开期限等按工作日计算，依据国务院办公厅每年公布的放假安排。尚无通知的年份按法定节假日暂定推算，相关期限会标明“暂定”。
        {list.data && ` 官方放假安排现已覆盖至 ${list.data.coveredThrough} 年。`}
      </Typography.Paragraph>
      {chosen !== undefined && !valid && <Alert type="error" showIcon style={{ marginBottom: 16 }} title="年份应为 2004 至 2100 之间的整数" />}
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="gk-cal-year">查看年份</label>
        <Select id="gk-cal-year" style={{ width: 140 }} value={year ?? undefined} loading={list.loading} showSearch={{ optionFilterProp: 'label' }}
          onChange={(y: number) => navigate(`/calendar/${y}`)} options={years.map((y) => ({ value: y.year, label: `${y.year} 年` }))} />
      </Space>
      {year !== null && <YearView key={year} year={year} onRemoved={list.reload} />}
      {isAdmin && list.data && (
        <CalendarImportCard nextYear={(list.data.coveredThrough ?? 2026) + 1} onImported={(ys) => {
          list.reload();
          if (ys[0] !== undefined) navigate(`/calendar/${ys[0]}`);
        }} />
      )}
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>各年份放假安排</h2>}>
        <Table<CalendarYearItem> rowKey="year" size="small" loading={list.loading} dataSource={years} pagination={{ pageSize: 10, showSizeChanger: false }}
          columns={[
            { title: '年份', dataIndex: 'year', render: (y: number) => <Link to={`/calendar/${y}`}>{y} 年</Link> },
            { title: '状态', dataIndex: 'status', render: (s: string) => <StatusTag tone={statusLabels[s]?.tone ?? 'neutral'}>{statusLabels[s]?.label ?? s}</StatusTag> },
            { title: '依据', key: 'source', render: (_: unknown, y) => (y.source ? y.source.title : '按法定节假日推算（尚无通知）') },
            { title: '导入时间（UTC）', dataIndex: 'importedAt', render: (v: string | null) => when(v) },
            ...(isAdmin ? [{
              title: '操作', key: 'actions', render: (_: unknown, y: CalendarYearItem) => (y.status === 'imported' ? (
                <Popconfirm title={`删除 ${y.year} 年导入的放假安排？`} okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => remove(y.year)}>
                  <Button size="small" danger aria-label={`删除导入：${y.year} 年`}>删除导入</Button>
                </Popconfirm>
              ) : null),
            }] : []),
          ]} />
      </Card>
    </Page>
  );
}
