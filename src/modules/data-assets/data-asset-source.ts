import type { Db } from '../../db/connection';

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
  void db;
  void projectId;
  void assetId;
  throw new Error('SCAFFOLD: resolveDataAssetSource is implemented by the data-assets module');
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
  void db;
  void projectId;
  void assetId;
  void outDir;
  throw new Error('SCAFFOLD: materializeCleanedAsset is implemented by the data-assets module');
}
