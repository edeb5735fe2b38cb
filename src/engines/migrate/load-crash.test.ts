import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness';
import { BENCH_TABLE_DDL, generateCsv } from '../../../bench/migrate/generate';
import { batchKeysRelation } from './batch-keys';
import { countRows, freshTarget, withTarget } from './test-support';

const ROOT = resolve(import.meta.dirname, '../../..');
const ROWS = 200_000;
const PRESENT = 1_000;

/** Starts `golive load` as a real process; resolves the exit code and output when it ends. */
function golive(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [join(ROOT, 'bin/golive.js'), ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((ok) =>
    child.on('exit', (code, signal) => ok({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((ok, fail) => {
    let seen = '';
    const timer = setTimeout(() => fail(new Error(`no ${pattern} within ${timeoutMs} ms; stderr: ${seen}`)), timeoutMs);
    child.stderr!.on('data', (d: Buffer) => {
      seen += d.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        ok();
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      fail(new Error(`golive exited before ${pattern}; stderr: ${seen}`));
    });
  });
}

describeEachDialect('golive load killed with SIGKILL mid-batch, then resumed', (dialect) => {
  let url: string;
  let csv: string;

  beforeAll(async () => {
    const target = await freshTarget(dialect);
    url = target.url;
    csv = join(target.dir, 'big.csv');
    await generateCsv(csv, ROWS);
    await withTarget(url, async (db) => {
      await db.query(BENCH_TABLE_DDL('big'));
      // Rows already there before the load must survive everything below.
      await db.query(
        dialect === 'postgres'
          ? `INSERT INTO big (id, code) SELECT g, 'OLD' || g FROM generate_series(1, ${PRESENT}) g`
          : `WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < ${PRESENT}) INSERT INTO big (id, code) SELECT n, 'OLD' || n FROM g`,
      );
    });
  });

  it('leaves no trace of the killed batch and loads everything exactly once on the re-run', async () => {
    const args = ['load', csv, '--into', `${url}#big`, '--format', 'json', '--batch-size', '20000'];
    const killed = golive(args, { GOLIVE_TEST_PAUSE_AFTER_ROWS: '100000' });
    await waitForOutput(killed.child, /paused after \d+ rows/, 60_000);
    if (dialect === 'postgres') {
      // The loader's transaction is open and has written rows that nobody else can see.
      const open = await withTarget(url, async (db) => {
        const r = await db.query<{ n: unknown }>(
          "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'",
        );
        return Number(r.rows[0].n);
      });
      expect(open).toBe(1);
      expect(await countRows(url, 'big')).toBe(PRESENT);
    }
    killed.child.kill('SIGKILL');
    const end = await killed.done;
    expect(end.signal).toBe('SIGKILL');
    expect(end.stdout).toBe('');

    // Wait for PostgreSQL to notice the dead client and abort its transaction.
    for (let i = 0; dialect === 'postgres' && i < 50; i++) {
      const n = await withTarget(url, async (db) =>
        Number(
          (
            await db.query<{ n: unknown }>(
              "SELECT count(*) AS n FROM pg_stat_activity WHERE state = 'idle in transaction' AND datname = current_database()",
            )
          ).rows[0].n,
        ),
      );
      if (n === 0) break;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    expect(await countRows(url, 'big')).toBe(PRESENT);
    expect(await countRows(url, 'big', "WHERE code LIKE 'OLD%'")).toBe(PRESENT);
    expect(await countRows(url, 'golive_batch')).toBe(0);
    expect(await countRows(url, 'golive_batch_key')).toBe(0);

    const resumed = golive(args);
    const result = await resumed.done;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ source_rows: ROWS, loaded: ROWS - PRESENT, rejected: 0, skipped_existing: PRESENT });
    expect(summary.count_check).toMatchObject({ ok: true, target_rows_before: PRESENT, target_rows_after: ROWS });
    expect(await countRows(url, 'big')).toBe(ROWS);
    expect(
      await withTarget(url, async (db) => Number((await db.query<{ n: unknown }>('SELECT count(DISTINCT id) AS n FROM big')).rows[0].n)),
    ).toBe(ROWS);
    expect(await countRows(url, 'big', "WHERE code LIKE 'OLD%'")).toBe(PRESENT);
    // PostgreSQL records keys in chunks: count them unfolded.
    expect(await countRows(url, `${batchKeysRelation(dialect)} k`)).toBe(ROWS - PRESENT);
  }, 120_000);
});
