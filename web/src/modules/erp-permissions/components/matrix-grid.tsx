import { Checkbox, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moduleLabel } from '../../../components/labels';
import { actionText, SCOPE_COLORS, scopeText } from '../matrix-labels';
import { DATA_SCOPES, type DataScope, type ErpFunction, type PermissionMatrix } from '../types';

interface Row extends ErpFunction {
  moduleSpan: number;
  menuSpan: number;
}

interface CellProps {
  roleId: string;
  roleName: string;
  fn: ErpFunction;
  scope: DataScope | undefined;
  conflict: 'open' | 'mitigated' | undefined;
  disabled: boolean;
  pending: boolean;
  onChange: (roleId: string, functionId: string, scope: DataScope | null) => void;
  labels: { none: string; scopes: Record<DataScope, string>; conflict: string; mitigated: string };
}

/** One matrix cell: a native select (fast for ~700 cells) coloured by scope, outlined red on an open conflict. */
const ScopeCell = memo(function ScopeCell({ roleId, roleName, fn, scope, conflict, disabled, pending, onChange, labels }: CellProps) {
  const colors = scope ? SCOPE_COLORS[scope] : { background: '#fff', border: '#d9d9d9' };
  const outline = conflict === 'open' ? '#ff4d4f' : conflict === 'mitigated' ? '#faad14' : colors.border;
  const select = (
    <select
      data-testid="pm-cell"
      data-role={roleName}
      data-menu={fn.menu}
      data-action={fn.action}
      data-scope={scope ?? ''}
      data-conflict={conflict ?? ''}
      aria-label={`${roleName} ${fn.menu} ${fn.action}`}
      value={scope ?? ''}
      disabled={disabled || pending}
      onChange={(e) => onChange(roleId, fn.id, e.target.value === '' ? null : (e.target.value as DataScope))}
      style={{
        width: '100%',
        minWidth: 76,
        padding: '2px 4px',
        borderRadius: 4,
        border: `${conflict === 'open' ? 2 : 1}px solid ${outline}`,
        background: conflict === 'open' ? '#fff1f0' : colors.background,
        color: scope ? 'rgba(0,0,0,0.88)' : '#bfbfbf',
        cursor: disabled ? 'default' : 'pointer',
        opacity: pending ? 0.5 : 1,
      }}
    >
      <option value="">{labels.none}</option>
      {DATA_SCOPES.map((s) => (
        <option key={s} value={s}>
          {labels.scopes[s]}
        </option>
      ))}
    </select>
  );
  if (!conflict) return select;
  return <Tooltip title={conflict === 'open' ? labels.conflict : labels.mitigated}>{select}</Tooltip>;
});

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

  const scopes = useMemo(() => new Map(matrix.grants.map((g) => [`${g.roleId}|${g.functionId}`, g.scope])), [matrix.grants]);
  const conflictCells = useMemo(() => {
    const map = new Map<string, 'open' | 'mitigated'>();
    for (const c of matrix.conflicts.items) {
      for (const g of [...c.sideA, ...c.sideB]) {
        const key = `${g.roleId}|${g.functionId}`;
        if (c.status === 'open' || !map.has(key)) map.set(key, c.status);
      }
    }
    return map;
  }, [matrix.conflicts.items]);

  const modules = useMemo(() => [...new Set(matrix.functions.map((f) => f.module))], [matrix.functions]);

  const rows = useMemo<Row[]>(() => {
    const conflictFunctions = new Set([...conflictCells.keys()].map((k) => k.split('|')[1]));
    const visible = matrix.functions.filter(
      (f) => (!moduleFilter || f.module === moduleFilter) && (!onlyConflicts || conflictFunctions.has(f.id)),
    );
    const ordered = modules.flatMap((module) => {
      const inModule = visible.filter((f) => f.module === module);
      const menus = [...new Set(inModule.map((f) => f.menu))];
      return menus.flatMap((menu) => inModule.filter((f) => f.menu === menu));
    });
    return ordered.map((f, i) => {
      const firstOfModule = i === 0 || ordered[i - 1].module !== f.module;
      const firstOfMenu = firstOfModule || ordered[i - 1].menu !== f.menu;
      const span = (same: (x: ErpFunction) => boolean) => {
        let n = 0;
        while (i + n < ordered.length && same(ordered[i + n])) n++;
        return n;
      };
      return {
        ...f,
        moduleSpan: firstOfModule ? span((x) => x.module === f.module) : 0,
        menuSpan: firstOfMenu ? span((x) => x.module === f.module && x.menu === f.menu) : 0,
      };
    });
  }, [matrix.functions, modules, moduleFilter, onlyConflicts, conflictCells]);

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

  const openRoles = useMemo(
    () => new Set(matrix.conflicts.items.filter((c) => c.status === 'open').flatMap((c) => c.roleIds)),
    [matrix.conflicts.items],
  );

  const columns: TableColumnsType<Row> = [
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
    ...matrix.roles.map((role) => ({
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
      render: (_: unknown, f: Row) => {
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

  return (
    <div data-testid="pm-grid">
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('permissionMatrix.allModules')}
          value={moduleFilter}
          onChange={setModuleFilter}
          options={modules.map((m) => ({ value: m, label: moduleLabel(t, m) }))}
          data-testid="pm-module-filter"
        />
        <Checkbox checked={onlyConflicts} onChange={(e) => setOnlyConflicts(e.target.checked)} data-testid="pm-only-conflicts">
          {t('permissionMatrix.onlyConflicts')}
        </Checkbox>
        {DATA_SCOPES.map((s) => (
          <span
            key={s}
            style={{
              padding: '1px 8px',
              borderRadius: 4,
              background: SCOPE_COLORS[s].background,
              border: `1px solid ${SCOPE_COLORS[s].border}`,
            }}
          >
            {scopeText(t, s)}
          </span>
        ))}
        <span style={{ padding: '1px 8px', borderRadius: 4, background: '#fff1f0', border: '2px solid #ff4d4f' }}>
          {t('permissionMatrix.legendConflict')}
        </span>
      </Space>
      {matrix.roles.length === 0 ? (
        <Typography.Paragraph type="secondary" data-testid="pm-no-roles">
          {t('permissionMatrix.noRoles')}
        </Typography.Paragraph>
      ) : null}
      <Table<Row>
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
