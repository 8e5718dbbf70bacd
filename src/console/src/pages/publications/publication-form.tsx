/**
 * The fields of a publication's version (metadata, summary, rich-text body, validity), for a new item
 * and for editing the open draft. `toBody` turns the values into the API's create/update body.
 */
import { Col, DatePicker, Form, Input, Row, Select, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { PublicationDetail } from '../../api/publications.js';
import { RichTextEditor } from '../../components/rich-text.js';
import { article20ItemLabel, article20Items, docTypeLabels, docTypes, validities, validityLabels } from '../../labels-publications.js';
import type { Vocabularies } from './use-vocabularies.js';

export interface PublicationValues {
  agencyId?: string;
  title: string;
  documentNumber?: string;
  publisher?: string;
  writtenOn?: Dayjs | null;
  formedOn?: Dayjs | null;
  topic?: string;
  genre?: string;
  disclosureMethod?: string;
  docType?: 'regulation' | 'normativeDocument' | 'other';
  article20Item?: number | null;
  summary?: string;
  bodyHtml?: string;
  validity?: 'valid' | 'expired' | 'repealed';
  effectiveOn?: Dayjs | null;
  validityEndedOn?: Dayjs | null;
  validityNote?: string;
  changeNote?: string;
  sourceRequestIds?: string[];
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Values → body fields shared by create and update (blank dates as null, '' kept for text). */
export function toBody(v: PublicationValues) {
  return {
    title: v.title.trim(),
    documentNumber: v.documentNumber?.trim() ?? '',
    ...(v.publisher !== undefined && { publisher: v.publisher.trim() }),
    writtenOn: day(v.writtenOn),
    ...(v.formedOn && { formedOn: day(v.formedOn)! }),
    topic: v.topic ?? '',
    genre: v.genre ?? '',
    ...(v.disclosureMethod !== undefined && { disclosureMethod: v.disclosureMethod ?? '' }),
    docType: v.docType ?? 'other',
    article20Item: v.article20Item ?? null,
    summary: v.summary?.trim() ?? '',
    bodyHtml: v.bodyHtml ?? '',
    validity: v.validity ?? 'valid',
    effectiveOn: day(v.effectiveOn),
    validityEndedOn: day(v.validityEndedOn),
    validityNote: v.validityNote?.trim() ?? '',
    ...(v.changeNote !== undefined && { changeNote: v.changeNote.trim() }),
    ...(v.sourceRequestIds && v.sourceRequestIds.length > 0 && { sourceRequestIds: v.sourceRequestIds }),
  };
}

/** The open draft of a detail as form values. */
export function valuesOf(d: PublicationDetail): PublicationValues {
  const p = d.publication;
  const v = d.open?.version ?? d.versions.at(-1);
  const date = (s: string | null | undefined) => (s ? dayjs(s) : null);
  return {
    title: v?.title ?? p.title, documentNumber: v?.documentNumber ?? '', publisher: v?.publisher ?? '', writtenOn: date(v?.writtenOn), formedOn: date(v?.formedOn),
    topic: v?.topic || undefined, genre: v?.genre || undefined, disclosureMethod: v?.disclosureMethod || undefined,
    docType: (v?.docType ?? 'other') as PublicationValues['docType'], article20Item: v?.article20Item ?? null, summary: v?.summary ?? '', bodyHtml: v?.bodyHtml ?? '',
    validity: p.validity as PublicationValues['validity'], effectiveOn: date(p.effectiveOn), validityEndedOn: date(p.validityEndedOn), validityNote: p.validityNote,
    changeNote: v?.changeNote ?? '',
  };
}

export function PublicationForm({ form, vocab, onFinish, agencies, isChange, maxDate }: {
  form: FormInstance<PublicationValues>;
  vocab: Vocabularies | undefined;
  onFinish(v: PublicationValues): void;
  /** Agencies to choose from (a new item only). */
  agencies?: { value: string; label: string }[];
  /** A later version: ask what changed. */
  isChange?: boolean;
  maxDate: Dayjs;
}) {
  const terms = (k: 'topic' | 'genre' | 'disclosureMethod') => (vocab?.[k] ?? []).filter((t) => t.active).map((t) => ({ value: t.code, label: t.label }));
  const future = (d: Dayjs) => d.isAfter(maxDate, 'day');
  return (
    <Form<PublicationValues> form={form} layout="vertical" onFinish={onFinish}>
      <Row gutter={16}>
        {agencies && (
          <Col xs={24} md={12}>
            <Form.Item label="发布机关" name="agencyId" rules={[{ required: true, message: '请选择机关' }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={agencies} />
            </Form.Item>
          </Col>
        )}
        <Col span={24}>
          <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { max: 200 }]}><Input /></Form.Item>
        </Col>
        <Col xs={24} md={12}><Form.Item label="文号" name="documentNumber" rules={[{ max: 100 }]}><Input placeholder="如 梁平府办发〔2026〕1号" /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item label="发布机构" name="publisher" extra="留空则为本机关" rules={[{ max: 100 }]}><Input /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item label="成文日期" name="writtenOn"><DatePicker style={{ width: '100%' }} disabledDate={future} /></Form.Item></Col>
        <Col xs={12} md={6}>
          <Form.Item label={isChange ? '变更日期' : '形成日期'} name="formedOn" extra="公开期限自此起算（20 个工作日）">
            <DatePicker style={{ width: '100%' }} disabledDate={future} placeholder="今天" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}><Form.Item label="主题分类" name="topic"><Select allowClear showSearch={{ optionFilterProp: 'label' }} options={terms('topic')} /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item label="体裁" name="genre"><Select allowClear showSearch={{ optionFilterProp: 'label' }} options={terms('genre')} /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item label="公开方式" name="disclosureMethod"><Select allowClear showSearch={{ optionFilterProp: 'label' }} options={terms('disclosureMethod')} /></Form.Item></Col>
        <Col xs={12} md={6}>
          <Form.Item label="文件类型" name="docType" extra="规章、行政规范性文件计入年度报告表二">
            <Select options={docTypes.map((d) => ({ value: d, label: docTypeLabels[d] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="所属公开内容（条例第二十条）" name="article20Item">
            <Select allowClear options={article20Items.map((label, i) => ({ value: i + 1, label: `${article20ItemLabel(i + 1)} ${label}` }))} popupMatchSelectWidth={false} />
          </Form.Item>
        </Col>
        <Col span={24}><Form.Item label="摘要" name="summary" rules={[{ max: 2000 }]}><Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} /></Form.Item></Col>
        <Col span={24}>
          <Form.Item label={<span id="gk-body-label">正文</span>} name="bodyHtml">
            <RichTextEditor labelledBy="gk-body-label" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="有效性" name="validity"><Select options={validities.map((v) => ({ value: v, label: validityLabels[v] }))} /></Form.Item>
        </Col>
        <Col xs={12} md={6}><Form.Item label="生效日期" name="effectiveOn"><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item label="失效或废止日期" name="validityEndedOn"><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item label="有效性说明" name="validityNote" rules={[{ max: 300 }]}><Input /></Form.Item></Col>
        {isChange && (
          <Col span={24}><Form.Item label="变更说明" name="changeNote" rules={[{ max: 1000 }]}><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item></Col>
        )}
        <Form.Item name="sourceRequestIds" hidden><Input /></Form.Item>
      </Row>
    </Form>
  );
}
