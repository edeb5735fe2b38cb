import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../db/connection';
import { newId } from '../../shared/ids';
import { dataDirFor } from '../jobs/job-runtime';
import { cleanedAssetName, writeCleanedAsset } from './data-asset-quality.service';
import { getAssetRow, resolveAssetRow } from './data-asset.service';

// CONTRACT (owner: data-assets module). The migration module reads data assets through these.

/** A data asset resolved to a source spec the engines understand (see src/engines/sources). */
export interface ResolvedAssetSource {
  /** e.g. `/data/uploads/<project>/<file>.csv`, `postgres://…#schema.table`, `sqlite:…#table` (never logged: may hold a password). */
  spec: string;
  /** Password-free description for messages and records. */
  label: string;
  encoding?: string;
}

/** Resolves a registered data asset (uploaded file or saved connection + table/query) to a source spec. */
export async function resolveDataAssetSource(db: Db, projectId: string, assetId: string): Promise<ResolvedAssetSource> {
  const row = await getAssetRow(db.kysely, projectId, assetId);
  const source = await resolveAssetRow(db, row, dataDirFor(db));
  // An XLSX sheet travels in the spec (`file.xlsx#Sheet`), as openSource reads it.
  const spec = source.options.sheet ? `${source.spec}#${source.options.sheet}` : source.spec;
  return { spec, label: source.label, ...(source.options.encoding ? { encoding: source.options.encoding } : {}) };
}

/**
 * Writes the asset after its cleansing recipe (trim, full-width → half-width, case, dates, value maps,
 * dedupe) to a UTF-8 CSV file in `outDir` and returns it as a source; the source itself is never
 * modified. An asset without a recipe is copied as is.
 */
export async function materializeCleanedAsset(
  db: Db,
  projectId: string,
  assetId: string,
  outDir: string,
): Promise<{ source: ResolvedAssetSource; rows: number }> {
  const row = await getAssetRow(db.kysely, projectId, assetId);
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, `${row.id}-${newId().slice(0, 8)}-cleaned.csv`);
  const preview = await writeCleanedAsset(db, row, dataDirFor(db), path);
  return { source: { spec: path, label: cleanedAssetName(row.name), encoding: 'utf-8' }, rows: preview.rowsAfter };
}
