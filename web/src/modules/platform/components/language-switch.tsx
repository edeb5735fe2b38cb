import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../../../i18n';

/** 中文 / English switch; the choice is remembered in localStorage. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      data-testid="lang-switch"
      size="small"
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      onChange={(value) => void setLanguage(value)}
      options={[
        { value: 'zh-CN', label: <span data-testid="lang-zh-CN">{t('lang.zhCN')}</span> },
        { value: 'en', label: <span data-testid="lang-en">{t('lang.en')}</span> },
      ]}
    />
  );
}
