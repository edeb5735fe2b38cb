import { begin, newBatchId, recordBatch } from './batch-record';
import { loadIntoTarget } from './load-into-target';
import type { LoadOptions, LoadSummary } from './load-types';
import { openTargetDb } from './target-db';
import { targetError } from './target-error';

/**
 * Runs one load as one batch in one transaction: target rows, recorded keys and the batch record
 * commit together, so a killed process leaves nothing behind and re-running it resumes cleanly.
 * Simulate mode does the same work, rolls it back and then records the batch as `simulated`.
 * With --on-error stop the first bad row rolls everything back (status `stopped`).
 */
export async function runLoad(options: LoadOptions): Promise<LoadSummary> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const batchId = newBatchId();
  const db = await openTargetDb(options.target);
  try {
    await begin(db);
    let summary: Omit<LoadSummary, 'seconds'>;
    try {
      summary = await loadIntoTarget(db, options, batchId);
      if (summary.status === 'loaded') {
        await recordBatch(db, summary, startedAt);
        await db.query('COMMIT');
      } else {
        await db.query('ROLLBACK');
      }
    } catch (error) {
      await db.query('ROLLBACK').catch(() => {});
      throw error;
    }
    if (summary.status === 'simulated') await recordBatch(db, summary, startedAt);
    return { ...summary, seconds: Math.round((Date.now() - started) / 10) / 100 };
  } catch (error) {
    throw targetError(options.target.description, error);
  } finally {
    await db.close();
  }
}
