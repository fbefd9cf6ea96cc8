// 中文 / English switch; the choice is persisted by the i18n module.
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, type Language } from '../i18n';

const OPTIONS: Array<{ value: Language; label: string }> = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('language.label')}
      data-testid="lang-switch"
      options={OPTIONS}
      value={currentLanguage()}
      onChange={(language) => void changeLanguage(language)}
    />
  );
}
