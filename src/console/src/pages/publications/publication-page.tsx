/**
 * One 主动公开 item: its metadata (索引号 … 有效性), the version in progress with its 20-working-day
 * deadline and what still blocks publishing, the workflow buttons, the text, attachments, reviews,
 * versions and the log.
 */
import { Alert, Button, Card, Col, Descriptions, Drawer, Form, Result, Row, Space, Table, Tabs, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { publicationsApi, type PublicationDetail, type PublicationVersion } from '../../api/publications.js';
import { useAnnouncer } from '../../components/announcer.js';
import { LoadError } from '../../components/load-error.js';
import { Page } from '../../components/page.js';
import { StatusTag } from '../../components/status-tag.js';
import { useLoad } from '../../components/use-load.js';
import { formatInstant } from '../../labels.js';
import { article20ItemLabel, docTypeLabels, publicationEventLabels, reviewDecisionLabels, reviewKindLabels, validityLabels, versionStatusLabels } from '../../labels-publications.js';
import { Link, navigate } from '../../router.js';
import { chineseDate } from '../requests/request-tags.js';
import { PublicationStatusTag, label } from './catalog-page.js';
import { PublicationActions } from './publication-actions.js';
import { PublicationForm, toBody, valuesOf, type PublicationValues } from './publication-form.js';
import { usePublishingPolicy, useVocabularies } from './use-vocabularies.js';

type Review = PublicationDetail['reviews'][number];
type Attachment = PublicationDetail['attachments'][string][number];
const h2 = (t: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{t}</h2>;

export function PublicationPage({ publicationId }: { publicationId: string }) {
  const d = useLoad((signal) => publicationsApi.detail(publicationId, signal), [publicationId]);
  if (d.error instanceof ApiError && d.error.status === 404) {
    return <Result status="404" title="未找到该信息" subTitle={d.error.message} extra={<Link to="/publications">返回信息目录</Link>} />;
  }
  if (!d.data) return <Page title="主动公开信息">{d.error ? <LoadError error={d.error} retry={d.reload} /> : <Typography.Paragraph>正在加载…</Typography.Paragraph>}</Page>;
  return <PublicationView detail={d.data} reload={d.reload} />;
}

function PublicationView({ detail, reload }: { detail: PublicationDetail; reload(): void }) {
  const vocab = useVocabularies();
  const policy = usePublishingPolicy();
  const announce = useAnnouncer();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<PublicationValues>();
  const file = useRef<HTMLInputElement>(null);
  const p = detail.publication;
  const open = detail.open;
  const shown: PublicationVersion | undefined = open?.version ?? detail.versions.find((v) => v.id === p.publishedVersionId) ?? detail.versions.at(-1);
  const attachments: Attachment[] = shown ? (detail.attachments[shown.id] ?? []) : [];
  const draft = open?.version.status === 'draft';

  const save = async (v: PublicationValues) => {
    setBusy(true);
    try {
      await publicationsApi.update(p.id, { version: p.version, ...toBody(v) });
      announce.success('草稿已保存');
      setEditing(false);
      reload();
    } catch (err) {
      announce.error(err);
    } finally {
      setBusy(false);
    }
  };
  const upload = async () => {
    const f = file.current?.files?.[0];
    if (!f) return announce.error('请先选择文件');
    try {
      await publicationsApi.addAttachment(p.id, p.version, f);
      announce.success(`已添加附件“${f.name}”`);
      reload();
    } catch (err) {
      announce.error(err);
    }
  };
  const remove = async (a: Attachment) => {
    try {
      await publicationsApi.removeAttachment(p.id, a.id, p.version);
      announce.success(`已删除附件“${a.fileName}”`);
      reload();
    } catch (err) {
      announce.error(err);
    }
  };

  const deadline = open?.deadline;
  return (
    <Page title={p.title || shown?.title || '（无标题）'} extra={<Space><PublicationStatusTag status={p.status} />{open && <StatusTag tone="info">第 {open.version.number} 版 · {label(versionStatusLabels, open.version.status)}</StatusTag>}</Space>}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={h2('可进行的操作')}>
              <PublicationActions detail={detail} policy={policy} onEdit={() => { form.setFieldsValue(valuesOf(detail)); setEditing(true); }}
                onDone={(deleted) => (deleted && p.status === 'draft' ? navigate('/publications') : reload())} />
            </Card>
            <Card size="small" title={h2('信息要素')}>
              <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
                <Descriptions.Item label="索引号">{p.indexNumber ?? '（首次发布时生成）'}</Descriptions.Item>
                <Descriptions.Item label="发布机构">{shown?.publisher || '—'}</Descriptions.Item>
                <Descriptions.Item label="文号">{shown?.documentNumber || '—'}</Descriptions.Item>
                <Descriptions.Item label="成文日期">{chineseDate(shown?.writtenOn)}</Descriptions.Item>
                <Descriptions.Item label="发布日期">{chineseDate(p.publishedOn)}</Descriptions.Item>
                <Descriptions.Item label="首次发布">{chineseDate(p.firstPublishedOn)}</Descriptions.Item>
                <Descriptions.Item label="主题分类">{shown?.topic ? (vocab?.label('topic', shown.topic) ?? shown.topic) : '—'}</Descriptions.Item>
                <Descriptions.Item label="体裁">{shown?.genre ? (vocab?.label('genre', shown.genre) ?? shown.genre) : '—'}</Descriptions.Item>
                <Descriptions.Item label="文件类型">{label(docTypeLabels, shown?.docType)}</Descriptions.Item>
                <Descriptions.Item label="所属公开内容">{shown?.article20Item ? article20ItemLabel(shown.article20Item) : '—'}</Descriptions.Item>
                <Descriptions.Item label="有效性">{label(validityLabels, p.validity)}{p.validityEndedOn ? `（${chineseDate(p.validityEndedOn)}）` : ''}</Descriptions.Item>
                <Descriptions.Item label="公开方式">{shown?.disclosureMethod ? (vocab?.label('disclosureMethod', shown.disclosureMethod) ?? shown.disclosureMethod) : '—'}</Descriptions.Item>
                {p.status === 'withdrawn' ? <Descriptions.Item label="撤回" span={2}>{chineseDate(p.withdrawnOn)}：{p.withdrawnReason}</Descriptions.Item> : null}
              </Descriptions>
            </Card>
            <Card size="small">
              <Tabs items={[
                { key: 'text', label: open ? `正文（第 ${open.version.number} 版）` : '正文', children: (
                  <>
                    {shown?.summary && <Typography.Paragraph type="secondary">摘要：{shown.summary}</Typography.Paragraph>}
                    {/* the body HTML was filtered by the server's whitelist (core/publications/sanitize-html.ts) */}
                    <div className="gk-publication-body" dangerouslySetInnerHTML={{ __html: shown?.bodyHtml || '<p>（正文为空）</p>' }} />
                  </>
                ) },
                { key: 'attachments', label: `附件（${attachments.length}）`, children: (
                  <>
                    {draft && (
                      <Space wrap style={{ marginBottom: 12 }} role="group" aria-label="添加附件">
                        <label htmlFor="gk-publication-file">文件</label>
                        <input id="gk-publication-file" type="file" ref={file} />
                        <Button onClick={upload}>上传</Button>
                      </Space>
                    )}
                    <Table<Attachment> rowKey="id" size="small" pagination={false} dataSource={attachments} locale={{ emptyText: '暂无附件' }} columns={[
                      { title: '文件名', dataIndex: 'fileName', render: (n: string, a) => <a href={publicationsApi.attachmentUrl(a.id)} download>{n}</a> },
                      { title: '大小', dataIndex: 'sizeBytes', render: (n: number) => `${Math.ceil(n / 1024)} KB` },
                      ...(draft ? [{ title: '操作', key: 'x', render: (_: unknown, a: Attachment) => <Button size="small" danger onClick={() => remove(a)} aria-label={`删除：${a.fileName}`}>删除</Button> }] : []),
                    ]} />
                  </>
                ) },
                { key: 'reviews', label: `审查意见（${detail.reviews.length}）`, children: (
                  <Table<Review> rowKey="id" size="small" pagination={false} dataSource={detail.reviews} locale={{ emptyText: '暂无审查意见' }} columns={[
                    { title: '版本', dataIndex: 'versionId', render: (id: string) => `第 ${detail.versions.find((v) => v.id === id)?.number ?? '?'} 版` },
                    { title: '轮次', dataIndex: 'round' },
                    { title: '类别', dataIndex: 'kind', render: (k: string) => label(reviewKindLabels, k) },
                    { title: '结论', dataIndex: 'decision', render: (k: string) => label(reviewDecisionLabels, k) },
                    { title: '意见', dataIndex: 'opinion', render: (t: string) => t || '—' },
                    { title: '审查人', dataIndex: 'reviewerName' },
                    { title: '日期', dataIndex: 'reviewedOn', render: chineseDate },
                  ]} />
                ) },
                { key: 'versions', label: `版本（${detail.versions.length}）`, children: (
                  <Table<PublicationVersion> rowKey="id" size="small" pagination={false} dataSource={detail.versions} columns={[
                    { title: '版本', dataIndex: 'number', render: (n: number) => `第 ${n} 版` },
                    { title: '状态', dataIndex: 'status', render: (s: string) => label(versionStatusLabels, s) },
                    { title: '形成（变更）日期', dataIndex: 'formedOn', render: chineseDate },
                    { title: '公开期限', dataIndex: 'publishBy', render: chineseDate },
                    { title: '发布日期', dataIndex: 'publishedOn', render: chineseDate },
                    { title: '变更说明', dataIndex: 'changeNote', render: (t: string) => t || '—' },
                  ]} />
                ) },
                { key: 'log', label: '办理记录', children: (
                  <Timeline items={detail.events.map((e) => ({ key: e.id, title: formatInstant(e.at), content: <><strong>{publicationEventLabels[e.kind] ?? e.kind}</strong> · {e.actorName || '系统'}</> }))} />
                ) },
              ]} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={h2('公开期限')}>
            {open && deadline ? (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <div>第 {open.version.number} 版{open.version.number > 1 ? '（变更）' : ''}形成于 {chineseDate(open.version.formedOn)}，应于 <strong>{chineseDate(deadline.publishBy)}</strong>{deadline.provisional ? '（暂定）' : ''} 前公开（条例第二十六条：20 个工作日内）。</div>
                <StatusTag tone={deadline.state === 'overdue' ? 'danger' : deadline.state === 'dueSoon' ? 'warning' : 'info'}>
                  {deadline.state === 'overdue' ? `已超期 ${-deadline.workdaysLeft} 个工作日` : `剩余 ${deadline.workdaysLeft} 个工作日`}
                </StatusTag>
                {open.publishBlockers.length > 0 && (
                  <Alert type="warning" showIcon title="尚不能发布" description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{open.publishBlockers.map((b) => <li key={b}>{b}</li>)}</ul>} />
                )}
                {open.pendingReviews.length > 0 && open.version.status === 'submitted' && (
                  <div>待审查：{open.pendingReviews.map((k) => label(reviewKindLabels, k)).join('、')}</div>
                )}
              </Space>
            ) : (
              <Typography.Text>没有正在办理的版本。{p.firstPublishedOn ? `首次发布于 ${chineseDate(p.firstPublishedOn)}。` : ''}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <Drawer title="编辑草稿" open={editing} onClose={() => setEditing(false)} size={900} destroyOnHidden={false}
        extra={<Space><Button onClick={() => setEditing(false)}>取消</Button><Button type="primary" loading={busy} onClick={() => form.submit()}>保存草稿</Button></Space>}>
        <PublicationForm form={form} vocab={vocab} onFinish={save} isChange={(open?.version.number ?? 1) > 1} maxDate={dayjs()} />
      </Drawer>
    </Page>
  );
}
