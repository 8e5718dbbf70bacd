/** Entry of the staff console: antd in Chinese (zh_CN, dayjs zh-cn), the theme, the session, the app. */
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './app.js';
import { AnnouncerProvider } from './components/announcer.js';
import { installAriaFixes } from './components/aria-fixes.js';
import { SessionProvider } from './session.js';
import { consoleTheme } from './theme.js';
import './styles.css';

dayjs.locale('zh-cn');

/**
 * The required-field star as an aria-hidden element (antd draws it with CSS ::before, which screen
 * readers read as part of the label, "星号 标题"); inputs still say aria-required.
 */
const requiredMark = (label: ReactNode, { required }: { required: boolean }) =>
  required ? <><span aria-hidden="true" className="gk-required-mark">*</span>{label}</> : label;
installAriaFixes();

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');

createRoot(root).render(
  <StrictMode>
    {/* no space between two Chinese characters in buttons ("登 录"): screen readers read it apart */}
    <ConfigProvider locale={zhCN} theme={consoleTheme} button={{ autoInsertSpace: false }} form={{ requiredMark }}>
      <AntApp>
        <AnnouncerProvider>
          <SessionProvider>
            <ConsoleApp />
          </SessionProvider>
        </AnnouncerProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
