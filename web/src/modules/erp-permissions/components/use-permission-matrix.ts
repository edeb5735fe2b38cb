import { App } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { permissionMatrixApi } from '../api';
import type {
  DataScope,
  ErpFunctionInput,
  ErpFunctionUpdate,
  ErpRole,
  ErpRoleInput,
  MitigationInput,
  PermissionMatrix,
  SodRuleInput,
  SodRuleUpdate,
} from '../types';

/**
 * The permission matrix and every write to it. Most writes answer the whole matrix, which replaces
 * the one shown; a failed write shows its error, except those whose form shows it (re-thrown).
 */
export function usePermissionMatrix() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project } = useProject();
  const matrix = useApi(() => permissionMatrixApi.get(project.id), [project.id]);
  const [pendingCell, setPendingCell] = useState<string | null>(null);
  const [busy, setBusy] = useState<'import' | 'export' | null>(null);
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

  // Stable, so the memoised matrix cells do not re-render on every change.
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

  const conflicts = {
    removeGrant: (roleId: string, functionId: string) => apply(() => permissionMatrixApi.setGrant(project.id, roleId, functionId, null)),
    mitigate: (input: MitigationInput) => apply(() => permissionMatrixApi.recordMitigation(project.id, input), true),
    withdraw: (id: string) => apply(() => permissionMatrixApi.deleteMitigation(project.id, id)),
  };

  // The rule writes answer the rule, not the matrix: the matrix is fetched again.
  const rules = {
    create: async (input: SodRuleInput) => {
      await permissionMatrixApi.createRule(project.id, input);
      await matrix.reload();
    },
    update: async (ruleId: string, input: SodRuleUpdate) => {
      try {
        await permissionMatrixApi.updateRule(project.id, ruleId, input);
        await matrix.reload();
      } catch (cause) {
        // The rule form shows its own errors; the enable switch has no form.
        if (input.enabled === undefined) throw cause;
        message.error(toApiError(cause).message);
      }
    },
    remove: async (ruleId: string) => {
      try {
        await permissionMatrixApi.deleteRule(project.id, ruleId);
        await matrix.reload();
      } catch (cause) {
        message.error(toApiError(cause).message);
      }
    },
  };

  const roles = {
    save: (role: ErpRole | null, input: ErpRoleInput) =>
      apply(
        () => (role ? permissionMatrixApi.updateRole(project.id, role.id, input) : permissionMatrixApi.createRole(project.id, input)),
        true,
      ),
    remove: (roleId: string) => apply(() => permissionMatrixApi.deleteRole(project.id, roleId)),
    setMembers: (roleId: string, ids: string[]) => apply(() => permissionMatrixApi.setRoleMembers(project.id, roleId, ids)),
  };

  const functions = {
    create: (input: ErpFunctionInput) => apply(() => permissionMatrixApi.createFunction(project.id, input), true),
    update: (id: string, input: ErpFunctionUpdate) => apply(() => permissionMatrixApi.updateFunction(project.id, id, input)),
    remove: (id: string) => apply(() => permissionMatrixApi.deleteFunction(project.id, id)),
  };

  return { matrix, pendingCell, busy, setGrant, importRoles, exportXlsx, conflicts, rules, roles, functions };
}
