/**
 * The dialog of one lifecycle action: the fields its body needs (action-specs.ts), the event's legal
 * date, a warning for consequential actions, and the call with the version the user saw. The API
 * answers the request's new detail, handed back through onDone.
 */
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, api } from '../../api/client.js';
import { requestsApi, type RequestAction, type RequestDetail } from '../../api/requests.js';
import type { AgencyDirectoryEntryView, UserList } from '../../api/types.js';
import { useAnnouncer } from '../../components/announcer.js';
import { useLoad } from '../../components/use-load.js';
import { outcomeGroup, outcomeGroupLabels, outcomeLabels, replyBases, requestActionLabels } from '../../labels-requests.js';
import { useSession } from '../../session.js';
import { actionSpecs, type FieldSpec } from './action-specs.js';

type Values = Record<string, unknown>;

/** The form item name of a body key ("values.reason" → "values_reason"). */
const itemName = (name: string): string => name.replace('.', '_');

/** The fields shown for these values (a field with `when` only while the other field has one of its values). */
export const visibleFields = (fields: readonly FieldSpec[], v: Values | undefined): FieldSpec[] =>
  fields.filter((f) => !f.when || f.when.in.includes(String(v?.[itemName(f.when.field)] ?? '')));

/**
 * Form values → the action's body: only the visible fields, dates as YYYY-MM-DD, blanks dropped,
 * "a.b" nested into body.a (values.* of draftReply, waiver.* of the fee notice).
 */
export function toActionBody(fields: readonly FieldSpec[], v: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const on = v.on as Dayjs | null | undefined;
  if (on) body.on = on.format('YYYY-MM-DD');
  for (const f of visibleFields(fields, v)) {
    let value = v[itemName(f.name)];
    if (value === undefined || value === null || value === '') {
      if (f.kind === 'assignee') body[f.name] = null;
      continue;
    }
    if (f.kind === 'date') value = (value as Dayjs).format('YYYY-MM-DD');
    if (typeof value === 'string') value = value.trim();
    if (value === '') continue;
    const dot = f.name.indexOf('.');
    if (dot < 0) body[f.name] = value;
    else {
      const group = f.name.slice(0, dot);
      body[group] = { ...(body[group] as Record<string, unknown> | undefined), [f.name.slice(dot + 1)]: value };
    }
  }
  return body;
}

const basisOptions = () => {
  const groups = new Map<string, { label: string; options: { value: string; label: string }[] }>();
  for (const b of replyBases) {
    const g = outcomeGroup(b.outcome);
    if (!groups.has(g)) groups.set(g, { label: outcomeGroupLabels[g], options: [] });
    const where = b.citation ? `（${b.citation.replace('《中华人民共和国政府信息公开条例》', '条例')}）` : '';
    groups.get(g)!.options.push({ value: b.key, label: `${outcomeLabels[b.outcome]}：${b.label}${where}` });
  }
  return [...groups.values()];
};

export function ActionDialog({ detail, action, onClose, onDone, onStale }: {
  detail: RequestDetail;
  action: RequestAction | null;
  onClose(): void;
  onDone(next: RequestDetail): void;
  /** The request changed meanwhile (409): reload it. */
  onStale(): void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const announce = useAnnouncer();
  const { me } = useSession();
  const spec = action ? actionSpecs[action] : null;
  const kinds = new Set(spec?.fields.map((f) => f.kind));
  const needsAgencies = kinds.has('agency');
  const canListUsers = kinds.has('assignee') && (me.user.role === 'admin' || me.user.role === 'supervisor');
  const directory = useLoad(async (signal) => (needsAgencies ? (await api.get<{ agencies: AgencyDirectoryEntryView[] }>('/api/agencies/directory', undefined, { signal })).agencies : []), [needsAgencies]);
  const users = useLoad(async (signal) => (canListUsers ? (await api.get<UserList>('/api/users', undefined, { signal })).users : []), [canListUsers]);
  const watched = Form.useWatch([], form) as Values | undefined;

  useEffect(() => {
    if (action) {
      form.resetFields();
      form.setFieldsValue({ assigneeId: detail.request.assigneeId ?? undefined });
    }
  }, [action, form, detail.request.assigneeId]);

  const assigneeOptions = useMemo(() => {
    const list = [{ value: me.user.id ?? '', label: `本人（${me.user.displayName}）` }];
    for (const u of users.data ?? []) {
      if (u.id !== me.user.id && u.agencyId === detail.request.agencyId && u.active && (u.role === 'handler' || u.role === 'head')) list.push({ value: u.id, label: `${u.displayName}（${u.roleLabel}）` });
    }
    return list.filter((o) => o.value);
  }, [users.data, me.user, detail.request.agencyId]);

  if (!action || !spec) return null;
  // the server's today (its clock), not the browser's: a date after it is refused
  const today = detail.clock?.today ? dayjs(detail.clock.today) : dayjs();

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const next = await requestsApi.action(detail.request.id, action, detail.request.version, toActionBody(spec.fields, v) as never);
      announce.success(`已完成：${requestActionLabels[action]}`);
      onDone(next);
    } catch (err) {
      announce.error(err);
      if (err instanceof ApiError && err.status === 409) {
        onClose();
        onStale();
      }
    } finally {
      setBusy(false);
    }
  };

  const input = (f: FieldSpec) => {
    switch (f.kind) {
      case 'textarea': return <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={f.max} showCount={!!f.max && f.max >= 1000} />;
      case 'date': return <DatePicker style={{ width: '100%' }} />;
      case 'integer': return <InputNumber min={f.min} max={f.max} precision={0} style={{ width: 200 }} />;
      case 'select': return <Select options={f.options ? [...f.options] : []} {...(f.placeholder !== undefined && { placeholder: f.placeholder, allowClear: true })} />;
      case 'agency':
        return <Select showSearch={{ optionFilterProp: 'label' }} loading={directory.loading} options={(directory.data ?? []).filter((a) => a.id !== detail.request.agencyId).map((a) => ({ value: a.id, label: a.name }))} />;
      case 'assignee': return <Select allowClear placeholder="（不分派）" options={assigneeOptions} />;
      case 'basis': return <Select showSearch={{ optionFilterProp: 'label' }} options={basisOptions()} popupMatchSelectWidth={false} />;
      default: return <Input maxLength={f.max} />;
    }
  };

  const visible = visibleFields(spec.fields, watched);
  return (
    <Modal
      title={requestActionLabels[action]}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确定"
      cancelText="取消"
      okButtonProps={{ danger: !!spec.danger }}
      confirmLoading={busy}
      destroyOnHidden
      width={600}
    >
      {spec.danger && <Alert type="warning" showIcon title={spec.danger} style={{ marginBottom: 12 }} />}
      {spec.note && <Alert type="info" title={spec.note} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        {visible.map((f) => (
          <Form.Item key={f.name} name={itemName(f.name)} label={f.label} extra={f.extra}
            rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : []}>
            {input(f)}
          </Form.Item>
        ))}
        <Form.Item name="on" label={spec.dateLabel ?? '日期'} extra="事件的法定日期；不填即为今天。不得晚于今天，也不得早于上一办理事件">
          <DatePicker style={{ width: 200 }} placeholder="今天" disabledDate={(d) => d.isAfter(today, 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
