/** 附件: files of a request (公开的信息 sent with the reply, the application as received, others): upload, download, delete. */
import { Button, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api } from '../../api/client.js';
import { requestsApi, type Attachment } from '../../api/requests.js';
import { useAnnouncer } from '../../components/announcer.js';
import { formatInstant } from '../../labels.js';
import { attachmentPurposeLabels, attachmentPurposes } from '../../labels-requests.js';

type Purpose = Attachment['purpose'];
const accept = '.pdf,.ofd,.docx,.xlsx,.doc,.xls,.zip,.jpg,.jpeg,.png,.gif,.txt';

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${Math.ceil(n / 1024)} KB` : `${n} 字节`);

export function AttachmentsPanel({ requestId, attachments, canEdit, onChanged }: { requestId: string; attachments: readonly Attachment[]; canEdit: boolean; onChanged(): void }) {
  const [purpose, setPurpose] = useState<Purpose>('released');
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const announce = useAnnouncer();

  const upload = async () => {
    const chosen = file.current?.files?.[0];
    if (!chosen) {
      announce.error('请先选择文件');
      return;
    }
    setBusy(true);
    try {
      const form = new FormData();
      form.append('purpose', purpose);
      form.append('file', chosen, chosen.name);
      await api.upload(`/api/requests/${encodeURIComponent(requestId)}/attachments`, form);
      announce.success(`已上传“${chosen.name}”`);
      if (file.current) file.current.value = '';
      onChanged();
    } catch (err) {
      announce.error(err);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (a: Attachment) => {
    try {
      await requestsApi.deleteAttachment(a.id);
      announce.success(`已删除“${a.fileName}”`);
      onChanged();
    } catch (err) {
      announce.error(err);
    }
  };

  return (
    <>
      {canEdit && (
        <Space wrap style={{ marginBottom: 12 }} role="group" aria-label="上传附件">
          <label htmlFor="gk-attachment-file">文件</label>
          <input id="gk-attachment-file" type="file" ref={file} accept={accept} />
          <Select<Purpose> aria-label="附件用途" value={purpose} onChange={setPurpose} style={{ width: 150 }}
            options={attachmentPurposes.map((p) => ({ value: p, label: attachmentPurposeLabels[p] }))} />
          <Button onClick={upload} loading={busy}>上传</Button>
          <Typography.Text type="secondary">PDF、OFD、Word、Excel、图片、文本或 ZIP，单个不超过 50 MB</Typography.Text>
        </Space>
      )}
      <Table<Attachment>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...attachments]}
        locale={{ emptyText: '暂无附件' }}
        columns={[
          { title: '文件名', dataIndex: 'fileName', render: (n: string, a) => <a href={requestsApi.attachmentFileUrl(a.id)} download>{n}</a> },
          { title: '用途', dataIndex: 'purpose', render: (p: Purpose) => attachmentPurposeLabels[p] },
          { title: '大小', dataIndex: 'sizeBytes', render: size },
          { title: '上传时间', dataIndex: 'createdAt', render: (v: string) => formatInstant(v) },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, a) => (canEdit && !a.letterId ? (
              <Popconfirm title={`删除“${a.fileName}”？`} okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove(a)}>
                <Button size="small" danger aria-label={`删除：${a.fileName}`}>删除</Button>
              </Popconfirm>
            ) : a.letterId ? '已随答复发出' : null),
          },
        ]}
      />
    </>
  );
}
