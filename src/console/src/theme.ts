/**
 * The console's look: a restrained government palette (deep blue primary), system Chinese fonts,
 * and text colours darkened where antd's defaults fall below WCAG AA contrast on white;
 * `consoleThemeFor` turns antd's motion off for users who prefer reduced motion.
 */
import type { ThemeConfig } from 'antd';

export const primaryBlue = '#0b3c7d';

export const consoleTheme: ThemeConfig = {
  token: {
    colorPrimary: primaryBlue,
    colorInfo: primaryBlue,
    colorLink: '#0b4a9c',
    // hover/active links stay dark: a lighter blue fails 4.5:1 on selected (light blue) rows
    colorLinkHover: '#0a3a78',
    colorLinkActive: '#072c5c',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    colorError: '#b71c1c',
    borderRadius: 4,
    fontFamily: '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif',
    fontSize: 14,
    // antd's secondary/tertiary greys (0.45/0.25 alpha) are below 4.5:1 on white
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.55)',
    colorTextDescription: 'rgba(0, 0, 0, 0.68)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorBgLayout: '#f2f4f7',
    // the palette antd derives from a dark primary gives grey-blue selection backgrounds on which
    // dark text drops below 4.5:1: keep selections light
    controlItemBgActive: '#e6edf7',
    controlItemBgActiveHover: '#dbe5f3',
    controlItemBgHover: '#f0f4fa',
    colorInfoBg: '#e6edf7',
    colorInfoBorder: '#9fb6d8',
    colorWarningBg: '#fff7e6',
    colorWarningBorder: '#ffc069',
    colorErrorBg: '#fff1f0',
    colorErrorBorder: '#ffa39e',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#95de64',
    colorPrimaryBg: '#e6edf7',
    colorPrimaryBgHover: '#dbe5f3',
  },
  components: {
    Layout: { headerBg: primaryBlue, siderBg: '#ffffff', headerHeight: 56, headerPadding: '0 20px' },
    Menu: { itemSelectedBg: '#e6edf7', itemSelectedColor: primaryBlue },
    Table: { headerBg: '#eef2f8', rowSelectedBg: '#e6edf7', rowSelectedHoverBg: '#dbe5f3', rowHoverBg: '#f0f4fa' },
  },
};

/** The theme with antd's motion on or off (off when the user prefers reduced motion). */
export function consoleThemeFor(reducedMotion: boolean): ThemeConfig {
  return reducedMotion ? { ...consoleTheme, token: { ...consoleTheme.token, motion: false } } : consoleTheme;
}
