import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Locale } from '../app-error';
import { labelled } from './field-labels';
import { firstIssuePerField, issueMessage, type ValidationIssue } from './issue-messages';
import { labelAtPath } from './label-path';
import { REFINEMENT_MESSAGES } from './refinement-messages';

const L = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    'is not a real calendar date',
  );

/** One schema per case, each field labelled, so a case is "this input gives these two sentences". */
interface Case {
  name: string;
  schema: z.ZodType;
  input: unknown;
  zh: string;
  en: string;
}

const one = (schema: z.ZodType, zh: string, en: string) => z.object({ f: labelled(schema, L(zh, en)) }).strict();

const cases: Case[] = [
  {
    name: 'empty string',
    schema: one(z.string().min(1), '目标名称', 'Goal name'),
    input: { f: '' },
    zh: '目标名称不能为空',
    en: 'Goal name must not be empty',
  },
  {
    name: 'short string',
    schema: one(z.string().min(8), '密码', 'Password'),
    input: { f: 'abc' },
    zh: '密码至少 8 个字符',
    en: 'Password must be at least 8 characters',
  },
  {
    name: 'exact length',
    schema: one(z.string().length(6), '验证码', 'Code'),
    input: { f: 'abc' },
    zh: '验证码须为 6 个字符',
    en: 'Code must be exactly 6 characters',
  },
  {
    name: 'long string',
    schema: one(z.string().max(10), '单位', 'Unit'),
    input: { f: 'x'.repeat(11) },
    zh: '单位不能超过 10 个字符',
    en: 'Unit must be at most 10 characters',
  },
  {
    name: 'number min',
    schema: one(z.number().min(1), '测算年限', 'Horizon'),
    input: { f: 0 },
    zh: '测算年限不能小于 1',
    en: 'Horizon must be at least 1',
  },
  {
    name: 'number positive',
    schema: one(z.number().positive(), '金额', 'Amount'),
    input: { f: 0 },
    zh: '金额须大于 0',
    en: 'Amount must be greater than 0',
  },
  {
    name: 'number max',
    schema: one(z.number().max(30), '测算年限', 'Horizon'),
    input: { f: 31 },
    zh: '测算年限不能大于 30',
    en: 'Horizon must be at most 30',
  },
  {
    name: 'number lt',
    schema: one(z.number().lt(1), '折现率', 'Discount rate'),
    input: { f: 1 },
    zh: '折现率须小于 1',
    en: 'Discount rate must be less than 1',
  },
  {
    name: 'array min 1',
    schema: one(z.array(z.string()).min(1), '模块', 'Modules'),
    input: { f: [] },
    zh: '模块至少需要 1 项',
    en: 'Modules must have at least 1 item',
  },
  {
    name: 'array min n',
    schema: one(z.array(z.string()).min(2), '选项', 'Options'),
    input: { f: ['a'] },
    zh: '选项至少需要 2 项',
    en: 'Options must have at least 2 items',
  },
  {
    name: 'array max',
    schema: one(z.array(z.string()).max(1), '模块', 'Modules'),
    input: { f: ['a', 'b'] },
    zh: '模块最多 1 项',
    en: 'Modules must have at most 1 item',
  },
  { name: 'missing', schema: one(z.string(), '客户企业', 'Client'), input: {}, zh: '客户企业必填', en: 'Client is required' },
  {
    name: 'wrong type number',
    schema: one(z.number(), '基线', 'Baseline'),
    input: { f: 'seven' },
    zh: '基线格式不正确（应为数字）',
    en: 'Baseline must be a number',
  },
  {
    name: 'wrong type string',
    schema: one(z.string(), '备注', 'Note'),
    input: { f: 3 },
    zh: '备注格式不正确（应为文本）',
    en: 'Note must be text',
  },
  {
    name: 'wrong type int',
    schema: one(z.number().int(), '人数', 'Headcount'),
    input: { f: 1.5 },
    zh: '人数格式不正确（应为整数）',
    en: 'Headcount must be a whole number',
  },
  {
    name: 'wrong type boolean',
    schema: one(z.boolean(), '已解释', 'Explained'),
    input: { f: 'yes' },
    zh: '已解释格式不正确（应为是或否）',
    en: 'Explained must be true or false',
  },
  {
    name: 'wrong type array',
    schema: one(z.array(z.string()), '模块', 'Modules'),
    input: { f: 'fi' },
    zh: '模块格式不正确（应为列表）',
    en: 'Modules must be a list',
  },
  {
    name: 'email',
    schema: one(z.email(), '邮箱', 'Email'),
    input: { f: 'not-an-email' },
    zh: '邮箱不是有效的电子邮件地址',
    en: 'Email is not a valid email address',
  },
  {
    name: 'url',
    schema: one(z.url(), '回调地址', 'Webhook URL'),
    input: { f: 'nope' },
    zh: '回调地址不是有效的网址',
    en: 'Webhook URL is not a valid URL',
  },
  { name: 'uuid', schema: one(z.uuid(), '负责人', 'Owner'), input: { f: 'x' }, zh: '负责人不是有效的 ID', en: 'Owner is not a valid ID' },
  {
    name: 'regex',
    schema: one(z.string().regex(/^[A-Z]+$/), '编码', 'Code'),
    input: { f: 'x' },
    zh: '编码格式不正确',
    en: 'Code has an invalid format',
  },
  {
    name: 'iso date',
    schema: one(z.iso.date(), '截止日期', 'Deadline'),
    input: { f: '2026-13-01' },
    zh: '截止日期须为“年-月-日”格式的日期，例如 2026-06-30',
    en: 'Deadline must be a date YYYY-MM-DD',
  },
  {
    name: 'iso datetime',
    schema: one(z.iso.datetime(), '执行时间', 'Run at'),
    input: { f: 'x' },
    zh: '执行时间须为有效的日期时间（年-月-日 时:分:秒）',
    en: 'Run at must be a date and time such as 2026-06-30T08:00:00Z',
  },
  {
    name: 'starts with',
    schema: one(z.string().startsWith('ZT'), '编号', 'Number'),
    input: { f: 'x' },
    zh: '编号须以“ZT”开头',
    en: 'Number must start with "ZT"',
  },
  {
    name: 'enum',
    schema: one(z.enum(['increase', 'decrease']), '改进方向', 'Direction'),
    input: { f: 'up' },
    zh: '改进方向不是可选的值',
    en: 'Direction must be one of: increase, decrease',
  },
  {
    name: 'union of numbers',
    schema: one(z.union([z.literal(1), z.literal(2)]), '影响', 'Impact'),
    input: { f: 3 },
    zh: '影响须为以下之一：1、2',
    en: 'Impact must be one of: 1, 2',
  },
  {
    name: 'enum of Chinese options',
    schema: one(z.enum(['现状', '未来']), '流程阶段', 'Stage'),
    input: { f: '过去' },
    zh: '流程阶段须为以下之一：现状、未来',
    en: 'Stage must be one of: 现状, 未来',
  },
  {
    name: 'literal',
    schema: one(z.literal('DELETE'), '确认', 'Confirmation'),
    input: { f: 'x' },
    zh: '确认不是允许的值',
    en: 'Confirmation must be DELETE',
  },
  {
    name: 'multiple of',
    schema: one(z.number().multipleOf(5), '步长', 'Step'),
    input: { f: 7 },
    zh: '步长须为 5 的倍数',
    en: 'Step must be a multiple of 5',
  },
  {
    name: 'unknown key at the root',
    schema: one(z.string(), '名称', 'Name'),
    input: { f: 'x', nmae: 'typo' },
    zh: '不允许的字段：“nmae”',
    en: 'Field not allowed: nmae',
  },
  {
    name: 'custom: calendar date',
    schema: one(dateSchema, '截止日期', 'Deadline'),
    input: { f: '2026-02-3x' },
    zh: '截止日期须为“年-月-日”格式的日期，例如 2026-06-30',
    en: 'Deadline must be a date YYYY-MM-DD',
  },
  {
    name: 'custom: unknown refinement',
    schema: one(
      z.string().refine(() => false, 'is odd'),
      '名称',
      'Name',
    ),
    input: { f: 'x' },
    zh: '名称不符合要求',
    en: 'Name is odd',
  },
  {
    name: 'custom: cross-field refinement',
    schema: z
      .object({
        startDate: labelled(z.string(), L('启动日期', 'Start date')),
        plannedGoLive: labelled(z.string(), L('计划上线日期', 'Planned go-live')),
      })
      .refine((p) => p.plannedGoLive >= p.startDate, { message: 'must not be before the start date', path: ['plannedGoLive'] }),
    input: { startDate: '2026-05-01', plannedGoLive: '2026-01-01' },
    zh: '计划上线日期不能早于启动日期',
    en: 'Planned go-live must not be before the start date',
  },
  {
    name: 'custom: standalone sentence',
    schema: z
      .object({ table: labelled(z.string().optional(), L('数据表', 'Table')) })
      .refine(() => false, { message: 'give either table or query', path: ['table'] }),
    input: {},
    zh: '请在数据表和查询语句中二选一',
    en: 'Give either a table or a query, not both',
  },
  {
    name: 'label through optional, nullable and default wrappers',
    schema: z.object({ f: labelled(z.string().trim().min(1), L('KPI 名称', 'KPI name')).nullable().optional().default(null) }),
    input: { f: ' ' },
    zh: 'KPI 名称不能为空',
    en: 'KPI name must not be empty',
  },
  {
    name: 'label ending in a Latin letter',
    schema: one(z.array(z.string()).min(1), '职责 A', 'Duty A'),
    input: { f: [] },
    zh: '职责 A 至少需要 1 项',
    en: 'Duty A must have at least 1 item',
  },
  {
    name: 'array item in a nested object',
    schema: z.object({
      roles: labelled(z.array(z.object({ name: labelled(z.string().min(1), L('名称', 'Name')) })), L('角色', 'Roles')),
    }),
    input: { roles: [{ name: 'a' }, { name: '' }] },
    zh: '角色第 2 项的名称不能为空',
    en: 'Roles item 2 name must not be empty',
  },
  {
    name: 'discriminated union with an unknown kind',
    schema: z.object({
      steps: labelled(
        z.array(
          z.discriminatedUnion('kind', [
            z.object({ kind: labelled(z.literal('trim'), L('步骤', 'Step')) }),
            z.object({ kind: labelled(z.literal('dedupe'), L('步骤', 'Step')) }),
          ]),
        ),
        L('清洗步骤', 'Cleansing steps'),
      ),
    }),
    input: { steps: [{ kind: 'sort' }] },
    zh: '清洗步骤第 1 项的步骤不是可选的值',
    en: 'Cleansing steps item 1 step must be one of: trim, dedupe',
  },
  {
    name: 'unknown key in a nested object',
    schema: z.object({ settings: labelled(z.object({ a: z.number() }).strict(), L('测算参数', 'Assumptions')) }),
    input: { settings: { a: 1, b: 2 } },
    zh: '测算参数中不允许的字段：“b”',
    en: 'Assumptions: field not allowed: b',
  },
];

