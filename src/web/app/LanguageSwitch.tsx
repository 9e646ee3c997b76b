import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage, type Language } from '../i18n';

/** 中文 / English; remembered in this browser. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  return (
    <Select<Language>
      aria-label={t('nav.language')}
      data-testid="language-switch"
      size={size}
      value={currentLanguage()}
      style={{ width: 110 }}
      onChange={(lang) => void setLanguage(lang)}
      options={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
