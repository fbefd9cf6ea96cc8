// Types translation keys from the Chinese catalogue so `t('…')` with an unknown key fails to compile;
// the talent area's and the designer's texts are parts of it loaded with those areas
// (../talent/talent-texts.ts, ../designer/designer-texts.ts).
import 'i18next';
import type designerZhCN from './designer.zh-CN.json';
import type talentZhCN from './talent.zh-CN.json';
import type zhCN from './zh-CN.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN & typeof talentZhCN & typeof designerZhCN };
  }
}
