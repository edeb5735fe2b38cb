import { defineErrorCodes } from './define-error-codes';

/**
 * Error codes of the cli domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with CLI_.
 * They are few and parameterised: `{option}` is the flag as typed (`--format`), `{value}` what the
 * user gave, and `{expected}` / `{format}` / `{range}` / `{example}` are command-line text
 * (`table, json`, `SOURCE=TARGET`, `≥ 1`, `--project 6f1c…`) that reads the same in every language.
 */
export const CLI_ERROR_CODES = defineErrorCodes({
  CLI_OPTION_REQUIRED: {
    status: 400,
    message: {
      'zh-CN': '请给出选项 {option} 的值，例如：{example}',
      en: 'Give a value for {option}, e.g. {example}',
    },
  },
  CLI_OPTION_REQUIRES: {
    status: 400,
    message: {
      'zh-CN': '使用选项 {option} 时还需要给出 {requires}',
      en: '{option} needs {requires} as well',
    },
  },
  CLI_OPTION_ONE_OF_REQUIRED: {
    status: 400,
    message: {
      'zh-CN': '请至少给出以下选项之一：{options}',
      en: 'Give at least one of {options}',
    },
  },
  CLI_OPTION_INVALID: {
    status: 400,
    message: {
      'zh-CN': '选项 {option} 的值“{value}”无效，可选值：{expected}',
      en: 'Invalid value "{value}" for {option}; expected one of: {expected}',
    },
  },
  CLI_OPTION_FORMAT: {
    status: 400,
    message: {
      'zh-CN': '选项 {option} 的值“{value}”格式有误，应写成 {format}',
      en: 'Invalid value "{value}" for {option}; write it as {format}',
    },
  },
  CLI_OPTION_INTEGER: {
    status: 400,
    message: {
      'zh-CN': '选项 {option} 的值“{value}”应为整数（{range}）',
      en: 'Invalid value "{value}" for {option}; expected a whole number ({range})',
    },
  },
  CLI_OPTION_NUMBER: {
    status: 400,
    message: {
      'zh-CN': '选项 {option} 的值“{value}”应为数字（{range}）',
      en: 'Invalid value "{value}" for {option}; expected a number ({range})',
    },
  },
  CLI_OPTION_TOO_SHORT: {
    status: 400,
    message: {
      'zh-CN': '选项 {option} 至少需要 {min} 个字符',
      en: '{option} must be at least {min} characters long',
    },
  },
  CLI_FILE_UNREADABLE: {
    status: 400,
    message: {
      'zh-CN': '无法读取文件“{file}”（文件不存在或没有读取权限）',
      en: 'Cannot read file "{file}" (it does not exist or is not readable)',
    },
  },
  CLI_FILE_PARSE_FAILED: {
    status: 400,
    message: {
      'zh-CN': '文件“{file}”不是有效的 {format}：{reason}',
      en: 'File "{file}" is not valid {format}: {reason}',
    },
  },
  CLI_SPEC_INVALID: {
    status: 400,
    message: {
      'zh-CN': '文件“{file}”的内容有误：{issues}',
      en: 'File "{file}" has errors: {issues}',
    },
  },
  CLI_DIRECTORY_NOT_FOUND: {
    status: 400,
    message: {
      'zh-CN': '目录“{dir}”不存在',
      en: 'Directory "{dir}" does not exist',
    },
  },
  CLI_OUTPUT_IS_DIRECTORY: {
    status: 400,
    message: {
      'zh-CN': '“{file}”是一个目录，请给出文件路径',
      en: '"{file}" is a directory; give a file path',
    },
  },
});
