import type { MessageParams } from './app-error.js';

export type Lang = 'zh-CN' | 'en';

/** zh-CN is the default; English when the client prefers it. */
export function pickLanguage(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

type Catalogue = Record<string, Record<Lang, string>>;

const catalogue: Catalogue = {
  VALIDATION_FAILED: { 'zh-CN': '请求参数不符合要求：{field}', en: 'invalid request: {field}' },
  MALFORMED_JSON: { 'zh-CN': '请求体不是合法的 JSON', en: 'the request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: { 'zh-CN': '不支持的内容类型', en: 'unsupported content type' },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '请求体过大', en: 'the request body is too large' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', en: 'authentication required' },
  INVALID_CREDENTIALS: { 'zh-CN': '用户名或密码错误', en: 'wrong username or password' },
  FORBIDDEN: { 'zh-CN': '无权执行此操作', en: 'you may not do this' },
  CSRF_FAILED: { 'zh-CN': '请求缺少有效的 CSRF 令牌', en: 'missing or wrong CSRF token' },
  PASSWORD_CHANGE_REQUIRED: { 'zh-CN': '请先修改初始密码', en: 'change your one-time password first' },
  NOT_FOUND: { 'zh-CN': '未找到：{what}', en: '{what} not found' },
  ROUTE_NOT_FOUND: { 'zh-CN': '接口不存在', en: 'no such endpoint' },
  METHOD_NOT_ALLOWED: { 'zh-CN': '不支持该请求方法', en: 'method not allowed' },
  VERSION_CONFLICT: { 'zh-CN': '记录已被他人修改，请刷新后重试', en: 'the record changed; reload and retry' },
  RATE_LIMITED: {
    'zh-CN': '尝试次数过多，请 {seconds} 秒后重试',
    en: 'too many attempts; retry in {seconds} s',
  },
  SERVICE_UNAVAILABLE: { 'zh-CN': '服务暂不可用', en: 'service unavailable' },
  INTERNAL: { 'zh-CN': '服务器内部错误', en: 'internal server error' },
};

/** Localises a known code; unknown codes keep the (English) message the thrower wrote. */
export function localise(code: string, lang: Lang, fallback: string, params: MessageParams = {}): string {
  const template = catalogue[code]?.[lang];
  if (!template) return fallback;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? fallback));
}

/** Modules add their own codes at start-up (e.g. INVALID_TRANSITION with its zh-CN text). */
export function registerMessages(entries: Catalogue): void {
  for (const [code, texts] of Object.entries(entries)) catalogue[code] = texts;
}
