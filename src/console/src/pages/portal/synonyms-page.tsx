/**
 * 检索同义词 (administrator): groups of interchangeable agency names for the portal search — a query
 * with one name also finds documents that use another (区住建委 ↔ 区住房和城乡建设委员会). The built-in
 * groups and every agency's full name ↔ short name already apply; these are additions.
 */
import { Alert, Button, Card, Form, Input, Popconfirm, Table, Typography } from 'antd';
import { portalApi, type SynonymGroup } from '../../api/portal.js';
import { useAnnouncer } from '../../components/announcer.js';
import { LoadError } from '../../components/load-error.js';
import { Page } from '../../components/page.js';
import { useLoad } from '../../components/use-load.js';

/** "区科委、区科学技术委员会" (顿号, commas, semicolons or new lines) → the names. */
export const phrasesOf = (text: string): string[] => [...new Set(text.split(/[、,，;；\n]+/).map((p) => p.trim()).filter(Boolean))];

export function SynonymsPage() {
  const announce = useAnnouncer();
  const list = useLoad((signal) => portalApi.synonyms(signal), []);
  const [form] = Form.useForm<{ phrases: string }>();

  const add = async (v: { phrases: string }) => {
    const phrases = phrasesOf(v.phrases);
    try {
      await portalApi.addSynonyms(phrases);
      announce.success(`已添加同义词组：${phrases.join('、')}`);
      form.resetFields();
      list.reload();
    } catch (err) {
      announce.error(err);
    }
  };
  const remove = async (g: SynonymGroup) => {
    try {
      await portalApi.removeSynonyms(g.id);
      announce.success(`已删除同义词组：${g.phrases.join('、')}`);
      list.reload();
    } catch (err) {
      announce.error(err);
    }
  };

  return (
    <Page title="检索同义词">
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="检索其中任一名称时，同时检索同组的其他名称"
        description="内置的常见简称（如“区住建委”与“区住房和城乡建设委员会”）和各机关的全称与简称已自动生效，这里只需添加其他说法。修改后门户检索立即生效。" />
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>已配置的同义词组</h2>} style={{ marginBottom: 16 }}>
        <Table<SynonymGroup> rowKey="id" size="small" pagination={false} loading={list.loading} dataSource={list.data?.groups ?? []}
          locale={{ emptyText: '尚未配置同义词组' }} columns={[
            { title: '名称', key: 'phrases', render: (_: unknown, g) => g.phrases.join('、') },
            { title: '修改时间', dataIndex: 'updatedAt', render: (v: string) => v.slice(0, 16).replace('T', ' ') },
            { title: '操作', key: 'remove', render: (_: unknown, g) => (
              <Popconfirm title={`删除同义词组“${g.phrases.join('、')}”？`} okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => remove(g)}>
                <Button size="small" danger aria-label={`删除同义词组：${g.phrases.join('、')}`}>删除</Button>
              </Popconfirm>
            ) },
          ]} />
      </Card>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>添加同义词组</h2>}>
        <Form form={form} layout="vertical" onFinish={add} style={{ maxWidth: 560 }}>
          <Form.Item label="可互换的名称" name="phrases" extra="用顿号、逗号或换行分隔，2 至 20 个名称，每个 2 至 60 字"
            rules={[{ required: true, whitespace: true, message: '请填写名称' }, {
              validator: async (_, value: string | undefined) => {
                if (value && phrasesOf(value).length < 2) throw new Error('至少需要两个不同的名称');
              },
            }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1200} />
          </Form.Item>
          <Button type="primary" htmlType="submit">添加</Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>例如：区科委、区科学技术委员会</Typography.Paragraph>
      </Card>
    </Page>
  );
}
