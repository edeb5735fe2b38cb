import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/connection';
import { readDocxXml } from '../../documents/docx-test-helpers';
import { createTestDatabaseUrl, describeEachDialect } from '../../../test/db-harness';
import { writeFileAtomic } from './report';

const BIN = fileURLToPath(new URL('../../../bin/golive.js', import.meta.url));

function golive(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, LANG: 'en_US.UTF-8', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('writeFileAtomic', () => {
  it('replaces the file in one step and leaves no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'golive-report-'));
    const file = join(dir, 'r.docx');
    writeFileSync(file, 'old');
    await writeFileAtomic(file, Buffer.from('new content'));
    expect(readFileSync(file, 'utf8')).toBe('new content');
    expect(readdirSync(dir)).toEqual(['r.docx']);
    await expect(writeFileAtomic(join(dir, 'missing', 'x.docx'), 'x')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['r.docx']);
  });
});

it('shows help for golive report and its subcommands', () => {
  const help = golive(['report', '--help']);
  expect(help.status).toBe(0);
  expect(help.stdout).toContain('current-state');
  expect(help.stdout).toContain('blueprint');
  for (const kind of ['current-state', 'blueprint']) {
    const sub = golive(['report', kind, '--help']);
    expect(sub.status).toBe(0);
    expect(sub.stdout).toContain(`Usage: golive report ${kind}`);
    expect(sub.stdout).toContain('--project <id>');
    expect(sub.stdout).toContain('--out <file>');
  }
  expect(golive(['report', 'blueprint', '--help']).stdout).toContain('--version <id>');
}, 120_000);

describeEachDialect('golive report on a database', (dialect) => {
  let env: Record<string, string>;
  let projectId: string;
  let dir: string;

  beforeAll(async () => {
    env = { DATABASE_URL: await createTestDatabaseUrl(dialect) };
    dir = mkdtempSync(join(tmpdir(), 'golive-report-'));
    const demo = golive(['demo'], env);
    expect(demo.status, demo.stderr).toBe(0);
    const db = openDb(env.DATABASE_URL!);
    try {
      projectId = (await db.kysely.selectFrom('project').select('id').where('is_demo', '=', 1).executeTakeFirstOrThrow()).id;
    } finally {
      await db.close();
    }
  });

  it('refuses bad arguments with exit 2 and writes nothing', () => {
    const out = join(dir, 'bad.docx');
    const unknown = golive(['report', 'current-state', '--project', 'no-such-project', '--out', out], env);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('project not found: no-such-project');
    const missing = golive(['report', 'blueprint', '--out', out], env);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--project');
    const lang = golive(['report', 'current-state', '--project', projectId, '--out', out, '--lang', 'fr'], env);
    expect(lang.status).toBe(2);
    expect(lang.stderr).toBe('golive report: Invalid value "fr" for --lang; expected one of: zh-CN, en\n');
    const format = golive(['report', 'current-state', '--project', projectId, '--out', out, '--format', 'pdf'], env);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('--format');
    const noDir = golive(['report', 'current-state', '--project', projectId, '--out', join(dir, 'nope', 'x.docx')], env);
    expect(noDir.status).toBe(2);
    expect(noDir.stderr).toBe(`golive report: Directory "${join(dir, 'nope')}" does not exist\n`);
    const isDir = golive(['report', 'current-state', '--project', projectId, '--out', dir], { ...env, GOLIVE_LANG: 'zh-CN' });
    expect(isDir.status).toBe(2);
    expect(isDir.stderr).toBe(`golive report: “${dir}”是一个目录，请给出文件路径\n`);
    expect(existsSync(out)).toBe(false);
  }, 300_000);

  it('writes the Current State Analysis Report as DOCX with diagrams, and as HTML', async () => {
    const out = join(dir, '现状分析报告.docx');
    const result = golive(['report', 'current-state', '--project', projectId, '--out', out, '--author', '李工'], env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`Wrote ${out} (${statSync(out).size} bytes)\n`);
    const docx = await readDocxXml(readFileSync(out));
    expect(docx.text).toContain('现状分析报告');
    expect(docx.creator).toBe('李工');
    expect(docx.headings.some((h) => h.level === 1 && h.text.includes('业务流程现状'))).toBe(true);
    expect(docx.hasToc).toBe(true);
    expect(docx.tableCount).toBeGreaterThanOrEqual(3);
    expect(docx.media.filter((m) => /^word\/media\/.+\.png$/.test(m)).length).toBeGreaterThanOrEqual(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const html = join(dir, 'current-state.html');
    const preview = golive(['report', 'current-state', '--project', projectId, '--out', html], env);
    expect(preview.status, preview.stderr).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('业务流程现状');
    expect(page).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg"|data:image\/png;base64,/);
  }, 300_000);

  it('writes the System Blueprint Design Document as DOCX', async () => {
    const out = join(dir, 'blueprint.docx');
    const result = golive(['report', 'blueprint', '--project', projectId, '--out', out], env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const docx = await readDocxXml(readFileSync(out));
    expect(docx.text).toContain('系统蓝图设计文档');
    expect(docx.headings.length).toBeGreaterThanOrEqual(4);
    expect(docx.tableCount).toBeGreaterThanOrEqual(3);
    expect(docx.text).toContain('权限');
    const unknownVersion = golive(['report', 'blueprint', '--project', projectId, '--out', out, '--version', 'no-such-version'], env);
    expect(unknownVersion.status).toBe(2);
    expect(unknownVersion.stderr).toContain('no-such-version');
  }, 300_000);
});
