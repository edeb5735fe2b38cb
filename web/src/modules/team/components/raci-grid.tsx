import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { DeliverableForm } from './deliverable-form';
import { RaciIssuesAlert } from './raci-issues-alert';
import { RaciLegend } from './raci-legend';
import { useRaci, type RaciRow } from './use-raci';
import { useRaciColumns } from './use-raci-columns';

/** RACI: deliverables (by phase) × members; every deliverable needs exactly one A. */
export function RaciGrid({
  projectId,
  canEdit,
  canManageDeliverables,
}: {
  projectId: string;
  canEdit: boolean;
  canManageDeliverables: boolean;
}) {
  const { t } = useTranslation();
  const { raci, error, clearError, pending, form, adding, letters, rows, issuesByDeliverable, setCell, addDeliverable, removeDeliverable } =
    useRaci(projectId);
  const m = raci.data;
  const columns = useRaciColumns({
    members: m?.members ?? [],
    letters,
    issuesByDeliverable,
    pending,
    canEdit,
    canManageDeliverables,
    onSetCell: setCell,
    onRemoveDeliverable: removeDeliverable,
  });

  return (
    <div data-testid="raci">
      <Typography.Paragraph type="secondary">{t('raci.intro')}</Typography.Paragraph>
      <ErrorAlert error={raci.error} onRetry={() => void raci.reload()} />
      {error && (
        <Alert type="error" showIcon closable onClose={clearError} message={error} style={{ marginBottom: 12 }} data-testid="raci-error" />
      )}
      {m && m.issues.length > 0 && <RaciIssuesAlert issues={m.issues} />}
      {canManageDeliverables && <DeliverableForm form={form} adding={adding} onFinish={addDeliverable} />}
      <RaciLegend />
      <Table<RaciRow>
        rowKey="id"
        size="small"
        bordered
        data-testid="raci-grid"
        loading={raci.loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('raci.empty') }}
        onRow={(d) => ({ 'data-testid': `raci-row-${d.id}`, 'data-name': d.name }) as React.HTMLAttributes<HTMLTableRowElement>}
        columns={columns}
      />
    </div>
  );
}
