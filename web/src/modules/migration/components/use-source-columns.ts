import { App } from 'antd';
import { useEffect, useState } from 'react';
import { toApiError } from '../../../components/use-api';
import { migrationApi } from '../api';
import type { MigrationSource } from '../types';
import type { ObjectFormValues } from './object-form';

/** The columns of the source chosen in the editor (a data asset, cleansed or not, or an upload); empty without one. */
export function useSourceColumns(projectId: string, values: ObjectFormValues | undefined): string[] {
  const { message } = App.useApp();
  const [sourceColumns, setSourceColumns] = useState<string[]>([]);
  const sourceType = values?.sourceType;
  const uploadId = values?.uploadId;
  const assetId = values?.assetId;
  const cleansed = values?.cleansed;

  // Source columns follow the chosen source.
  useEffect(() => {
    let source: MigrationSource | null = null;
    if (sourceType === 'upload' && uploadId) source = { type: 'upload', uploadId };
    if (sourceType === 'asset' && assetId) source = { type: 'asset', assetId, cleansed: !!cleansed };
    if (!source) {
      setSourceColumns([]);
      return;
    }
    let stale = false;
    migrationApi
      .sourceColumns(projectId, source)
      .then((r) => !stale && setSourceColumns(r.columns))
      .catch((cause) => !stale && message.warning(toApiError(cause).message));
    return () => {
      stale = true;
    };
  }, [sourceType, uploadId, assetId, cleansed, projectId, message]);

  return sourceColumns;
}
