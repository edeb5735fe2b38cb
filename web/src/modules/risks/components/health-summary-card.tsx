import { Card, Spin, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/error-alert';
import { useApi } from '../../../components/use-api';
import { SIGNAL_HEX } from '../risk-model';
import { risksApi } from '../api';
import { SignalTag } from './signal-tag';

/** The overview's 项目健康度 card: score, level and number of alerts, linking to 风险预警. Mount only for callers who may read `risk`. */
export function HealthSummaryCard({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const health = useApi(() => risksApi.health(projectId), [projectId, i18n.language]);
  const h = health.data;
  return (
    <Card data-testid="overview-health" style={{ height: '100%' }}>
      <ErrorAlert error={health.error} onRetry={() => void health.reload()} testId="overview-health-error" />
      {!h && !health.error && <Spin />}
      {h && (
        <>
          <Statistic
            data-testid="stat-health"
            title={t('risks.overview.title')}
            value={h.score === null ? '—' : Math.round(h.score)}
            valueStyle={{ color: SIGNAL_HEX[h.level] }}
            suffix={<SignalTag level={h.level} testId="stat-health-level" />}
          />
          <div>
            <Typography.Text type={h.alerts.length ? 'danger' : 'secondary'} data-testid="stat-health-alerts" data-count={h.alerts.length}>
              {t('risks.overview.alerts', { count: h.alerts.length })}
            </Typography.Text>
          </div>
          <Link to={`/projects/${projectId}/risks`} data-testid="overview-health-link">
            {t('risks.overview.open')}
          </Link>
        </>
      )}
    </Card>
  );
}
