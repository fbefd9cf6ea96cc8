// i18next set-up: Chinese by default, English on request, the choice kept in localStorage and on <html lang>.
// Only the Chinese catalogue ships with the first load; English (its texts and antd's English locale)
// is fetched when someone chooses it, or before the first render when it was their stored choice.
import type { Locale } from 'antd/es/locale';
import zhCNAntd from 'antd/es/locale/zh_CN';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from './zh-CN.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE = 'zh-CN' satisfies Language;
export const LANGUAGE_STORAGE_KEY = 'sgf.lang';

type Catalogue = typeof zhCN;
// Each catalogue must carry exactly the other's keys; a missing translation fails type-checking (here
// for Chinese, in the loader below for English).
const bundled: { translation: Catalogue & typeof import('./en.json') } = { translation: zhCN };

interface LanguagePack {
  translation: Catalogue;
  antd: Locale;
}

/** The languages fetched on demand, each with what it needs. */
const LANGUAGE_PACKS: Record<Exclude<Language, typeof DEFAULT_LANGUAGE>, () => Promise<LanguagePack>> = {
  en: async () => {
    const [texts, antd] = await Promise.all([import('./en.json'), import('antd/es/locale/en_US')]);
    return { translation: texts.default satisfies Catalogue, antd: antd.default };
  },
};

const antdLocales = new Map<string, Locale>([[DEFAULT_LANGUAGE, zhCNAntd]]);

/** antd's own texts (pickers, pagination, empty states) in the given language, once it is loaded. */
export function antdLocaleFor(language: string): Locale {
  return antdLocales.get(language) ?? zhCNAntd;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE; // storage can be disabled (private mode, policy); fall back silently
  }
}

/** The date pickers' month and weekday names follow the interface language (./dayjs-locale.ts). */
function applyDayjsLocale(language: string): void {
  void import('./dayjs-locale').then(({ setDayjsLocale }) =>
    setDayjsLocale(language === DEFAULT_LANGUAGE ? 'zh-cn' : 'en'),
  );
}

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  applyDayjsLocale(language);
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // not persisted when storage is unavailable; the choice still holds for this page
  }
}

/**
 * A part of the catalogue that an area ships with its own chunk (the talent area's texts), so it
 * does not weigh on every page's first load; loaded for each language as the language is.
 */
export type CataloguePart = Record<Language, () => Promise<Record<string, unknown>>>;

const parts: CataloguePart[] = [];
const loadedParts = new Set<string>();

async function loadParts(language: Language): Promise<void> {
  await Promise.all(
    parts.map(async (part, index) => {
      const key = `${index}/${language}`;
      if (loadedParts.has(key)) return;
      i18n.addResourceBundle(language, 'translation', await part[language](), true, true);
      loadedParts.add(key);
    }),
  );
}

/** Adds an area's part of the catalogue; settles once the current language's texts are in. */
export function addCataloguePart(part: CataloguePart): Promise<void> {
  parts.push(part);
  return loadParts(currentLanguage());
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
}

export async function changeLanguage(language: Language): Promise<void> {
  if (language !== DEFAULT_LANGUAGE && !i18n.hasResourceBundle(language, 'translation')) {
    const pack = await LANGUAGE_PACKS[language]();
    i18n.addResourceBundle(language, 'translation', pack.translation);
    antdLocales.set(language, pack.antd);
  }
  await loadParts(language);
  await i18n.changeLanguage(language);
}

i18n.on('languageChanged', applyLanguage);

const storedLanguage = readStoredLanguage();
applyDayjsLocale(storedLanguage);

// The Chinese catalogue is bundled, so initialisation completes synchronously.
void i18n.use(initReactI18next).init({
  resources: { [DEFAULT_LANGUAGE]: bundled },
  lng: storedLanguage,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES,
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

/** Settles once the stored language's texts are loaded; should English fail to load, Chinese shows. */
export const languageReady: Promise<void> = changeLanguage(storedLanguage).catch(() => undefined);

export default i18n;
