/**
 * One request: the applicant and what was asked, the live clock with its explanation, the actions
 * the API allows now (buttons from allowedActions), and tabs for the timeline, letters, attachments
 * and appeals.
 */
import { Button, Card, Col, Descriptions, Result, Row, Space, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { requestsApi, type RequestAction, type RequestDetail } from '../../api/requests.js';
import { LoadError } from '../../components/load-error.js';
import { Page } from '../../components/page.js';
import { useLoad } from '../../components/use-load.js';
import {
  applicantKindLabels, channelReceiptRule, findOutcomeBasis, idDocumentLabels, outcomeLabels, requestActionLabels, requestChannelLabels, wantedDeliveryLabels, wantedFormLabels,
} from '../../labels-requests.js';
import { formatInstant } from '../../labels.js';
import { Link } from '../../router.js';
import { useSession } from '../../session.js';
import { ActionDialog } from './action-dialog.js';
import { actionOrder, actionSpecs } from './action-specs.js';
import { AppealsPanel } from './appeals-panel.js';
import { AttachmentsPanel } from './attachments-panel.js';
import { ClockCard } from './clock-card.js';
import { LettersPanel } from './letters-panel.js';
import { RequestStatusTag, chineseDate } from './request-tags.js';
import { RequestTimeline } from './timeline.js';

const basisText = (key: string) => {
  const b = findOutcomeBasis(key);
  return b ? b.citation || b.label : key;
};

const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

export function RequestPage({ requestId }: { requestId: string }) {
  const loaded = useLoad((signal) => requestsApi.detail(requestId, signal), [requestId]);
  const [detail, setDetail] = useState<RequestDetail | undefined>(undefined);
  useEffect(() => setDetail(loaded.data), [loaded.data]);

  if (loaded.error instanceof ApiError && loaded.error.status === 404) {
    return <Result status="404" title="未找到该申请" subTitle={loaded.error.message} extra={<Link to="/requests">返回办理工作台</Link>} />;
  }
  if (!detail) {
    return <Page title="申请详情">{loaded.error ? <LoadError error={loaded.error} retry={loaded.reload} /> : <Typography.Paragraph>正在加载…</Typography.Paragraph>}</Page>;
  }
  return <RequestView detail={detail} onChange={setDetail} reload={loaded.reload} />;
}

function RequestView({ detail, onChange, reload }: { detail: RequestDetail; onChange(d: RequestDetail): void; reload(): void }) {
  const { me } = useSession();
  const [action, setAction] = useState<RequestAction | null>(null);
  const { request: r } = detail;
  const canEdit = me.user.role === 'handler' || me.user.role === 'head' || me.user.role === 'admin';
  const agency = me.visibleAgencies.find((a) => a.id === r.agencyId);
  const actions = actionOrder.filter((a) => detail.allowedActions.includes(a));
  const a = r.applicant;

  return (
    <Page title={`申请 ${r.reference}`} extra={<RequestStatusTag status={r.status} />}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={h2('可进行的操作')}>
              {actions.length === 0 ? (
                <Typography.Text>当前状态下您没有可进行的操作。</Typography.Text>
              ) : (
                <Space wrap>
                  {actions.map((x, i) => (
                    <Button key={x} type={i === 0 ? 'primary' : 'default'} danger={!!actionSpecs[x].danger} onClick={() => setAction(x)}>
                      {requestActionLabels[x]}
                    </Button>
                  ))}
                </Space>
              )}
            </Card>
            <Card size="small" title={h2('申请信息')}>
              <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
                <Descriptions.Item label="申请编号">{r.reference}</Descriptions.Item>
                <Descriptions.Item label="受理机关">{agency?.name ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="提交方式">{requestChannelLabels[r.channel]}{r.oral ? '（口头提出，代为填写）' : ''}</Descriptions.Item>
                <Descriptions.Item label="到达日期">{chineseDate(r.arrivedOn)}</Descriptions.Item>
                <Descriptions.Item label="收到申请之日" span={2}>
                  {r.receivedOn ? chineseDate(r.receivedOn) : '待确认'}
                  <div><Typography.Text type="secondary">{channelReceiptRule[r.channel]}</Typography.Text></div>
                </Descriptions.Item>
                <Descriptions.Item label="申请人">{a.name}（{applicantKindLabels[a.kind]}）</Descriptions.Item>
                <Descriptions.Item label="身份证明">{idDocumentLabels[a.idType]} {a.idNumber}</Descriptions.Item>
                {a.contactPerson ? <Descriptions.Item label="联系人">{a.contactPerson}</Descriptions.Item> : null}
                <Descriptions.Item label="联系电话">{a.phone || '—'}</Descriptions.Item>
                <Descriptions.Item label="电子邮箱">{a.email || '—'}</Descriptions.Item>
                <Descriptions.Item label="通信地址">{[a.address, a.postalCode && `（${a.postalCode}）`].filter(Boolean).join('') || '—'}</Descriptions.Item>
                <Descriptions.Item label="所需信息内容" span={2}><div style={{ whiteSpace: 'pre-wrap' }}>{r.description}</div></Descriptions.Item>
                {r.documentNumber ? <Descriptions.Item label="文件名称、文号" span={2}>{r.documentNumber}</Descriptions.Item> : null}
                <Descriptions.Item label="获取信息的方式">{wantedFormLabels[r.wantedForm]}，{wantedDeliveryLabels[r.wantedDelivery]}</Descriptions.Item>
                <Descriptions.Item label="经办人">{r.assigneeId ? (r.assigneeId === me.user.id ? '本人' : '已分派') : '未分派'}</Descriptions.Item>
                {r.outcome ? <Descriptions.Item label="办理结果" span={2}>{outcomeLabels[r.outcome]}{r.outcomeBasis ? `（依据：${basisText(r.outcomeBasis)}）` : ''}</Descriptions.Item> : null}
                {r.repliedOn ? <Descriptions.Item label="答复日期">{chineseDate(r.repliedOn)}</Descriptions.Item> : null}
                <Descriptions.Item label="登记时间">{formatInstant(r.createdAt)}</Descriptions.Item>
              </Descriptions>
            </Card>
            <Card size="small">
              <Tabs
                items={[
                  { key: 'timeline', label: `办理记录（${detail.events.length}）`, children: <RequestTimeline events={detail.events} /> },
                  { key: 'letters', label: `文书（${detail.letters.length}）`, children: <LettersPanel letters={detail.letters} canEdit={canEdit} onChanged={reload} /> },
                  { key: 'attachments', label: `附件（${detail.attachments.length}）`, children: <AttachmentsPanel requestId={r.id} attachments={detail.attachments} canEdit={canEdit} onChanged={reload} /> },
                  { key: 'appeals', label: '复议诉讼', children: <AppealsPanel requestId={r.id} agencyId={r.agencyId} canEdit={canEdit} /> },
                ]}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <ClockCard clock={detail.clock} explanation={detail.explanation} />
        </Col>
      </Row>
      <ActionDialog detail={detail} action={action} onClose={() => setAction(null)} onDone={(next) => { setAction(null); onChange(next); }} onStale={reload} />
    </Page>
  );
}
