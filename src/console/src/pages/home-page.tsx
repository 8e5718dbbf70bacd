/**
 * 工作台: who is signed in, what they reach, and the shortcuts their role has.
 */
import { Card, Col, Descriptions, List, Row } from 'antd';
import { Page } from '../components/page.js';
import { formatInstant } from '../labels.js';
import { canSee, screens } from '../nav.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';
import { WorklistSummary } from './requests/worklist-summary.js';

export function HomePage() {
  const session = useSession();
  const { me, features } = session;
  const shortcuts = screens.filter((s) => s.menu && s.key !== 'home' && canSee(s, session));
  const own = me.visibleAgencies.find((a) => a.id === me.user.agencyId);
  return (
    <Page title="工作台">
      {features.has('requests') && <WorklistSummary />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>我的账号</h2>}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label="姓名">{me.user.displayName}</Descriptions.Item>
              <Descriptions.Item label="用户名">{me.user.username}</Descriptions.Item>
              <Descriptions.Item label="角色">{me.user.roleLabel}</Descriptions.Item>
              <Descriptions.Item label="所属机关">{own?.name ?? me.user.agencyName ?? '（不属于具体机关）'}</Descriptions.Item>
              <Descriptions.Item label="可见机关">{me.user.role === 'admin' ? '全部机关' : `${me.visibleAgencies.length} 个`}</Descriptions.Item>
              <Descriptions.Item label="本次登录">{formatInstant(me.session.createdAt)}，至迟 {formatInstant(me.session.expiresAt)} 失效</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>常用功能</h2>}>
            <List
              size="small"
              dataSource={shortcuts}
              locale={{ emptyText: '暂无可用功能' }}
              renderItem={(s) => (
                <List.Item>
                  <Link to={s.pattern}>{s.menu}</Link>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
