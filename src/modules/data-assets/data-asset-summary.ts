import type { DbExecutor } from '../../db/connection';
import type { DocBlock } from '../../documents/document-model';
import type { Locale } from '../../shared/app-error';

// CONTRACT (owner: data-assets module). The Current State Analysis Report depends on these exact
// names and shapes; implement the bodies, keep the signatures.

/** One registered data asset with its latest profile, as the current-state report summarises it. */
export interface DataAssetSummary {
  id: string;
  name: string;
  businessOwner: string;
  systemOfOrigin: string;
  storage: string;
  format: string;
  /** From the latest profile run; null when never profiled. */
  rows: number | null;
  columns: number | null;
  /** 0–100, null when never profiled. */
  qualityScore: number | null;
  /** Share of null/empty cells over all cells, 0–1. */
  missingRatio: number | null;
  profiledAt: string | null;
  /** The main quality findings, localized, most important first. */
  findings: string[];
}

/** Every data asset of the project with its latest profile. */
export async function summarizeDataAssets(db: DbExecutor, projectId: string, locale: Locale): Promise<DataAssetSummary[]> {
  void db;
  void projectId;
  void locale;
  throw new Error('SCAFFOLD: summarizeDataAssets is implemented by the data-assets module');
}

/** Document blocks: the inventory table and the quality summary (empty array when there are no assets). */
export function buildDataAssetReportBlocks(assets: DataAssetSummary[], locale: Locale): DocBlock[] {
  void assets;
  void locale;
  throw new Error('SCAFFOLD: buildDataAssetReportBlocks is implemented by the data-assets module');
}
