/**
 * The zh-CN language check: a zh-CN message is Chinese except for product terms, the user's own data
 * and technical tokens. Used by src/shared/errors/zh-messages.test.ts on every template and by
 * test/api-harness.ts on every zh-CN error the API tests provoke.
 */

/**
 * English words a zh-CN message may contain, matched case-sensitively. Each is either how the term is
 * written in Chinese product text too, or a format/unit token; anything else gets a Chinese word.
 */
export const ZH_ALLOWED_TERMS: ReadonlySet<string> = new Set([
  // Product and methodology names Chinese ERP projects write in Latin letters.
  'ERP',
  'KPI',
  'ROI',
  'SoD',
  'BPMN',
  'RACI',
  'SMART',
  'UAT',
  'PM',
  'IT',
  'ID',
  'API',
  // File formats, encodings and protocols, named as the user sees them in their tools.
  'CSV',
  'XLSX',
  'XLS',
  'DOCX',
  'PNG',
  'JPEG',
  'JSON',
  'SQL',
  'XML',
  'YAML',
  // The regular-expression engine golive runs patterns on.
  'RE2',
  'URL',
  'UTF',
  'GBK',
  'GB18030',
  'HTTP',
  'HTTPS',
  'SMTP',
  'OIDC',
  // Database products.
  'DuckDB',
  'PostgreSQL',
  'MySQL',
  'MariaDB',
  'SQLite',
  // Date-format letters (YYYY-MM-DD HH) and byte units (formatBytes).
  'YYYY',
  'MM',
  'DD',
  'HH',
  // Units of the environment probe (round-trip time, bandwidth).
  'ms',
  'Mbps',
  'KB',
  'MB',
  'GB',
]);

/** The user's own data, quoted as the message conventions ask: “…”, "…", 「…」. */
const QUOTED = [/“[^”]*”/g, /"[^"]*"/g, /「[^」]*」/g];

/** A request field named with its value (`force: true`): a hint at the API, not prose. */
const FIELD_ASSIGNMENT = /\b[A-Za-z]\w*: (?:true|false|null)\b/g;

/** Maximal runs of ASCII that can make up a technical token; Chinese text and spaces end a run. */
const ASCII_RUN = /[A-Za-z0-9_.@/:+-]+/g;

/** Content types (application/json, text/csv …): the name a client must send, as it is. */
const CONTENT_TYPE = /^(?:application|text|image|audio|video|multipart|font)\/[\w.+-]+$/;

/**
 * Whether an ASCII run is code rather than words: a file name with an extension (also `.xlsx` after a
 * Chinese name) or a dotted field key (`a.b`), an identifier with `_`, an e-mail address, a URL or an
 * absolute path, a content type.
 */
function isCodeLike(run: string): boolean {
  return (
    /[A-Za-z0-9][._][A-Za-z0-9]/.test(run) ||
    /^\.\w/.test(run) ||
    run.includes('@') ||
    run.includes('://') ||
    run.startsWith('/') ||
    CONTENT_TYPE.test(run.replace(/[.:]+$/, ''))
  );
}

/**
 * The English words (ASCII words of 2+ letters) in a zh-CN message, in order, after removing the
 * allowed terms ({@link ZH_ALLOWED_TERMS}), quoted user data and code-like spans (`…`, file names,
 * field keys, e-mail addresses, URLs, content types). Empty means the message passes.
 */
export function englishWordsIn(text: string): string[] {
  let prose = text.replace(/`[^`]*`/g, ' ');
  for (const quoted of QUOTED) prose = prose.replace(quoted, ' ');
  prose = prose.replace(FIELD_ASSIGNMENT, ' ');
  const words: string[] = [];
  for (const [run] of prose.matchAll(ASCII_RUN)) {
    if (isCodeLike(run)) continue;
    for (const [word] of run.matchAll(/[A-Za-z][A-Za-z0-9]*/g))
      if (word.replace(/[0-9]/g, '').length >= 2 && !ZH_ALLOWED_TERMS.has(word)) words.push(word);
  }
  return words;
}
