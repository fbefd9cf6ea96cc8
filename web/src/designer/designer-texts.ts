// The designer's texts ship with the designer's chunk, not with every page's first load (only admins
// open it; officers' pages have a first-load budget, web/initial-js-report.ts). Each language's file
// must carry the other's keys.
import { addCataloguePart } from '../i18n';
import type designerEn from '../i18n/designer.en.json';
import type designerZhCN from '../i18n/designer.zh-CN.json';

/** Settles once the designer texts of the current language are loaded; the area waits for it. */
export const designerTextsReady = addCataloguePart({
  'zh-CN': () =>
    import('../i18n/designer.zh-CN.json').then((texts) => texts.default satisfies typeof designerEn),
  en: () => import('../i18n/designer.en.json').then((texts) => texts.default satisfies typeof designerZhCN),
});
