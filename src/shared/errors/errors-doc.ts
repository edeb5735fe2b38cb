import type { ErrorCodeDefinition } from './define-error-codes';
import { ERROR_CODE_TABLES } from './error-codes';

/** Where the generated reference lives, relative to the repository root. */
export const ERRORS_DOC_PATH = 'docs/ERRORS.md';

/** The command that regenerates {@link ERRORS_DOC_PATH}; named in every drift message. */
export const ERRORS_DOC_COMMAND = 'npm run gen:errors';

const INTRO = `# Error codes

GENERATED FILE — do not edit. Regenerate with \`${ERRORS_DOC_COMMAND}\` (from \`bin/gen-errors.ts\`); \`npm run check:errors\`
and \`src/shared/errors/errors-doc.test.ts\` fail when it is stale.

## How codes work

Every failure that reaches a user — over HTTP, in the CLI or in the web app — is an \`AppError(code, params, details)\`
(\`src/shared/app-error.ts\`). The code fixes the HTTP status and the message templates below; the server answers

\`\`\`json
{ "error": { "code": "NOT_FOUND", "message": "未找到项目：…", "details": [{ "field": "id", "reason": "…" }] } }
\`\`\`

with \`message\` and every \`details[].reason\` in the caller's language: zh-CN by default, en when the request sends
\`X-Golive-Lang: en\`, \`?lang=en\` or \`Accept-Language: en…\`. \`{name}\` in a template is filled from \`params\`; user data is
quoted (“{x}” in zh-CN, "{x}" in en). \`details\` name the field, column or row (\`row:N\`) a reason is about.

Clients branch on \`code\`, never on \`message\`: messages may be reworded, codes may not.

## Stability

- A code is stable once released: **add, never rename**, and never reuse a code for a different failure.
- A code's HTTP status does not change; a template may be reworded but keeps its placeholders.
- There is no free-form code: each failure has its own code with both messages written here, so a message
  cannot reach a user untranslated (\`test/free-form-errors.test.ts\` fails on a free-form raise).

## How to add a code

1. Pick the domain table \`src/shared/errors/<domain>-codes.ts\` (see \`team-codes.ts\` for the shape); codes are UPPER_SNAKE
   and prefixed with the domain (\`MIGRATION_…\`, \`CUTOVER_…\`). A code declared in two tables fails \`error-codes.test.ts\`.
2. Give it an HTTP status (4xx for what the user can fix, 5xx for the server) and a zh-CN and an en template with the same
   \`{param}\` placeholders. The zh-CN template has no English words except product terms (ERP, KPI, CSV, SQL …), which
   \`src/shared/errors/zh-messages.test.ts\` checks.
3. Raise it: \`throw new AppError('MIGRATION_…', { name }, [{ field: 'name' }])\`.
4. Run \`${ERRORS_DOC_COMMAND}\` and commit \`${ERRORS_DOC_PATH}\` with the change.
`;

/** Makes a message safe in a Markdown table cell; placeholders stay visible as they are. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, '<br>');
}

function domainSection(domain: string, table: Record<string, ErrorCodeDefinition>): string {
  const codes = Object.entries(table);
  const lines = [`### ${domain}`, ''];
  if (codes.length === 0) return [...lines, 'No codes yet.', ''].join('\n');
  lines.push('| Code | HTTP status | zh-CN message | en message |', '| --- | --- | --- | --- |');
  for (const [code, def] of codes) lines.push(`| \`${code}\` | ${def.status} | ${cell(def.message['zh-CN'])} | ${cell(def.message.en)} |`);
  return [...lines, ''].join('\n');
}

/**
 * Renders docs/ERRORS.md from the code tables: the intro, then one section per domain in the order of
 * {@link ERROR_CODE_TABLES} with the codes in declaration order (authors group related codes).
 */
export function renderErrorsDoc(tables: Record<string, Record<string, ErrorCodeDefinition>> = ERROR_CODE_TABLES): string {
  const sections = Object.entries(tables).map(([domain, table]) => domainSection(domain, table));
  return [INTRO, '## Codes by domain', '', ...sections].join('\n');
}

/**
 * Compares the committed doc (`undefined` when the file is missing) with what the tables render now;
 * returns null when they match, else a message that says how to fix it.
 */
export function errorsDocDrift(committed: string | undefined): string | null {
  const expected = renderErrorsDoc();
  if (committed === expected) return null;
  if (committed === undefined) return `${ERRORS_DOC_PATH} is missing: run ${ERRORS_DOC_COMMAND}`;
  const expectedLines = expected.split('\n');
  const committedLines = committed.split('\n');
  const line = expectedLines.findIndex((l, i) => l !== committedLines[i]) + 1 || expectedLines.length + 1;
  return `${ERRORS_DOC_PATH} is out of date: run ${ERRORS_DOC_COMMAND} (first difference at line ${line})`;
}
