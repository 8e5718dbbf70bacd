/**
 * The workflow buttons of a publication, from its state and the user's role (the server decides;
 * these only offer what can succeed): edit/submit/discard a draft; 保密审查 and 发布审查 of a
 * submitted version (reviewers, not its author); publish an approved version; change, withdraw or
 * set the validity of a published item. Each step carries the publication's version.
 */
import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { publicationsApi, type PublicationAction, type PublicationDetail } from '../../api/publications.js';
import { useAnnouncer } from '../../components/announcer.js';
import { reviewDecisionLabels, reviewKindLabels, validities, validityLabels } from '../../labels-publications.js';
import { useSession } from '../../session.js';
import type { PublishingPolicy } from './use-vocabularies.js';

type Dialog = { action: PublicationAction; title: string; danger?: string; note?: string };
type Values = Record<string, unknown>;

const day = (d: unknown) => (d ? (d as Dayjs).format('YYYY-MM-DD') : undefined);

export function PublicationActions({ detail, policy, onEdit, onDone }: {
  detail: PublicationDetail;
  policy: PublishingPolicy | undefined;
  onEdit(): void;
  /** After a step: the new state must be loaded (deleted: the item is gone). */
  onDone(deleted: boolean): void;
}) {
  const { me } = useSession();
  const announce = useAnnouncer();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const p = detail.publication;
  const open = detail.open;
  const role = me.user.role;
  const author = role === 'handler' || role === 'head' || role === 'admin';
  const reviewer = role === 'admin' || (policy?.reviewerRoles ?? ['head']).includes(role);
  const status = open?.version.status;

  const buttons: (Dialog & { primary?: boolean })[] = [];
  if (author && status === 'draft') {
    buttons.push({ action: 'submit', title: '提交审查', primary: true, note: '提交后由审查人员进行保密审查和发布审查；审查通过前不能发布。' });
    buttons.push({ action: 'discard', title: p.status === 'draft' ? '删除草稿' : '放弃本次变更', danger: p.status === 'draft' ? '从未发布的信息将被删除。' : '正在办理的版本将被放弃，已发布的版本不受影响。' });
  }
  if (status === 'submitted') {
    if (reviewer && (open?.pendingReviews.length ?? 0) > 0) buttons.push({ action: 'review', title: '登记审查意见', primary: true });
    if (author) buttons.push({ action: 'recall', title: '撤回审查' });
  }
  if (author && status === 'approved') buttons.push({ action: 'publish', title: '发布', primary: true, note: '首次发布时生成索引号；变更的版本发布后替换现行版本，原版本保留。' });
  if (!open && (p.status === 'published' || p.status === 'withdrawn') && author) buttons.push({ action: 'startChange', title: '变更（新建版本）' });
  if (!open && p.status === 'published' && reviewer) {
    buttons.push({ action: 'validity', title: '变更有效性' });
    buttons.push({ action: 'withdraw', title: '撤回发布', danger: '撤回后该信息不再在门户网站公开。' });
  }

  const start = (d: Dialog) => {
    form.resetFields();
    if (d.action === 'review') form.setFieldsValue({ kind: open?.pendingReviews[0], decision: 'approved' });
    if (d.action === 'validity') form.setFieldsValue({ validity: p.validity });
    setDialog(d);
  };

  const submit = async (v: Values) => {
    if (!dialog) return;
    setBusy(true);
    const body: { version: number } & Record<string, unknown> = { version: p.version };
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined || x === null || x === '') continue;
      body[k] = k === 'on' || /On$/.test(k) ? day(x) : typeof x === 'string' ? x.trim() : x;
    }
    try {
      const result = await publicationsApi.action(p.id, dialog.action, body);
      const deleted = 'deleted' in result && result.deleted;
      announce.success(`已完成：${dialog.title}`);
      setDialog(null);
      onDone(deleted);
    } catch (err) {
      announce.error(err);
    } finally {
      setBusy(false);
    }
  };

  const fields = () => {
    switch (dialog?.action) {
      case 'review':
        return (
          <>
            <Form.Item label="审查类别" name="kind" rules={[{ required: true }]}>
              <Select options={(open?.pendingReviews ?? []).map((k) => ({ value: k, label: reviewKindLabels[k as keyof typeof reviewKindLabels] ?? k }))} />
            </Form.Item>
            <Form.Item label="审查结论" name="decision" rules={[{ required: true }]}>
              <Radio.Group options={Object.entries(reviewDecisionLabels).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item label="审查意见" name="opinion" dependencies={['decision']}
              rules={[({ getFieldValue }) => ({ required: getFieldValue('decision') === 'rejected', message: '不同意发布的，须写明意见' }), { max: 2000 }]}>
              <Input.TextArea autoSize={{ minRows: 3 }} />
            </Form.Item>
            <Form.Item label="审查日期" name="reviewedOn"><DatePicker placeholder="今天" /></Form.Item>
          </>
        );
      case 'publish':
        return <Form.Item label="发布日期" name="publishedOn"><DatePicker placeholder="今天" /></Form.Item>;
      case 'withdraw':
        return (
          <>
            <Form.Item label="撤回原因" name="reason" rules={[{ required: true, whitespace: true, message: '请说明撤回原因' }, { max: 500 }]}><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
            <Form.Item label="撤回日期" name="on"><DatePicker placeholder="今天" /></Form.Item>
          </>
        );
      case 'validity':
        return (
          <>
            <Form.Item label="有效性" name="validity" rules={[{ required: true }]}><Select options={validities.map((x) => ({ value: x, label: validityLabels[x] }))} /></Form.Item>
            <Form.Item label="生效日期" name="effectiveOn"><DatePicker /></Form.Item>
            <Form.Item label="失效或废止日期" name="validityEndedOn"><DatePicker /></Form.Item>
            <Form.Item label="说明" name="validityNote" rules={[{ max: 300 }]}><Input /></Form.Item>
          </>
        );
      case 'startChange':
        return (
          <>
            <Form.Item label="变更日期" name="changedOn" extra="公开期限自变更之日起算（20 个工作日）"><DatePicker placeholder="今天" /></Form.Item>
            <Form.Item label="变更说明" name="changeNote" rules={[{ max: 500 }]}><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
          </>
        );
      default:
        return null;
    }
  };

  if (buttons.length === 0 && !(author && status === 'draft')) return <span>当前没有您可进行的操作。</span>;
  return (
    <>
      <Space wrap>
        {author && status === 'draft' && <Button type="primary" onClick={onEdit}>编辑草稿</Button>}
        {buttons.map((b) => (
          <Button key={b.action} type={b.primary && status !== 'draft' ? 'primary' : 'default'} danger={!!b.danger} onClick={() => start(b)}>{b.title}</Button>
        ))}
      </Space>
      <Modal title={dialog?.title} open={dialog !== null} onCancel={() => setDialog(null)} onOk={() => form.submit()} okText="确定" cancelText="取消"
        okButtonProps={{ danger: !!dialog?.danger }} confirmLoading={busy} destroyOnHidden>
        {dialog?.danger && <Alert type="warning" showIcon title={dialog.danger} style={{ marginBottom: 12 }} />}
        {dialog?.note && <Alert type="info" title={dialog.note} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={submit}>{fields()}</Form>
      </Modal>
    </>
  );
}
