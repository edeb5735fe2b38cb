import { Card, Col, Row, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoiItem } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { RoiCashFlowCard } from './roi-cash-flow-card';
import { RoiFigures } from './roi-figures';
import { RoiFormulasCard } from './roi-formulas-card';
import { RoiItemForm } from './roi-item-form';
import { RoiSettingsCard } from './roi-settings-card';
import { useRoi } from './use-roi';
import { useRoiItemColumns } from './use-roi-item-columns';

/** ROI of the rollout: settings, cost/benefit items, and the server-computed payback, ROI % and NPV. */
export function RoiTab({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const { roi, settingsForm, itemForm, settingsError, itemError, busy, saveSettings, addItem, removeItem } = useRoi(projectId);
  const data = roi.data;
  const currency = data?.settings.currency ?? 'CNY';
  const columns = useRoiItemColumns({ currency, canEdit, onRemove: removeItem });

  return (
    <div data-testid="roi-tab">
      <ErrorAlert error={roi.error} onRetry={() => void roi.reload()} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <RoiSettingsCard form={settingsForm} canEdit={canEdit} busy={busy === 'settings'} error={settingsError} onFinish={saveSettings} />
          <RoiFormulasCard />
        </Col>
        <Col xs={24} lg={14}>
          <RoiFigures data={data} currency={currency} />
          <RoiCashFlowCard data={data} />
        </Col>
      </Row>

      <Card size="small" title={t('roi.items')} style={{ marginTop: 16 }}>
        {canEdit && <RoiItemForm form={itemForm} currency={currency} busy={busy === 'item'} error={itemError} onFinish={addItem} />}
        <Table<RoiItem>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data?.items ?? []}
          loading={roi.loading}
          data-testid="roi-items"
          locale={{ emptyText: t('roi.noItems') }}
          columns={columns}
        />
      </Card>
    </div>
  );
}
