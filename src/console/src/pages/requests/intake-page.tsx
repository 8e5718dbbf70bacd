/**
 * 登记申请: staff entry of a request that came in person, by mail, fax or e-mail (第二十九条), with
 * the arrival date and the 第三十一条 receipt rules of its channel. A key made when the form opens
 * makes a double click or a retry register one request. After saving: the reference and the 查询码
 * (shown only this once) to hand to the applicant.
 */
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, Result, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { requestsApi, type CreateRequestBody, type CreateRequestResult } from '../../api/requests.js';
import { useAnnouncer } from '../../components/announcer.js';
import { Page } from '../../components/page.js';
import { useLoad } from '../../components/use-load.js';
import {
  applicantKindLabels, applicantKinds, channelNeedsConfirmation, channelReceiptRule, checkIdNumber, idDocumentLabels, organizationDocumentTypes,
  personDocumentTypes, requestChannelLabels, requestChannels, wantedDeliveries, wantedDeliveryLabels, wantedFormLabels, wantedForms,
} from '../../labels-requests.js';
import { Link } from '../../router.js';
import { useSession } from '../../session.js';

type Fields = CreateRequestBody['applicant'];
interface IntakeForm extends Omit<CreateRequestBody, 'arrivedOn' | 'signedOn' | 'confirmedOn' | 'intakeKey'> {
  arrivedOn: Dayjs;
  signedOn?: Dayjs | null;
  confirmedOn?: Dayjs | null;
}

