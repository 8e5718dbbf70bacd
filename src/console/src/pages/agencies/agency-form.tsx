/**
 * The agency form (drawer): administrators edit everything and create agencies; a supervisor (its
 * subtree) and an agency head (its own agency) edit the short name and the 第十二条 office details.
 */
import { Button, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import type { AgencyView, CreateAgencyBody, UpdateAgencyBody } from '../../api/types.js';
import { useAnnouncer } from '../../components/announcer.js';
import { agencyKindLabels, agencyKinds, disclosureOfficeFields, disclosureOfficeLabels } from '../../labels.js';

type Office = AgencyView['office'];

interface AgencyFormValues {
  parentId: string | null;
  kind: AgencyView['kind'];
  name: string;
  shortName: string;
  creditCode: string;
  sortOrder: number;
  office: Office;
}

export interface AgencyFormProps {
  /** The agency to edit, or null to create one (administrators). */
  readonly agency: AgencyView | null;
  /** Parent for a new agency. */
  readonly parentId?: string | null;
  readonly open: boolean;
  readonly adminFields: boolean;
  readonly agencies: readonly AgencyView[];
  onClose(): void;
  onSaved(saved: AgencyView): void;
}

const officeHints: Partial<Record<keyof Office, string>> = {
  officeHours: '例如：工作日 9:00—12:00，14:00—17:00',
  website: '网站或在线申请入口',
};

export function AgencyForm({ agency, parentId, open, adminFields, agencies, onClose, onSaved }: AgencyFormProps) {
  const [form] = Form.useForm<AgencyFormValues>();
  const [busy, setBusy] = useState(false);
  const announce = useAnnouncer();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(agency
      ? { parentId: agency.parentId, kind: agency.kind, name: agency.name, shortName: agency.shortName, creditCode: agency.creditCode, sortOrder: agency.sortOrder, office: agency.office }
      : { parentId: parentId ?? null, kind: 'department', name: '', shortName: '', creditCode: '', sortOrder: 0 });
  }, [open, agency, parentId, form]);

  // an agency cannot move under itself or one of its descendants
  const parentOptions = agencies
    .filter((a) => !agency || (a.id !== agency.id && !isBelow(agencies, a, agency.id)))
    .map((a) => ({ value: a.id, label: `${'\u3000'.repeat(a.depth)}${a.name}` }));

  const save = async (v: AgencyFormValues) => {
    setBusy(true);
    try {
      const office = Object.fromEntries(disclosureOfficeFields.map((k) => [k, v.office?.[k] ?? ''])) as Office;
      let saved: AgencyView;
      if (agency) {
        const body: UpdateAgencyBody = adminFields
          ? { parentId: v.parentId ?? null, kind: v.kind, name: v.name, shortName: v.shortName ?? '', creditCode: v.creditCode ?? '', sortOrder: v.sortOrder ?? 0, office }
          : { shortName: v.shortName ?? '', office };
        saved = await api.patch<AgencyView>(`/api/agencies/${encodeURIComponent(agency.id)}`, body);
        announce.success(`已保存“${saved.name}”`);
      } else {
        const body: CreateAgencyBody = { parentId: v.parentId ?? null, kind: v.kind, name: v.name, shortName: v.shortName ?? '', creditCode: v.creditCode ?? '', sortOrder: v.sortOrder ?? 0, office };
        saved = await api.post<AgencyView>('/api/agencies', body);
        announce.success(`已新建机关“${saved.name}”`);
      }
      onSaved(saved);
    } catch (err) {
      announce.error(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      title={agency ? `修改：${agency.name}` : '新建机关'}
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>保存</Button>
        </Space>
      }
    >
      <Form<AgencyFormValues> form={form} layout="vertical" onFinish={save}>
        {adminFields && (
          <>
            <Form.Item label="机关全称" name="name" rules={[{ required: true, whitespace: true, message: '请输入机关全称' }, { max: 100 }]}>
              <Input />
            </Form.Item>
            <Form.Item label="类别" name="kind" rules={[{ required: true, message: '请选择类别' }]}>
              <Select options={agencyKinds.map((k) => ({ value: k, label: agencyKindLabels[k] }))} />
            </Form.Item>
            <Form.Item label="上级机关" name="parentId" extra="留空表示顶层（如区人民政府）">
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={parentOptions} placeholder="（顶层）" />
            </Form.Item>
          </>
        )}
        <Form.Item label="简称" name="shortName" extra="用于列表显示，留空则用全称" rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
        {adminFields && (
          <>
            <Form.Item label="统一社会信用代码" name="creditCode" rules={[{ max: 30 }]}>
              <Input />
            </Form.Item>
            <Form.Item label="排序" name="sortOrder" extra="同级机关按此数字从小到大排列">
              <InputNumber min={-100000} max={100000} style={{ width: 160 }} />
            </Form.Item>
          </>
        )}
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 15, fontWeight: 600, marginBottom: 12 }}>政府信息公开工作机构（条例第十二条，用于公开指南）</legend>
          {disclosureOfficeFields.map((k) => (
            <Form.Item key={k} label={disclosureOfficeLabels[k]} name={['office', k]} extra={officeHints[k]} rules={[{ max: k === 'website' ? 300 : 200 }]}>
              <Input />
            </Form.Item>
          ))}
        </fieldset>
      </Form>
    </Drawer>
  );
}

const isBelow = (agencies: readonly AgencyView[], a: AgencyView, ancestorId: string): boolean => {
  const byId = new Map(agencies.map((x) => [x.id, x]));
  for (let p = a.parentId; p; p = byId.get(p)?.parentId ?? null) if (p === ancestorId) return true;
  return false;
};
