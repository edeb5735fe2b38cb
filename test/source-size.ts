/**
 * Measures source files and functions for the size rule (no file over 600 lines, no function over
 * 150 lines). Used by `test/source-size.test.ts`; run `npx tsx test/source-size.ts` for a report.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Longest a source file may be, in lines. */
export const MAX_FILE_LINES = 600;
/** Longest a function may be, in lines (its own span, nested functions included). */
export const MAX_FUNCTION_LINES = 150;

/** The repository root (this file lives in `test/`). */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Which files the rule covers: directory (relative to the root) and accepted extensions. */
export const SOURCE_ROOTS: readonly { dir: string; exts: readonly string[] }[] = [
  { dir: 'src', exts: ['.ts'] },
  { dir: 'web/src', exts: ['.ts', '.tsx'] },
  { dir: 'e2e', exts: ['.ts'] },
  { dir: 'test', exts: ['.ts'] },
  { dir: 'bench', exts: ['.ts'] },
];

/** One finding: a file or a function longer than allowed. */
export interface SizeFinding {
  /** `file` for a file over the limit, `function` for a function over the limit. */
  kind: 'file' | 'function';
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  /** Function name as shown in the allow-list (`<anonymous>` when it has none); absent for files. */
  name?: string;
  /** 1-based line where the function starts; absent for files. */
  line?: number;
  lines: number;
}

/** Every covered source file, relative to `root`, sorted. */
export function listSourceFiles(root: string = REPO_ROOT): string[] {
  const out: string[] = [];
  const walk = (dir: string, exts: readonly string[]): void => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full, exts);
      else if (exts.some((ext) => entry.endsWith(ext)) && !entry.endsWith('.d.ts')) {
        out.push(relative(root, full).split(sep).join('/'));
      }
    }
  };
  for (const { dir, exts } of SOURCE_ROOTS) walk(join(root, dir), exts);
  return out.sort();
}

/** Lines in a text, not counting a final newline. */
export function countLines(text: string): number {
  if (text.length === 0) return 0;
  const lines = text.split('\n').length;
  return text.endsWith('\n') ? lines - 1 : lines;
}

function functionName(node: ts.Node): string {
  if (
    (ts.isFunctionDeclaration(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isGetAccessorDeclaration(node) ||
      ts.isSetAccessorDeclaration(node)) &&
    node.name
  ) {
    return node.name.getText();
  }
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  // An arrow or anonymous function takes the name it is bound to: `const f = () => …`, `{ f: () => … }`.
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
    return parent.name.getText();
  }
  // `forwardRef(function X() …)`, `memo(() => …)` inside `const X = memo(…)`.
  if (ts.isCallExpression(parent) && ts.isVariableDeclaration(parent.parent)) return parent.parent.name.getText();
  return '<anonymous>';
}

/**
 * A callback given to `describe(…)` (or the harness's `describeEachDialect`) only groups tests (each `it` inside is measured on its own), so a
 * long test suite is not one long function.
 */
function isDescribeCallback(node: ts.Node): boolean {
  const call = node.parent;
  if (!ts.isCallExpression(call) || !call.arguments.some((a) => a === node)) return false;
  let callee: ts.Expression = call.expression;
  while (ts.isPropertyAccessExpression(callee) || ts.isCallExpression(callee)) callee = callee.expression;
  return ts.isIdentifier(callee) && (callee.text === 'describe' || callee.text === 'describeEachDialect');
}

/**
 * Functions of one source text longer than `maxLines`. A function's length is its own span from
 * the first to the last line, nested functions included: a 400-line closure counts as 400 lines
 * even when it is made of small inner functions, because it is still one unit to read.
 */
export function measureFunctions(path: string, text: string, maxLines: number = MAX_FUNCTION_LINES): SizeFinding[] {
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const found: SizeFinding[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isArrowFunction(node) ||
      ts.isFunctionExpression(node) ||
      ts.isConstructorDeclaration(node) ||
      ts.isGetAccessorDeclaration(node) ||
      ts.isSetAccessorDeclaration(node)
    ) {
      if (node.body && !isDescribeCallback(node)) {
        const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = end - start + 1;
        if (lines > maxLines) found.push({ kind: 'function', path, name: functionName(node), line: start + 1, lines });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every file and function over the limits under `root`. */
export function measureRepository(root: string = REPO_ROOT): SizeFinding[] {
  const findings: SizeFinding[] = [];
  for (const path of listSourceFiles(root)) {
    const text = readFileSync(join(root, path), 'utf8');
    const lines = countLines(text);
    if (lines > MAX_FILE_LINES) findings.push({ kind: 'file', path, lines });
    findings.push(...measureFunctions(path, text));
  }
  return findings;
}

/** The allow-list key of a finding: `path` for a file, `path#name` for a function. */
export function findingKey(finding: SizeFinding): string {
  return finding.kind === 'file' ? finding.path : `${finding.path}#${finding.name ?? '<anonymous>'}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const f of measureRepository()) {
    console.log(`${String(f.lines).padStart(5)}  ${f.kind.padEnd(8)} ${f.path}${f.name ? `#${f.name}:${f.line}` : ''}`);
  }
}
