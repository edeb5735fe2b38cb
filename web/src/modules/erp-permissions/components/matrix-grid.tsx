import { Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataScope, PermissionMatrix } from '../types';
import { MatrixToolbar } from './matrix-toolbar';
import { useMatrixColumns } from './use-matrix-columns';
import { useMatrixRows, type MatrixRow } from './use-matrix-rows';

/** The permission matrix: functions (grouped by module → menu) × ERP roles; each cell a data scope. */
export function MatrixGrid({
  matrix,
  canEdit,
  pendingCell,
  onSetGrant,
}: {
  matrix: PermissionMatrix;
  canEdit: boolean;
  pendingCell: string | null;
  onSetGrant: (roleId: string, functionId: string, scope: DataScope | null) => void;
}) {
  const { t } = useTranslation();
  const [moduleFilter, setModuleFilter] = useState<string | undefined>();
  const [onlyConflicts, setOnlyConflicts] = useState(false);
  const { scopes, conflictCells, modules, rows, openRoles } = useMatrixRows(matrix, moduleFilter, onlyConflicts);
  const columns = useMatrixColumns({ roles: matrix.roles, scopes, conflictCells, openRoles, canEdit, pendingCell, onSetGrant });

  return (
    <div data-testid="pm-grid">
      <MatrixToolbar
        modules={modules}
        moduleFilter={moduleFilter}
        onModuleFilter={setModuleFilter}
        onlyConflicts={onlyConflicts}
        onOnlyConflicts={setOnlyConflicts}
      />
      {matrix.roles.length === 0 ? (
        <Typography.Paragraph type="secondary" data-testid="pm-no-roles">
          {t('permissionMatrix.noRoles')}
        </Typography.Paragraph>
      ) : null}
      <Table<MatrixRow>
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 'max-content', y: 640 }}
        locale={{ emptyText: t('permissionMatrix.noFunctions') }}
      />
    </div>
  );
}
