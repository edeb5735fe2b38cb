import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countLines, findingKey, MAX_FUNCTION_LINES, measureFunctions, measureRepository, REPO_ROOT } from './source-size';
import { SIZE_ALLOW_LIST } from './source-size-allowlist';

const lines = (n: number, line = '  x += 1;'): string => Array.from({ length: n }, () => line).join('\n');

describe('measureFunctions', () => {
  it('counts a function from its first to its last line and flags only what is over the limit', () => {
    // 150 lines in all: the header, 148 body lines and the closing brace.
    const ok = `function ok(x: number) {\n${lines(MAX_FUNCTION_LINES - 2)}\n}\n`;
    const long = `export function long(x: number) {\n${lines(MAX_FUNCTION_LINES - 1)}\n}\n`;
    expect(measureFunctions('a.ts', ok)).toEqual([]);
    expect(measureFunctions('a.ts', long)).toEqual([{ kind: 'function', path: 'a.ts', name: 'long', line: 1, lines: 151 }]);
  });

  it('measures arrows, function expressions and methods, and counts nested functions in the outer one', () => {
    const inner = (i: number): string => `  const f${i} = () => {\n${lines(20)}\n  };`;
    const closure = `const open = async () => {\n${Array.from({ length: 8 }, (_, i) => inner(i)).join('\n')}\n};\n`;
    const found = measureFunctions('b.ts', closure);
    expect(found.map((f) => f.name)).toEqual(['open']);
    const method = `class A {\n  run() {\n${lines(160)}\n  }\n}\nconst g = function () {\n${lines(160)}\n};\n`;
    expect(measureFunctions('c.ts', method).map((f) => f.name)).toEqual(['run', 'g']);
    const component = `export function Page() {\n  return (\n    <div>\n${lines(160, '      <span />')}\n    </div>\n  );\n}\n`;
    expect(measureFunctions('d.tsx', component).map((f) => f.name)).toEqual(['Page']);
  });

  it('does not count a describe callback, but does count the tests inside it', () => {
    const suite = `describe('s', () => {\n  it('a', () => {\n${lines(160)}\n  });\n${lines(20)}\n});\n`;
    expect(measureFunctions('e.test.ts', suite).map((f) => f.line)).toEqual([2]);
  });

  it('flags the migrate target before its split (openPostgresTarget was one 438-line closure)', () => {
    const text = readFileSync(join(REPO_ROOT, 'src/engines/migrate/target-db.ts'), 'utf8');
    if (!text.includes('export async function openPostgresTarget')) return;
    const names = measureFunctions('target-db.ts', text).map((f) => f.name);
    if (countLines(text) > 600) expect(names).toContain('openPostgresTarget');
  });
});

describe('source size', () => {
  const findings = measureRepository();

  it('has no file over 600 lines and no function over 150 lines outside the allow-list', () => {
    const unexplained = findings
      .filter((f) => !(findingKey(f) in SIZE_ALLOW_LIST))
      .map((f) => `${f.path}${f.name ? `#${f.name} (line ${String(f.line)})` : ''}: ${String(f.lines)} lines`);
    expect(unexplained).toEqual([]);
  });

  it('has no stale allow-list entry and a reason for each', () => {
    const keys = new Set(findings.map(findingKey));
    expect(Object.keys(SIZE_ALLOW_LIST).filter((k) => !keys.has(k))).toEqual([]);
    expect(Object.entries(SIZE_ALLOW_LIST).filter(([, reason]) => reason.trim().length < 20)).toEqual([]);
  });
});
