// Types translation keys from the Chinese catalogue so `t('…')` with an unknown key fails to compile;
// the talent area's texts are a part of it loaded with that area (../talent/talent-texts.ts).
import 'i18next';
import type talentZhCN from './talent.zh-CN.json';
import type zhCN from './zh-CN.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN & typeof talentZhCN };
  }
}
