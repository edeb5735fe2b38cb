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
});
