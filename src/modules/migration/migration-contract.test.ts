import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../../test/api-harness';
import { describeEachDialect } from '../../../test/db-harness';
import { newId, nowIso } from '../../shared/ids';
import { getLatestRealMigrationRun, hasMigrationPlan } from './migration-contract';

type BatchSpec = { name: string; status: string; sourceRows?: number; loaded?: number; rejected?: number };

describeEachDialect('migration contract: the latest real run', (dialect) => {
  let api: TestApi;
  let projectId: string;
  let number = 0;

  beforeAll(async () => {
    api = await createTestApi(dialect);
    const { cookie } = await api.signUp('pm@example.com');
    projectId = await api.createProject(cookie);
  });
  afterAll(async () => api.close());
  beforeEach(async () => {
    await api.db.kysely.deleteFrom('migration_run').where('project_id', '=', projectId).execute();
  });

  async function addRun(mode: 'simulate' | 'real', status: string, batches: BatchSpec[], rolledBack = false): Promise<void> {
    const now = nowIso();
    const runId = newId();
    number += 1;
    await api.db.kysely
      .insertInto('migration_run')
      .values({
        id: runId,
        project_id: projectId,
        number,
        mode,
        status,
        job_id: null,
        error: null,
        created_by: null,
        created_at: now,
        started_at: now,
        finished_at: now,
        rolled_back_at: rolledBack ? now : null,
      })
      .execute();
    for (const [seq, b] of batches.entries()) {
      await api.db.kysely
        .insertInto('migration_batch')
        .values({
          id: newId(),
          project_id: projectId,
          run_id: runId,
          object_id: null,
          object_name: b.name,
          seq,
          engine_batch_id: null,
          target_label: 'target',
          target: null,
          status: b.status,
          source_rows: b.sourceRows ?? null,
          loaded: b.loaded ?? null,
          rejected: b.rejected ?? null,
          skipped_existing: null,
          rejects_path: null,
          output_path: null,
          message: null,
          check_result: null,
          started_at: now,
          finished_at: now,
          rolled_back_at: rolledBack ? now : null,
          rolled_back_by: null,
        })
        .execute();
    }
  }

  const good: BatchSpec[] = [
    { name: '客户', status: 'loaded', sourceRows: 100, loaded: 98, rejected: 2 },
    { name: '物料', status: 'skipped', sourceRows: 50, loaded: 0, rejected: 0 },
  ];

  it('is null without any run, and simulations never count', async () => {
    expect(await getLatestRealMigrationRun(api.db.kysely, projectId)).toBeNull();
    await addRun('simulate', 'succeeded', [{ name: '客户', status: 'simulated', sourceRows: 100, rejected: 1 }]);
    expect(await getLatestRealMigrationRun(api.db.kysely, projectId)).toBeNull();
  });

  it('a succeeded real run with every object loaded or skipped is loaded, with its per-object summary and totals', async () => {
    await addRun('real', 'succeeded', good);
    await addRun('simulate', 'failed', [{ name: '客户', status: 'failed' }]);
    const run = await getLatestRealMigrationRun(api.db.kysely, projectId);
    expect(run).toMatchObject({ number: number - 1, status: 'succeeded', rolledBack: false, loaded: true, unfinished: [] });
    expect(run?.objects).toEqual([
      { objectName: '客户', status: 'loaded', sourceRows: 100, loaded: 98, rejected: 2 },
      { objectName: '物料', status: 'skipped', sourceRows: 50, loaded: 0, rejected: 0 },
    ]);
    expect(run).toMatchObject({ sourceRows: 150, rejected: 2 });
  });

  it('a later rolled-back run is the latest: not loaded, flagged rolled back (it does not fall back to the earlier good run)', async () => {
    await addRun('real', 'succeeded', good);
    await addRun(
      'real',
      'rolled_back',
      good.map((b) => ({ ...b, status: 'rolled_back' })),
      true,
    );
    const run = await getLatestRealMigrationRun(api.db.kysely, projectId);
    expect(run).toMatchObject({ number, status: 'rolled_back', rolledBack: true, loaded: false });
  });

  it('a run with one object rolled back is rolled back too', async () => {
    await addRun('real', 'succeeded', [good[0]!, { ...good[1]!, status: 'rolled_back' }]);
    expect(await getLatestRealMigrationRun(api.db.kysely, projectId)).toMatchObject({
      rolledBack: true,
      loaded: false,
      unfinished: ['物料'],
    });
  });

  it('a later failed run is the latest: not loaded, naming the unfinished objects, its rejects counted', async () => {
    await addRun('real', 'succeeded', good);
    await addRun('real', 'failed', [
      { name: '客户', status: 'loaded', sourceRows: 100, loaded: 60, rejected: 40 },
      { name: '物料', status: 'failed' },
      { name: '期初余额', status: 'pending' },
    ]);
    const run = await getLatestRealMigrationRun(api.db.kysely, projectId);
    expect(run).toMatchObject({ number, status: 'failed', rolledBack: false, loaded: false, unfinished: ['物料', '期初余额'] });
    expect(run).toMatchObject({ sourceRows: 100, rejected: 40 });
  });

  it('knows whether the project has a migration plan', async () => {
    expect(await hasMigrationPlan(api.db.kysely, projectId)).toBe(false);
  });
});
