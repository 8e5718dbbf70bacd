/**
 * 文书: the request's letters (告知书、通知书) — status, edit a draft (text with the template's
 * “〔请填写：…〕” markers listed), download as DOCX or PDF. Approval and issue are lifecycle actions
 * (the buttons above, driven by the request's allowed actions).
 */
import { Alert, Button, Drawer, Form, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { requestsApi, type Letter } from '../../api/requests.js';
import { useAnnouncer } from '../../components/announcer.js';
import { StatusTag, type Tone } from '../../components/status-tag.js';
import { formatInstant } from '../../labels.js';
import { letterKindLabels, letterStatusLabels, unfilledMarkers } from '../../labels-requests.js';
import { chineseDate } from './request-tags.js';

const statusTones: Readonly<Record<Letter['status'], Tone>> = { draft: 'warning', submitted: 'info', approved: 'info', issued: 'success', superseded: 'neutral' };
const kindLabel = (k: string) => (letterKindLabels as Record<string, string>)[k] ?? k;

export function LettersPanel({ letters, canEdit, onChanged }: { letters: readonly Letter[]; canEdit: boolean; onChanged(): void }) {
  const [editing, setEditing] = useState<Letter | null>(null);
  return (
    <>
      <Table<Letter>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...letters]}
        locale={{ emptyText: '暂无文书。起草答复后，答复告知书会出现在这里。' }}
        columns={[
          { title: '文书', dataIndex: 'title', render: (t: string, l) => <>{t}<br /><Typography.Text type="secondary">{kindLabel(l.kind)}</Typography.Text></> },
          { title: '状态', dataIndex: 'status', render: (s: Letter['status']) => <StatusTag tone={statusTones[s]}>{letterStatusLabels[s]}</StatusTag> },
          { title: '发出日期', dataIndex: 'issuedOn', render: (d: string | null) => chineseDate(d) },
          { title: '更新时间', dataIndex: 'updatedAt', render: (v: string) => formatInstant(v) },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, l) => (
              <Space size={4} wrap>
                <Button size="small" onClick={() => setEditing(l)}>{l.status === 'draft' && canEdit ? '查看、修改' : '查看'}</Button>
                <Button size="small" href={requestsApi.letterFileUrl(l.id, 'docx')} download aria-label={`下载 DOCX：${l.title}`}>下载 DOCX</Button>
                <Button size="small" href={requestsApi.letterFileUrl(l.id, 'pdf')} download aria-label={`下载 PDF：${l.title}`}>下载 PDF</Button>
              </Space>
            ),
          },
        ]}
      />
      <LetterEditor letter={editing} canEdit={canEdit} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); onChanged(); }} />
    </>
  );
}

function LetterEditor({ letter, canEdit, onClose, onSaved }: { letter: Letter | null; canEdit: boolean; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm<{ title: string; body: string }>();
  const [busy, setBusy] = useState(false);
  const announce = useAnnouncer();
  const body = Form.useWatch('body', form) as string | undefined;
  const editable = !!letter && canEdit && letter.status === 'draft';
  const markers = unfilledMarkers(body ?? letter?.body ?? '');

  const save = async (v: { title: string; body: string }) => {
    if (!letter) return;
    setBusy(true);
    try {
      await requestsApi.updateLetter(letter.id, { version: letter.version, title: v.title, body: v.body });
      announce.success('文书草稿已保存');
      onSaved();
    } catch (err) {
      announce.error(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      title={letter ? `${kindLabel(letter.kind)}：${letter.title}` : '文书'}
      open={letter !== null}
      onClose={onClose}
      size={760}
      destroyOnHidden
      afterOpenChange={(open) => open && letter && form.setFieldsValue({ title: letter.title, body: letter.body })}
      extra={editable && <Space><Button onClick={onClose}>取消</Button><Button type="primary" loading={busy} onClick={() => form.submit()}>保存草稿</Button></Space>}
    >
      {markers.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`尚有 ${markers.length} 处待填写内容，填写后才能发出`} description={[...new Set(markers)].join('、')} />
      )}
      {!editable && letter && letter.status === 'draft' && <Alert type="info" title="您的账号不能修改该文书。" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={save} disabled={!editable}>
        <Form.Item label="标题" name="title" rules={[{ required: true, message: '请填写标题' }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item label="正文" name="body" extra="纯文本，段落之间空一行；“〔请填写：…〕”为待填写内容" rules={[{ required: true, message: '请填写正文' }, { max: 20000 }]}>
          <Input.TextArea autoSize={{ minRows: 16, maxRows: 40 }} style={{ fontFamily: '"FangSong", "STFangsong", "Noto Serif CJK SC", serif', fontSize: 15, lineHeight: 1.8 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
