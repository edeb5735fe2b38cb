import { Card, Drawer, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Goal, Measurement } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { GoalSummary } from './goal-summary';
import { KpiChartCard } from './kpi-chart-card';
import { MeasurementForm } from './measurement-form';
import { useGoalMeasurements } from './use-goal-measurements';
import { useMeasurementColumns } from './use-measurement-columns';

/** One goal in detail: its summary, the KPI chart, and the measurements, recorded and deleted here. */
export function GoalDrawer(props: {
  projectId: string;
  goal: Goal | null;
  canRecord: boolean;
  canDelete: boolean;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { goal } = props;
  const { form, busy, error, measurements, items, add, remove } = useGoalMeasurements(props.projectId, goal, props.onChanged);
  const unit = goal?.kpiUnit ?? '';
  const columns = useMeasurementColumns({ unit, canDelete: props.canDelete, onDelete: remove });
  return (
    <Drawer open={!!goal} onClose={props.onClose} width={760} title={goal?.statement} destroyOnHidden data-testid="goal-drawer">
      {goal && (
        <>
          <GoalSummary goal={goal} />
          <KpiChartCard goal={goal} items={items} />
          <Card size="small" title={t('goals.measurements')}>
            {props.canRecord && <MeasurementForm form={form} unit={unit} busy={busy} error={error} onFinish={add} />}
            <ErrorAlert error={measurements.error} onRetry={() => void measurements.reload()} />
            <Table<Measurement>
              size="small"
              rowKey="id"
              data-testid="measurement-table"
              loading={measurements.loading}
              dataSource={[...items].sort((a, b) => b.measuredOn.localeCompare(a.measuredOn))}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: t('goals.noMeasurements') }}
              columns={columns}
            />
          </Card>
        </>
      )}
    </Drawer>
  );
}
