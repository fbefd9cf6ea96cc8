// The Chinese or English of a bilingual message (the rules' explanations, the vocabularies), as the app's language is.
import { useTranslation } from 'react-i18next';

export function useLocalized(): (message: { zh: string; en: string }) => string {
  const { i18n } = useTranslation();
  const chinese = i18n.language.startsWith('zh');
  return (message) => (chinese ? message.zh : message.en);
}
