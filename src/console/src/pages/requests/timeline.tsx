/** 办理记录: the request's events in order — legal date, what happened, who, the state change, details. */
import { Timeline, Typography } from 'antd';
import type { RequestEvent } from '../../api/requests.js';
import { formatInstant } from '../../labels.js';
import { deliveryMethodLabels, outcomeLabels, requestEventLabels, requestStatusLabels } from '../../labels-requests.js';

type OutcomeKey = keyof typeof outcomeLabels;
import { chineseDate } from './request-tags.js';

/** Event details worth showing, in Chinese (the rest stays in the audit log). */
const detailLabels: Readonly<Record<string, string>> = {
  assigneeName: '经办人',
  items: '补正事项',
  answerDueOn: '补正期限',
  text: '内容',
  addressee: '收件人',
  reason: '理由',
  opinion: '意见',
  workdays: '延长工作日',
  newReplyBy: '延迟后的期限',
  amount: '金额（元）',
  comment: '意见',
  note: '备注',
  outcome: '办理结果',
  basis: '依据',
  method: '方式',
  toAgencyName: '转送至',
  via: '途径',
};

const show = (key: string, v: unknown): string | null => {
  if (v === null || v === undefined || v === '' || typeof v === 'object') return null;
  if (key === 'via') return v === 'portal' ? '申请人通过门户网站提交' : '工作人员登记';
  if (key === 'answerDueOn' || key === 'newReplyBy') return chineseDate(String(v));
  if (key === 'outcome') return outcomeLabels[v as OutcomeKey] ?? String(v);
  if (key === 'opinion') return ({ agree: '同意公开', object: '不同意公开', other: '其他意见' } as Record<string, string>)[String(v)] ?? String(v);
  if (key === 'method') return ({ ...deliveryMethodLabels, perItem: '按件计收', perPage: '按量计收' } as Record<string, string>)[String(v)] ?? String(v);
  return String(v);
};

export function RequestTimeline({ events }: { events: readonly RequestEvent[] }) {
  if (events.length === 0) return <Typography.Paragraph>暂无办理记录。</Typography.Paragraph>;
  return (
    <Timeline
      items={events.map((e) => {
        const data = (e.data ?? {}) as Record<string, unknown>;
        const details = Object.entries(detailLabels)
          .map(([k, label]) => [label, show(k, data[k])] as const)
          .filter(([, v]) => v !== null);
        return {
          key: e.seq,
          color: e.kind === 'voided' || e.kind.endsWith('Lapsed') ? 'red' : e.kind === 'replied' ? 'green' : 'blue',
          title: chineseDate(e.on),
          content: (
            <div>
              <strong>{requestEventLabels[e.kind]}</strong>
              {e.statusBefore !== e.statusAfter && <span>（{e.statusBefore ? `${requestStatusLabels[e.statusBefore]} → ` : ''}{requestStatusLabels[e.statusAfter]}）</span>}
              <div><Typography.Text type="secondary">{e.actorName || '系统'} · 记录于 {formatInstant(e.at)}</Typography.Text></div>
              {details.length > 0 && (
                <dl style={{ margin: '4px 0 0', display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 8 }}>
                  {details.map(([label, v]) => [<dt key={`${label}-t`} style={{ color: 'rgba(0,0,0,0.68)' }}>{label}</dt>, <dd key={`${label}-d`} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{v}</dd>])}
                </dl>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
