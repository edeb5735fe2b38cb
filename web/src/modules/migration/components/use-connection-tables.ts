import { App } from 'antd';
import { useEffect, useState } from 'react';
import { toApiError } from '../../../components/use-api';
import { migrationApi } from '../api';
import type { ObjectFormValues } from './object-form';

/** The tables of the target connection chosen in the editor; empty for any other target. */
export function useConnectionTables(projectId: string, values: ObjectFormValues | undefined): string[] {
  const { message } = App.useApp();
  const [tables, setTables] = useState<string[]>([]);
  const targetType = values?.targetType;
  const connectionId = values?.connectionId;

  // Tables of the chosen connection.
  useEffect(() => {
    if (targetType !== 'connection' || !connectionId) {
      setTables([]);
      return;
    }
    let stale = false;
    migrationApi
      .tables(projectId, connectionId)
      .then((r) => !stale && setTables(r.tables))
      .catch((cause) => !stale && message.warning(toApiError(cause).message));
    return () => {
      stale = true;
    };
  }, [targetType, connectionId, projectId, message]);

  return tables;
}
