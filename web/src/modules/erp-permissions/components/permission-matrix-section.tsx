import { Badge, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSpinner } from '../../../components/page-spinner';
import { useProject } from '../../../components/project';
import type { ErpRole } from '../types';
import { ConflictsPanel } from './conflicts-panel';
import { FunctionsPanel } from './functions-panel';
import { MatrixGrid } from './matrix-grid';
import { PermissionMatrixHeader } from './permission-matrix-header';
import { RoleFormModal, RolesPanel } from './roles-panel';
import { RuleLibrary } from './rule-library';
import { usePermissionMatrix } from './use-permission-matrix';

/**
 * 蓝图 → 权限矩阵: ERP roles × functions with data scope, the SoD conflicts (explained, resolvable by
 * removing a grant or recording an exception), the rule library, roles and the function catalogue.
 */
export default function PermissionMatrixSection() {
  const { t } = useTranslation();
  const { can } = useProject();
  const { matrix, pendingCell, busy, setGrant, importRoles, exportXlsx, conflicts, rules, roles, functions } = usePermissionMatrix();
  const [tab, setTab] = useState('matrix');
  const [roleModal, setRoleModal] = useState<{ open: boolean; role: ErpRole | null }>({ open: false, role: null });
  const canCreate = can('blueprint:create');
  const canUpdate = can('blueprint:update');
  const canDelete = can('blueprint:delete');

  if (!matrix.data) {
    return matrix.error ? <ErrorAlert error={matrix.error} onRetry={() => void matrix.reload()} /> : <PageSpinner />;
  }
  const m = matrix.data;

  return (
    <div data-testid="permission-matrix-section">
      <PermissionMatrixHeader
        matrix={m}
        busy={busy}
        onAddRole={() => setRoleModal({ open: true, role: null })}
        onImportRoles={() => void importRoles()}
        onExport={() => void exportXlsx()}
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'matrix',
            label: (
              <span data-testid="tab-pm-matrix">
                {t('permissionMatrix.tabMatrix')} <Badge count={m.conflicts.open} size="small" data-testid="pm-conflict-badge" />
              </span>
            ),
            children: (
              <>
                <Card size="small" style={{ marginBottom: 12 }}>
                  <ConflictsPanel
                    conflicts={m.conflicts.items}
                    canEdit={canUpdate}
                    onRemoveGrant={conflicts.removeGrant}
                    onMitigate={conflicts.mitigate}
                    onWithdraw={conflicts.withdraw}
                  />
                </Card>
                <MatrixGrid matrix={m} canEdit={canUpdate} pendingCell={pendingCell} onSetGrant={setGrant} />
              </>
            ),
          },
          {
            key: 'rules',
            label: <span data-testid="tab-pm-rules">{t('permissionMatrix.tabRules')}</span>,
            children: (
              <RuleLibrary
                rules={m.rules}
                functions={m.functions}
                canCreate={canCreate}
                canEdit={canUpdate}
                canDelete={canDelete}
                onCreate={rules.create}
                onUpdate={rules.update}
                onDelete={rules.remove}
              />
            ),
          },
          {
            key: 'roles',
            label: <span data-testid="tab-pm-roles">{t('permissionMatrix.tabRoles')}</span>,
            children: (
              <RolesPanel
                matrix={m}
                canEdit={canUpdate}
                canDelete={canDelete}
                onEdit={(role) => setRoleModal({ open: true, role })}
                onDelete={roles.remove}
                onSetMembers={roles.setMembers}
              />
            ),
          },
          {
            key: 'functions',
            label: <span data-testid="tab-pm-functions">{t('permissionMatrix.tabFunctions')}</span>,
            children: (
              <FunctionsPanel
                functions={m.functions}
                canCreate={canCreate}
                canEdit={canUpdate}
                canDelete={canDelete}
                onCreate={functions.create}
                onUpdate={functions.update}
                onDelete={functions.remove}
              />
            ),
          },
        ]}
      />
      <RoleFormModal
        open={roleModal.open}
        role={roleModal.role}
        onClose={() => setRoleModal({ open: false, role: null })}
        onSave={(input) => roles.save(roleModal.role, input)}
      />
    </div>
  );
}
