/**
 * Languages: zh-CN is the default, English is complete. Each page folder owns its messages
 * (`defineMessages`) and they load with the page's chunk; the type makes a missing English string a compile
 * error, and i18n/messages.test.ts checks the same at run time for every namespace.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './common';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'cz.lang';

/** The same shape as the Chinese messages, every leaf a string: English must say everything Chinese says. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export interface MessageBundle<T> {
  ns: string;
  'zh-CN': T;
  en: Messages<T>;
}

const registered = new Map<string, MessageBundle<unknown>>();

/** Registers a namespace's messages in both languages (called at module load of the page that uses them). */
export function defineMessages<T extends object>(ns: string, zh: T, en: Messages<T>): MessageBundle<T> {
  const bundle = { ns, 'zh-CN': zh, en };
  registered.set(ns, bundle);
  i18next.addResourceBundle('zh-CN', ns, zh, true, true);
  i18next.addResourceBundle('en', ns, en, true, true);
  return bundle;
}

export function registeredBundles(): MessageBundle<unknown>[] {
  return [...registered.values()];
}

function initialLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'zh-CN') return stored;
  } catch {
    // storage blocked: fall back to the default
  }
  return 'zh-CN';
}

void i18next.use(initReactI18next).init({
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  defaultNS: 'common',
  ns: ['common'],
  resources: {},
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
  initAsync: false,
});
defineMessages('common', common.zh, common.en);

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'zh-CN';
}

export async function setLanguage(lang: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered, still switched
  }
  await i18next.changeLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export { i18next };
