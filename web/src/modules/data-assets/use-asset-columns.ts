import { useEffect, useState } from 'react';
import { dataAssetsApi } from './api';

/** The column names of an asset (its header); empty while loading or when the source cannot be read. */
export function useAssetColumns(projectId: string, assetId: string | undefined): string[] {
  const [columns, setColumns] = useState<string[]>([]);
  useEffect(() => {
    setColumns([]);
    if (!assetId) return;
    let stale = false;
    dataAssetsApi
      .columns(projectId, assetId)
      .then((r) => !stale && setColumns(r.columns))
      .catch(() => !stale && setColumns([]));
    return () => {
      stale = true;
    };
  }, [projectId, assetId]);
  return columns;
}
