import { App } from 'antd';
import { useEffect, useState } from 'react';
import { toApiError } from '../../../components/use-api';
import { migrationApi } from '../api';
import type { MigrationObject } from '../types';
import { rowsFor, toEntries, type MappingRow, type TargetColumn } from './mapping-rows';
import { splitColumns, type ObjectFormValues } from './object-form';

/**
 * The editor's field mapping: a row per target column, reset to the object's mapping when the drawer
 * opens, and rebuilt (keeping what was mapped) when the target's columns change — the table's schema,
 * or the file template's header.
 */
export function useMappingRows(projectId: string, open: boolean, object: MigrationObject | null, values: ObjectFormValues | undefined) {
  const { message } = App.useApp();
  const [mapping, setMapping] = useState<MappingRow[]>([]);
  const [targetColumns, setTargetColumns] = useState<TargetColumn[]>([]);
  const targetType = values?.targetType;
  const connectionId = values?.connectionId;
  const table = values?.table;
  const fileColumns = values?.fileColumns;

  useEffect(() => {
    if (!open) return;
    setMapping(rowsFor([], object?.mapping ?? []));
  }, [open, object]);

  // Target columns: the table's schema, or the template's header.
  useEffect(() => {
    let stale = false;
    const apply = (columns: TargetColumn[]) => {
      if (stale) return;
      setTargetColumns(columns);
      setMapping((rows) => rowsFor(columns, toEntries(rows)));
    };
    if (targetType === 'connection' && connectionId && table) {
      migrationApi
        .columns(projectId, connectionId, table)
        .then((r) =>
          apply(
            r.columns.map((c) => ({
              name: c.name,
              required: c.primaryKey || (c.notNull && !c.hasDefault),
              hint: `${c.type}${c.primaryKey ? ' · PK' : ''}${c.notNull ? ' · NOT NULL' : ''}`,
            })),
          ),
        )
        .catch((cause) => !stale && message.warning(toApiError(cause).message));
    } else if (targetType === 'file') {
      apply(splitColumns(fileColumns ?? '').map((name) => ({ name, required: false, hint: '' })));
    }
    return () => {
      stale = true;
    };
  }, [targetType, connectionId, table, fileColumns, projectId, message]);

  const updateRow = (target: string, patch: Partial<MappingRow>) =>
    setMapping((rows) => rows.map((r) => (r.target === target ? { ...r, ...patch } : r)));

  return { mapping, targetColumns, updateRow };
}
