import type { z } from 'zod';
import type { Locale } from '../app-error';
import { refinementMessage } from './refinement-messages';

/**
 * A zod issue as a validation hook receives it. Zod drops the offending value (`input`) from
 * finished issues; a caller that puts it back lets a missing field read "必填" rather than
 * "格式不正确" (without it, zod's own English message tells the two apart).
 */
export type ValidationIssue = z.core.$ZodIssue;

/** What an issue says about its field: a predicate after the label, or a whole sentence. */
interface Predicate {
  text: string;
  standalone?: boolean;
}

type Texts = Record<Locale, string>;

/** Names of zod's expected types, as the wrong-type message states them. */
const TYPE_NAMES: Record<string, Texts> = {
  string: { 'zh-CN': '文本', en: 'text' },
  number: { 'zh-CN': '数字', en: 'a number' },
  int: { 'zh-CN': '整数', en: 'a whole number' },
  bigint: { 'zh-CN': '整数', en: 'a whole number' },
  boolean: { 'zh-CN': '是或否', en: 'true or false' },
  date: { 'zh-CN': '日期', en: 'a date' },
  array: { 'zh-CN': '列表', en: 'a list' },
  tuple: { 'zh-CN': '列表', en: 'a list' },
  set: { 'zh-CN': '列表', en: 'a list' },
  object: { 'zh-CN': '对象', en: 'an object' },
  record: { 'zh-CN': '对象', en: 'an object' },
  map: { 'zh-CN': '对象', en: 'an object' },
  null: { 'zh-CN': '空值', en: 'null' },
  file: { 'zh-CN': '文件', en: 'a file' },
};

/** String formats with a sentence of their own; the rest read "格式不正确". */
const FORMAT_MESSAGES: Record<string, Texts> = {
  email: { 'zh-CN': '不是有效的电子邮件地址', en: 'is not a valid email address' },
  url: { 'zh-CN': '不是有效的网址', en: 'is not a valid URL' },
  uuid: { 'zh-CN': '不是有效的 ID', en: 'is not a valid ID' },
  guid: { 'zh-CN': '不是有效的 ID', en: 'is not a valid ID' },
  cuid: { 'zh-CN': '不是有效的 ID', en: 'is not a valid ID' },
  cuid2: { 'zh-CN': '不是有效的 ID', en: 'is not a valid ID' },
  ulid: { 'zh-CN': '不是有效的 ID', en: 'is not a valid ID' },
  nanoid: { 'zh-CN': '不是有效的 ID', en: 'is not a valid ID' },
  date: { 'zh-CN': '须为“年-月-日”格式的日期，例如 2026-06-30', en: 'must be a date YYYY-MM-DD' },
  datetime: { 'zh-CN': '须为有效的日期时间（年-月-日 时:分:秒）', en: 'must be a date and time such as 2026-06-30T08:00:00Z' },
  time: { 'zh-CN': '须为有效的时间，例如 08:00', en: 'must be a time such as 08:00' },
  duration: { 'zh-CN': '不是有效的时长', en: 'is not a valid duration' },
  ipv4: { 'zh-CN': '不是有效的网络地址', en: 'is not a valid IP address' },
  ipv6: { 'zh-CN': '不是有效的网络地址', en: 'is not a valid IP address' },
  lowercase: { 'zh-CN': '须为小写', en: 'must be lower case' },
  uppercase: { 'zh-CN': '须为大写', en: 'must be upper case' },
  regex: { 'zh-CN': '格式不正确', en: 'has an invalid format' },
};

const num = (value: number | bigint): string => value.toString();
const dateOf = (value: number | bigint): string => new Date(Number(value)).toISOString().slice(0, 10);
const items = (n: number | bigint): string => `${num(n)} ${Number(n) === 1 ? 'item' : 'items'}`;
const chars = (n: number | bigint): string => `${num(n)} ${Number(n) === 1 ? 'character' : 'characters'}`;
const pick = (locale: Locale, zh: string, en: string): Predicate => ({ text: locale === 'zh-CN' ? zh : en });

