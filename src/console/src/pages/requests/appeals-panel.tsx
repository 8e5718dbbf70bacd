/**
 * 复议诉讼: administrative reviews and lawsuits about the request (table 四) — list, register one,
 * record its result. A case registered here belongs to the request's agency, the original acting
 * agency, which counts it even when the 复议机关 is a co-defendant; the 复议机关-as-co-defendant flag
 * (which keeps a case out of that organ's table 四) is only offered on a record of another agency, or
 * to clear it from an old record (the server refuses it on a record of the request's own agency).
 */
import { Button, Checkbox, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { requestsApi, type Appeal } from '../../api/requests.js';
import { useAnnouncer } from '../../components/announcer.js';
import { LoadError } from '../../components/load-error.js';
import { useLoad } from '../../components/use-load.js';
import { appealKindLabels, appealKinds, appealResultLabels, appealResults } from '../../labels-requests.js';
import { chineseDate } from './request-tags.js';

interface AppealForm {
  kind: Appeal['kind'];
  result: Appeal['result'];
  filedOn: Dayjs;
  decidedOn?: Dayjs | null;
  caseNumber?: string;
  organ?: string;
  reviewOrganCoDefendant?: boolean;
  note?: string;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export function AppealsPanel({ requestId, agencyId, canEdit }: { requestId: string; agencyId: string; canEdit: boolean }) {
  const list = useLoad((signal) => requestsApi.appeals(requestId, signal), [requestId]);
  const [editing, setEditing] = useState<Appeal | 'new' | null>(null);
  const announce = useAnnouncer();

  const remove = async (a: Appeal) => {
    try {
      await requestsApi.deleteAppeal(a.id);
      announce.success('已删除该记录');
      list.reload();
    } catch (err) {
      announce.error(err);
    }
  };

  return (
    <>
      {canEdit && <Button style={{ marginBottom: 12 }} onClick={() => setEditing('new')}>登记行政复议或行政诉讼</Button>}
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      <Table<Appeal>
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '没有与本申请有关的行政复议或行政诉讼' }}
        columns={[
          { title: '类型', dataIndex: 'kind', render: (k: Appeal['kind']) => appealKindLabels[k] },
          { title: '案号', dataIndex: 'caseNumber', render: (v: string) => v || '—' },
          { title: '复议机关或法院', dataIndex: 'organ', render: (v: string) => v || '—' },
          { title: '受理日期', dataIndex: 'filedOn', render: chineseDate },
          { title: '结果', dataIndex: 'result', render: (r: Appeal['result'], a) => `${appealResultLabels[r]}${a.decidedOn ? `（${chineseDate(a.decidedOn)}）` : ''}` },
          { title: '计入表四', dataIndex: 'reviewOrganCoDefendant', render: (v: boolean) => (v ? '否（仅作为复议机关共同被告）' : '是') },
          ...(canEdit ? [{
            title: '操作',
            key: 'actions',
            render: (_: unknown, a: Appeal) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(a)}>修改</Button>
                <Popconfirm title="删除该记录？" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove(a)}>
                  <Button size="small" danger>删除</Button>
                </Popconfirm>
              </Space>
            ),
          }] : []),
        ]}
      />
      {editing && (
        <AppealDialog requestId={requestId} agencyId={agencyId} appeal={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); list.reload(); }} />
      )}
    </>
  );
}

function AppealDialog({ requestId, agencyId, appeal, onClose, onSaved }: { requestId: string; agencyId: string; appeal: Appeal | null; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm<AppealForm>();
  const [busy, setBusy] = useState(false);
  const announce = useAnnouncer();
  // the flag belongs on the 复议机关's record, never on the request's own agency's (rules §1.6)
  const flagApplies = appeal !== null && (appeal.agencyId !== agencyId || appeal.reviewOrganCoDefendant);
  const initial: Partial<AppealForm> = appeal
    ? { kind: appeal.kind, result: appeal.result, filedOn: dayjs(appeal.filedOn), decidedOn: appeal.decidedOn ? dayjs(appeal.decidedOn) : null, caseNumber: appeal.caseNumber, organ: appeal.organ, reviewOrganCoDefendant: appeal.reviewOrganCoDefendant, note: appeal.note }
    : { kind: 'review', result: 'pending', reviewOrganCoDefendant: false };

  const save = async (v: AppealForm) => {
    setBusy(true);
    const fields = {
      kind: v.kind, result: v.result, filedOn: day(v.filedOn)!, decidedOn: day(v.decidedOn), caseNumber: v.caseNumber?.trim() ?? '', organ: v.organ?.trim() ?? '',
      reviewOrganCoDefendant: !!v.reviewOrganCoDefendant, note: v.note?.trim() ?? '',
    };
    try {
      if (appeal) await requestsApi.updateAppeal(appeal.id, { ...fields, version: appeal.version });
      else await requestsApi.createAppeal({ ...fields, agencyId, requestId });
      announce.success(appeal ? '已保存' : '已登记');
      onSaved();
    } catch (err) {
      announce.error(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={appeal ? '修改行政复议或行政诉讼' : '登记行政复议或行政诉讼'} open onCancel={onClose} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      <Form<AppealForm> form={form} layout="vertical" initialValues={initial} onFinish={save}>
        <Form.Item label="类型" name="kind" rules={[{ required: true }]}>
          <Select options={appealKinds.map((k) => ({ value: k, label: appealKindLabels[k] }))} />
        </Form.Item>
        <Form.Item label="受理（立案）日期" name="filedOn" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="案号" name="caseNumber" rules={[{ max: 100 }]}><Input /></Form.Item>
        <Form.Item label="复议机关或法院" name="organ" rules={[{ max: 100 }]}><Input /></Form.Item>
        <Form.Item label="结果" name="result" rules={[{ required: true }]}>
          <Select options={appealResults.map((r) => ({ value: r, label: appealResultLabels[r] }))} />
        </Form.Item>
        <Form.Item label="审结日期" name="decidedOn"><DatePicker style={{ width: 200 }} /></Form.Item>
        {flagApplies ? (
          <Form.Item name="reviewOrganCoDefendant" valuePropName="checked" extra="仅复议机关登记的记录可勾选：复议机关作共同被告的，不计入复议机关表四；作出原行政行为的机关照常计入本机关表四（国办公开办函〔2016〕201号）">
            <Checkbox>本机关仅作为复议机关共同被告</Checkbox>
          </Form.Item>
        ) : (
          <Typography.Paragraph type="secondary">复议后起诉且复议机关为共同被告的，本机关作为原行政行为机关照常计入本机关表四；复议机关另行登记，不计入复议机关表四（国办公开办函〔2016〕201号）。</Typography.Paragraph>
        )}
        <Form.Item label="备注" name="note" rules={[{ max: 2000 }]}><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
      </Form>
    </Modal>
  );
}
