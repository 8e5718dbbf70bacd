/**
 * 答复期限: the live statutory clock of a request — due date, working days used and left, overdue,
 * paused periods, the provisional mark (holiday notices not yet published) — and the server's
 * Chinese explanation of how it was counted.
 */
import { Alert, Card, Descriptions, List, Typography } from 'antd';
import type { RequestClock } from '../../api/requests.js';
import { StatusTag } from '../../components/status-tag.js';
import { chineseDate } from './request-tags.js';

interface PausedPeriod { reason: 'clarification' | 'consultation' | 'fee'; from: string; to: string; open: boolean; workdays: number }

const pauseLabels: Readonly<Record<PausedPeriod['reason'], string>> = {
  clarification: '补正（期限自收到补正之日重新起算）',
  consultation: '征求第三方或其他机关意见（不计入答复期限）',
  fee: '缴纳信息处理费（不计入答复期限）',
};

const clockStatusLabels: Readonly<Record<string, string>> = {
  running: '计时中',
  paused: '暂停计时',
  awaitingClarification: '等待补正',
  replied: '已答复',
  closed: '已终止',
  invalid: '无法计算（缺少收到申请日期）',
};

export function ClockCard({ clock, explanation }: { clock: RequestClock | null; explanation: readonly string[] }) {
  const title = <h2 style={{ fontSize: 16, margin: 0 }}>答复期限</h2>;
  if (!clock) {
    return (
      <Card title={title} size="small">
        <Typography.Paragraph>尚未确认收到申请，答复期限自收到申请之日起计算（条例第三十一条、第三十三条）。</Typography.Paragraph>
      </Card>
    );
  }
  const paused = clock.pausedPeriods as PausedPeriod[];
  // replyBy is the date in force (pauses, extensions, a 第三十五条 delay applied)
  const due = clock.replyBy;
  return (
    <Card title={title} size="small" extra={<StatusTag tone={clock.overdue ? 'danger' : clock.dueSoon ? 'warning' : 'info'}>{clock.overdue ? (clock.repliedOn ? '逾期答复' : '逾期') : clock.dueSoon ? '即将到期' : (clockStatusLabels[clock.status] ?? clock.status)}</StatusTag>}>
      {clock.provisional && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="期限为暂定"
          description="计算涉及尚未公布节假日安排的年份，按法定节假日暂定；国务院办公厅公布安排后会自动重新计算。"
        />
      )}
      <Descriptions column={1} size="small" styles={{ label: { width: 116 } }}>
        <Descriptions.Item label="收到申请日期">{chineseDate(clock.receivedOn)}</Descriptions.Item>
        {clock.countFrom && clock.countFrom !== clock.receivedOn && <Descriptions.Item label="重新起算日期">{chineseDate(clock.countFrom)}</Descriptions.Item>}
        <Descriptions.Item label="答复期限">
          <strong>{chineseDate(due)}</strong>{clock.replyByProvisional ? '（暂定）' : ''}
          {clock.extensionWorkdays > 0 && <div>已延期 {clock.extensionWorkdays} 个工作日（原期限 {chineseDate(clock.baseReplyBy)}）</div>}
        </Descriptions.Item>
        {!clock.repliedOn && clock.extensionWorkdays === 0 && clock.extendedReplyBy && clock.extendedReplyBy !== due && (
          <Descriptions.Item label="如经批准延期">最迟 {chineseDate(clock.extendedReplyBy)}</Descriptions.Item>
        )}
        {clock.clarifyBy && <Descriptions.Item label="补正告知期限">{chineseDate(clock.clarifyBy)}</Descriptions.Item>}
        <Descriptions.Item label="已用工作日">{clock.workdaysUsed} 个</Descriptions.Item>
        {clock.repliedOn ? (
          <Descriptions.Item label="是否按期">
            {clock.overdue ? <Typography.Text type="danger" strong>超过期限 {clock.overdueWorkdays} 个工作日答复</Typography.Text> : '在期限内答复'}
          </Descriptions.Item>
        ) : (
          <Descriptions.Item label="剩余工作日">
            {clock.overdue ? <Typography.Text type="danger" strong>已逾期 {clock.overdueWorkdays} 个工作日</Typography.Text> : clock.workdaysLeft === null ? '—' : `${clock.workdaysLeft} 个`}
          </Descriptions.Item>
        )}
        {clock.repliedOn && <Descriptions.Item label="答复日期">{chineseDate(clock.repliedOn)}</Descriptions.Item>}
        <Descriptions.Item label="计算日期">{chineseDate(clock.today)}</Descriptions.Item>
      </Descriptions>
      {paused.length > 0 && (
        <>
          <h3 style={{ fontSize: 14, margin: '12px 0 4px' }}>暂停计时</h3>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {paused.map((p) => (
              <li key={`${p.reason}-${p.from}`}>
                {pauseLabels[p.reason]}：{chineseDate(p.from)} 至 {p.open ? '今（仍在暂停）' : chineseDate(p.to)}，{p.workdays} 个工作日
              </li>
            ))}
          </ul>
        </>
      )}
      {clock.findings.length > 0 && (
        <Alert
          type={clock.findings.some((f) => f.severity === 'error') ? 'error' : 'warning'}
          showIcon
          style={{ marginTop: 12 }}
          title="期限提示"
          description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{clock.findings.map((f) => <li key={f.code + f.message}>{f.message}</li>)}</ul>}
        />
      )}
      {explanation.length > 0 && (
        <details style={{ marginTop: 12 }} open>
          <summary style={{ cursor: 'pointer', fontWeight: 600 }}>计算说明</summary>
          <List size="small" dataSource={[...explanation]} renderItem={(line) => <List.Item style={{ paddingInline: 0 }}>{line}</List.Item>} />
        </details>
      )}
    </Card>
  );
}
