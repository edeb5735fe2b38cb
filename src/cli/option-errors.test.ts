import { describe, expect, it } from 'vitest';
import type { AppError } from '../shared/app-error';
import { CLI_ERROR_CODES } from '../shared/errors/cli-codes';
import {
  directoryNotFound,
  fileParseFailed,
  fileUnreadable,
  optionFormat,
  optionInteger,
  optionInvalid,
  optionNumber,
  optionOneOfRequired,
  optionRequired,
  optionRequires,
  optionTooShort,
  outputIsDirectory,
  specInvalid,
} from './option-errors';

/** One case per CLI code: the error as a command raises it, and its exact text in both languages. */
const CASES: { code: keyof typeof CLI_ERROR_CODES; error: AppError; field: string; zh: string; en: string }[] = [
  {
    code: 'CLI_OPTION_REQUIRED',
    error: optionRequired('--project', '--project 6f1c…'),
    field: '--project',
    zh: '请给出选项 --project 的值，例如：--project 6f1c…',
    en: 'Give a value for --project, e.g. --project 6f1c…',
  },
  {
    code: 'CLI_OPTION_REQUIRES',
    error: optionRequires('--recipe', '--out <cleaned.csv>'),
    field: '--recipe',
    zh: '使用选项 --recipe 时还需要给出 --out <cleaned.csv>',
    en: '--recipe needs --out <cleaned.csv> as well',
  },
  {
    code: 'CLI_OPTION_ONE_OF_REQUIRED',
    error: optionOneOfRequired(['--rules', '--recipe']),
    field: '--rules',
    zh: '请至少给出以下选项之一：--rules, --recipe',
    en: 'Give at least one of --rules, --recipe',
  },
  {
    code: 'CLI_OPTION_INVALID',
    error: optionInvalid('--format', 'xml', ['table', 'json']),
    field: '--format',
    zh: '选项 --format 的值“xml”无效，可选值：table, json',
    en: 'Invalid value "xml" for --format; expected one of: table, json',
  },
  {
    code: 'CLI_OPTION_FORMAT',
    error: optionFormat('--map-column', 'a', 'SOURCE=TARGET'),
    field: '--map-column',
    zh: '选项 --map-column 的值“a”格式有误，应写成 SOURCE=TARGET',
    en: 'Invalid value "a" for --map-column; write it as SOURCE=TARGET',
  },
  {
    code: 'CLI_OPTION_INTEGER',
    error: optionInteger('--batch-size', '0', '≥ 1'),
    field: '--batch-size',
    zh: '选项 --batch-size 的值“0”应为整数（≥ 1）',
    en: 'Invalid value "0" for --batch-size; expected a whole number (≥ 1)',
  },
  {
    code: 'CLI_OPTION_NUMBER',
    error: optionNumber('--fail-below', 'high', '0–100'),
    field: '--fail-below',
    zh: '选项 --fail-below 的值“high”应为数字（0–100）',
    en: 'Invalid value "high" for --fail-below; expected a number (0–100)',
  },
  {
    code: 'CLI_OPTION_TOO_SHORT',
    error: optionTooShort('--password', 8),
    field: '--password',
    zh: '选项 --password 至少需要 8 个字符',
    en: '--password must be at least 8 characters long',
  },
  {
    code: 'CLI_FILE_UNREADABLE',
    error: fileUnreadable('--spec', 'spec.yaml'),
    field: '--spec',
    zh: '无法读取文件“spec.yaml”（文件不存在或没有读取权限）',
    en: 'Cannot read file "spec.yaml" (it does not exist or is not readable)',
  },
  {
    code: 'CLI_FILE_PARSE_FAILED',
    error: fileParseFailed('--rules', 'rules.json', 'JSON', 'Unexpected end of JSON input'),
    field: '--rules',
    zh: '文件“rules.json”不是有效的 JSON：Unexpected end of JSON input',
    en: 'File "rules.json" is not valid JSON: Unexpected end of JSON input',
  },
  {
    code: 'CLI_SPEC_INVALID',
    error: specInvalid('--rules', 'rules.yaml', [{ path: ['rules', 0, 'pattern'], message: 'not a valid regular expression' }]),
    field: '--rules:rules.0.pattern',
    zh: '文件“rules.yaml”的内容有误：rules.0.pattern: not a valid regular expression',
    en: 'File "rules.yaml" has errors: rules.0.pattern: not a valid regular expression',
  },
  {
    code: 'CLI_DIRECTORY_NOT_FOUND',
    error: directoryNotFound('--out', '/tmp/missing'),
    field: '--out',
    zh: '目录“/tmp/missing”不存在',
    en: 'Directory "/tmp/missing" does not exist',
  },
  {
    code: 'CLI_OUTPUT_IS_DIRECTORY',
    error: outputIsDirectory('--out', '/tmp'),
    field: '--out',
    zh: '“/tmp”是一个目录，请给出文件路径',
    en: '"/tmp" is a directory; give a file path',
  },
];

describe('CLI error codes', () => {
  it('has one case below for every code in the table', () => {
    expect(CASES.map((c) => c.code).sort()).toEqual(Object.keys(CLI_ERROR_CODES).sort());
  });

  it.each(CASES)('$code reads in Chinese (zh-CN)', ({ code, error, field, zh }) => {
    expect(error.code).toBe(code);
    expect(error.status).toBe(400);
    expect(error.localizedMessage('zh-CN')).toBe(zh);
    expect(error.localizedDetails('zh-CN')[0]?.field).toBe(field);
  });

  it.each(CASES)('$code reads in English (en)', ({ code, error, en }) => {
    expect(error.code).toBe(code);
    expect(error.localizedMessage('en')).toBe(en);
    expect(error.message).toBe(en);
  });
});
