// Types translation keys from the Chinese catalogue so `t('…')` with an unknown key fails to compile.
import 'i18next';
import type zhCN from './zh-CN.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
