import { defineErrorCodes } from './define-error-codes';

/**
 * Error codes of the sources domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with SOURCES_.
 * `{source}` is a source as the user wrote it with any password masked; `{line}` is a physical line of a
 * text file, `{row}` a data row (1 = the first row after the header).
 */
export const SOURCES_ERROR_CODES = defineErrorCodes({
  SOURCES_SPEC_EMPTY: {
    status: 400,
    message: { 'zh-CN': '未指定数据源', en: 'No source given: the source spec is empty' },
  },
  SOURCES_SQLITE_FILE_MISSING: {
    status: 400,
    message: {
      'zh-CN': '数据源“{source}”没有写 SQLite 数据库文件名',
      en: 'Source "{source}" names no SQLite file',
    },
  },
  SOURCES_UNSUPPORTED: {
    status: 400,
    message: {
      'zh-CN': '不支持的数据源“{source}”：可用的写法有 {forms}',
      en: 'Source "{source}" is not supported: use {forms}',
    },
  },
  SOURCES_NO_TABLE: {
    status: 400,
    message: {
      'zh-CN': '数据源“{source}”没有指定表：请在“#”后写表名或查询语句，例如 {example}',
      en: 'Source "{source}" names no table: write a table or query after "#", e.g. {example}',
    },
  },
  SOURCES_FILE_NOT_FOUND: {
    status: 400,
    message: { 'zh-CN': '找不到文件“{file}”', en: 'File "{file}" not found' },
  },
  SOURCES_FILE_UNREADABLE: {
    status: 400,
    message: { 'zh-CN': '无法读取文件“{file}”（{reason}）', en: 'File "{file}" cannot be read ({reason})' },
  },
  SOURCES_QUERY_FAILED: {
    status: 400,
    message: {
      'zh-CN': '读取数据源“{source}”时出错：“{reason}”',
      en: 'Reading source "{source}" failed: {reason}',
    },
  },
  SOURCES_SERVER_UNREACHABLE: {
    status: 400,
    message: {
      'zh-CN': '无法连接数据源“{source}”所在的数据库服务器：{reason}',
      en: 'Source "{source}": cannot reach the database server ({reason})',
    },
  },
  SOURCES_QUERY_NO_RESULT: {
    status: 400,
    message: {
      'zh-CN': '数据源“{source}”的 SQL 语句不返回数据行：请写一条查询语句',
      en: 'The query of source "{source}" returns no rows: use a SELECT or WITH query',
    },
  },
  SOURCES_NO_COLUMNS: {
    status: 422,
    message: { 'zh-CN': '数据源“{source}”没有任何列', en: 'Source "{source}" has no columns' },
  },
  SOURCES_COLUMN_MISSING: {
    status: 400,
    message: {
      'zh-CN': '数据源“{source}”中没有列“{column}”（用于 {field}）；现有的列：“{columns}”',
      en: 'Source "{source}" has no column "{column}" ({field}); columns are: {columns}',
    },
  },
  SOURCES_UNKNOWN_ENCODING: {
    status: 400,
    message: { 'zh-CN': '无法识别的文本编码“{encoding}”', en: 'Unknown text encoding "{encoding}"' },
  },
  SOURCES_INVALID_UTF8: {
    status: 422,
    message: {
      'zh-CN': '文件“{file}”不是有效的 UTF-8 编码（问题出现在第 {offset} 字节之后）：请指定文件的实际编码，例如 GBK',
      en: 'File "{file}" is not valid UTF-8 (within the 1 MiB block at byte {offset}); pass the encoding, e.g. --encoding gbk',
    },
  },
  SOURCES_CSV_TEXT_AFTER_QUOTE: {
    status: 422,
    message: {
      'zh-CN': '文件“{file}”第 {line} 行第 {column} 个字符：右引号后面还有别的字符（带引号的字段里，引号要连写两个）',
      en: 'File "{file}", line {line}, column {column}: unexpected character after a closing quote (a quote inside a quoted field must be doubled)',
    },
  },
  SOURCES_CSV_UNTERMINATED_QUOTE: {
    status: 422,
    message: {
      'zh-CN': '文件“{file}”第 {line} 行第 {column} 个字符：引号开始的字段没有结束（缺少右引号）',
      en: 'File "{file}", line {line}, column {column}: unterminated quoted field (the closing quote is missing)',
    },
  },
  SOURCES_CSV_TOO_MANY_FIELDS: {
    status: 422,
    message: {
      'zh-CN': '文件“{file}”第 {line} 行有 {fields} 个字段，而表头只有 {columns} 列：从第 {extra} 个字段起多出来了',
      en: 'File "{file}", line {line}: {fields} fields where the header has {columns}; column {extra} is one field too many',
    },
  },
  SOURCES_CSV_MISSING_FIELDS: {
    status: 422,
    message: {
      'zh-CN': '文件“{file}”第 {line} 行只有 {fields} 个字段，而表头有 {columns} 列：缺少第 {position} 列“{column}”',
      en: 'File "{file}", line {line}: {fields} fields where the header has {columns}; column {position} ("{column}") is missing',
    },
  },
  SOURCES_XLSX_UNREADABLE: {
    status: 422,
    message: {
      'zh-CN': '文件“{file}”不是可读取的 XLSX 文件（{reason}）',
      en: 'File "{file}" is not a readable XLSX file ({reason})',
    },
  },
  SOURCES_XLSX_SHEET_MISSING: {
    status: 400,
    message: {
      'zh-CN': '文件“{file}”中没有名为“{sheet}”的工作表（现有工作表：{sheets}）',
      en: 'File "{file}" has no sheet named "{sheet}" (sheets: {sheets})',
    },
  },
  SOURCES_XLSX_VALUE_WITHOUT_HEADER: {
    status: 422,
    message: {
      'zh-CN': '文件“{file}”工作表“{sheet}”第 {row} 行 {column} 列有值，但这一列没有表头',
      en: 'File "{file}", sheet "{sheet}": row {row}, column {column} has a value but no header',
    },
  },
});
