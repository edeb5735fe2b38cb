import type { Locale } from '../app-error';

/** How a refinement message is served. */
export interface RefinementMessage {
  'zh-CN': string;
  en: string;
  /** A whole sentence served without the field's label (the default is a predicate after it). */
  standalone?: true;
}

/**
 * golive's own refinement messages (`.refine(…, 'message')`, `ctx.addIssue({ code: 'custom', … })`).
 * The schemas write them in English, as a stable key; this table gives the served wording. Each
 * entry is a predicate that follows the field's label: "计划上线日期" + "不能早于启动日期".
 * A refinement whose message is missing here is served in English (en) or as a neutral
 * "不符合要求" (zh-CN), so add the entry together with the refinement.
 */
export const REFINEMENT_MESSAGES: Readonly<Record<string, RefinementMessage>> = {
  // src/server/common-schemas.ts: dateSchema
  'must be a date YYYY-MM-DD': { 'zh-CN': '须为“年-月-日”格式的日期，例如 2026-06-30', en: 'must be a date YYYY-MM-DD' },
  'is not a real calendar date': { 'zh-CN': '不是有效的日期', en: 'is not a real calendar date' },
  // projects
  'must not be before the start date': { 'zh-CN': '不能早于启动日期', en: 'must not be before the start date' },
  'must be an IANA time zone such as Asia/Shanghai': {
    'zh-CN': '不是有效的时区名称',
    en: 'must be an IANA time zone such as Asia/Shanghai',
  },
  // cutover, data assets: a source is a table or a query
  'give exactly one of table or query': {
    'zh-CN': '请在数据表和查询语句中二选一',
    en: 'Give either a table or a query, not both',
    standalone: true,
  },
  'give either table or query': {
    'zh-CN': '请在数据表和查询语句中二选一',
    en: 'Give either a table or a query, not both',
    standalone: true,
  },
  'a reason is required': { 'zh-CN': '必填（已标记为可解释的差异需要说明原因）', en: 'is required for an explained difference' },
  // assessment: environment requirement metric keys
  'must be lower_snake_case': {
    'zh-CN': '只能由小写字母、数字和下划线组成，并以字母开头',
    en: 'must be lower_snake_case (a-z, 0-9, _; starting with a letter)',
  },
  // blueprint: requirement codes
  'letters, digits, - _ . (up to 30)': {
    'zh-CN': '只能由字母、数字和 - _ . 组成，以字母或数字开头，最多 30 个字符',
    en: 'may hold letters, digits, - _ . (starting with a letter or digit, up to 30)',
  },
  // risks: early-warning settings
  'must not be below the warning level': { 'zh-CN': '不能低于预警值', en: 'must not be below the warning level' },
  'must not be above the warning level': { 'zh-CN': '不能高于预警值', en: 'must not be above the warning level' },
  'at least one weight must be above 0': { 'zh-CN': '至少有一项权重须大于 0', en: 'needs at least one weight above 0' },
  // src/engines/quality: rule sets and cleansing recipes
  'YYYY-MM-DD': { 'zh-CN': '须为“年-月-日”格式的日期，例如 2026-06-30', en: 'must be a date YYYY-MM-DD' },
  'not a valid regular expression': { 'zh-CN': '不是有效的正则表达式', en: 'is not a valid regular expression' },
  'needs min or max': { 'zh-CN': '请填写最小值或最大值', en: 'Give a minimum or a maximum', standalone: true },
  'number ranges take numbers, date ranges take YYYY-MM-DD': {
    'zh-CN': '数值范围须填写数字，日期范围须填写“年-月-日”格式的日期',
    en: 'A number range takes numbers, a date range takes dates YYYY-MM-DD',
    standalone: true,
  },
  'rule ids must be unique': { 'zh-CN': '中的规则编号不能重复', en: 'must not repeat a rule id' },
  'needs pairs or a mapping dataset': {
    'zh-CN': '请填写映射对或选择映射数据集',
    en: 'Give value pairs or a mapping dataset',
    standalone: true,
  },
  'survivor "latest" needs orderColumn': {
    'zh-CN': '保留“最新”一行时须指定排序列',
    en: 'Keeping the latest row needs an order column',
    standalone: true,
  },
};

/** The served wording of a refinement message, or undefined when the table does not know it. */
export function refinementMessage(message: string, locale: Locale): { text: string; standalone: boolean } | undefined {
  const entry = Object.hasOwn(REFINEMENT_MESSAGES, message) ? REFINEMENT_MESSAGES[message] : undefined;
  return entry && { text: entry[locale], standalone: entry.standalone === true };
}
