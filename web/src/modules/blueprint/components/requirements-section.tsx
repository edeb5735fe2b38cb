import { Alert, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useProject } from '../../../components/project';
import type { ApiState } from '../../../components/use-api';
import type { Requirement, RequirementList } from '../types';
import { ApprovalModal } from './approval-modal';
import { CustomisationMeterCard } from './customisation-meter-card';
import { ImportErrorsModal } from './import-errors-modal';
import { PrototypesDrawer } from './prototypes-drawer';
import { RequirementFormModal } from './requirement-form-modal';
import { RequirementsToolbar } from './requirements-toolbar';
import { useRequirementApproval } from './use-requirement-approval';
import { useRequirementColumns } from './use-requirement-columns';
import { useRequirements } from './use-requirements';

export { ApprovalTag } from './approval-tag';

/** 需求清单（Fit-Gap）: the requirement list with the method's rule, approvals, prototypes, meter, Excel. */
export function RequirementsSection(props: { state: ApiState<RequirementList> }) {
  const { t } = useTranslation();
  const { project, can } = useProject();
  const { state } = props;
  const list = useRequirements(state);
  const approval = useRequirementApproval(list.reload);
  const columns = useRequirementColumns({
    onDecide: approval.open,
    onPrototypes: list.setProtoFor,
    onEdit: list.openForm,
    onDelete: list.remove,
  });

  return (
    <div data-testid="requirements-section">
      <RequirementsToolbar list={list} />
      <ErrorAlert error={state.error} onRetry={list.reload} />
      {state.data && state.data.blockers.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="signoff-blockers"
          style={{ marginBottom: 12 }}
          message={t('blueprint.req.blockersTitle', { count: state.data.blockers.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {state.data.blockers.map((b) => (
                <li key={b.id}>{b.message}</li>
              ))}
            </ul>
          }
        />
      )}
      {state.data && (
        <CustomisationMeterCard projectId={project.id} meter={state.data.meter} canEdit={can('blueprint:update')} onChanged={list.reload} />
      )}
      <Table<Requirement>
        rowKey="id"
        size="middle"
        data-testid="requirement-table"
        loading={state.loading}
        dataSource={list.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { count: n }) }}
        locale={{ emptyText: t('blueprint.req.empty') }}
        scroll={{ x: 1300 }}
        onRow={(r) => ({ 'data-testid': `requirement-row-${r.code}`, 'data-title': r.title }) as React.HTMLAttributes<HTMLTableRowElement>}
        columns={columns}
      />
      <RequirementFormModal
        projectId={project.id}
        requirement={list.editing}
        open={list.formOpen}
        modulesInScope={project.modulesInScope}
        onClose={list.closeForm}
        onSaved={list.saved}
      />
      <ApprovalModal approval={approval} />
      <ImportErrorsModal error={list.importError} onClose={list.closeImportError} />
      <PrototypesDrawer
        projectId={project.id}
        requirement={list.protoFor}
        canEdit={can('requirement:update')}
        onClose={() => list.setProtoFor(null)}
        onChanged={list.reload}
      />
    </div>
  );
}
