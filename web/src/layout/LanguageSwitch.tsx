// 中文 / English toggle: one click switches to the other language, which the i18n module persists.
import { TranslationOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, type Language } from '../i18n';

// Each language is named in itself, so a person who cannot read the current one still finds theirs.
const OTHER: Record<Language, { language: Language; label: string }> = {
  'zh-CN': { language: 'en', label: 'English' },
  en: { language: 'zh-CN', label: '中文' },
};

export function LanguageSwitch() {
  const { t } = useTranslation();
  const other = OTHER[currentLanguage()];
  return (
    <Tooltip title={t('language.label')}>
      <Button
        type="text"
        icon={<TranslationOutlined />}
        data-testid="lang-switch"
        lang={other.language}
        onClick={() => void changeLanguage(other.language)}
      >
        {other.label}
      </Button>
    </Tooltip>
  );
}
