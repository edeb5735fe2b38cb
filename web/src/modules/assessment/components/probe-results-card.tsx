import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import type { ApiState } from '../../../components/use-api';
import type { ProbeResult } from '../types';
import { useProbeColumns } from './use-probe-columns';

/** The browser probe results users submitted from the probe page. */
export function ProbeResultsCard({ probes, onDelete }: { probes: ApiState<ProbeResult[]>; onDelete(probe: ProbeResult): Promise<void> }) {
  const { t } = useTranslation();
  const columns = useProbeColumns(onDelete);
  return (
    <Card size="small" title={t('assessment.env.probes')}>
      <Typography.Paragraph type="secondary">{t('assessment.env.probesIntro')}</Typography.Paragraph>
      <ErrorAlert error={probes.error} onRetry={() => void probes.reload()} />
      <Table<ProbeResult>
        size="small"
        rowKey="id"
        loading={probes.loading}
        dataSource={probes.data ?? []}
        data-testid="probe-results"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={columns}
      />
    </Card>
  );
}
