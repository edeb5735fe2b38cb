import { defineErrorCodes } from './define-error-codes';

/** Error codes of the cutover domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with CUTOVER_. */
export const CUTOVER_ERROR_CODES = defineErrorCodes({
  // Data connections. No template takes the URL itself: it may carry a password.
  CUTOVER_CONNECTION_NAME_TAKEN: {
    status: 409,
    message: {
      'zh-CN': '本项目已有名为“{name}”的数据连接，请换一个名称',
      en: 'A data connection named "{name}" already exists in this project: choose another name',
    },
  },
  CUTOVER_CONNECTION_IN_USE: {
    status: 409,
    message: {
      'zh-CN': '数据连接“{name}”正被以下对账规则使用，不能删除：{specs}',
      en: 'The data connection "{name}" is used by these reconciliation specs and cannot be deleted: {specs}',
    },
  },
  CUTOVER_CONNECTION_URL_HAS_FRAGMENT: {
    status: 400,
    message: {
      'zh-CN': '连接地址中不能包含“#”：要比对的表或查询在对账规则中选择',
      en: 'The connection URL must not contain "#": the table or query is chosen in the reconciliation spec',
    },
  },
  CUTOVER_CONNECTION_URL_KIND_MISMATCH: {
    status: 400,
    message: {
      'zh-CN': '{kind} 数据连接的地址应形如 {example}',
      en: 'A {kind} connection URL looks like {example}',
    },
  },
  CUTOVER_CONNECTION_URL_INVALID: {
    status: 400,
    message: {
      'zh-CN': '连接地址格式不正确，请检查其中的空格和特殊字符（含特殊字符的密码可在“密码”栏单独填写）',
      en: 'The connection URL is not a valid URL: check it for spaces and special characters (a password with special characters can go in the password field)',
    },
  },
  CUTOVER_CONNECTION_URL_NO_HOST: {
    status: 400,
    message: {
      'zh-CN': '连接地址中缺少数据库服务器的主机名',
      en: 'The connection URL names no database host',
    },
  },
  CUTOVER_CONNECTION_PASSWORD_WITHOUT_USER: {
    status: 400,
    message: {
      'zh-CN': '填写了密码，但连接地址中没有用户名：请在地址中写明用户名（用户名@主机）',
      en: 'A password is given but the connection URL names no user: put the user in the URL (user@host)',
    },
  },
  CUTOVER_CONNECTION_SQLITE_NO_PASSWORD: {
    status: 400,
    message: {
      'zh-CN': 'SQLite 数据库文件没有密码，请不要填写密码',
      en: 'SQLite files have no password: leave the password empty',
    },
  },
  CUTOVER_CONNECTION_SQLITE_NO_FILE: {
    status: 400,
    message: {
      'zh-CN': 'SQLite 数据连接的地址中没有数据库文件名，应形如 sqlite:legacy.db',
      en: 'The SQLite connection URL names no database file: it looks like sqlite:legacy.db',
    },
  },
  CUTOVER_CONNECTION_SQLITE_OUTSIDE_FOLDER: {
    status: 400,
    message: {
      'zh-CN': 'SQLite 数据库文件必须放在服务器的“{folder}”文件夹内（该文件夹可由环境变量 {setting} 指定）',
      en: 'SQLite source files must be inside the server folder "{folder}" (the environment variable {setting} chooses the folder)',
    },
  },
  // Reconciliation specs.
  CUTOVER_SPEC_NAME_TAKEN: {
    status: 409,
    message: {
      'zh-CN': '本项目已有名为“{name}”的对账规则，请换一个名称',
      en: 'A reconciliation spec named "{name}" already exists in this project: choose another name',
    },
  },
  CUTOVER_TIME_ZONE_INVALID: {
    status: 400,
    message: {
      'zh-CN': '无法识别时区“{timeZone}”：请填写标准时区名称，如“Asia/Shanghai”',
      en: 'Unknown time zone "{timeZone}": use an IANA time zone name such as "Asia/Shanghai"',
    },
  },
  // The webhook URL is never a parameter: it carries the robot's token.
  CUTOVER_WEBHOOK_URL_INVALID: {
    status: 400,
    message: {
      'zh-CN': '通知地址须为以 http:// 或 https:// 开头的有效网址',
      en: 'The webhook URL must be a valid http:// or https:// URL',
    },
  },
  CUTOVER_WEBHOOK_FORMAT_NONE: {
    status: 400,
    message: {
      'zh-CN': '通知方式为“不通知”，无法发送测试消息：请选择企业微信、钉钉、飞书或 JSON',
      en: 'The webhook format is "none", so there is nothing to test: choose wecom, dingtalk, feishu or json',
    },
  },
  CUTOVER_WEBHOOK_URL_MISSING: {
    status: 400,
    message: {
      'zh-CN': '该对账规则尚未填写通知地址，请先填写后再发送测试消息',
      en: 'The spec has no webhook URL: enter one before sending a test',
    },
  },
  // Schedules. A field is named by its position (1–5): the message then reads the same in both languages.
  CUTOVER_CRON_FIELD_COUNT: {
    status: 400,
    message: {
      'zh-CN': '定时表达式“{expression}”应有 5 个字段（分、时、日、月、周，以空格分隔），实际有 {count} 个；例如“0 6 * * *”表示每天 6:00',
      en: 'Cron expression "{expression}" needs 5 fields (minute, hour, day of month, month, day of week, separated by spaces), found {count}; e.g. "0 6 * * *" runs daily at 06:00',
    },
  },
  CUTOVER_CRON_INVALID: {
    status: 400,
    message: {
      'zh-CN':
        '定时表达式“{expression}”的第 {position} 个字段中“{part}”无效：5 个字段依次为分、时、日、月、周，该字段可填 {min}–{max}，也可用 *、范围（1-5）、列表（1,3）或步长（*/15）',
      en: 'Cron expression "{expression}": "{part}" in field {position} is invalid. The 5 fields are minute, hour, day of month, month and day of week; this one takes {min}-{max}, *, ranges (1-5), lists (1,3) or steps (*/15)',
    },
  },
  // Importing a spec file (`golive reconcile --spec`): its sources are matched to uploads and saved connections.
  CUTOVER_IMPORT_SOURCE_MISSING: {
    status: 400,
    message: {
      'zh-CN': '导入的对账规则文件中没有“{side}”数据源：请在文件中写明，或在请求中传入“{side}”',
      en: 'The imported spec file has no "{side}" source: name it in the file or pass "{side}" in the request',
    },
  },
  CUTOVER_IMPORT_UPLOAD_NOT_FOUND: {
    status: 400,
    message: {
      'zh-CN': '本项目中没有名为“{name}”的上传文件：请先上传该文件，或在请求中传入“{side}”数据源',
      en: 'No uploaded file named "{name}" in this project: upload it first or pass "{side}" in the request',
    },
  },
  CUTOVER_IMPORT_CONNECTION_NOT_FOUND: {
    status: 400,
    message: {
      'zh-CN': '没有与“{url}”对应的已保存数据连接：请先保存该数据连接，或在请求中传入“{side}”数据源',
      en: 'No saved data connection matches "{url}": save the connection first or pass "{side}" in the request',
    },
  },
  CUTOVER_IMPORT_TABLE_MISSING: {
    status: 400,
    message: {
      'zh-CN': '数据源“{url}”未指定表：请在地址后加“#表名”',
      en: 'The source "{url}" names no table: add "#table" after the URL',
    },
  },
  CUTOVER_IMPORT_VALUE_MAP_FILE: {
    status: 400,
    message: {
      'zh-CN': '列“{column}”的值映射引用了外部文件，网页端不支持：请在规则文件中直接写出映射值，如“values: { 旧值: 新值 }”',
      en: 'The value map of column "{column}" refers to a file, which the web app does not support: inline it as "values: { OLD: NEW }"',
    },
  },
  CUTOVER_IMPORT_KEY_MISSING: {
    status: 400,
    message: {
      'zh-CN': '导入的对账规则文件未指定主键列：请用“key”写明用来匹配两边记录的列',
      en: 'The imported spec file names no key column: set "key" to the column(s) that match rows on both sides',
    },
  },
  CUTOVER_IMPORT_SPEC_INVALID: {
    status: 400,
    message: {
      'zh-CN': '导入的对账规则文件中“{field}”填写有误',
      en: 'The imported spec file has an invalid "{field}"',
    },
  },
});
