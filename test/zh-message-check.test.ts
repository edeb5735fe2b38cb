import { describe, expect, it } from 'vitest';
import { englishWordsIn } from './zh-message-check';

describe('englishWordsIn', () => {
  it.each([
    ['plain Chinese', '请先登录', []],
    ['product terms', '请上传 CSV 或 XLSX 文件，ERP 的 KPI 与 ROI 见 SoD 规则', []],
    ['image formats', '只接受 PNG 或 JPEG 图片', []],
    ['database names', 'DuckDB、PostgreSQL、MySQL、MariaDB 与 SQLite 均支持', []],
    ['encodings with digits', '文件编码应为 UTF-8、GBK 或 GB18030', []],
    ['date format and units', '日期格式应为 YYYY-MM-DD，上限 10 MB', []],
    ['single letters', '每个交付物只能有一个 A（版本 V2）', []],
    ['curly-quoted user data', '项目“Go Live Project”已存在', []],
    ['straight-quoted user data', '列"Customer Name"缺失', []],
    ['corner-quoted user data', '角色「Sales Manager」不存在', []],
    ['backtick code', '请设置 `GOLIVE_DATA_DIR` 或 `dataDir`', []],
    ['file names', '无法读取 customers.xlsx 与 需求清单.docx', []],
    ['field keys', '字段 source.table 与 target_column 不匹配', []],
    ['e-mail addresses', '该账号已是本项目成员：li.lei@example.com', []],
    ['URLs and paths', '请访问 https://golive.example.com/docs 或 /api/v1/projects', []],
    ['content types', '不支持的请求内容类型，请使用 application/json 或 text/csv', []],
    ['a request field with its value', '或确认后仍生成该版本（force: true）', []],
    ['English prose', 'Service unavailable', ['Service', 'unavailable']],
    ['English mixed into Chinese', '服务暂不可用：database', ['database']],
    ['English status', '任务已结束（状态：succeeded）', ['succeeded']],
    ['hyphenated English', '上线前需 go-live 检查', ['go', 'live']],
    ['lower-case product term', '请上传 csv 文件', ['csv']],
    ['unquoted user data', '列 Customer 缺失', ['Customer']],
    ['a slash that is not a content type', '请选 and/or', ['and', 'or']],
  ])('%s', (_name, text, expected) => {
    expect(englishWordsIn(text)).toEqual(expected);
  });
});