function messages(schema: z.ZodType, input: unknown, locale: Locale): string[] {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('the case input should fail');
  return firstIssuePerField(result.error.issues).map((issue) => {
    let value: unknown = input;
    for (const key of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
    return issueMessage({ ...issue, input: value } as ValidationIssue, labelAtPath(schema, issue.path, locale), locale);
  });
}

/** ASCII words in a zh-CN sentence, less the product terms and what the case itself put there. */
function englishWords(sentence: string, allowed: readonly string[]): string[] {
  const terms = new Set(['ERP', 'KPI', 'CSV', 'XLSX', 'SQL', 'URL', 'JSON', 'ID', 'SoD', ...allowed]);
  return (sentence.match(/[A-Za-z]+/g) ?? []).filter((w) => !terms.has(w));
}

describe('issueMessage', () => {
  it.each(cases)('$name', ({ schema, input, zh, en }) => {
    expect(messages(schema, input, 'zh-CN')).toEqual([zh]);
    expect(messages(schema, input, 'en')).toEqual([en]);
  });

  it.each(cases)('$name: zh-CN has no English words but field values', ({ input, zh }) => {
    const values = JSON.stringify(input).match(/[A-Za-z]+/g) ?? [];
    // “ZT” is a prefix the case's schema demands; “职责 A” is the UI's term.
    expect(englishWords(zh, [...values, 'ZT', 'A'])).toEqual([]);
  });

  it('names an unlabelled field by its path', () => {
    const schema = z.object({ name: z.string().min(1), tags: z.array(z.string().min(1)) });
    expect(messages(schema, { name: '', tags: ['a', ''] }, 'zh-CN')).toEqual(['字段 name：不能为空', '字段 tags.1：不能为空']);
    expect(messages(schema, { name: '', tags: ['a', ''] }, 'en')).toEqual([
      'Field name: must not be empty',
      'Field tags.1: must not be empty',
    ]);
  });

  it('says what the whole body should be', () => {
    expect(messages(z.object({ a: z.string() }), 'text', 'zh-CN')).toEqual(['请求内容格式不正确（应为对象）']);
    expect(messages(z.object({ a: z.string() }), 'text', 'en')).toEqual(['The request must be an object']);
  });

  it('tells a missing field from a wrong one without the input, from zod’s own message', () => {
    const issues = z.object({ a: z.string(), b: z.string() }).safeParse({ b: 1 }).error!.issues;
    expect(issues.map((i) => issueMessage(i, '名称', 'zh-CN'))).toEqual(['名称必填', '名称格式不正确（应为文本）']);
  });

  it('keeps a label on a shared schema to the field it was given for', () => {
    const shared = z.string().min(1);
    const schema = z.object({ a: labelled(shared, L('甲', 'A')), b: labelled(shared, L('乙', 'B')), c: shared });
    expect(messages(schema, { a: '', b: '', c: '' }, 'zh-CN')).toEqual(['甲不能为空', '乙不能为空', '字段 c：不能为空']);
  });

  it('has zh-CN refinement wording without English words', () => {
    for (const [key, entry] of Object.entries(REFINEMENT_MESSAGES)) expect(englishWords(entry['zh-CN'], []), key).toEqual([]);
  });
});
