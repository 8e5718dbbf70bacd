/**
 * 公开指南与制度: per agency, the 政府信息公开指南's own paragraphs (引言, 主动公开范围, 获取方式, 申请方式,
 * 监督和救济) and the 政府信息公开制度 text. The rest of the 指南 (office, address, hours, phone …) is
 * generated from the agency's details (机关与公开工作机构). Plain text, blank lines between
 * paragraphs; an empty text brings back the page's built-in wording. Each text shows how it will be
 * split into paragraphs and links to the live portal page, which changes as soon as it is saved.
 * Head, supervisor and admin edit; a handler reads.
 */
import { Alert, Button, Card, Input, Select, Space, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { portalApi, type PortalTextEntry, type PortalTexts } from '../../api/portal.js';
import { useAnnouncer } from '../../components/announcer.js';
import { LoadError } from '../../components/load-error.js';
import { Page } from '../../components/page.js';
import { useLoad } from '../../components/use-load.js';
import { agencyDepths } from '../../layout/agency-switcher.js';
import { Link } from '../../router.js';
import { useSession } from '../../session.js';
import './portal-texts.css';

/** What the page prints when a text is left empty (the portal's built-in wording, in short). */
const defaults: Readonly<Record<string, string>> = {
  'guide.intro': '留空时显示默认引言：“为了更好地提供政府信息公开服务……编制本指南。”',
  'guide.scope': '留空时显示默认说明：本机关依照《条例》第十九条、第二十条等规定主动公开政府信息。',
  'guide.access': '留空时只显示平台栏目和现场查阅的固定说明。',
  'guide.request': '留空时只显示在线申请、书面申请和查询进度的固定说明。',
  'guide.remedy': '留空时只显示投诉、举报、行政复议和行政诉讼的固定说明（《条例》第五十一条）。',
  system: '留空时显示默认文字：本机关依照《条例》开展政府信息公开工作，建立健全审查、主动公开、依申请公开、年度报告等制度。',
};

/** Plain text → the paragraphs the portal prints (blank lines separate them). */
export const paragraphsOf = (text: string): string[] => text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

function TextEditor({ agencyId, entry, canEdit, maxLength, onSaved }: {
  agencyId: string; entry: PortalTextEntry; canEdit: boolean; maxLength: number; onSaved(next: PortalTexts): void;
}) {
  const announce = useAnnouncer();
  const [body, setBody] = useState(entry.body);
  const [busy, setBusy] = useState(false);
  useEffect(() => setBody(entry.body), [entry.body]);
  const id = `gk-text-${entry.key.replace('.', '-')}`;
  const changed = body.trim() !== entry.body;
  const preview = paragraphsOf(body);
  const save = async () => {
    setBusy(true);
    try {
      const next = await portalApi.saveText(agencyId, entry.key, body);
      onSaved(next);
      announce.success(body.trim() ? `已保存“${entry.label}”，门户页面已更新` : `已清空“${entry.label}”，门户页面恢复默认文字`);
    } catch (err) {
      announce.error(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" style={{ marginBottom: 16 }} title={<h2 id={`${id}-title`} style={{ fontSize: 16, margin: 0 }}>{entry.label}</h2>}
      extra={<a href={entry.pageUrl} target="_blank" rel="noopener noreferrer">在门户查看<span className="gk-visually-hidden">{entry.label}所在页面（新窗口）</span></a>}>
      <label htmlFor={id} className="gk-visually-hidden">{entry.label}</label>
      <Input.TextArea id={id} value={body} onChange={(e) => setBody(e.target.value)} readOnly={!canEdit} autoSize={{ minRows: 3, maxRows: 14 }}
        maxLength={maxLength} showCount aria-describedby={`${id}-help`} />
      <Typography.Paragraph type="secondary" id={`${id}-help`} style={{ margin: '8px 0' }}>
        纯文本，空行分段。{defaults[entry.key] ?? ''}
        {entry.updatedAt ? ` 最后修改：${entry.updatedAt.slice(0, 16).replace('T', ' ')}（UTC）${entry.updatedBy ? `，${entry.updatedBy}` : ''}。` : ''}
      </Typography.Paragraph>
      {preview.length > 0 && (
        <section aria-label={`${entry.label}预览`} className="gk-text-preview">
          <p className="gk-text-preview-title">预览（门户上分为 {preview.length} 段）</p>
          {preview.map((p, i) => <p key={i}>{p}</p>)}
        </section>
      )}
      {canEdit && (
        <Space style={{ marginTop: 8 }}>
          <Button type="primary" onClick={save} loading={busy} aria-label={`保存：${entry.label}`}>保存</Button>
          {changed && <Button onClick={() => setBody(entry.body)}>撤销修改</Button>}
        </Space>
      )}
    </Card>
  );
}

export function PortalTextsPage() {
  const { me, agencyId: current } = useSession();
  const [agencyId, setAgencyId] = useState<string | null>(current ?? me.user.agencyId ?? me.visibleAgencies[0]?.id ?? null);
  useEffect(() => {
    if (current) setAgencyId(current);
  }, [current]);
  const texts = useLoad(async (signal) => (agencyId ? portalApi.texts(agencyId, signal) : null), [agencyId]);
  const [data, setData] = useState<PortalTexts | null>(null);
  useEffect(() => setData(texts.data ?? null), [texts.data]);
  const agencies = useMemo(() => {
    const d = agencyDepths(me.visibleAgencies);
    return me.visibleAgencies.map((a) => ({ value: a.id, label: `${'\u3000'.repeat(d.get(a.id) ?? 0)}${a.name}`, title: a.name }));
  }, [me.visibleAgencies]);

  const editors = (keys: (k: string) => boolean) => (data && agencyId ? data.texts.filter((t) => keys(t.key)).map((t) => (
    <TextEditor key={`${agencyId}-${t.key}`} agencyId={agencyId} entry={t} canEdit={data.canEdit} maxLength={data.maxLength} onSaved={setData} />
  )) : null);

  return (
    <Page title="公开指南与制度">
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="gk-texts-agency">机关</label>
        <Select id="gk-texts-agency" style={{ width: 300 }} value={agencyId ?? undefined} onChange={setAgencyId} options={agencies}
          showSearch={{ optionFilterProp: 'title' }} disabled={agencies.length <= 1} />
        {data && <a href={data.guideUrl} target="_blank" rel="noopener noreferrer">在门户查看{data.agency.name}政府信息公开指南（新窗口）</a>}
        {data && <a href={data.systemUrl} target="_blank" rel="noopener noreferrer">查看政府信息公开制度（新窗口）</a>}
      </Space>
      {texts.error ? <LoadError error={texts.error} retry={texts.reload} /> : null}
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="指南中的工作机构名称、办公地址、办公时间、联系电话、传真、电子邮箱和网址取自机关信息"
        description={<>如需修改，请到<Link to="/agencies" style={{ textDecoration: 'underline' }}>机关与公开工作机构</Link>。以下为指南中由本机关自行撰写的段落，保存后门户页面立即更新。</>} />
      {data && !data.canEdit && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="您可以查看这些文字；修改请联系本机关负责人或系统管理员。" />}
      {data && (
        <Tabs items={[
          { key: 'guide', label: '政府信息公开指南', children: editors((k) => k.startsWith('guide.')) },
          { key: 'system', label: '政府信息公开制度', children: editors((k) => k === 'system') },
        ]} />
      )}
    </Page>
  );
}
