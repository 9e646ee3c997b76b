import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../../i18n';

/**
 * One button to the other language. The portal's home page must stay small, and the staff switch
 * (app/LanguageSwitch) pulls in Ant Design's Select (tens of KB gzipped) for two choices.
 */
export function LanguageToggle() {
  const { t } = useTranslation('citizen');
  const other = currentLanguage() === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      className="cz-lang-toggle"
      data-testid="language-switch"
      title={t('frame.languageLabel')}
      lang={other}
      onClick={() => void setLanguage(other)}
    >
      {t('frame.switchTo')}
    </button>
  );
}
