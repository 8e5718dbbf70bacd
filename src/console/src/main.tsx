/**
 * Entry of the staff console: antd in Chinese (zh_CN, dayjs zh-cn), the theme (without motion when
 * the user prefers reduced motion), the session, the app.
 */
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode, useMemo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './app.js';
import { AnnouncerProvider } from './components/announcer.js';
import { installAriaFixes } from './components/aria-fixes.js';
import { usePrefersReducedMotion } from './components/reduced-motion.js';
import { SessionProvider } from './session.js';
import { consoleThemeFor } from './theme.js';
import './styles.css';

dayjs.locale('zh-cn');

/**
 * The required-field star as an aria-hidden element (antd draws it with CSS ::before, which screen
 * readers read as part of the label, "星号 标题"); inputs still say aria-required.
 */
const requiredMark = (label: ReactNode, { required }: { required: boolean }) =>
  required ? <><span aria-hidden="true" className="gk-required-mark">*</span>{label}</> : label;
installAriaFixes();

/**
 * antd in Chinese with the console's theme; no motion when the user prefers reduced motion (the
 * click wave is drawn outside the theme's motion switch, so it is turned off on its own).
 */
function ConsoleRoot({ children }: { children: ReactNode }) {
  const reducedMotion = usePrefersReducedMotion();
  const theme = useMemo(() => consoleThemeFor(reducedMotion), [reducedMotion]);
  const wave = useMemo(() => ({ disabled: reducedMotion }), [reducedMotion]);
  return (
    // no space between two Chinese characters in buttons ("登 录"): screen readers read it apart
    <ConfigProvider locale={zhCN} theme={theme} wave={wave} button={{ autoInsertSpace: false }} form={{ requiredMark }}>
      {children}
    </ConfigProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');

createRoot(root).render(
  <StrictMode>
    <ConsoleRoot>
      <AntApp>
        <AnnouncerProvider>
          <SessionProvider>
            <ConsoleApp />
          </SessionProvider>
        </AnnouncerProvider>
      </AntApp>
    </ConsoleRoot>
  </StrictMode>,
);
