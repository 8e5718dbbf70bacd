/** The console's top level: the login screen, or the frame with the screen the location names. */
import { Result, Spin } from 'antd';
import { Suspense, lazy, type ReactNode } from 'react';
import { ConsoleLayout } from './layout/console-layout.js';
import { canSee, screens, type ScreenDef } from './nav.js';
import { AccountPage } from './pages/account-page.js';
import { AgenciesPage } from './pages/agencies-page.js';
import { AuditPage } from './pages/audit-page.js';
import { HomePage } from './pages/home-page.js';
import { LoginPage } from './pages/login-page.js';
import { IntakePage } from './pages/requests/intake-page.js';
import { RequestPage } from './pages/requests/request-page.js';
import { WorklistPage } from './pages/requests/worklist-page.js';
import { CatalogPage } from './pages/publications/catalog-page.js';
import { NewPublicationPage } from './pages/publications/new-publication-page.js';
import { PublicationPage } from './pages/publications/publication-page.js';
import { RegistersPage } from './pages/publications/registers-page.js';
import { PublicationSettingsPage } from './pages/publications/settings-page.js';
import { DeadlinesPage, ReviewQueuePage, SuggestionsPage } from './pages/publications/work-pages.js';
import { ReportPage } from './pages/reports/report-page.js';
import { CalendarPage } from './pages/calendar/calendar-page.js';
import { PortalTextsPage } from './pages/portal/portal-texts-page.js';
import { SynonymsPage } from './pages/portal/synonyms-page.js';
import { UsersPage } from './pages/users-page.js';

// ECharts is large: its screen loads on demand
const ChartsPage = lazy(() => import('./pages/reports/charts-page.js'));
import { Link, matchPath, pathOf, useLocation } from './router.js';
import { useSessionControl, type Session } from './session.js';

type Render = (params: Record<string, string>, session: Session) => ReactNode;

/** Screen key → what it renders (keys as in nav.ts). */
const views: Readonly<Record<string, Render>> = {
  home: () => <HomePage />,
  agencies: () => <AgenciesPage />,
  users: () => <UsersPage />,
  audit: () => <AuditPage />,
  account: () => <AccountPage />,
  worklist: () => <WorklistPage />,
  reports: () => <ReportPage />,
  catalog: () => <CatalogPage />,
  publicationNew: () => <NewPublicationPage />,
  reviewQueue: () => <ReviewQueuePage />,
  pubDeadlines: () => <DeadlinesPage />,
  suggestions: () => <SuggestionsPage />,
  registers: () => <RegistersPage />,
  pubSettings: () => <PublicationSettingsPage />,
  publication: (p) => <PublicationPage key={p.publicationId} publicationId={p.publicationId!} />,
  charts: () => <Suspense fallback={<Spin description="正在加载图表…" />}><ChartsPage /></Suspense>,
  intake: () => <IntakePage />,
  request: (p) => <RequestPage key={p.requestId} requestId={p.requestId!} />,
  portalTexts: () => <PortalTextsPage />,
  synonyms: () => <SynonymsPage />,
  calendar: () => <CalendarPage />,
  calendarYear: (p) => <CalendarPage year={/^\d{4}$/.test(p.year ?? '') ? Number(p.year) : Number.NaN} />,
};

const notFound = (
  <Result status="404" title="页面不存在" subTitle="该页面不存在，或您的账号无权访问。" extra={<Link to="/">返回工作台</Link>} />
);

export function ConsoleApp() {
  const { state } = useSessionControl();
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <div style={{ display: 'flex', height: '100vh', alignItems: 'center', justifyContent: 'center' }} role="status">
        <Spin size="large" description="正在加载…" />
      </div>
    );
  }
  if (state.status === 'anonymous') return <LoginPage reason={state.reason} />;
  const { session } = state;
  const path = pathOf(location);
  let screen: ScreenDef | undefined;
  let params: Record<string, string> = {};
  for (const s of screens) {
    const m = matchPath(s.pattern, path);
    if (m && canSee(s, session)) {
      screen = s;
      params = m;
      break;
    }
  }
  const render = screen ? views[screen.key] : undefined;
  const menuKey = screen?.key === 'request' ? 'worklist' : screen?.key === 'publication' || screen?.key === 'publicationNew' ? 'catalog'
    : screen?.key === 'calendarYear' ? 'calendar' : (screen?.key ?? '');
  return (
    <ConsoleLayout selectedKey={menuKey}>
      {render ? render(params, session) : notFound}
    </ConsoleLayout>
  );
}
