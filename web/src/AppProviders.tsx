// Everything the pages rely on: data cache, antd theme and locale following the i18n language, antd App context.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemNotifier } from './api/ProblemNotifier';
import { antdLocaleFor } from './i18n';

// System fonts only: the app must render offline, so no web fonts are fetched.
const FONT_FAMILY = [
  '-apple-system',
  'BlinkMacSystemFont',
  "'Segoe UI'",
  "'PingFang SC'",
  "'Hiragino Sans GB'",
  "'Microsoft YaHei'",
  "'Noto Sans CJK SC'",
  "'Source Han Sans SC'",
  "'Helvetica Neue'",
  'Arial',
  'sans-serif',
].join(', ');

// antd derives greyish tints from a dark teal seed, so the light shades are given explicitly.
const TEAL = {
  seed: '#0f766e',
  bg: '#e6f5f2',
  bgHover: '#ccebe5',
  border: '#99d6ca',
  borderHover: '#5fbfae',
};

const THEME: ThemeConfig = {
  token: {
    colorPrimary: TEAL.seed,
    colorPrimaryBg: TEAL.bg,
    colorPrimaryBgHover: TEAL.bgHover,
    colorPrimaryBorder: TEAL.border,
    colorPrimaryBorderHover: TEAL.borderHover,
    colorInfo: TEAL.seed,
    colorInfoBg: TEAL.bg,
    colorInfoBgHover: TEAL.bgHover,
    colorInfoBorder: TEAL.border,
    colorInfoBorderHover: TEAL.borderHover,
    colorLink: TEAL.seed,
    // antd's default red (#ff4d4f) is 3.3:1 on white: danger buttons' and field errors' text fails
    // WCAG AA (axe's color-contrast); red-7 reads 5.9:1 and still says "danger".
    colorError: '#cf1322',
    // antd's tertiary grey (field labels of a description list, secondary text, empty states:
    // #8c8c8c, 3.4:1) and its placeholder grey (#bfbfbf, 1.8:1) fail the same check on white.
    colorTextTertiary: '#6e6e6e',
    colorTextPlaceholder: '#767676',
    fontFamily: FONT_FAMILY,
    borderRadius: 8,
  },
  components: {
    // A table's empty text ("no open tasks") is drawn in the disabled grey (#bfbfbf, 1.8:1), yet it
    // is information, not a disabled control.
    Table: { colorTextDisabled: '#767676' },
    // A success tag's green text (#52c41a) on its pale green reads 2.3:1 (已完成); green-8 reads 6.6:1.
    Tag: { colorSuccess: '#237804' },
  },
};

export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={antdLocaleFor(i18n.language)} theme={THEME}>
        <AntApp>
          <ProblemNotifier />
          {children}
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
