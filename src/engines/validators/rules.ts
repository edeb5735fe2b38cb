import { parseAmount } from './amount';
import { validateBankCard } from './bank-card';
import { parseChineseDate, parseDateTime } from './cn-date';
import { validateIdCard } from './id-card';
import { validateMobile } from './mobile';
import { validateUscc } from './uscc';
import type { ValidationResult } from './validation-result';

/** Names of the ready-made rules; also the semantic types the profiler reports. */
export type RuleName = 'uscc' | 'id_card' | 'mobile' | 'bank_card' | 'cn_date' | 'datetime' | 'amount';

/** A ready rule: label for people, the validator, and a cheap pre-filter. */
export interface ValidatorRule {
  name: RuleName;
  label: { 'zh-CN': string; en: string };
  validate(text: string): ValidationResult<unknown>;
  /**
   * A pattern every accepted value matches once half-width normalised and trimmed (see
   * `normalizeInput`): a superset, used to skip the validator (and, in the profiler, to pick
   * candidates in SQL). Written in the common subset of JS and RE2 syntax.
   */
  candidate: string;
}

/** Amount candidates (a superset of what `parseAmount` accepts). */
const AMOUNT_CANDIDATE =
  '[-+( \\t]*(¥|[Rr][Mm][Bb]|[Cc][Nn][Yy]|\\$)?[-+( \\t]*[0-9.][0-9,.]*[ \\t)]*(元|圆|[Rr][Mm][Bb]|[Cc][Nn][Yy])?[ \\t)]*';

/** A plain number (`12`, `-0.5`, `.5`, `007`) — always an amount, so never sent to the validator. */
export const PLAIN_NUMBER_PATTERN = '[-+]?([0-9]+(\\.[0-9]+)?|\\.[0-9]+)';

/** Every ready rule, in the order the profiler prefers them when several fit. */
export const VALIDATOR_RULES: readonly ValidatorRule[] = [
  {
    name: 'uscc',
    label: { 'zh-CN': '统一社会信用代码', en: 'unified social credit code' },
    validate: validateUscc,
    candidate: '[0-9A-Za-z]{18}',
  },
  {
    name: 'id_card',
    label: { 'zh-CN': '身份证号', en: 'resident ID number' },
    validate: (text) => validateIdCard(text),
    candidate: '[0-9]{17}[0-9Xx]|[0-9]{15}',
  },
  {
    name: 'bank_card',
    label: { 'zh-CN': '银行卡号', en: 'bank card number' },
    validate: validateBankCard,
    candidate: '[-\\t 0-9]{12,}',
  },
  {
    name: 'mobile',
    label: { 'zh-CN': '手机号', en: 'mobile number' },
    validate: validateMobile,
    candidate: '[-\\t ()+0-9]{11,}',
  },
  {
    name: 'cn_date',
    label: { 'zh-CN': '日期', en: 'date' },
    validate: parseChineseDate,
    candidate: '[0-9]{4}([-/.][0-9]{1,2}[-/.][0-9]{1,2}|[ \\t]*年[ \\t]*[0-9]{1,2}[ \\t]*月[ \\t]*[0-9]{1,2}[ \\t]*[日号]?|[0-9]{4})',
  },
  {
    name: 'datetime',
    label: { 'zh-CN': '日期时间', en: 'date-time' },
    validate: parseDateTime,
    candidate: '[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}[ T][0-9]{1,2}:.*',
  },
  {
    name: 'amount',
    label: { 'zh-CN': '金额', en: 'amount' },
    validate: parseAmount,
    candidate: AMOUNT_CANDIDATE,
  },
];

/** A rule by name. */
export function validatorRule(name: RuleName): ValidatorRule {
  const rule = VALIDATOR_RULES.find((r) => r.name === name);
  if (!rule) throw new Error(`unknown validator rule ${name}`);
  return rule;
}

/** The candidate pattern of a rule as an anchored JS RegExp. */
export function candidateRegExp(rule: ValidatorRule): RegExp {
  return new RegExp(`^(?:${rule.candidate})$`);
}
