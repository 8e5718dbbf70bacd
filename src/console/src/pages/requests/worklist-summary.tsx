/** The 工作台's deadline summary: open, overdue, due soon and unconfirmed requests of the current agency. */
import { Card, Col, Row, Statistic } from 'antd';
import { requestsApi } from '../../api/requests.js';
import { LoadError } from '../../components/load-error.js';
import { useLoad } from '../../components/use-load.js';
import { Link } from '../../router.js';
import { useSession } from '../../session.js';

export function WorklistSummary() {
  const { agencyId } = useSession();
  const w = useLoad((signal) => requestsApi.worklist({ agencyId: agencyId ?? undefined, pageSize: 1 }, signal), [agencyId]);
  if (w.error) return <LoadError error={w.error} retry={w.reload} />;
  const c = w.data?.counts;
  const item = (label: string, value: number | undefined, danger = false) => (
    <Col xs={12} md={6}>
      <Card size="small">
        <Statistic title={label} value={value ?? '—'} loading={w.loading} styles={{ content: danger && value ? { color: '#a8071a' } : undefined }} />
      </Card>
    </Col>
  );
  return (
    <section aria-labelledby="gk-summary-heading" style={{ marginBottom: 16 }}>
      <h2 id="gk-summary-heading" style={{ fontSize: 16 }}>依申请公开待办 <Link to="/requests" style={{ fontSize: 14, fontWeight: 'normal', marginInlineStart: 8 }}>进入办理工作台</Link></h2>
      <Row gutter={[12, 12]}>
        {item('未办结', c?.open)}
        {item('逾期', c?.overdue, true)}
        {item('即将到期', c?.dueSoon)}
        {item('待确认收到', c?.unconfirmed)}
      </Row>
    </section>
  );
}
