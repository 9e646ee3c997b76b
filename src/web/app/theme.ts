import type { ThemeConfig } from 'antd';

/**
 * Ant Design's defaults with the contrast raised to WCAG AA (4.5:1): its blue (at rest and on hover), its red and
 * its grey "description" text fall short on white, which matters on a sunlit phone and for older staff.
 */
const reducedMotion =
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

export const THEME: ThemeConfig = {
  token: {
    // Users who ask their system for less motion get none (and tests read pages that are not mid-animation).
    motion: !reducedMotion,
    colorPrimary: '#0958d9',
    colorPrimaryHover: '#003eb3',
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3',
    colorError: '#cf1322',
    colorErrorHover: '#a8071a',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.55)',
    fontFamily: "'Noto Sans SC', -apple-system, 'PingFang SC', 'Microsoft YaHei', sans-serif",
  },
};
