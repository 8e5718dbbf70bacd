/**
 * The signed-in frame: a skip link, the header (title, agency switcher, user menu), the side menu
 * (by role and by which API features exist) and the main region.
 */
import { AuditOutlined, BarChartOutlined, CalendarOutlined, DownOutlined, FileSearchOutlined, HomeOutlined, ReadOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, type MenuProps } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useAnnouncer } from '../components/announcer.js';
import { canSee, groupLabels, screens, type MenuGroup } from '../nav.js';
import { navigate } from '../router.js';
import { useSession } from '../session.js';
import { AgencySwitcher } from './agency-switcher.js';

const groupIcons: Record<MenuGroup, ReactNode> = {
  home: <HomeOutlined />,
  requests: <FileSearchOutlined />,
  reports: <BarChartOutlined />,
  publications: <ReadOutlined />,
  admin: <TeamOutlined />,
  audit: <AuditOutlined />,
  calendar: <CalendarOutlined />,
};

type MenuItem = NonNullable<MenuProps['items']>[number];

const groupOrder: readonly MenuGroup[] = ['home', 'requests', 'reports', 'publications', 'admin', 'audit', 'calendar'];

export function ConsoleLayout({ selectedKey, children }: { selectedKey: string; children: ReactNode }) {
  const session = useSession();
  const announce = useAnnouncer();
  const { me } = session;

  const items = useMemo<MenuProps['items']>(() => {
    const visible = screens.filter((s) => s.menu && canSee(s, session));
    return groupOrder.flatMap<MenuItem>((group) => {
      const inGroup = visible.filter((s) => s.group === group);
      if (inGroup.length === 0) return [];
      // plain labels: an <a> inside antd's role="menuitem" would be nested interactive content
      const link = (key: string, label: string) => ({ key, label, title: label });
      if (inGroup.length === 1 && (group === 'home' || group === 'audit' || group === 'calendar')) {
        const only = inGroup[0]!;
        return [{ ...link(only.key, groupLabels[group]), icon: groupIcons[group] }];
      }
      return [{ key: `group-${group}`, icon: groupIcons[group], label: groupLabels[group], children: inGroup.map((s) => link(s.key, s.menu!)) }];
    });
  }, [session]);

  const onMenu: MenuProps['onClick'] = ({ key }) => {
    const s = screens.find((x) => x.key === key);
    if (s) navigate(s.pattern);
  };

  const userMenu: MenuProps = {
    items: [
      { key: 'account', label: '账号与密码' },
      { type: 'divider' },
      { key: 'logout', label: '退出登录' },
    ],
    onClick: ({ key }) => {
      if (key === 'account') navigate('/account');
      if (key === 'logout') session.logout().catch((err: unknown) => announce.error(err));
    },
  };

  const openKeys = groupOrder.filter((g) => g !== 'home' && g !== 'audit' && g !== 'calendar').map((g) => `group-${g}`);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="gk-skip-link" href="#main">跳到主要内容</a>
      <Layout.Header className="gk-header">
        <p className="gk-header-title">政府信息公开工作平台</p>
        <span className="gk-header-spacer" />
        <AgencySwitcher />
        <Dropdown menu={userMenu} trigger={['click']}>
          <Button type="text" className="gk-header-user" aria-label={`当前用户：${me.user.displayName}（${me.user.roleLabel}），打开账号菜单`}>
            {me.user.displayName}（{me.user.roleLabel}）<DownOutlined aria-hidden />
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout hasSider>
        <Layout.Sider width={220} breakpoint="lg" collapsedWidth={0} theme="light" style={{ borderRight: '1px solid #dfe3ea' }}>
          <nav aria-label="主菜单">
            <Menu mode="inline" selectedKeys={[selectedKey]} defaultOpenKeys={openKeys} items={items} onClick={onMenu} style={{ borderInlineEnd: 'none' }} />
          </nav>
        </Layout.Sider>
        <Layout.Content>
          <main id="main" className="gk-content" tabIndex={-1}>
            {children}
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
