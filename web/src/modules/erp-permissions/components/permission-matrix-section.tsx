import { DownloadOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Space, Tabs, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSpinner } from '../../../components/page-spinner';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { ConflictsPanel } from './conflicts-panel';
import { FunctionsPanel } from './functions-panel';
import { MatrixGrid } from './matrix-grid';
import { permissionMatrixApi } from '../api';
import { RoleFormModal, RolesPanel } from './roles-panel';
import { RuleLibrary } from './rule-library';
import type { DataScope, ErpRole, PermissionMatrix } from '../types';

/**
 * 蓝图 → 权限矩阵: ERP roles × functions with data scope, the SoD conflicts (explained, resolvable by
 * removing a grant or recording an exception), the rule library, roles and the function catalogue.
 */
export default function PermissionMatrixSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, can } = useProject();
  const matrix = useApi(() => permissionMatrixApi.get(project.id), [project.id]);
  const [tab, setTab] = useState('matrix');
  const [pendingCell, setPendingCell] = useState<string | null>(null);
  const [roleModal, setRoleModal] = useState<{ open: boolean; role: ErpRole | null }>({ open: false, role: null });
  const [busy, setBusy] = useState<'import' | 'export' | null>(null);
  const canCreate = can('blueprint:create');
  const canUpdate = can('blueprint:update');
  const canDelete = can('blueprint:delete');
  const canExport = can('blueprint:export');
  const { setData } = matrix;

  /** Runs a write that answers the whole matrix; errors are shown and re-thrown to forms when asked. */
  const apply = useCallback(
    async (write: () => Promise<PermissionMatrix>, rethrow = false) => {
      try {
        setData(await write());
      } catch (cause) {
        if (rethrow) throw cause;
        message.error(toApiError(cause).message);
      }
    },
    [setData, message],
  );

  const setGrant = useCallback(
    (roleId: string, functionId: string, scope: DataScope | null) => {
      const key = `${roleId}|${functionId}`;
      setPendingCell(key);
      void apply(() => permissionMatrixApi.setGrant(project.id, roleId, functionId, scope)).finally(() => setPendingCell(null));
    },
    [apply, project.id],
  );

  const importRoles = async () => {
    setBusy('import');
    try {
      const result = await permissionMatrixApi.importRoles(project.id);
      setData(result.matrix);
      message.success(t('permissionMatrix.imported', { count: result.created }));
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setBusy(null);
    }
  };

  const exportXlsx = async () => {
    setBusy('export');
    try {
      await permissionMatrixApi.exportXlsx(project.id);
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setBusy(null);
    }
  };

  if (!matrix.data) {
    return matrix.error ? <ErrorAlert error={matrix.error} onRetry={() => void matrix.reload()} /> : <PageSpinner />;
  }
  const m = matrix.data;

  return (
    <div data-testid="permission-matrix-section">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('permissionMatrix.title')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('permissionMatrix.summary', { roles: m.roles.length, functions: m.functions.length, grants: m.grants.length })}
          </Typography.Text>
        </Space>
        <Space wrap>
          {canCreate && (
            <Button icon={<PlusOutlined />} onClick={() => setRoleModal({ open: true, role: null })} data-testid="erp-role-add">
              {t('permissionMatrix.addRole')}
            </Button>
          )}
          {canCreate && (
            <Button icon={<ImportOutlined />} loading={busy === 'import'} onClick={() => void importRoles()} data-testid="erp-role-import">
              {t('permissionMatrix.importFromAssessment')}
            </Button>
          )}
          {canExport && (
            <Button icon={<DownloadOutlined />} loading={busy === 'export'} onClick={() => void exportXlsx()} data-testid="pm-export">
              {t('permissionMatrix.exportExcel')}
            </Button>
          )}
        </Space>
      </Space>
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
                    onRemoveGrant={(roleId, functionId) => apply(() => permissionMatrixApi.setGrant(project.id, roleId, functionId, null))}
                    onMitigate={(input) => apply(() => permissionMatrixApi.recordMitigation(project.id, input), true)}
                    onWithdraw={(id) => apply(() => permissionMatrixApi.deleteMitigation(project.id, id))}
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
                onCreate={async (input) => {
                  await permissionMatrixApi.createRule(project.id, input);
                  await matrix.reload();
                }}
                onUpdate={async (ruleId, input) => {
                  try {
                    await permissionMatrixApi.updateRule(project.id, ruleId, input);
                    await matrix.reload();
                  } catch (cause) {
                    if (input.enabled === undefined) throw cause;
                    message.error(toApiError(cause).message);
                  }
                }}
                onDelete={async (ruleId) => {
                  try {
                    await permissionMatrixApi.deleteRule(project.id, ruleId);
                    await matrix.reload();
                  } catch (cause) {
                    message.error(toApiError(cause).message);
                  }
                }}
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
                onDelete={(roleId) => apply(() => permissionMatrixApi.deleteRole(project.id, roleId))}
                onSetMembers={(roleId, ids) => apply(() => permissionMatrixApi.setRoleMembers(project.id, roleId, ids))}
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
                onCreate={(input) => apply(() => permissionMatrixApi.createFunction(project.id, input), true)}
                onUpdate={(id, input) => apply(() => permissionMatrixApi.updateFunction(project.id, id, input))}
                onDelete={(id) => apply(() => permissionMatrixApi.deleteFunction(project.id, id))}
              />
            ),
          },
        ]}
      />
      <RoleFormModal
        open={roleModal.open}
        role={roleModal.role}
        onClose={() => setRoleModal({ open: false, role: null })}
        onSave={(input) =>
          apply(
            () =>
              roleModal.role
                ? permissionMatrixApi.updateRole(project.id, roleModal.role.id, input)
                : permissionMatrixApi.createRole(project.id, input),
            true,
          )
        }
      />
    </div>
  );
}