const staffChannels = requestChannels.filter((c) => c !== 'internet');
// getRandomValues, not randomUUID: the latter needs a secure context (a LAN install may be plain HTTP)
const newKey = () => `console-${Array.from(window.crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

export function IntakePage() {
  const { me, agencyId } = useSession();
  const announce = useAnnouncer();
  const [form] = Form.useForm<IntakeForm>();
  const [key, setKey] = useState(newKey);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<CreateRequestResult | null>(null);
  // the server's today (its clock), for defaults and limits
  const today = useLoad(async (signal) => dayjs((await requestsApi.worklist({ pageSize: 1 }, signal)).today), []);
  const max = today.data ?? dayjs();
  useEffect(() => {
    if (today.data && !form.isFieldTouched('arrivedOn')) form.setFieldValue('arrivedOn', today.data);
  }, [today.data, form]);
  const channel = Form.useWatch('channel', form) as IntakeForm['channel'] | undefined;
  const kind = Form.useWatch(['applicant', 'applicantKind'], form) as Fields['applicantKind'] | undefined;
  const idType = Form.useWatch(['applicant', 'idType'], form) as Fields['idType'] | undefined;
  const person = kind === undefined || kind === 'naturalPerson';
  const agencies = useMemo(() => me.visibleAgencies.map((a) => ({ value: a.id, label: a.name })), [me.visibleAgencies]);

  const submit = async (v: IntakeForm) => {
    setBusy(true);
    const clean = Object.fromEntries(Object.entries(v.applicant).map(([k, x]) => [k, typeof x === 'string' ? x.trim() : x]).filter(([, x]) => x !== undefined && x !== '')) as Fields;
    const body: CreateRequestBody = {
      agencyId: v.agencyId, channel: v.channel, applicant: clean, arrivedOn: day(v.arrivedOn)!, oral: !!v.oral, intakeKey: key,
      ...(v.channel === 'registeredMail' && v.signedOn && { signedOn: day(v.signedOn) }),
      ...(channelNeedsConfirmation(v.channel) && v.confirmedOn && { confirmedOn: day(v.confirmedOn) }),
    };
    try {
      const result = await requestsApi.create(body);
      setDone(result);
      announce.success(result.duplicate ? `该申请已登记过：${result.request.reference}` : `已登记申请 ${result.request.reference}`);
    } catch (err) {
      announce.error(err);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Page title="登记申请">
        <Result
          status="success"
          title={done.duplicate ? `该申请此前已登记：${done.request.reference}` : `已登记：申请编号 ${done.request.reference}`}
          subTitle={done.trackingCode ? <>查询码：<Typography.Text strong copyable style={{ fontSize: 18 }}>{done.trackingCode}</Typography.Text>（只显示这一次，请告知申请人，用于在门户网站查询办理进度）</> : '重复提交不会再次登记，也不会再次生成查询码。'}
          extra={[
            <Link key="open" to={`/requests/${done.request.id}`}>打开该申请</Link>,
            <Button key="again" onClick={() => { setDone(null); setKey(newKey()); form.resetFields(); if (today.data) form.setFieldValue('arrivedOn', today.data); }}>继续登记</Button>,
          ]}
        />
      </Page>
    );
  }

  const idProblem = (value: string | undefined) => {
    if (!value || !idType) return Promise.resolve();
    const check = checkIdNumber(idType, value, max.format('YYYY-MM-DD'));
    return check.problem ? Promise.reject(new Error(check.problem)) : Promise.resolve();
  };

  return (
    <Page title="登记申请">
      <Form<IntakeForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          agencyId: agencyId ?? me.user.agencyId ?? undefined, channel: 'inPerson', oral: false,
          applicant: { applicantKind: 'naturalPerson', idType: 'residentId', wantedForm: 'paper', wantedDelivery: 'mail' },
        }}
      >
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>收件</h2>} style={{ marginBottom: 16 }}>
              <Form.Item label="受理机关" name="agencyId" rules={[{ required: true, message: '请选择受理机关' }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={agencies} />
              </Form.Item>
              <Form.Item label="提交方式" name="channel" rules={[{ required: true }]} extra={channel ? channelReceiptRule[channel] : undefined}>
                <Select options={staffChannels.map((c) => ({ value: c, label: requestChannelLabels[c] }))} />
              </Form.Item>
              <Form.Item label="到达日期" name="arrivedOn" rules={[{ required: true, message: '请选择到达日期' }]} extra="当面提交之日，或邮件、传真、电子邮件到达之日">
                <DatePicker style={{ width: 200 }} disabledDate={(d) => d.isAfter(max, 'day')} />
              </Form.Item>
              {channel === 'registeredMail' && (
                <Form.Item label="签收日期" name="signedOn" extra="与到达日期不同时填写">
                  <DatePicker style={{ width: 200 }} disabledDate={(d) => d.isAfter(max, 'day')} />
                </Form.Item>
              )}
              {channel && channelNeedsConfirmation(channel) && (
                <Form.Item label="与申请人确认日期" name="confirmedOn" extra="已与申请人确认收到的填写；未确认的，登记后在申请页“确认收到申请”">
                  <DatePicker style={{ width: 200 }} disabledDate={(d) => d.isAfter(max, 'day')} />
                </Form.Item>
              )}
              <Form.Item name="oral" valuePropName="checked">
                <Checkbox>申请人口头提出，由工作人员代为填写（第二十九条）</Checkbox>
              </Form.Item>
            </Card>
            <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>申请内容</h2>}>
              <Form.Item label="所需政府信息的名称、文号或便于查询的其他特征性描述" name={['applicant', 'description']} rules={[{ required: true, whitespace: true, message: '请填写所需信息' }, { max: 2000 }]}>
                <Input.TextArea autoSize={{ minRows: 4 }} showCount maxLength={2000} />
              </Form.Item>
              <Form.Item label="文件名称、文号" name={['applicant', 'documentNumber']} rules={[{ max: 100 }]}><Input /></Form.Item>
              <Form.Item label="信息的载体形式" name={['applicant', 'wantedForm']} rules={[{ required: true }]}>
                <Select options={wantedForms.map((f) => ({ value: f, label: wantedFormLabels[f] }))} />
              </Form.Item>
              <Form.Item label="获取信息的方式" name={['applicant', 'wantedDelivery']} rules={[{ required: true }]}>
                <Select options={wantedDeliveries.map((d) => ({ value: d, label: wantedDeliveryLabels[d] }))} />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>申请人</h2>}>
              <Form.Item label="申请人类型" name={['applicant', 'applicantKind']} rules={[{ required: true }]}>
                <Select
                  options={applicantKinds.map((k) => ({ value: k, label: applicantKindLabels[k] }))}
                  onChange={(k: Fields['applicantKind']) => form.setFieldValue(['applicant', 'idType'], k === 'naturalPerson' ? 'residentId' : 'creditCode')}
                />
              </Form.Item>
              <Form.Item label={person ? '姓名' : '名称'} name={['applicant', 'name']} rules={[{ required: true, whitespace: true, message: person ? '请填写姓名' : '请填写名称' }, { max: 100 }]}><Input /></Form.Item>
              <Form.Item label="证件类型" name={['applicant', 'idType']} rules={[{ required: true }]}>
                <Select options={(person ? personDocumentTypes : organizationDocumentTypes).map((t) => ({ value: t, label: idDocumentLabels[t] }))} />
              </Form.Item>
              <Form.Item label="证件号码" name={['applicant', 'idNumber']} dependencies={[['applicant', 'idType']]} validateTrigger="onBlur"
                rules={[{ required: true, whitespace: true, message: '请填写证件号码' }, { validator: (_, v: string | undefined) => idProblem(v) }]}>
                <Input autoComplete="off" spellCheck={false} />
              </Form.Item>
              {!person && <Form.Item label="联系人" name={['applicant', 'contactPerson']} rules={[{ max: 50 }]}><Input /></Form.Item>}
              <Form.Item label="联系电话" name={['applicant', 'phone']} rules={[{ max: 30 }]}><Input autoComplete="off" /></Form.Item>
              <Form.Item label="电子邮箱" name={['applicant', 'email']} rules={[{ max: 100 }, { type: 'email', message: '电子邮箱格式不正确' }]}><Input autoComplete="off" /></Form.Item>
              <Form.Item label="通信地址" name={['applicant', 'address']} dependencies={[['applicant', 'wantedDelivery']]}
                rules={[{ max: 200 }, ({ getFieldValue }) => ({ required: getFieldValue(['applicant', 'wantedDelivery']) === 'mail', whitespace: true, message: '选择邮寄时请填写通信地址' })]}>
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item label="邮政编码" name={['applicant', 'postalCode']} rules={[{ pattern: /^\d{6}$/, message: '邮政编码为 6 位数字' }]}><Input style={{ width: 160 }} /></Form.Item>
            </Card>
            <Alert type="info" style={{ marginTop: 16 }} title="请至少填写一种联系方式（电话、电子邮箱或通信地址）。申请人的身份证明、联系方式等个人信息仅用于办理本申请，列表中脱敏显示。" />
            <div style={{ marginTop: 16 }}>
              <Button type="primary" htmlType="submit" size="large" loading={busy}>登记申请</Button>
            </div>
          </Col>
        </Row>
      </Form>
    </Page>
  );
}
