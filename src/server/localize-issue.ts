import { z } from 'zod';
import type { Locale } from '../shared/app-error';

/** A zod issue as the validation hook receives it. */
type Issue = z.core.$ZodIssue;

// golive's own refinement messages, in English in the schemas; their Chinese wording here.
const CUSTOM_MESSAGES_ZH: Record<string, string> = {
  'must be a date YYYY-MM-DD': '须为日期格式 YYYY-MM-DD',
  'is not a real calendar date': '不是有效的日期',
  'must not be before the start date': '不能早于开始日期',
};

let zhCN: ReturnType<typeof z.locales.zhCN> | undefined;

/**
 * The issue's reason in the caller's language. Zod's built-in messages are English; for zh-CN they
 * are re-rendered with zod's own Chinese locale, and golive's custom messages through the table above.
 */
export function localizeIssueReason(issue: Issue, locale: Locale): string {
  if (locale !== 'zh-CN') return issue.message;
  if (issue.code === 'custom') return CUSTOM_MESSAGES_ZH[issue.message] ?? issue.message;
  zhCN ??= z.locales.zhCN();
  const rendered = zhCN.localeError?.(issue as unknown as Parameters<NonNullable<typeof zhCN.localeError>>[0]);
  if (typeof rendered === 'string') return rendered;
  return rendered?.message ?? issue.message;
}