function tooSmall(issue: z.core.$ZodIssueTooSmall, locale: Locale): Predicate {
  const n = issue.minimum;
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      if (issue.exact) return pick(locale, `须为 ${num(n)} 个字符`, `must be exactly ${chars(n)}`);
      if (Number(n) <= 1 && inclusive) return pick(locale, '不能为空', 'must not be empty');
      return pick(locale, `至少 ${num(n)} 个字符`, `must be at least ${chars(n)}`);
    case 'array':
    case 'set':
      if (issue.exact) return pick(locale, `须为 ${num(n)} 项`, `must have exactly ${items(n)}`);
      if (Number(n) <= 1 && inclusive) return pick(locale, '至少需要 1 项', 'must have at least 1 item');
      return pick(locale, `至少需要 ${num(n)} 项`, `must have at least ${items(n)}`);
    case 'date':
      return inclusive
        ? pick(locale, `不能早于 ${dateOf(n)}`, `must not be before ${dateOf(n)}`)
        : pick(locale, `须晚于 ${dateOf(n)}`, `must be after ${dateOf(n)}`);
    case 'file':
      return pick(locale, `不能小于 ${num(n)} 字节`, `must be at least ${num(n)} bytes`);
    default:
      return inclusive
        ? pick(locale, `不能小于 ${num(n)}`, `must be at least ${num(n)}`)
        : pick(locale, `须大于 ${num(n)}`, `must be greater than ${num(n)}`);
  }
}

function tooBig(issue: z.core.$ZodIssueTooBig, locale: Locale): Predicate {
  const n = issue.maximum;
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      if (issue.exact) return pick(locale, `须为 ${num(n)} 个字符`, `must be exactly ${chars(n)}`);
      return pick(locale, `不能超过 ${num(n)} 个字符`, `must be at most ${chars(n)}`);
    case 'array':
    case 'set':
      if (issue.exact) return pick(locale, `须为 ${num(n)} 项`, `must have exactly ${items(n)}`);
      return pick(locale, `最多 ${num(n)} 项`, `must have at most ${items(n)}`);
    case 'date':
      return inclusive
        ? pick(locale, `不能晚于 ${dateOf(n)}`, `must not be after ${dateOf(n)}`)
        : pick(locale, `须早于 ${dateOf(n)}`, `must be before ${dateOf(n)}`);
    case 'file':
      return pick(locale, `不能超过 ${num(n)} 字节`, `must be at most ${num(n)} bytes`);
    default:
      return inclusive
        ? pick(locale, `不能大于 ${num(n)}`, `must be at most ${num(n)}`)
        : pick(locale, `须小于 ${num(n)}`, `must be less than ${num(n)}`);
  }
}

/** True when the field was not sent at all (see {@link ValidationIssue} on `input`). */
function isMissing(issue: z.core.$ZodIssueInvalidType): boolean {
  if ('input' in issue) return issue.input === undefined;
  return issue.message.endsWith('received undefined');
}

function invalidType(issue: z.core.$ZodIssueInvalidType, locale: Locale): Predicate {
  if (isMissing(issue) && issue.expected !== 'undefined') return pick(locale, '必填', 'is required');
  const type = TYPE_NAMES[issue.expected];
  if (!type) return pick(locale, '格式不正确', 'has the wrong type');
  return pick(locale, `格式不正确（应为${type['zh-CN']}）`, `must be ${type.en}`);
}

function invalidFormat(issue: z.core.$ZodIssueInvalidStringFormat, locale: Locale): Predicate {
  const extra = issue as { prefix?: string; suffix?: string; includes?: string };
  if (issue.format === 'starts_with') return pick(locale, `须以“${extra.prefix}”开头`, `must start with "${extra.prefix}"`);
  if (issue.format === 'ends_with') return pick(locale, `须以“${extra.suffix}”结尾`, `must end with "${extra.suffix}"`);
  if (issue.format === 'includes') return pick(locale, `须包含“${extra.includes}”`, `must contain "${extra.includes}"`);
  const known = FORMAT_MESSAGES[issue.format];
  return known ? { text: known[locale] } : pick(locale, '格式不正确', 'has an invalid format');
}

function invalidValue(issue: z.core.$ZodIssueInvalidValue, locale: Locale): Predicate {
  const values = issue.values.map((v) => String(v));
  // Option codes are English words (`pending`, `pass` …); a zh-CN sentence carries no English, so
  // it lists them only when they are not words (numbers, Chinese), and says "not an option" otherwise.
  const zhList = values.some((v) => /[A-Za-z]/.test(v)) ? undefined : values.join('、');
  if (values.length === 1) return pick(locale, zhList ? `须为 ${zhList}` : '不是允许的值', `must be ${values[0]}`);
  return pick(locale, zhList ? `须为以下之一：${zhList}` : '不是可选的值', `must be one of: ${values.join(', ')}`);
}

