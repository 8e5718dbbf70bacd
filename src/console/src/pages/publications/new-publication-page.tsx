/** 新建主动公开信息: the first draft of an item (also prefilled from a 依申请转主动 suggestion). */
import { Button, Card, Form, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { publicationsApi } from '../../api/publications.js';
import { requestsApi } from '../../api/requests.js';
import { useAnnouncer } from '../../components/announcer.js';
import { Page } from '../../components/page.js';
import { useLoad } from '../../components/use-load.js';
import { navigate, searchOf, useLocation } from '../../router.js';
import { useSession } from '../../session.js';
import { PublicationForm, toBody, type PublicationValues } from './publication-form.js';
import { useVocabularies } from './use-vocabularies.js';

export function NewPublicationPage() {
  const { me, agencyId } = useSession();
  const announce = useAnnouncer();
  const vocab = useVocabularies();
  const location = useLocation();
  const [form] = Form.useForm<PublicationValues>();
  const [busy, setBusy] = useState(false);
  const today = useLoad(async (signal) => dayjs((await requestsApi.worklist({ pageSize: 1 }, signal)).today), []);
  const agencies = useMemo(() => me.visibleAgencies.map((a) => ({ value: a.id, label: a.name })), [me.visibleAgencies]);

  useEffect(() => {
    // from a suggestion: /publications/new?agencyId=…&title=…&documentNumber=…&requests=id,id
    const q = searchOf(location);
    form.setFieldsValue({
      agencyId: q.get('agencyId') ?? agencyId ?? me.user.agencyId ?? undefined,
      title: q.get('title') ?? '', documentNumber: q.get('documentNumber') ?? '', docType: 'other', validity: 'valid', bodyHtml: '',
      sourceRequestIds: (q.get('requests') ?? '').split(',').filter(Boolean),
    });
  }, [location, form, agencyId, me.user.agencyId]);

  const save = async (v: PublicationValues) => {
    setBusy(true);
    try {
      const created = await publicationsApi.create({ agencyId: v.agencyId!, ...toBody(v) });
      announce.success(`已新建“${created.title}”（草稿）`);
      navigate(`/publications/${created.id}`);
    } catch (err) {
      announce.error(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title="新建主动公开信息">
      <Card size="small">
        <PublicationForm form={form} vocab={vocab} onFinish={save} agencies={agencies} maxDate={today.data ?? dayjs()} />
        <Space>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>保存草稿</Button>
          <Button onClick={() => navigate('/publications')}>取消</Button>
        </Space>
      </Card>
    </Page>
  );
}
