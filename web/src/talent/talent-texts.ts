// The talent area's texts (rounds, review, results, the round process, terms) ship with the area's
// chunk rather than with every page's first load: officers never open it, and their pages have a
// first-load budget (web/initial-js-report.ts). Each language's file must carry the other's keys.
import { addCataloguePart } from '../i18n';
import type talentEn from '../i18n/talent.en.json';
import type talentZhCN from '../i18n/talent.zh-CN.json';

/** Settles once the talent texts of the current language are loaded; the area waits for it. */
export const talentTextsReady = addCataloguePart({
  'zh-CN': () => import('../i18n/talent.zh-CN.json').then((texts) => texts.default satisfies typeof talentEn),
  en: () => import('../i18n/talent.en.json').then((texts) => texts.default satisfies typeof talentZhCN),
});