function unrecognizedKeys(issue: z.core.$ZodIssueUnrecognizedKeys, label: string | undefined, locale: Locale): Predicate {
  const keys = issue.keys;
  if (locale === 'zh-CN')
    return { text: `${label ? `${label}中` : ''}不允许的字段：${keys.map((k) => `“${k}”`).join('、')}`, standalone: true };
  const what = `${keys.length === 1 ? 'field' : 'fields'} not allowed: ${keys.join(', ')}`;
  return { text: label ? `${label}: ${what}` : `${what.charAt(0).toUpperCase()}${what.slice(1)}`, standalone: true };
}

/** Of a union's failed options, the one that got furthest: its first issue is not a wrong type at the root. */
function unionPredicate(issue: z.core.$ZodIssueInvalidUnion, label: string | undefined, locale: Locale): Predicate {
  // A discriminated union names the discriminator's options ("kind" must be one of …).
  const options = 'options' in issue ? issue.options : undefined;
  if (options && options.length > 0) return invalidValue({ ...issue, code: 'invalid_value', values: options }, locale);
  // A union of literals (`1 | 2 | 3`): every option refused the value; together they are a list.
  const literals = issue.errors.map((option) => (option.length === 1 && option[0]?.code === 'invalid_value' ? option[0] : undefined));
  if (literals.length > 0 && literals.every((l) => l && l.path.length === 0)) {
    const values = literals.flatMap((l) => (l?.code === 'invalid_value' ? l.values : []));
    return invalidValue({ ...issue, code: 'invalid_value', values }, locale);
  }
  for (const option of issue.errors) {
    const first = option[0];
    if (first && first.path.length === 0 && first.code !== 'invalid_type' && first.code !== 'invalid_union') {
      return predicate({ ...first, path: issue.path }, label, locale);
    }
  }
  return pick(locale, '格式不正确', 'has an invalid value');
}

function customPredicate(issue: z.core.$ZodIssueCustom, locale: Locale): Predicate {
  const known = refinementMessage(issue.message, locale);
  if (known) return known;
  return pick(locale, '不符合要求', issue.message);
}

function predicate(issue: ValidationIssue, label: string | undefined, locale: Locale): Predicate {
  // A message the schema gave (`.regex(re, 'must be a date YYYY-MM-DD')`) says more than the code.
  const given = refinementMessage(issue.message, locale);
  if (given) return given;
  switch (issue.code) {
    case 'too_small':
      return tooSmall(issue, locale);
    case 'too_big':
      return tooBig(issue, locale);
    case 'invalid_type':
      return invalidType(issue, locale);
    case 'invalid_format':
      return invalidFormat(issue, locale);
    case 'not_multiple_of':
      return pick(locale, `须为 ${issue.divisor} 的倍数`, `must be a multiple of ${issue.divisor}`);
    case 'invalid_value':
      return invalidValue(issue, locale);
    case 'unrecognized_keys':
      return unrecognizedKeys(issue, label, locale);
    case 'invalid_union':
      return unionPredicate(issue, label, locale);
    case 'invalid_key':
      return pick(locale, '中有无效的键名', 'has an invalid key');
    case 'invalid_element':
      return pick(locale, '中有无效的元素', 'has an invalid element');
    case 'custom':
      return customPredicate(issue, locale);
  }
}

/**
 * The issues worth a sentence: the first per field. A value that fails its pattern usually fails
 * the refinement after it too ("格式不正确" then "不是有效的日期"); the first says what to fix.
 */
export function firstIssuePerField(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const field = issueField(issue);
    if (seen.has(field)) return false;
    seen.add(field);
    return true;
  });
}

/** The issue's path as served in `details[].field`: dotted, `(body)` for the whole body. */
export function issueField(issue: ValidationIssue): string {
  return issue.path.map(String).join('.') || '(body)';
}

/**
 * One plain sentence for a zod issue, naming the field by its label: "目标描述不能为空" /
 * "Goal statement must not be empty". Without a label the field path stands in ("字段 name：不能为空"
 * / "Field name: must not be empty"); every request field should have a label (`labelled`).
 */
export function issueMessage(issue: ValidationIssue, label: string | undefined, locale: Locale): string {
  const p = predicate(issue, label, locale);
  if (p.standalone) return p.text;
  if (locale === 'zh-CN') {
    // "职责 A 至少需要 1 项": a space between a Latin end and the Chinese predicate, none otherwise.
    if (label) return /[A-Za-z0-9]$/.test(label) && /^[^\p{ASCII}]/u.test(p.text) ? `${label} ${p.text}` : `${label}${p.text}`;
    return issue.path.length === 0 ? `请求内容${p.text}` : `字段 ${issueField(issue)}：${p.text}`;
  }
  if (label) return `${label} ${p.text}`;
  return issue.path.length === 0 ? `The request ${p.text}` : `Field ${issueField(issue)}: ${p.text}`;
}
