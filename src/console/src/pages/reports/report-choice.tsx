/** The agency and year a report screen shows: the header's agency (or one chosen here) and a year. */
import { Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { requestsApi } from '../../api/requests.js';
import { useLoad } from '../../components/use-load.js';
import { agencyDepths } from '../../layout/agency-switcher.js';
import { useSession } from '../../session.js';

export interface ReportChoice {
  readonly agencyId: string | null;
  readonly year: number | null;
  readonly controls: ReactNode;
}

export function useReportChoice(): ReportChoice {
  const { me, agencyId: current } = useSession();
  const [agencyId, setAgencyId] = useState<string | null>(current ?? me.user.agencyId ?? me.visibleAgencies[0]?.id ?? null);
  useEffect(() => {
    if (current) setAgencyId(current);
  }, [current]);
  // the server's year (its clock), not the browser's
  const today = useLoad(async (signal) => dayjs((await requestsApi.worklist({ pageSize: 1 }, signal)).today), []);
  const thisYear = today.data?.year() ?? null;
  const [year, setYear] = useState<number | null>(null);
  useEffect(() => {
    if (thisYear !== null) setYear((y) => y ?? thisYear);
  }, [thisYear]);
  const agencies = useMemo(() => {
    const d = agencyDepths(me.visibleAgencies);
    return me.visibleAgencies.map((a) => ({ value: a.id, label: `${'\u3000'.repeat(d.get(a.id) ?? 0)}${a.name}`, title: a.name }));
  }, [me.visibleAgencies]);
  const years = thisYear ? Array.from({ length: thisYear - 2018 }, (_, i) => thisYear - i) : [];

  const controls = (
    <Space wrap style={{ marginBottom: 16 }}>
      <label htmlFor="gk-report-agency">机关</label>
      <Select id="gk-report-agency" style={{ width: 300 }} value={agencyId ?? undefined} onChange={setAgencyId} options={agencies}
        showSearch={{ optionFilterProp: 'title' }} disabled={agencies.length <= 1} />
      <label htmlFor="gk-report-year">年度</label>
      <Select id="gk-report-year" style={{ width: 120 }} value={year ?? undefined} onChange={setYear} loading={today.loading}
        options={years.map((y) => ({ value: y, label: `${y} 年` }))} />
    </Space>
  );
  return { agencyId, year, controls };
}
