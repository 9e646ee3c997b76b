/** The case loop's error codes and their messages; a lifecycle refusal becomes the matching HTTP error. */
import { AppError } from '../../platform/http/app-error.js';
import { registerMessages } from '../../platform/http/messages.js';
import type { Refusal } from './domain/lifecycle.js';

registerMessages({
  INVALID_TRANSITION: {
    'zh-CN': '案件当前环节不允许此操作',
    en: 'this action is not possible in the case’s current stage',
  },
  RULE_VIOLATION: { 'zh-CN': '操作不符合业务规则：{rule}', en: 'a rule refused the action: {rule}' },
  OUTSIDE_AREA: { 'zh-CN': '位置不在本区任何单元网格内', en: 'the location lies outside every unit grid' },
  IDEMPOTENCY_KEY_REUSED: {
    'zh-CN': '该 Idempotency-Key 已用于另一个不同的请求',
    en: 'this Idempotency-Key was used for a different request',
  },
  TICKET_EXISTS: { 'zh-CN': '该 12345 工单已转入', en: 'this 12345 ticket was already transferred' },
  TRACKING_FAILED: { 'zh-CN': '案件编号或查询码不正确', en: 'wrong case number or verification code' },
});

export function refusalError(r: Refusal): AppError {
  const status = r.code === 'FORBIDDEN' ? 403 : r.code === 'INVALID_TRANSITION' ? 409 : 422;
  return new AppError(status, r.code, r.message, {
    ...(r.field ? { field: r.field } : {}),
    ...(r.rule ? { details: { rule: r.rule } } : {}),
    params: { rule: r.rule ?? r.code },
  });
}

export function ruleError(rule: string, message: string, field?: string): AppError {
  return new AppError(422, 'RULE_VIOLATION', message, {
    ...(field ? { field } : {}),
    details: { rule },
    params: { rule },
  });
}

export function unprocessable(code: string, message: string, field: string): AppError {
  return new AppError(422, code, message, { field });
}
