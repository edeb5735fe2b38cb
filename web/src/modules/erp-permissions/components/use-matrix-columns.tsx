import { Tooltip, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { moduleLabel } from '../../../components/labels';
import { actionText } from '../matrix-labels';
import type { DataScope, ErpFunction, PermissionMatrix } from '../types';
import { ScopeCell } from './scope-cell';
import type { MatrixRow } from './use-matrix-rows';

/**
 * Columns of the permission grid: module, menu and action fixed on the left (module and menu cells
 * spanning their rows), then one scope column per ERP role, its header red when in an open conflict.
 */
export function useMatrixColumns({
  roles,
  scopes,
  conflictCells,
  openRoles,
  canEdit,
  pendingCell,
  onSetGrant,
}: {
  roles: PermissionMatrix['roles'];
  scopes: Map<string, DataScope>;
  conflictCells: Map<string, 'open' | 'mitigated'>;
  openRoles: Set<string>;
  canEdit: boolean;
  pendingCell: string | null;
  onSetGrant: (roleId: string, functionId: string, scope: DataScope | null) => void;
}): TableColumnsType<MatrixRow> {
  const { t } = useTranslation();
  const labels = useMemo(
    () => ({
      none: t('permissionMatrix.scope.none'),
      scopes: {
        own: t('permissionMatrix.scope.own'),
        department: t('permissionMatrix.scope.department'),
        company: t('permissionMatrix.scope.company'),
      },
      conflict: t('permissionMatrix.cellConflict'),
      mitigated: t('permissionMatrix.cellMitigated'),
    }),
    [t],
  );

  return [
    {
      title: t('permissionMatrix.module'),
      dataIndex: 'module',
      fixed: 'left',
      width: 84,
      onCell: (row) => ({ rowSpan: row.moduleSpan }),
      render: (m: string) => <strong>{moduleLabel(t, m)}</strong>,
    },
    {
      title: t('permissionMatrix.menu'),
      dataIndex: 'menu',
      fixed: 'left',
      width: 120,
      onCell: (row) => ({ rowSpan: row.menuSpan }),
    },
    {
      title: t('permissionMatrix.actionColumn'),
      dataIndex: 'action',
      fixed: 'left',
      width: 70,
      render: (a: ErpFunction['action']) => actionText(t, a),
    },
    ...roles.map((role) => ({
      key: role.id,
      width: 96,
      align: 'center' as const,
      title: (
        <Tooltip title={[role.department, role.description].filter(Boolean).join(' · ') || undefined}>
          <span data-testid="pm-role-header" data-role={role.name} style={openRoles.has(role.id) ? { color: '#cf1322' } : undefined}>
            {role.name}
          </span>
        </Tooltip>
      ),
      render: (_: unknown, f: MatrixRow) => {
        const key = `${role.id}|${f.id}`;
        return (
          <ScopeCell
            roleId={role.id}
            roleName={role.name}
            fn={f}
            scope={scopes.get(key)}
            conflict={conflictCells.get(key)}
            disabled={!canEdit}
            pending={pendingCell === key}
            onChange={onSetGrant}
            labels={labels}
          />
        );
      },
    })),
  ];
}
