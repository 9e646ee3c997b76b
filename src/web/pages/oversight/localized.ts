/** A text the server sends in both languages, in the reader's. */
import { currentLanguage } from '../../i18n';

export const localized = (text: { 'zh-CN': string; en: string }): string =>
  currentLanguage() === 'en' ? text.en : text['zh-CN'];
